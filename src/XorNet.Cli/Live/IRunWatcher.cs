namespace XorNet.Cli.Live;

/// <summary>
/// What <see cref="TrainJob.Run"/> tells a watcher of its training (the live view): start, every epoch, end.
/// </summary>
public interface IRunWatcher
{
    /// <summary>
    /// Training is about to start: the trainer (its network and diagnostics) and the points it trains on; plane, for
    /// a run on features, the (x1, x2) plane the view draws instead of the network's inputs.
    /// </summary>
    void Started(Trainer trainer, Dataset train, FeaturePlane? plane = null);

    /// <summary>
    /// After every epoch (epoch 0 first), on the training thread; the trainer waits until it returns.
    /// </summary>
    void Epoch(EpochMetrics metrics);

    /// <summary>Training has ended (result null when it failed); the outputs are written after this.</summary>
    void Finished(TrainingResult? result);
}

/// <summary>
/// A run on features as the live view draws it: the points in their (x1, x2) plane, the features the network reads
/// of each, and the network as the plane sees it (the standardization folded in, or the network itself).
/// </summary>
public sealed record FeaturePlane(Dataset Points, FeatureMap Features, Func<Network, Network> InPlane);
