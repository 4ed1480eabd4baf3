namespace XorNet;

/// <summary>Everything that determines a training run. The same config gives the same numbers, bit for bit.</summary>
public sealed record TrainingConfig
{
    /// <summary>The hidden layers' widths from input to output ("8x8x4"); an int is one layer, 0 none.</summary>
    public HiddenLayers Hidden { get; init; } = 3;
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

    // The debugging levers (issue 4). Defaults reproduce the article's network and plain SGD exactly.
    public ActivationKind Activation { get; init; } = ActivationKind.Sigmoid;
    public LossKind Loss { get; init; } = LossKind.Mse;
    public double L1 { get; init; }
    public OptimizerKind Optimizer { get; init; } = OptimizerKind.Sgd;
    public double Momentum { get; init; } = 0.9;
    public double Beta1 { get; init; } = 0.9;
    public double Beta2 { get; init; } = 0.999;
    public double AdamEpsilon { get; init; } = 1e-8;
    public ScheduleKind LrSchedule { get; init; } = ScheduleKind.Constant;
    /// <summary>Schedule parameters; null = the default of <see cref="LearningRateSchedule"/>.</summary>
    public int? LrStepSize { get; init; }
    public double? LrGamma { get; init; }
    public double? LrDecay { get; init; }
    public double? LrFinal { get; init; }
    /// <summary>Rescale all gradients so their joint norm is at most this (PyTorch's clip_grad_norm_); null = off.</summary>
    public double? ClipNorm { get; init; }
    /// <summary>Clamp every gradient entry into [−x, x] (clip_grad_value_); null = off.</summary>
    public double? ClipValue { get; init; }
    /// <summary>Stop after this many epochs without a better monitored loss, keeping the best weights; null = off.</summary>
    public int? EarlyStop { get; init; }
    /// <summary>Stop with status "diverged" when the loss blows up (see <see cref="DivergenceDetector"/>); off = train on through it.</summary>
    public bool StopOnDivergence { get; init; } = true;

    public Regularization Regularization => new(L2, L1);

    /// <summary>Returns a one-line message for the first invalid field, or null when the config is valid.</summary>
    public string? Validate()
    {
        if (Hidden.Validate() is { } hidden) return hidden;
        if (!double.IsFinite(LearningRate) || LearningRate <= 0) return $"--lr {LearningRate}: must be a finite number > 0";
        if (Epochs < 1 || Epochs > 10_000_000) return $"--epochs {Epochs}: must be between 1 and 10000000";
        if (BatchSize < 1) return $"--batch-size {BatchSize}: must be ≥ 1";
        if (!double.IsFinite(L2) || L2 < 0) return $"--l2 {L2}: must be a finite number ≥ 0";
        if (Samples < 2 || Samples > 10_000_000) return $"--samples {Samples}: must be between 2 and 10000000";
        if (Seed < 0) return $"--seed {Seed}: must be a whole number between 0 and {long.MaxValue}";
        return ValidateData() ?? ValidateLevers();
    }

    private string? ValidateData()
    {
        if (!DataGenerators.Names.Contains(Dataset)) return $"--dataset {Dataset}: unknown (choose {string.Join(", ", DataGenerators.Names)})";
        if (!double.IsFinite(Noise) || Noise < 0 || Noise > 10) return $"--noise {Noise}: must be a number between 0 and 10";
        if (!(TestSplit >= 0 && TestSplit < 1)) return $"--test-split {TestSplit}: must be ≥ 0 and < 1";
        return null;
    }

    private string? ValidateLevers()
    {
        if (!double.IsFinite(L1) || L1 < 0) return $"--l1 {L1}: must be a finite number ≥ 0";
        if (!(Momentum >= 0 && Momentum < 1)) return $"--momentum {Momentum}: must be in [0, 1)";
        if (!(Beta1 >= 0 && Beta1 < 1)) return $"--beta1 {Beta1}: must be in [0, 1)";
        if (!(Beta2 >= 0 && Beta2 < 1)) return $"--beta2 {Beta2}: must be in [0, 1)";
        if (!(AdamEpsilon > 0 && double.IsFinite(AdamEpsilon))) return $"--eps {AdamEpsilon}: must be a finite number > 0";
        if (LrStepSize is < 1) return $"--lr-step-size {LrStepSize}: must be ≥ 1";
        if (LrGamma is double g && !(g > 0 && g <= 1)) return $"--lr-gamma {g}: must be in (0, 1]";
        if (LrDecay is double k && !(k >= 0 && double.IsFinite(k))) return $"--lr-decay {k}: must be a finite number ≥ 0";
        if (LrFinal is double f && !(f >= 0 && double.IsFinite(f))) return $"--lr-final {f}: must be a finite number ≥ 0";
        if (ClipNorm is double n && !(n > 0 && double.IsFinite(n))) return $"--clip-norm {n}: must be a finite number > 0";
        if (ClipValue is double v && !(v > 0 && double.IsFinite(v))) return $"--clip-value {v}: must be a finite number > 0";
        if (EarlyStop is < 1) return $"--early-stop {EarlyStop}: must be ≥ 1 (epochs without improvement)";
        return ValidateScheduleOptions();
    }

    /// <summary>A schedule parameter given for a schedule that does not use it is a mistake worth reporting.</summary>
    private string? ValidateScheduleOptions()
    {
        string schedule = LeverNames.Of(LrSchedule);
        if (LrStepSize is not null && LrSchedule != ScheduleKind.Step) return $"--lr-step-size: only --lr-schedule step uses it (got {schedule})";
        if (LrGamma is not null && LrSchedule is not (ScheduleKind.Step or ScheduleKind.Exponential)) return $"--lr-gamma: only --lr-schedule step or exponential uses it (got {schedule})";
        if (LrDecay is not null && LrSchedule != ScheduleKind.Inverse) return $"--lr-decay: only --lr-schedule inverse uses it (got {schedule})";
        if (LrFinal is not null && LrSchedule != ScheduleKind.Linear) return $"--lr-final: only --lr-schedule linear uses it (got {schedule})";
        return null;
    }
}
