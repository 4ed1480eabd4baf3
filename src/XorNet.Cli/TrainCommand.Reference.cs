using System.CommandLine;
using static XorNet.Cli.OptionTable;

namespace XorNet.Cli;

/// <summary>`xornet train --reference [--fix …]`: the article's reference program (see
/// <see cref="ReferenceOptions"/>).</summary>
public static partial class TrainCommand
{
    /// <summary>The reference run's config; the options it cannot honour are refused by name.</summary>
    private static TrainingConfig ReadReferenceConfig(ParseResult parse, ReferenceProgram program)
    {
        Option[] unhonoured = [Data, DatasetName, Noise, Features, TestSplit, Standardize,
                               Init, Seed, .. LeverOptions.Where(o => o != NoDivergenceCheck)];
        ReferenceOptions.RefuseUnhonoured(parse, unhonoured);
        if (program.Fixed(ReferenceFix.Bias) && parse.GetValue(NoBias))
            throw new UsageException(
                "--no-bias: conflicts with --fix bias (the reference has no biases unless that fix adds them)");
        var given = new TrainingConfig
        {
            Hidden = ReferenceHidden(parse),
            LearningRate = parse.GetValue(LearningRate),
            Epochs = parse.GetValue(Epochs),
            BatchSize = parse.GetValue(BatchSize),
            L2 = parse.GetValue(L2),
            Samples = parse.GetValue(Samples),
            StopOnDivergence = !parse.GetValue(NoDivergenceCheck),
        };
        bool Wrote(Option o) => ReferenceOptions.Given(parse, o);
        return ReferenceOptions.Configure(program, ReferenceFigure.ThreeNeurons, given,
            (Wrote(Hidden), Wrote(LearningRate), Wrote(L2), Wrote(Epochs), Wrote(BatchSize)));
    }
}
