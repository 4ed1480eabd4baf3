namespace XorNet;

/// <summary>The state after an epoch (epoch 0 = before training), measured on the whole training set.</summary>
public readonly record struct EpochMetrics(int Epoch, double Loss, double TrainAccuracy)
{
    /// <summary>The same loss on the held-out test points (null without a test split).</summary>
    public double? TestLoss { get; init; }
    public double? TestAccuracy { get; init; }
}
