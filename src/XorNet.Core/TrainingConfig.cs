namespace XorNet;

/// <summary>Everything that determines a training run. The same config gives the same numbers, bit for bit.</summary>
public sealed record TrainingConfig
{
    public int Hidden { get; init; } = 3;
    public double LearningRate { get; init; } = 1.0;
    public int Epochs { get; init; } = 100;
    /// <summary>Minibatch size; the seed notes measured that ~10 learns XOR and a full batch does not.</summary>
    public int BatchSize { get; init; } = 10;
    public double L2 { get; init; } = 1e-4;
    public long Seed { get; init; } = 1;
    public int Samples { get; init; } = 300;
    public bool UseBias { get; init; } = true;

    /// <summary>Returns a one-line message for the first invalid field, or null when the config is valid.</summary>
    public string? Validate()
    {
        if (Hidden < 1 || Hidden > 100_000) return $"--hidden {Hidden}: must be between 1 and 100000";
        if (!double.IsFinite(LearningRate) || LearningRate <= 0) return $"--lr {LearningRate}: must be a finite number > 0";
        if (Epochs < 1 || Epochs > 10_000_000) return $"--epochs {Epochs}: must be between 1 and 10000000";
        if (BatchSize < 1) return $"--batch-size {BatchSize}: must be ≥ 1";
        if (!double.IsFinite(L2) || L2 < 0) return $"--l2 {L2}: must be a finite number ≥ 0";
        if (Samples < 2 || Samples > 10_000_000) return $"--samples {Samples}: must be between 2 and 10000000";
        return null;
    }
}
