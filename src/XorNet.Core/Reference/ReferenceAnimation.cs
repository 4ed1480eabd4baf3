namespace XorNet;

/// <summary>A reference run with the weights of evenly spaced iterations kept for an animation.</summary>
public static class ReferenceAnimation
{
    /// <summary>
    /// Trains, taking snapshots at frames evenly spaced iterations (none when frames is null). A run that stopped at a
    /// blow-up is replayed up to it (the run is deterministic), so the frames spread over what happened instead of
    /// the iterations it never reached.
    /// </summary>
    public static (TrainingResult Result, ParameterSnapshots? Snapshots) Train(TrainingConfig config, int? frames,
        Action<EpochMetrics>? onEpoch = null, CancellationToken cancel = default)
    {
        int[] wanted = frames is int f ? ParameterSnapshots.EvenlySpacedEpochs(config.Epochs, f) : [];
        var trainer = new ReferenceTrainer(config) { AlsoKeep = wanted };
        var snapshots = frames is null ? null : new ParameterSnapshots(trainer.Network, wanted);
        TrainingResult result = trainer.Run(m =>
        {
            snapshots?.Observe(m);
            onEpoch?.Invoke(m);
        }, cancel);
        if (frames is not int count || result.Stop.Reason != StopReason.Diverged || result.Interrupted) return (result,
            snapshots);
        int stop = result.Stop.Epoch!.Value;
        wanted = ParameterSnapshots.EvenlySpacedEpochs(stop, count);
        var replay = new ReferenceTrainer(config with { Epochs = stop }) { AlsoKeep = wanted };
        snapshots = new ParameterSnapshots(replay.Network, wanted);
        replay.Run(snapshots.Observe, cancel);
        return (result, snapshots);
    }
}
