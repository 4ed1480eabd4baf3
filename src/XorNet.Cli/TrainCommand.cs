using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using XorNet.Plotting;

namespace XorNet.Cli;

/// <summary>`xornet train`: parses options into a <see cref="TrainingConfig"/>, trains, writes metrics and plots.</summary>
public static class TrainCommand
{
    private static readonly TrainingConfig Defaults = new();

    private static readonly Option<int> Hidden = new("--hidden") { Description = "Hidden neurons H", DefaultValueFactory = _ => Defaults.Hidden };
    private static readonly Option<double> LearningRate = new("--lr") { Description = "Learning rate of plain SGD", DefaultValueFactory = _ => Defaults.LearningRate };
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
        command.SetAction(parse => Execute(ReadConfig(parse), parse, stdout, stderr));
        return command;
    }

    private static TrainingConfig ReadConfig(ParseResult parse)
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
        return config.Validate() is { } error ? throw new UsageException(error) : config;
    }

    private static int Execute(TrainingConfig config, ParseResult parse, TextWriter stdout, TextWriter stderr)
    {
        string outDir = parse.GetValue(Out)!;
        string? jsonPath = parse.GetValue(Json);
        TextWriter log = jsonPath == "-" ? stderr : stdout; // `--json -` keeps stdout for the document alone
        PrepareOutputFolder(outDir);

        var clock = Stopwatch.StartNew();
        var data = Dataset.GaussianXor(config.Samples, config.Seed);
        var trainer = new Trainer(config, data);
        log.WriteLine($"xornet train: {Describe(config)}");
        TrainingResult result = trainer.Run(m => ReportProgress(m, config.Epochs, log));
        double trainSeconds = clock.Elapsed.TotalSeconds;

        string json = MetricsJson.Serialize(result);
        AtomicFile.WriteAllText(Path.Combine(outDir, "metrics.json"), json);
        if (jsonPath == "-") stdout.Write(json);
        else if (jsonPath is not null) AtomicFile.WriteAllText(jsonPath, json);
        if (!parse.GetValue(NoPlots))
            Figures.WriteAll(result, outDir, Describe(config));

        var final = result.Final;
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"done: epoch {final.Epoch}  loss {final.Loss:F4}  train accuracy {final.TrainAccuracy:P1}  " +
            $"time {trainSeconds:F2}s training, {clock.Elapsed.TotalSeconds:F2}s total  → {outDir}/"));
        return ExitCodes.Success;
    }

    /// <summary>A short line at ten evenly spaced epochs (and the first and last).</summary>
    private static void ReportProgress(EpochMetrics m, int epochs, TextWriter log)
    {
        int every = Math.Max(1, epochs / 10);
        if (m.Epoch % every != 0 && m.Epoch != epochs) return;
        int width = epochs.ToString(CultureInfo.InvariantCulture).Length;
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  epoch {m.Epoch.ToString(CultureInfo.InvariantCulture).PadLeft(width)}/{epochs}  loss {m.Loss:F4}  train accuracy {m.TrainAccuracy:F3}"));
    }

    public static string Describe(TrainingConfig c) => string.Create(CultureInfo.InvariantCulture,
        $"H={c.Hidden} lr={c.LearningRate:G} epochs={c.Epochs} batch={c.BatchSize} l2={c.L2:G} seed={c.Seed} N={c.Samples}{(c.UseBias ? "" : " no-bias")}");

    private static void PrepareOutputFolder(string outDir)
    {
        try
        {
            Directory.CreateDirectory(outDir);
            string probe = Path.Combine(outDir, $".xornet-write-test-{Environment.ProcessId}");
            File.WriteAllText(probe, "");
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new UsageException($"--out {outDir}: cannot write there ({e.Message})");
        }
    }
}
