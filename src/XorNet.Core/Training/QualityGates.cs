using System.Globalization;

namespace XorNet;

/// <summary>One pipeline gate and how the run fared against it.</summary>
public sealed record GateResult(string Option, string Metric, double Threshold, double Value, bool Passed)
{
    /// <summary>"train accuracy 0.757 < --min-accuracy 0.8 (short by 0.043)" or "... passed".</summary>
    public string Describe() => Passed
        ? string.Create(CultureInfo.InvariantCulture, $"{Metric} {Value:0.####} meets {Option} {Threshold:G}")
        : string.Create(CultureInfo.InvariantCulture, $"{Metric} {Value:0.####} fails {Option} {Threshold:G} (off by {Math.Abs(Value - Threshold):0.####})");
}

/// <summary>
/// Pipeline gates: --min-accuracy (train accuracy, or test accuracy when there is a test split) and --max-loss.
/// </summary>
public sealed record QualityGates(double? MinAccuracy = null, double? MaxLoss = null)
{
    public bool Any => MinAccuracy is not null || MaxLoss is not null;

    public IReadOnlyList<GateResult> Check(EpochMetrics final)
    {
        var results = new List<GateResult>();
        if (MinAccuracy is double minAccuracy)
        {
            var (metric, accuracy) = final.TestAccuracy is double test ? ("test accuracy", test) : ("train accuracy", final.TrainAccuracy);
            results.Add(new("--min-accuracy", metric, minAccuracy, accuracy, accuracy >= minAccuracy));
        }
        if (MaxLoss is double maxLoss)
            results.Add(new("--max-loss", "loss", maxLoss, final.Loss, double.IsFinite(final.Loss) && final.Loss <= maxLoss));
        return results;
    }

    /// <summary>Returns a one-line message for an invalid threshold, or null.</summary>
    public string? Validate()
    {
        if (MinAccuracy is double a && !(a >= 0 && a <= 1)) return $"--min-accuracy {a}: must be between 0 and 1";
        if (MaxLoss is double l && !(double.IsFinite(l) && l >= 0)) return $"--max-loss {l}: must be a finite number ≥ 0";
        return null;
    }
}
