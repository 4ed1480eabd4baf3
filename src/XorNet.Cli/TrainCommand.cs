using System.CommandLine;

namespace XorNet.Cli;

/// <summary>`xornet train`: parses options into a <see cref="TrainingConfig"/>, trains, writes metrics and plots.</summary>
public static partial class TrainCommand
{
    private static readonly TrainingConfig Defaults = new();

    private static readonly Option<int> Hidden = new("--hidden") { Description = "Hidden neurons H", DefaultValueFactory = _ => Defaults.Hidden };
    private static readonly Option<double> LearningRate = new("--lr") { Description = "Learning rate (of plain SGD unless --optimizer says otherwise)", DefaultValueFactory = _ => Defaults.LearningRate };
    private static readonly Option<int> Epochs = new("--epochs") { Description = "Shuffled passes over the training data", DefaultValueFactory = _ => Defaults.Epochs };
    private static readonly Option<int> BatchSize = new("--batch-size") { Description = "Minibatch size (a full batch: --batch-size equal to --samples)", DefaultValueFactory = _ => Defaults.BatchSize };
    private static readonly Option<double> L2 = new("--l2") { Description = "L2 regularisation λ in λ·(ΣW1² + ΣW2²)/(2N)", DefaultValueFactory = _ => Defaults.L2 };
    private static readonly Option<long> Seed = new("--seed") { Description = "Seed for the data, the initial weights and the shuffling", DefaultValueFactory = _ => Defaults.Seed };
    private static readonly Option<int> Samples = new("--samples") { Description = "Number of Gaussian XOR points", DefaultValueFactory = _ => Defaults.Samples };
    private static readonly Option<bool> NoBias = new("--no-bias") { Description = "Drop the biases, as the article's reference code (XOR then fails)" };
    private static readonly Option<string> Out = new("--out") { Description = "Output folder", DefaultValueFactory = _ => "xornet-out" };
    private static readonly Option<string?> Json = new("--json") { Description = "Also write the metrics JSON to FILE ('-' = stdout, all other output to stderr)" };
    private static readonly Option<bool> NoPlots = new("--no-plots") { Description = "Write metrics only, no PNGs (fast pipeline runs)" };

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("train", "Train the two-layer network and write metrics.json and the plots to --out.");
        foreach (Option option in new Option[] { Hidden, LearningRate, Epochs, BatchSize, L2, Seed, Samples, NoBias, Out, Json, NoPlots })
            command.Options.Add(option);
        foreach (Option option in LeverOptions)
            command.Options.Add(option);
        command.SetAction(parse => Execute(ReadConfig(parse), parse, stdout, stderr));
        return command;
    }

    public static TrainingConfig ReadConfig(ParseResult parse)
    {
        var config = new TrainingConfig
        {
            Hidden = parse.GetValue(Hidden),
            LearningRate = parse.GetValue(LearningRate),
            Epochs = parse.GetValue(Epochs),
            BatchSize = parse.GetValue(BatchSize),
            L2 = parse.GetValue(L2),
            Seed = parse.GetValue(Seed),
            Samples = parse.GetValue(Samples),
            UseBias = !parse.GetValue(NoBias),
        };
        config = ReadLevers(parse, config);
        return config.Validate() is { } error ? throw new UsageException(error) : config;
    }

    public static OutputSettings ReadOutput(ParseResult parse) =>
        new(parse.GetValue(Out)!, parse.GetValue(Json), Plots: !parse.GetValue(NoPlots));

    private static int Execute(TrainingConfig config, ParseResult parse, TextWriter stdout, TextWriter stderr)
    {
        OutputSettings output = ReadOutput(parse);
        TextWriter log = output.JsonPath == "-" ? stderr : stdout; // `--json -` keeps stdout for the document alone
        TrainingResult result = TrainJob.Run(config, output, log, stdout);
        if (result.Stop.Reason != StopReason.Diverged) return ExitCodes.Success;
        stderr.WriteLine($"xornet: {result.Stop.Message}");
        return ExitCodes.Diverged;
    }
}
