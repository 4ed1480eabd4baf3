namespace XorNet;

/// <summary>
/// Keras' EarlyStopping(patience, restore_best_weights=True): remembers the weights of the epoch with the lowest
/// monitored loss, and says stop once that loss has not improved (strictly decreased) for `patience` epochs.
/// </summary>
internal sealed class EarlyStopping(int patience, Parameters shapes)
{
    private readonly Parameters _best = shapes.CloneShape();

    public int BestEpoch { get; private set; } = -1;
    public double BestLoss { get; private set; } = double.PositiveInfinity;

    /// <summary>Records the monitored loss after an epoch; returns true when training should stop.</summary>
    public bool Observe(int epoch, double monitoredLoss, Parameters current)
    {
        if (monitoredLoss < BestLoss) // NaN never improves
        {
            (BestEpoch, BestLoss) = (epoch, monitoredLoss);
            current.CopyTo(_best);
            return false;
        }
        return epoch - BestEpoch >= patience;
    }

    public void RestoreBest(Parameters destination) => _best.CopyTo(destination);
}
