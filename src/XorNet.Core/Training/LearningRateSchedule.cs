using System.Globalization;

namespace XorNet;

/// <summary>
/// The learning rate of each epoch e = 1, 2, …, E (the article: "reduce the learning rate over time"):
/// constant lr; step lr·γ^⌊(e−1)/s⌋; exponential lr·γ^(e−1); inverse lr/(1 + k·(e−1));
/// linear from lr at epoch 1 to lr_final at epoch E.
/// </summary>
public sealed record LearningRateSchedule(ScheduleKind Kind, double BaseRate, int Epochs, int StepSize, double Gamma,
    double Decay, double FinalRate)
{
    public const int DefaultStepSize = 25;
    public const double DefaultStepGamma = 0.5, DefaultExponentialGamma = 0.97, DefaultDecay = 0.1, DefaultFinalShare =
        0.1;

    /// <summary>The schedule a config asks for, with each parameter it leaves unset at its default.</summary>
    public static LearningRateSchedule From(TrainingConfig c) => new(
        c.LrSchedule, c.LearningRate, c.Epochs,
        c.LrStepSize ?? DefaultStepSize,
        c.LrGamma ?? (c.LrSchedule == ScheduleKind.Exponential ? DefaultExponentialGamma : DefaultStepGamma),
        c.LrDecay ?? DefaultDecay,
        c.LrFinal ?? DefaultFinalShare * c.LearningRate);

    public double At(int epoch)
    {
        if (epoch < 1) throw new ArgumentOutOfRangeException(nameof(epoch), epoch, "Epochs are numbered from 1.");
        int e = epoch - 1; // epochs already done before this one
        return Kind switch
        {
            ScheduleKind.Constant => BaseRate,
            ScheduleKind.Step => BaseRate * Math.Pow(Gamma, e / StepSize),
            ScheduleKind.Exponential => BaseRate * Math.Pow(Gamma, e),
            ScheduleKind.Inverse => BaseRate / (1 + Decay * e),
            ScheduleKind.Linear => Epochs <= 1 ? BaseRate : BaseRate + (FinalRate - BaseRate) * e / (Epochs - 1),
            _ => throw new ArgumentOutOfRangeException(nameof(epoch), Kind, "Unknown schedule."),
        };
    }

    /// <summary>The schedule as a formula with its numbers, e.g. "lr·0.5^⌊(e−1)/25⌋".</summary>
    public string Describe() => Kind switch
    {
        ScheduleKind.Constant => "constant",
        ScheduleKind.Step => Invariant($"step ×{Gamma:G} every {StepSize} epochs"),
        ScheduleKind.Exponential => Invariant($"exponential ×{Gamma:G} per epoch"),
        ScheduleKind.Inverse => Invariant($"inverse lr/(1+{Decay:G}·(e−1))"),
        ScheduleKind.Linear => Invariant($"linear {BaseRate:G}→{FinalRate:G}"),
        _ => Kind.ToString(),
    };

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
