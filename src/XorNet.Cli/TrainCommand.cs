using System.CommandLine;

namespace XorNet.Cli;

/// <summary>`xornet train`: parses options into a <see cref="TrainingConfig"/>, trains, writes metrics and plots.</summary>
public static partial class TrainCommand
{
    private static readonly TrainingConfig Defaults = new();

    private static readonly Option<string> Hidden = HiddenOption.Create();
    private static readonly Option<double> LearningRate = new("--lr") { Description = "Learning rate (of plain SGD unless --optimizer says otherwise)", DefaultValueFactory = _ => Defaults.LearningRate };
    private static readonly Option<int> Epochs = new("--epochs") { Description = "Shuffled passes over the training data", DefaultValueFactory = _ => Defaults.Epochs };
    private static readonly Option<int> BatchSize = new("--batch-size") { Description = "Minibatch size (a full batch: --batch-size equal to --samples)", DefaultValueFactory = _ => Defaults.BatchSize };
    private static readonly Option<double> L2 = new("--l2") { Description = "L2 regularisation λ in λ·(ΣW1² + ΣW2² + …)/(2N), every weight matrix", DefaultValueFactory = _ => Defaults.L2 };
    private static readonly Option<long> Seed = new("--seed") { Description = "Seed for the data, the initial weights and the shuffling", DefaultValueFactory = _ => Defaults.Seed };
    private static readonly Option<int> Samples = new("--samples") { Description = "Number of Gaussian XOR points", DefaultValueFactory = _ => Defaults.Samples };
    private static readonly Option<bool> NoBias = new("--no-bias") { Description = "Drop the biases, as the article's reference code (XOR then fails)" };
    private static readonly Option<string> Out = new("--out") { Description = "Output folder", DefaultValueFactory = _ => "xornet-out" };
    private static readonly Option<string?> Json = new("--json") { Description = "Also write the metrics JSON to FILE ('-' = stdout, all other output to stderr)" };
    private static readonly Option<bool> NoPlots = new("--no-plots") { Description = "Write metrics only, no PNGs (fast pipeline runs)" };
    private static readonly Option<double?> MinAccuracy = new("--min-accuracy") { Description = "Gate: exit 1 unless the final train accuracy (test accuracy with a test split) is ≥ X" };
    private static readonly Option<double?> MaxLoss = new("--max-loss") { Description = "Gate: exit 1 unless the final loss is ≤ X" };
    private static readonly Option<string> DatasetName = new("--dataset") { Description = "Built-in data: xor (the article's Gaussian XOR), circle, gauss, spiral, moons", DefaultValueFactory = _ => Defaults.Dataset };
    private static readonly Option<double> Noise = new("--noise") { Description = "Noise of the built-in dataset (Playground's 0–0.5 for xor/circle/gauss/spiral, jitter std for moons)", DefaultValueFactory = _ => 0 };
    private static readonly Option<string?> Data = new("--data") { Description = "Train on a CSV file: header, then x1,x2,label rows (labels 0..K−1)" };
    private static readonly Option<double> TestSplit = new("--test-split") { Description = "Hold out this fraction (seeded, stratified) to measure test accuracy", DefaultValueFactory = _ => 0 };
    private static readonly Option<bool> Standardize = new("--standardize") { Description = "Scale inputs to mean 0, std 1 (fitted on the training points; saved with the model)" };
    private static readonly Option<string?> Save = new("--save") { Description = "Model file to write (default: model.npz in --out); loads with numpy.load(allow_pickle=False)" };
    private static readonly Option<string?> Init = new("--init") { Description = "Start from the weights of this model file instead of random ones" };
    private static readonly Option<bool> Animate = new("--animate") { Description = "Also write training.png, an animated PNG of accuracy | boundary | loss as training goes" };
    private static readonly Option<int> Frames = new("--frames") { Description = "Frames of the --animate animation, at evenly spaced epochs", DefaultValueFactory = _ => OutputSettings.DefaultFrames };
    private static readonly Option<bool> Quiet = new("--quiet", "-q") { Description = "Print only the final summary line" };

    public static Command Create(TextWriter stdout, TextWriter stderr, CancellationToken cancel = default)
    {
        var command = new Command("train", "Train the network (--hidden 3 by default, the article's) and write metrics.json and the plots to --out.");
        foreach (Option option in new Option[] { Hidden, LearningRate, Epochs, BatchSize, L2, Seed, Samples, NoBias, Out, Json, NoPlots,
                                                 DatasetName, Noise, Data, TestSplit, Standardize, Save, Init, MinAccuracy, MaxLoss,
                                                 Animate, Frames, Quiet })
            command.Options.Add(option);
        foreach (Option option in LeverOptions)
            command.Options.Add(option);
        command.SetAction(parse => Execute(ReadConfig(parse), parse, stdout, stderr, cancel));
        return command;
    }

    public static TrainingConfig ReadConfig(ParseResult parse)
    {
        var config = new TrainingConfig
        {
            Hidden = HiddenOption.Read(parse, Hidden),
            LearningRate = parse.GetValue(LearningRate),
            Epochs = parse.GetValue(Epochs),
            BatchSize = parse.GetValue(BatchSize),
            L2 = parse.GetValue(L2),
            Seed = parse.GetValue(Seed),
            Samples = parse.GetValue(Samples),
            UseBias = !parse.GetValue(NoBias),
            Dataset = parse.GetValue(DatasetName)!,
            Noise = parse.GetValue(Noise),
            DataPath = parse.GetValue(Data),
            TestSplit = parse.GetValue(TestSplit),
            Standardize = parse.GetValue(Standardize),
            InitPath = parse.GetValue(Init),
        };
        config = ReadLevers(parse, config);
        if ((config.Validate() ?? ResourceGuard.Check(config)) is { } error)
            throw new UsageException(error);
        return config;
    }

    public static OutputSettings ReadOutput(ParseResult parse)
    {
        int frames = parse.GetValue(Frames);
        if (frames is < 2 or > 1000) throw new UsageException($"--frames {frames}: must be between 2 and 1000");
        bool plots = !parse.GetValue(NoPlots), animate = parse.GetValue(Animate);
        if (animate && !plots) throw new UsageException("--animate: cannot animate with --no-plots (which turns every picture off)");
        return new(parse.GetValue(Out)!, parse.GetValue(Json), plots, animate, frames, parse.GetValue(Quiet) ? ProgressMode.Quiet : ProgressMode.Lines)
        {
            ModelPath = parse.GetValue(Save),
        };
    }

    public static QualityGates ReadGates(ParseResult parse)
    {
        var gates = new QualityGates(parse.GetValue(MinAccuracy), parse.GetValue(MaxLoss));
        return gates.Validate() is { } error ? throw new UsageException(error) : gates;
    }

    private static int Execute(TrainingConfig config, ParseResult parse, TextWriter stdout, TextWriter stderr, CancellationToken cancel)
    {
        OutputSettings output = ReadOutput(parse);
        QualityGates gates = ReadGates(parse);
        TextWriter log = output.JsonPath == "-" ? stderr : stdout; // `--json -` keeps stdout for the document alone
        output = output with { Progress = ProgressReporter.Choose(output.Progress == ProgressMode.Quiet, log, output.JsonPath) };
        TrainingResult result = TrainJob.Run(config, output, log, stdout, gates, cancel);
        return TrainJob.ExitCode(result, gates, log, stderr);
    }
}
