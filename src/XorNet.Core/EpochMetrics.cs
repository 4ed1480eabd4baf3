namespace XorNet;

/// <summary>The state after an epoch (epoch 0 = before training), measured on the whole training set.</summary>
public readonly record struct EpochMetrics(int Epoch, double Loss, double TrainAccuracy);
