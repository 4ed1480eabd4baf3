using System.CommandLine;
using static XorNet.Cli.OptionTable;

namespace XorNet.Cli;

/// <summary>The debugging levers of `xornet train` (issue 4); `gradcheck` and `explain` share the model ones.</summary>
public static partial class TrainCommand
{
    private static Option[] LeverOptions =>
    [
        Activation, Loss, L1, OptimizerOption, MomentumOption, Beta1, Beta2, AdamEpsilon, Schedule, StepSize, Gamma,
        Decay, Final, ClipNorm, ClipValue, EarlyStop, NoDivergenceCheck,
    ];

    private static T Kind<T>(ParseResult parse, Option<string> option) where T : struct, Enum =>
        LeverNames.Parse<T>(parse.GetValue(option)!)
            ?? throw new UsageException($"{option.Name} {parse.GetValue(option)}: unknown");

    private static TrainingConfig ReadLevers(ParseResult parse, TrainingConfig config) => config with
    {
        Activation = Kind<ActivationKind>(parse, Activation),
        Loss = Kind<LossKind>(parse, Loss),
        L1 = parse.GetValue(L1),
        Optimizer = Kind<OptimizerKind>(parse, OptimizerOption),
        Momentum = parse.GetValue(MomentumOption),
        Beta1 = parse.GetValue(Beta1),
        Beta2 = parse.GetValue(Beta2),
        AdamEpsilon = parse.GetValue(AdamEpsilon),
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
