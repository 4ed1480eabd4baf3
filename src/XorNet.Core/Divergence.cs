using System.Globalization;

namespace XorNet;

/// <summary>
/// Decides that training has diverged: the loss is NaN or infinite, or it has risen above its best value by more
/// than half the initial loss (e.g. from a best of 0.05 back above 0.05 + 0.27/2 for the default network).
/// Normal minibatch noise stays far below that margin; a blow-up crosses it within an epoch.
/// </summary>
public sealed class DivergenceDetector(double initialLoss)
{
    public const double MarginShareOfInitialLoss = 0.5;

    private readonly double _margin = MarginShareOfInitialLoss * Math.Abs(initialLoss);
    private double _best = initialLoss;
    private int _bestEpoch;

    public int BestEpoch => _bestEpoch;
    public double BestLoss => _best;

    /// <summary>Returns why the loss of this epoch means divergence, or null when training may go on.</summary>
    public string? Check(int epoch, double loss)
    {
        if (!double.IsFinite(loss)) return $"the loss became {(double.IsNaN(loss) ? "NaN" : "infinite")}";
        double limit = _best + _margin;
        if (loss > limit)
            return Invariant($"the loss rose to {loss:G4}, far above its best {_best:G4} (epoch {_bestEpoch})");
        if (loss < _best) (_best, _bestEpoch) = (loss, epoch);
        return null;
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}

/// <summary>What the user reads when training diverged: the epoch, the exploding gradient, and advice with numbers.</summary>
public static class DivergenceReport
{
    /// <summary>A gradient that grew by more than this factor over its first step's norm counts as exploded.</summary>
    public const double ExplodedGrowth = 10;

    /// <summary>The largest weight change one step should make (weights start within ±1/√fan_in, i.e. ±0.7 and ±0.14–0.6).</summary>
    public const double SafeStep = 0.3;

    /// <summary>
    /// Names the tensor whose gradient grew most over the first step (non-finite counts as infinite growth), or says
    /// that none exploded and the steps were simply too long; then gives the article's remedies with numbers:
    /// a learning rate whose first step would have been short, a clip norm that bounds every step by lr·c ≈ 0.3,
    /// 10× stronger L2 (at least 1e-3), and a decaying schedule.
    /// </summary>
    public static (string Parameter, string Message) Build(TrainingConfig c, int epoch, string why, EpochDiagnostics d, double[] firstStepNorms, double firstStepJointNorm)
    {
        double[] max = d.MaxGradNorm ?? new double[4];
        double[] growth = max.Select((m, i) => double.IsFinite(m) ? m / Math.Max(firstStepNorms[i], 1e-300) : double.PositiveInfinity).ToArray();
        int worst = Enumerable.Range(0, 4).Where(i => c.UseBias || i % 2 == 0).MaxBy(i => growth[i]);
        string name = EpochDiagnostics.Names[worst];
        string gradient = !double.IsFinite(max[worst])
            ? Invariant($"the gradient of {name} became {(double.IsNaN(max[worst]) ? "NaN" : "infinite")} (its first step's norm was {firstStepNorms[worst]:G3})")
            : growth[worst] > ExplodedGrowth
                ? Invariant($"the gradient of {name} exploded (norm up to {max[worst]:G3}, {growth[worst]:G3}× its first step's {firstStepNorms[worst]:G3})")
                : Invariant($"no gradient exploded ({name}'s grew most, {growth[worst]:G3}×), the steps were too long: lr·‖g‖ = {c.LearningRate:G} × {firstStepJointNorm:G3} = {c.LearningRate * firstStepJointNorm:G3} on the first step");
        double lr = Math.Min(NiceFloor(c.LearningRate / 10), NiceFloor(1 / firstStepJointNorm));
        string advice = Invariant(
            $"Try --lr {lr:G3}, or --clip-norm {NiceFloor(SafeStep / c.LearningRate):G3} (then no step moves the weights by more than {SafeStep}), or --lr-schedule exponential, or --l2 {Math.Max(1e-3, 10 * c.L2):G3}");
        return (name, Invariant($"training diverged at epoch {epoch}: {why}; {gradient}. {advice}."));
    }

    /// <summary>The largest of 1, 2, 5 × 10^k not above x (1 when x is not positive and finite).</summary>
    public static double NiceFloor(double x)
    {
        if (!(x > 0) || !double.IsFinite(x)) return 1;
        double decade = Math.Pow(10, Math.Floor(Math.Log10(x)));
        double m = x / decade;
        return (m >= 5 ? 5 : m >= 2 ? 2 : 1) * decade;
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
