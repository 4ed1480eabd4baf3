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
    /// <summary>The network's inputs, computed from each point's x1, x2 (<see cref="FeatureMap"/>).</summary>
    public FeatureMap Features { get; init; } = FeatureMap.Plain;
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
    /// <summary>Rescale all gradients so their joint norm is at most this (PyTorch's clip_grad_norm_); null =
    /// off.</summary>
    public double? ClipNorm { get; init; }
    /// <summary>Clamp every gradient entry into [−x, x] (clip_grad_value_); null = off.</summary>
    public double? ClipValue { get; init; }
    /// <summary>Stop after this many epochs without a better monitored loss, keeping the best weights; null =
    /// off.</summary>
    public int? EarlyStop { get; init; }
    /// <summary>Stop with status "diverged" when the loss blows up (see <see cref="DivergenceDetector"/>); off = train
    /// on through it.</summary>
    public bool StopOnDivergence { get; init; } = true;

    /// <summary>Run the article's reference program (its data, init, gradient and bugs) instead of XorNet's network;
    /// null = off.</summary>
    public ReferenceProgram? Reference { get; init; }

    public Regularization Regularization => new(L2, L1);

    /// <summary>The first field that breaks its rule (see <see cref="ConfigRules"/>), or null when all are
    /// valid.</summary>
    public ConfigProblem? Validate() =>
        RuledFields().Select(f => ConfigProblem.Check(f.Field, f.Value)).FirstOrDefault(p => p is not null)
        ?? ValidateScheduleOptions();

    /// <summary>The fields that have a rule, in the order they are checked; null values (not set) pass.</summary>
    private IEnumerable<(string Field, object? Value)> RuledFields() =>
    [
        (nameof(Hidden), Hidden), (nameof(LearningRate), LearningRate), (nameof(Epochs), Epochs),
        (nameof(BatchSize), BatchSize), (nameof(L2), L2), (nameof(Samples), Samples), (nameof(Seed), Seed),
        (nameof(Dataset), Dataset), (nameof(Noise), Noise), (nameof(TestSplit), TestSplit),
        (nameof(L1), L1), (nameof(Momentum), Momentum), (nameof(Beta1), Beta1), (nameof(Beta2), Beta2),
        (nameof(AdamEpsilon), AdamEpsilon), (nameof(LrStepSize), LrStepSize), (nameof(LrGamma), LrGamma),
        (nameof(LrDecay), LrDecay), (nameof(LrFinal), LrFinal), (nameof(ClipNorm), ClipNorm),
        (nameof(ClipValue), ClipValue), (nameof(EarlyStop), EarlyStop), (nameof(Features), Features),
    ];

    /// <summary>A schedule parameter given for a schedule that does not use it is a mistake worth reporting.</summary>
    private ConfigProblem? ValidateScheduleOptions()
    {
        if (LrStepSize is not null && LrSchedule != ScheduleKind.Step) return OnlyFor(nameof(LrStepSize), "step");
        if (LrGamma is not null && LrSchedule is not (ScheduleKind.Step or ScheduleKind.Exponential))
            return OnlyFor(nameof(LrGamma), "step or exponential");
        if (LrDecay is not null && LrSchedule != ScheduleKind.Inverse) return OnlyFor(nameof(LrDecay), "inverse");
        if (LrFinal is not null && LrSchedule != ScheduleKind.Linear) return OnlyFor(nameof(LrFinal), "linear");
        return null;
    }

    /// <summary>
    /// The problem with giving this field when the rest of the config makes it change nothing (μ under plain SGD,
    /// Adam's betas under another optimizer, the generator's settings beside a CSV); null when it is used. The front
    /// end asks about the fields the user set explicitly (the defaults are always there).
    /// </summary>
    public ConfigProblem? Unused(string field) => field switch
    {
        nameof(Momentum) when Optimizer != OptimizerKind.Momentum => OnlyFor(field, nameof(Optimizer), "momentum",
            LeverNames.Of(Optimizer)),
        nameof(Beta1) or nameof(Beta2) or nameof(AdamEpsilon) when Optimizer != OptimizerKind.Adam =>
            OnlyFor(field, nameof(Optimizer), "adam", LeverNames.Of(Optimizer)),
        nameof(Dataset) or nameof(Samples) or nameof(Noise) when DataPath is not null => new(field, null,
            new Rule("used only by the built-in data", _ => false,
                new Message($"the built-in data use it, and {new Setting(nameof(DataPath))} replaces them"))),
        _ => null,
    };

    private static ConfigProblem OnlyFor(string field, string lever, string value, string got) => new(field, null,
        new Rule($"used only by {lever} {value}", _ => false,
            new Message($"only {new Setting(lever, value)} uses it (got {got})")));

    /// <summary>"LrGamma: only LrSchedule step or exponential uses it (got constant)", settings as data.</summary>
    private ConfigProblem OnlyFor(string field, string schedules) => new(field, null,
        new Rule($"used only by the {schedules} schedule", _ => false,
            new Message($"only {new Setting(nameof(LrSchedule), schedules)} uses it (got {ScheduleName})")));

    private string ScheduleName => LeverNames.Of(LrSchedule);
}
