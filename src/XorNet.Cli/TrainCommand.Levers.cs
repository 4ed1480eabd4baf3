using System.CommandLine;

namespace XorNet.Cli;

/// <summary>The debugging levers of `xornet train` (issue 4); `gradcheck` and `explain` share the model ones.</summary>
public static partial class TrainCommand
{
    private static readonly Option<string> Activation = Choice<ActivationKind>("--activation", "Hidden-layer activation", LeverNames.Of(Defaults.Activation));
    private static readonly Option<string> Loss = Choice<LossKind>("--loss", "mse: Σ(y−h2)²/2N on sigmoid outputs (the article's); cross-entropy: softmax outputs, −Σy·log h2/N", LeverNames.Of(Defaults.Loss));
    private static readonly Option<double> L1 = new("--l1") { Description = "L1 regularisation λ1 in λ1·(Σ|W1| + Σ|W2| + …)/N (biases never regularised)", DefaultValueFactory = _ => Defaults.L1 };
    private static readonly Option<string> OptimizerOption = Choice<OptimizerKind>("--optimizer", "sgd: θ −= lr·g; momentum: v = μv + g, θ −= lr·v; adam", LeverNames.Of(Defaults.Optimizer));
    private static readonly Option<double> MomentumOption = new("--momentum") { Description = "μ of --optimizer momentum", DefaultValueFactory = _ => Defaults.Momentum };
    private static readonly Option<double> Beta1 = new("--beta1") { Description = "Adam's β1", DefaultValueFactory = _ => Defaults.Beta1 };
    private static readonly Option<double> Beta2 = new("--beta2") { Description = "Adam's β2", DefaultValueFactory = _ => Defaults.Beta2 };
    private static readonly Option<double> Eps = new("--eps") { Description = "Adam's ε", DefaultValueFactory = _ => Defaults.AdamEpsilon };
    private static readonly Option<string> Schedule = Choice<ScheduleKind>("--lr-schedule",
        "Learning rate per epoch e: constant; step lr·γ^⌊(e−1)/s⌋; exponential lr·γ^(e−1); inverse lr/(1+k(e−1)); linear lr→lr-final", LeverNames.Of(Defaults.LrSchedule));
    private static readonly Option<int?> StepSize = new("--lr-step-size") { Description = $"s of the step schedule (default {LearningRateSchedule.DefaultStepSize})" };
    private static readonly Option<double?> Gamma = new("--lr-gamma") { Description = $"γ of the step (default {LearningRateSchedule.DefaultStepGamma}) or exponential (default {LearningRateSchedule.DefaultExponentialGamma}) schedule" };
    private static readonly Option<double?> Decay = new("--lr-decay") { Description = $"k of the inverse schedule (default {LearningRateSchedule.DefaultDecay})" };
    private static readonly Option<double?> Final = new("--lr-final") { Description = "Last epoch's learning rate of the linear schedule (default lr/10)" };
    private static readonly Option<double?> ClipNorm = new("--clip-norm") { Description = "Rescale all gradients so their joint L2 norm is ≤ X (PyTorch's clip_grad_norm_)" };
    private static readonly Option<double?> ClipValue = new("--clip-value") { Description = "Clamp every gradient entry into [−X, X]" };
    private static readonly Option<int?> EarlyStop = new("--early-stop") { Description = "Stop when the loss has not improved for N epochs; keep the best weights" };

    private static readonly Option<bool> NoDivergenceCheck = new("--no-divergence-check") { Description = "Train on through a blow-up instead of stopping with exit code 3 (to see the whole curve)" };

    private static readonly Option[] LeverOptions =
        [Activation, Loss, L1, OptimizerOption, MomentumOption, Beta1, Beta2, Eps, Schedule, StepSize, Gamma, Decay, Final, ClipNorm, ClipValue, EarlyStop, NoDivergenceCheck];

    /// <summary>An option that accepts only the lever's names, e.g. --activation sigmoid|tanh|relu.</summary>
    internal static Option<string> Choice<T>(string name, string description, string defaultValue) where T : struct, Enum
    {
        var option = new Option<string>(name) { Description = $"{description} ({string.Join("|", LeverNames.All<T>())})", DefaultValueFactory = _ => defaultValue };
        AcceptOnly(option, LeverNames.All<T>());
        return option;
    }

    /// <summary>Like AcceptOnlyFromAmong, but the error is one line that names the option (our bad-input contract).</summary>
    internal static void AcceptOnly(Option<string> option, string[] names)
    {
        option.Validators.Add(result =>
        {
            string? value = result.GetValueOrDefault<string>();
            if (value is not null && !names.Contains(value, StringComparer.OrdinalIgnoreCase))
                result.AddError($"{option.Name} {value}: must be one of {string.Join("|", names)}");
        });
    }

    private static T Kind<T>(ParseResult parse, Option<string> option) where T : struct, Enum =>
        LeverNames.Parse<T>(parse.GetValue(option)!) ?? throw new UsageException($"{option.Name} {parse.GetValue(option)}: unknown");

    private static TrainingConfig ReadLevers(ParseResult parse, TrainingConfig config) => config with
    {
        Activation = Kind<ActivationKind>(parse, Activation),
        Loss = Kind<LossKind>(parse, Loss),
        L1 = parse.GetValue(L1),
        Optimizer = Kind<OptimizerKind>(parse, OptimizerOption),
        Momentum = parse.GetValue(MomentumOption),
        Beta1 = parse.GetValue(Beta1),
        Beta2 = parse.GetValue(Beta2),
        AdamEpsilon = parse.GetValue(Eps),
        LrSchedule = Kind<ScheduleKind>(parse, Schedule),
        LrStepSize = parse.GetValue(StepSize),
        LrGamma = parse.GetValue(Gamma),
        LrDecay = parse.GetValue(Decay),
        LrFinal = parse.GetValue(Final),
        ClipNorm = parse.GetValue(ClipNorm),
        ClipValue = parse.GetValue(ClipValue),
        EarlyStop = parse.GetValue(EarlyStop),
        StopOnDivergence = !parse.GetValue(NoDivergenceCheck),
    };
}
