namespace XorNet.Cli.Live;

/// <summary>
/// What <see cref="TrainJob.Run"/> tells a watcher of its training (the live view): start, every epoch, end.
/// </summary>
public interface IRunWatcher
{
    /// <summary>
    /// Training is about to start: the trainer (its network and diagnostics) and the points it trains on.
    /// </summary>
    void Started(Trainer trainer, Dataset train);

    /// <summary>
    /// After every epoch (epoch 0 first), on the training thread; the trainer waits until it returns.
    /// </summary>
    void Epoch(EpochMetrics metrics);

    /// <summary>Training has ended (result null when it failed); the outputs are written after this.</summary>
    void Finished(TrainingResult? result);
}
