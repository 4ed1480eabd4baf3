namespace XorNet;

/// <summary>One pipeline gate and how the run fared against it.</summary>
/// <remarks>Field is the gate's field in <see cref="QualityGates"/> (MinAccuracy, MaxLoss).</remarks>
public sealed record GateResult(string Field, string Metric, double Threshold, double Value, bool Passed)
{
    /// <summary>"train accuracy 0.757 fails MinAccuracy 0.8 (off by 0.043)" or "... meets ...".</summary>
    public Message Describe() => Passed
        ? new($"{Metric} {Value:0.####} meets {new Setting(Field, Threshold):G}")
        : new($"{Metric} {Value:0.####} fails {new Setting(Field, Threshold):G} (off by {Off:0.####})");

    private double Off => Math.Abs(Value - Threshold);
}

/// <summary>
/// Pipeline gates: a minimum accuracy (train accuracy, or test accuracy when there is a test split) and a maximum loss.
/// </summary>
public sealed record QualityGates(double? MinAccuracy = null, double? MaxLoss = null)
{
    public bool Any => MinAccuracy is not null || MaxLoss is not null;

    public IReadOnlyList<GateResult> Check(EpochMetrics final)
    {
        var results = new List<GateResult>();
        if (MinAccuracy is double minAccuracy)
        {
            var (metric, accuracy) =
                final.TestAccuracy is double test ? ("test accuracy", test) : ("train accuracy", final.TrainAccuracy);
            results.Add(new(nameof(MinAccuracy), metric, minAccuracy, accuracy, accuracy >= minAccuracy));
        }
        if (MaxLoss is double maxLoss)
            results.Add(
                new(nameof(MaxLoss), "loss", maxLoss, final.Loss, double.IsFinite(final.Loss)
                && final.Loss <= maxLoss));
        return results;
    }

    /// <summary>Returns the threshold that breaks its rule (see <see cref="ConfigRules"/>), or null.</summary>
    public ConfigProblem? Validate() =>
        ConfigProblem.Check(nameof(MinAccuracy), MinAccuracy) ?? ConfigProblem.Check(nameof(MaxLoss), MaxLoss);
}
