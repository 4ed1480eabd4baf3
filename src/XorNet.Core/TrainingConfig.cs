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
    /// <summary>A built-in generator (<see cref="DataGenerators.Names"/>); ignored when DataPath is set.</summary>
    public string Dataset { get; init; } = "xor";
    public double Noise { get; init; }
    /// <summary>A CSV of x1,x2,label rows (see <see cref="DatasetCsv"/>) instead of a generator.</summary>
    public string? DataPath { get; init; }
    /// <summary>Fraction of points held out (stratified, seeded) to measure test accuracy; 0 = none.</summary>
    public double TestSplit { get; init; }
    public bool Standardize { get; init; }
    /// <summary>A model file whose weights replace the random initialisation.</summary>
    public string? InitPath { get; init; }

    /// <summary>Returns a one-line message for the first invalid field, or null when the config is valid.</summary>
    public string? Validate()
    {
        if (Hidden < 1 || Hidden > 100_000) return $"--hidden {Hidden}: must be between 1 and 100000";
        if (!double.IsFinite(LearningRate) || LearningRate <= 0) return $"--lr {LearningRate}: must be a finite number > 0";
        if (Epochs < 1 || Epochs > 10_000_000) return $"--epochs {Epochs}: must be between 1 and 10000000";
        if (BatchSize < 1) return $"--batch-size {BatchSize}: must be ≥ 1";
        if (!double.IsFinite(L2) || L2 < 0) return $"--l2 {L2}: must be a finite number ≥ 0";
        if (Samples < 2 || Samples > 10_000_000) return $"--samples {Samples}: must be between 2 and 10000000";
        return ValidateData();
    }

    private string? ValidateData()
    {
        if (!DataGenerators.Names.Contains(Dataset)) return $"--dataset {Dataset}: unknown (choose {string.Join(", ", DataGenerators.Names)})";
        if (!double.IsFinite(Noise) || Noise < 0 || Noise > 10) return $"--noise {Noise}: must be a number between 0 and 10";
        if (!(TestSplit >= 0 && TestSplit < 1)) return $"--test-split {TestSplit}: must be ≥ 0 and < 1";
        return null;
    }
}
