using System.Globalization;

namespace XorNet;

/// <summary>Why and since when training counts as diverged.</summary>
internal sealed record DivergenceVerdict(int SinceEpoch, string Why);

/// <summary>
/// Decides that training has diverged, from the loss after each epoch (L0 = the loss before training):
/// at once when the loss is NaN or infinite, or above 10·L0 (it exploded); and when it has stayed more than L0/2
/// above its best value for 5 epochs in a row. A single spike is not enough: minibatch training spikes and
/// recovers (measured: softmax + cross-entropy at lr 0.5 jumps from 0.70 to 1.30 in its first epochs, then learns
/// to 0.07), while a network thrown into saturation (lr 1000: loss 0.27 → 0.50) stays there.
/// </summary>
internal sealed class DivergenceDetector(double initialLoss)
{
    public const double ExplosionFactor = 10, MarginShareOfInitialLoss = 0.5;
    public const int Patience = 5;

    private readonly double _initial = initialLoss;
    private readonly double _margin = MarginShareOfInitialLoss * Math.Abs(initialLoss);
    private readonly double _explosion = ExplosionFactor * Math.Abs(initialLoss);
    private double _best = initialLoss;
    private int _bestEpoch;
    private int? _aboveSince;

    public int BestEpoch => _bestEpoch;
    public double BestLoss => _best;

    /// <summary>Returns the verdict when the loss of this epoch means divergence, or null when training may go
    /// on.</summary>
    public DivergenceVerdict? Check(int epoch, double loss)
    {
        if (!double.IsFinite(loss)) return new(epoch, $"the loss became {(double.IsNaN(loss) ? "NaN" : "infinite")}");
        if (loss > _explosion)
            return new(epoch,
                Invariant($"the loss exploded to {loss:G4}, {loss / _initial:G3}× its initial {_initial:G4}"));
        if (loss > _best + _margin)
        {
            _aboveSince ??= epoch;
            if (epoch - _aboveSince.Value + 1 >= Patience)
                return new(_aboveSince.Value,
                    Invariant($"the loss has stayed far above its best {_best:G4} (epoch {_bestEpoch}) since epoch ") +
                    Invariant($"{_aboveSince} ({loss:G4} now)"));
            return null;
        }
        _aboveSince = null;
        if (loss < _best) (_best, _bestEpoch) = (loss, epoch);
        return null;
    }

    /// <summary>True when the network had learned (its best loss under L0/2) before it diverged: the article's late
    /// explosion.</summary>
    public bool HadLearned => _best < MarginShareOfInitialLoss * _initial;

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}

/// <summary>What the user reads when training diverged: the epoch, the exploding gradient, and advice with
/// numbers.</summary>
internal static class DivergenceReport
{
    /// <summary>A gradient that grew by more than this factor over its first step's norm counts as exploded.</summary>
    public const double ExplodedGrowth = 10;

    /// <summary>The largest weight change one step should make (weights start within ±1/√fan_in, i.e. ±0.7 and
    /// ±0.14–0.6).</summary>
    public const double SafeStep = 0.3;

    /// <summary>
    /// Names the tensor whose gradient grew most over the first step (non-finite counts as infinite growth), or says
    /// that none exploded and the steps were simply too long; then gives the article's remedies with numbers.
    /// Early divergence: a learning rate whose first step would have been short (lr·‖g‖ ≤ 0.25, and at most lr/10),
    /// or a clip norm that bounds every step by lr·c ≤ 0.3; but a smaller λ2 when the L2 penalty's own step overshoots
    /// zero (lr·λ2/batch ≥ 1) and the shorter rate would still let it shrink the weights by 0.1 % a step.
    /// Late divergence (the network had learned, as the article's 50-neuron run): a lower learning rate or a decaying
    /// schedule. (The article also suggests stronger
    /// regularisation; measured on ReLU + cross-entropy at lr 2 it did not help, so it is not advised here.)
    /// </summary>
    public static (string Parameter, Message Message) Build(TrainingConfig c, int epoch, DivergenceVerdict verdict,
        bool hadLearned,
        EpochDiagnostics d, double[] firstStepNorms, double firstStepJointNorm)
    {
        double[] max = d.MaxGradNorm ?? new double[d.Names.Count];
        double[] growth =
            max.Select((m, i) => double.IsFinite(m) ? m / Math.Max(firstStepNorms[i], 1e-300) : double.PositiveInfinity)
            .ToArray();
        int worst = Enumerable.Range(0, max.Length).Where(i => c.UseBias || d.Names[i][0] == 'W').MaxBy(i => growth[i]);
        string name = d.Names[worst];
        string at = verdict.SinceEpoch == epoch ? "" : Invariant($" in epoch {verdict.SinceEpoch}");
        string gradient = !double.IsFinite(max[worst])
            ? Invariant($"the gradient of {name} became {(double.IsNaN(max[worst]) ? "NaN" : "infinite")}{at} ") +
                Invariant($"(its first step's norm was {firstStepNorms[worst]:G3})")
            : growth[worst] > ExplodedGrowth
                ? Invariant($"the gradient of {name} exploded{at} (norm up to {max[worst]:G3}, ") +
                    Invariant($"{growth[worst]:G3}× its first step's {firstStepNorms[worst]:G3})")
                : Invariant($"no gradient exploded ({name}'s grew most{at}, {growth[worst]:G3}×): ") +
                    StepsTooLong(c, firstStepJointNorm);
        Message advice = Advice(c, hadLearned, firstStepJointNorm);
        return (name, new($"training diverged at epoch {epoch}: {verdict.Why}; {gradient}. {advice}."));
    }

    /// <summary>How long the first step was: lr·‖g‖ for SGD, lr·‖g‖/(1−μ) at full momentum speed, about lr per weight
    /// for Adam.</summary>
    private static string StepsTooLong(TrainingConfig c, double g) => c.Optimizer switch
    {
        OptimizerKind.Adam => Invariant(
            $"the steps were too long, Adam moves every weight by up to lr = {c.LearningRate:G} per step"),
        OptimizerKind.Momentum =>
            Invariant($"the steps were too long, lr·‖g‖/(1−μ) = {c.LearningRate:G} × {g:G3} / {1 - c.Momentum:G3} = ") +
            Invariant($"{c.LearningRate * g / (1 - c.Momentum):G3} on the first steps"),
        _ => Invariant($"the steps were too long, lr·‖g‖ = {c.LearningRate:G} × {g:G3} = ") +
            Invariant($"{c.LearningRate * g:G3} on the first step"),
    };

    /// <summary>
    /// The largest per-step shrink lr·λ2/batch the L2 penalty may make and still let XOR be learnt: measured at lr 1,
    /// batch 10, H = 3, λ2 = 0.01 (shrink 0.001) reaches 74 % (the default λ2 = 1e-4: 76 %), λ2 = 0.1 stays at 51 %.
    /// </summary>
    public const double LearnableWeightDecay = 1e-3;

    /// <summary>
    /// The longest first step lr·‖g‖ the advice trusts: measured on XOR, lr 20 diverges at H = 500 and 1000 (first
    /// steps 0.82) though it learns at H = 3 (0.69), while lr 5 (0.2) learns to 97–98 % at both widths.
    /// </summary>
    public const double ShortFirstStep = 0.25;

    /// <summary>The remedies as settings with values (data), in a sentence the front end spells.</summary>
    private static Message Advice(TrainingConfig c, bool hadLearned, double firstStepJointNorm)
    {
        Setting Lr(double value) => new(nameof(c.LearningRate), value);
        if (hadLearned)
        {
            Setting lower = Lr(NiceFloor(c.LearningRate / 4));
            Setting decaying = new(nameof(c.LrSchedule), LeverNames.Of(ScheduleKind.Exponential));
            const string Learned = "It had learned before it got worse, as the article's 50-neuron run";
            return new($"{Learned}: try {lower:G3}, or a decaying {decaying}");
        }
        // Adam normalises the gradient, so clipping its norm does not shorten the step
        if (c.Optimizer == OptimizerKind.Adam)
            return new($"Try {Lr(NiceFloor(c.LearningRate / 10)):G3}");
        double speed = c.Optimizer == OptimizerKind.Momentum ? 1 / (1 - c.Momentum) : 1;
        double lr = Math.Min(NiceFloor(c.LearningRate / 10), NiceFloor(ShortFirstStep / (firstStepJointNorm * speed)));
        if (Decay(c, c.LearningRate, speed) >= 1 && Decay(c, lr, speed) > LearnableWeightDecay)
        {
            // The penalty's own step, W ← W·(1 − lr·λ2/batch), flips every weight's sign and grows it, and a rate short
            // enough to tame it would let the penalty shrink the weights to 0 (measured: --lr 5e-06 at λ2 = 1e6: 50 %).
            Setting l2 = new(nameof(c.L2), NiceFloor(LearnableWeightDecay * c.BatchSize / (c.LearningRate * speed)));
            double now = Decay(c, c.LearningRate, speed);
            return new($"The L2 penalty's own step overshoots zero (lr·λ2/batch = {now:G3}): try {l2:G3}");
        }
        Setting clip = new(nameof(c.ClipNorm), NiceFloor(SafeStep / (c.LearningRate * speed)));
        return new($"Try {Lr(lr):G3}, or {clip:G3} (no step then moves the weights by more than {SafeStep})");
    }

    /// <summary>The share of each weight the L2 gradient takes in a step at rate lr: lr·λ2/batch (÷ (1 − μ)).</summary>
    private static double Decay(TrainingConfig c, double lr, double speed) => lr * c.L2 * speed / c.BatchSize;

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
