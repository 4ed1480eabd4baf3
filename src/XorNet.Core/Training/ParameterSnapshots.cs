namespace XorNet;

/// <summary>
/// The network's parameters at chosen epochs, copied from inside the trainer's per-epoch callback
/// (<see cref="Trainer.Run"/>'s onEpoch): a read-only observer, so training gives the same numbers with or without it.
/// </summary>
public sealed class ParameterSnapshots
{
    private readonly Network _network;
    private readonly HashSet<int> _wanted;
    private readonly List<(EpochMetrics Metrics, Parameters Parameters)> _taken = [];

    public ParameterSnapshots(Network network, IEnumerable<int> epochs)
    {
        _network = network;
        _wanted = [.. epochs];
    }

    /// <summary>The snapshots taken so far, in epoch order.</summary>
    public IReadOnlyList<(EpochMetrics Metrics, Parameters Parameters)> Taken => _taken;

    /// <summary>Pass this as (or call it from) the trainer's onEpoch callback.</summary>
    public void Observe(EpochMetrics metrics)
    {
        if (!_wanted.Contains(metrics.Epoch)) return;
        _taken.Add((metrics, _network.P.Clone()));
    }

    /// <summary>
    /// min(frames, epochs + 1) distinct epochs spread evenly over 0..epochs, always including 0 and the last:
    /// epoch_i = round(i · epochs / (frames − 1)).
    /// </summary>
    public static int[] EvenlySpacedEpochs(int epochs, int frames)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(epochs, 0);
        ArgumentOutOfRangeException.ThrowIfLessThan(frames, 2);
        int count = Math.Min(frames, epochs + 1);
        if (count == 1) return [0];
        var result = new int[count];
        for (int i = 0; i < count; i++)
            result[i] = (int)Math.Round((double)i * epochs / (count - 1), MidpointRounding.AwayFromZero);
        return result;
    }
}
