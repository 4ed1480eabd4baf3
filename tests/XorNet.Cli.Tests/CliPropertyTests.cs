using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using XorNet.Cli;
using XorNet.Tensors;

namespace XorNet.Cli.Tests;

/// <summary>
/// Random command lines for every command: whatever a user types, xornet answers with a documented exit code, never
/// 70; and bad input (exit 2) is exactly one line on stderr, nothing on stdout, and no file in the output folder.
/// Values are small (a few epochs and points, --no-plots), so each run is cheap.
/// </summary>
public sealed class CliPropertyTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("xornet-prop-").FullName;
    private readonly string[] _values;

    public CliPropertyTests()
    {
        string csv = Path.Combine(_dir, "xor.csv"), model = Path.Combine(_dir, "model.npz"), binary =
            Path.Combine(_dir, "binary.csv");
        File.WriteAllText(csv, DatasetCsv.Format(DataGenerators.Generate("xor", 20, 0, 1)));
        File.WriteAllBytes(binary, [0x7f, (byte)'E', (byte)'L', (byte)'F', 0, 1, 2]);
        var network = new Network(2, 3, 2);
        network.Initialize(Rng.ForPurpose(1, "init"));
        ModelFile.Save(model, new SavedModel(network, Standardizer.Identity(2), false));
        _values = [.. Values, csv, model, binary, _dir, Path.Combine(_dir, "missing.npz"),
            Path.Combine(_dir, "new", "x.json"), Path.Combine(_dir, "w.csv")];
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly string[] Values =
        ["0", "1", "-1", "2", "3", "10", "0.5", "1e-4", "NaN", "Infinity", "-Infinity", "abc", "", "1e309",
            "99999999999",
         "2147483648", "-", "/dev/null/x.json", "0x10", "1,2", "1,3", " 5", "٣", "@x", "relu", "tanh", "adam",
             "momentum",
         "step", "linear", "cross-entropy", "spiral", "moons", "0.5,1", "1,-1", "true"];

    private static readonly string[] Common = ["--verbose", "--bogus", "-x", "--", "--help"];

    private static readonly string[] TrainOptions =
        ["--hidden", "--lr", "--epochs", "--batch-size", "--l2", "--seed", "--samples", "--no-bias", "--json",
            "--dataset", "--noise",
         "--data", "--test-split", "--standardize", "--save", "--init", "--min-accuracy", "--max-loss", "--animate",
             "--frames", "--quiet",
         "--activation", "--loss", "--l1", "--optimizer", "--momentum", "--beta1", "--beta2", "--eps", "--lr-schedule",
             "--lr-step-size",
         "--lr-gamma", "--lr-decay", "--lr-final", "--clip-norm", "--clip-value", "--early-stop",
             "--no-divergence-check"];

    private static readonly string[] ModelOptions =
        ["--hidden", "--activation", "--loss", "--l2", "--l1", "--seed", "--samples", "--no-bias"];

    private static readonly Dictionary<string, string[]> Options = new()
    {
        ["train"] = TrainOptions,
        ["compare"] = [.. TrainOptions, "--parallel"],
        ["predict"] = ["--model", "--data", "--point"],
        ["data"] = ["--dataset", "--samples", "--noise", "--seed", "--out", "--plot"],
        ["gradcheck"] = [.. ModelOptions, "--eps", "--tol"],
        ["explain"] = [.. ModelOptions, "--batch", "--lr", "--json"],
    };

    /// <summary>The options a command needs to run at all, most of the time: cheap, and output inside the temp
    /// folder.</summary>
    private string[] Tail(string command, string outDir, bool withDefaults) => (command, withDefaults) switch
    {
        (_, false) => [],
        ("train" or "compare", _) => ["--no-plots", "--epochs", "3", "--samples", "20", "--out", outDir],
        ("predict", _) => ["--model", Path.Combine(_dir, "model.npz")],
        ("data", _) => ["--samples", "10", "--out", Path.Combine(outDir, "d.csv")],
        _ => ["--samples", "20"],
    };

    private Arbitrary<(string[] Tokens, bool WithDefaults)> CommandLines(string command) =>
        Gen.ListOf(Gen.OneOf(Gen.Elements(Options[command]), Gen.Elements(Options[command]), Gen.Elements(Common),
            Gen.Elements(_values)))
           .Select(tokens => tokens.Take(12).ToArray())
           .Zip(Gen.Frequency((5, Gen.Constant(true)), (1, Gen.Constant(false))))
           .ToArbitrary();

    private Property NeverAnInternalError(string command) => Prop.ForAll(CommandLines(command), input =>
    {
        string outDir = Path.Combine(_dir, $"out-{Guid.NewGuid():N}");
        if (command == "data") Directory.CreateDirectory(outDir);
        string[] args = [command, .. input.Tokens, .. Tail(command, outDir, input.WithDefaults)];
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = Program.Run(args, stdout, stderr);
        string[] lines = stderr.ToString().TrimEnd('\n').Split('\n');
        bool badInputContract = code != 2 || lines.Length == 1 && lines[0].StartsWith("xornet: error: ")
            && stdout.ToString().Length == 0 &&
                                (!Directory.Exists(outDir)
                                    || Directory.GetFiles(outDir, "*", SearchOption.AllDirectories).Length == 0);
        return (code is 0 or 1 or 2 or 3 && badInputContract)
            .Label($"exit {code} for [{string.Join(' ', args.Select(a => $"'{a}'"))}]: stdout " +
                $"{stdout.ToString().Length} chars, stderr: {stderr}");
    });

    [Property(MaxTest = 500)]
    public Property Train() => NeverAnInternalError("train");

    [Property(MaxTest = 200)]
    public Property Compare() => NeverAnInternalError("compare");

    [Property(MaxTest = 300)]
    public Property Predict() => NeverAnInternalError("predict");

    [Property(MaxTest = 300)]
    public Property Data() => NeverAnInternalError("data");

    [Property(MaxTest = 300)]
    public Property GradCheck() => NeverAnInternalError("gradcheck");

    [Property(MaxTest = 300)]
    public Property Explain() => NeverAnInternalError("explain");
}
