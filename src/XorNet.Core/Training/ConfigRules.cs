namespace XorNet;

/// <summary>
/// Every setting's rule, in one table keyed by field: <see cref="TrainingConfig.Validate"/> and
/// <see cref="QualityGates.Validate"/> check them, and a front end shows their words as the option's range.
/// </summary>
public static class ConfigRules
{
    private static readonly Rule Fraction = Rule.Number("a number in [0, 1)", v => v >= 0 && v < 1);

    private static readonly Dictionary<string, Rule> Rules = new()
    {
        [nameof(TrainingConfig.Hidden)] = new(
            $"widths from input to output such as 3 or 8x8x4 (each 1 to {HiddenLayers.MaxWidth}, at most " +
                $"{HiddenLayers.MaxLayers} layers), or 0 for none",
            v => v is HiddenLayers { IsValid: true }),
        [nameof(TrainingConfig.LearningRate)] = Rule.Positive,
        [nameof(TrainingConfig.Epochs)] = Rule.Whole(1, 10_000_000),
        [nameof(TrainingConfig.BatchSize)] = Rule.WholeFrom(1),
        [nameof(TrainingConfig.L2)] = Rule.NonNegative,
        [nameof(TrainingConfig.Samples)] = Rule.Whole(2, 10_000_000),
        [nameof(TrainingConfig.Seed)] = Rule.Whole(0, long.MaxValue),
        [nameof(TrainingConfig.Dataset)] = Rule.OneOf(DataGenerators.Names,
            new($"unknown (choose {string.Join(", ", DataGenerators.Names)})")),
        [nameof(TrainingConfig.Noise)] = Rule.Number("a number between 0 and 10", v => v >= 0 && v <= 10),
        [nameof(TrainingConfig.TestSplit)] = Rule.Number("a number ≥ 0 and < 1", v => v >= 0 && v < 1),
        [nameof(TrainingConfig.Activation)] = Rule.OneOf(LeverNames.All<ActivationKind>()),
        [nameof(TrainingConfig.Loss)] = Rule.OneOf(LeverNames.All<LossKind>()),
        [nameof(TrainingConfig.L1)] = Rule.NonNegative,
        [nameof(TrainingConfig.Optimizer)] = Rule.OneOf(LeverNames.All<OptimizerKind>()),
        [nameof(TrainingConfig.Momentum)] = Fraction,
        [nameof(TrainingConfig.Beta1)] = Fraction,
        [nameof(TrainingConfig.Beta2)] = Fraction,
        [nameof(TrainingConfig.AdamEpsilon)] = Rule.Positive,
        [nameof(TrainingConfig.LrSchedule)] = Rule.OneOf(LeverNames.All<ScheduleKind>()),
        [nameof(TrainingConfig.LrStepSize)] = Rule.WholeFrom(1),
        [nameof(TrainingConfig.LrGamma)] = Rule.Number("a number in (0, 1]", v => v > 0 && v <= 1),
        [nameof(TrainingConfig.LrDecay)] = Rule.NonNegative,
        [nameof(TrainingConfig.LrFinal)] = Rule.NonNegative,
        [nameof(TrainingConfig.ClipNorm)] = Rule.Positive,
        [nameof(TrainingConfig.ClipValue)] = Rule.Positive,
        [nameof(TrainingConfig.EarlyStop)] = Rule.WholeFrom(1) with
        {
            Refusal = new($"must be a whole number ≥ 1 (epochs without improvement)"),
        },
        [nameof(TrainingConfig.Features)] = new(
            $"feature names separated by commas, each at most once, from {string.Join(", ", FeatureMap.Known)}",
            v => v is FeatureMap || (v is string s && FeatureMap.Parse(s) is not null)),
        [nameof(QualityGates.MinAccuracy)] = Rule.Number("a number between 0 and 1", v => v >= 0 && v <= 1),
        [nameof(QualityGates.MaxLoss)] = Rule.NonNegative,
    };

    /// <summary>Every field that has a rule.</summary>
    public static IEnumerable<string> Fields => Rules.Keys;

    /// <summary>The rule of a field, or null when the field has none (a path, a flag).</summary>
    public static Rule? For(string field) => Rules.GetValueOrDefault(field);
}
