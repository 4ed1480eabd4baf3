using System.CommandLine;
using XorNet.Tensors;
using static XorNet.Cli.OptionTable;

namespace XorNet.Cli;

/// <summary>
/// The options that define the model, its loss and its data, shared by `gradcheck` and `explain` (the same option
/// objects as train's, from <see cref="OptionTable"/>): the same values give the same network, weights and
/// (standardized) data as `train`.
/// </summary>
public static class ModelOptions
{
    public static IEnumerable<Option> All =>
        [Hidden, Activation, Loss, L2, L1, Seed, Samples, NoBias, DatasetName, Noise, Data, Features, Standardize];

    public static TrainingConfig Read(ParseResult parse) => TrainCommand.Checked(new TrainingConfig
    {
        Hidden = ReadHidden(parse),
        Activation = LeverNames.Parse<ActivationKind>(parse.GetValue(Activation)!) ?? default,
        Loss = LeverNames.Parse<LossKind>(parse.GetValue(Loss)!) ?? default,
        L2 = parse.GetValue(L2),
        L1 = parse.GetValue(L1),
        Seed = parse.GetValue(Seed),
        Samples = parse.GetValue(Samples),
        UseBias = !parse.GetValue(NoBias),
        Dataset = parse.GetValue(DatasetName)!,
        Noise = parse.GetValue(Noise),
        DataPath = parse.GetValue(Data),
        Standardize = parse.GetValue(Standardize),
        Features = ReadFeatures(parse),
    });

    /// <summary>
    /// The reference run gradcheck and explain inspect: --hidden and --l2 as given, else the article's exploding
    /// 50-neuron figure (whose L2 bug a check should show); the options the reference cannot honour are refused.
    /// </summary>
    public static TrainingConfig ReadReference(ParseResult parse, ReferenceProgram program)
    {
        ReferenceOptions.RefuseUnhonoured(parse,
            [Activation, Loss, L1, Seed, DatasetName, Noise, Data, Features, Standardize]);
        if (program.Fixed(ReferenceFix.Bias) && parse.GetValue(NoBias))
            throw new UsageException(
                "--no-bias: conflicts with --fix bias (the reference has no biases unless that fix adds them)");
        var given =
            new TrainingConfig
            {
                Hidden = ReferenceHidden(parse),
                L2 = parse.GetValue(L2),
                Samples =
            parse.GetValue(Samples)
            };
        bool Wrote(Option o) => ReferenceOptions.Given(parse, o);
        return ReferenceOptions.Configure(program, ReferenceFigure.Exploding, given,
            (Wrote(Hidden), false, Wrote(L2), false, false));
    }

    /// <summary>
    /// The network as train initialises it, and a workspace holding the first n training points (as train sees them:
    /// generated or read, then standardized) and their one-hot labels.
    /// </summary>
    public static (Network Net, Workspace Ws) Build(TrainingConfig c, int n) => Build(RunData.Prepare(c), n);

    /// <summary>As <see cref="Build(TrainingConfig, int)"/>, for data already read (so a command can check n against
    /// its size first).</summary>
    public static (Network Net, Workspace Ws) Build(RunData run, int n)
    {
        var (c, data) = (run.Config, run.Train);
        var net = new Network(data.Features, c.Hidden, data.Classes, c.UseBias, c.Activation, c.Loss);
        net.Initialize(Rng.ForPurpose(c.Seed, "init"));
        int[] rows = Enumerable.Range(0, Math.Min(n, data.Count)).ToArray();
        var ws = net.CreateWorkspace(rows.Length);
        data.X.TakeRows(rows, ws.X);
        data.OneHot().TakeRows(rows, ws.Y);
        return (net, ws);
    }
}
