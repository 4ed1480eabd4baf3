using System.Globalization;
using XorNet.Tensors;

namespace XorNet.Cli;

/// <summary>
/// The data side of a run, read and checked before anything is written: the points (generated or from --data),
/// the stratified test split, the standardizer fitted on the training points' features, and the --init weights.
/// The raw sets keep the points' two columns x1, x2; Train and Test are what the network sees (features, scaled).
/// </summary>
public sealed record RunData(TrainingConfig Config, Dataset RawTrain, Dataset? RawTest, Standardizer Scaler,
    Parameters? Initial)
{
    public Dataset Train => Scaler.Apply(Featured(RawTrain));
    public Dataset? Test => RawTest is null ? null : Scaler.Apply(Featured(RawTest));

    /// <summary>The points' features; the plain x1,x2 leaves the data as they are (the same object and bits).</summary>
    private Dataset Featured(Dataset raw) => Config.Features.IsPlain ? raw : Config.Features.Apply(raw);

    public static RunData Prepare(TrainingConfig config)
    {
        Dataset all = config.Reference is not null ? ReferenceData.Points(config.Samples)
            : config.DataPath is { } path ? InputFiles.Csv("--data", path)
            : DataGenerators.Generate(config.Dataset, config.Samples, config.Noise, config.Seed);
        config = config with { Samples = all.Count };
        var (train, test) = config.TestSplit > 0 ? Split(all, config) : (all, null);
        Matrix features = config.Features.IsPlain ? train.X : config.Features.Apply(train.X);
        var scaler = config.Standardize ? Standardizer.Fit(features) : Standardizer.Identity(features.Cols);
        var initial = config.InitPath is { } init ? InitialWeights(init, config, all, scaler) : null;
        return new RunData(config, train, test, scaler, initial);
    }

    private static (Dataset, Dataset?) Split(Dataset all, TrainingConfig config)
    {
        try { return StratifiedSplit.Split(all, config.TestSplit, config.Seed); }
        catch (InvalidDataException e) { throw new UsageException($"--test-split {config.TestSplit}: {e.Message}"); }
    }

    /// <summary>The model's weights, which must have exactly the shapes, activation and output this run's network
    /// has.</summary>
    private static Parameters InitialWeights(string path, TrainingConfig config, Dataset data, Standardizer scaler)
    {
        var saved = InputFiles.Model("--init", path);
        var model = saved.Network;
        if (!saved.Features.Equals(config.Features))
            throw new UsageException($"--init {path}: the model's features are {saved.Features} but this run has " +
                                     $"--features {config.Features}: its weights would read other inputs");
        if (saved.Standardized != config.Standardize || (config.Standardize && !SameScaling(saved.Scaler, scaler)))
            throw new UsageException(
                $"--init {path}: the model was trained on {(saved.Standardized ? "standardised" : "raw")} inputs" +
                (saved.Standardized ? $" (mean {Numbers(saved.Scaler.Mean)}, std {Numbers(saved.Scaler.Std)})" : "") +
                " but this run's inputs are " +
                (config.Standardize
                    ? $"standardised with mean {Numbers(scaler.Mean)}, std {Numbers(scaler.Std)}"
                    : "raw") +
                ": its weights would mean something else");
        if (model.Activation.Kind != config.Activation || model.Output.Kind != config.Loss)
            throw new UsageException(
                $"--init {path}: the model has activation {LeverNames.Of(model.Activation.Kind)} and output " +
                $"{ModelFile.OutputName(model.Output.Kind)} " +
                                     $"but this run has --activation {LeverNames.Of(config.Activation)} --loss " +
                                         $"{LeverNames.Of(config.Loss)} " +
                                     $"(output {ModelFile.OutputName(config.Loss)})");
        var expected = new Parameters(config.Hidden.WithEnds(config.Features.D, data.Classes));
        if (expected.Layers != model.P.Layers)
            throw new UsageException(
                $"--init {path}: the model has hidden layers {model.Hidden} but this run has --hidden {config.Hidden}");
        foreach (var ((name, want), (_, have)) in expected.Named().Zip(model.P.Named()))
            if (want.Rows != have.Rows || want.Cols != have.Cols)
                throw new UsageException($"--init {path}: {name} has shape {Shape(name, have)} but this run needs " +
                                         $"{Shape(name, want)} (--hidden {config.Hidden}, " +
                                         $"{config.Features.D} inputs, {data.Classes} classes)");
        return model.P;
    }

    private static bool SameScaling(Standardizer a, Standardizer b) =>
        a.Mean.Length == b.Mean.Length && a.Mean.Zip(b.Mean).All(p => Close(p.First, p.Second))
            && a.Std.Zip(b.Std).All(p => Close(p.First, p.Second));

    private static bool Close(double a, double b) => Math.Abs(a - b) <= 1e-9 * Math.Max(1, Math.Abs(a) + Math.Abs(b));

    private static string Numbers(double[] values) => "("
        + string.Join(", ", values.Select(v => v.ToString("G4", CultureInfo.InvariantCulture))) + ")";

    /// <summary>NumPy's spelling: biases are vectors (H,), weights matrices (D, H).</summary>
    private static string Shape(string name, Tensors.Matrix m) => name.StartsWith('b') ? $"({m.Cols},)"
        : $"({m.Rows}, {m.Cols})";

    /// <summary>
    /// The result as the plots should show it: in the data's own (x1, x2) plane, with the raw points; the plots compute
    /// the features of each point and grid cell (<see cref="TrainingConfig.Features"/>), the standardization is folded
    /// into W1.
    /// </summary>
    public TrainingResult ForPlots(TrainingResult result) => Config.Standardize || !Config.Features.IsPlain
        ? result with
        {
            Network = Config.Standardize ? Scaler.Fold(result.Network) : result.Network,
            Data = RawTrain,
            Test = RawTest,
        }
        : result;

    /// <summary>
    /// Animation snapshots in the plots' terms (<see cref="ForPlots(TrainingResult)"/>): standardization folded in.
    /// </summary>
    public IReadOnlyList<(EpochMetrics Metrics, Parameters Parameters)> ForPlots(
        IReadOnlyList<(EpochMetrics Metrics, Parameters Parameters)> snapshots, Network shape) =>
        !Config.Standardize ? snapshots : [.. snapshots.Select(s =>
        {
            var (activation, output) = (shape.Activation.Kind, shape.Output.Kind);
            var network = new Network(shape.D, shape.Hidden, shape.K, shape.UseBias, activation, output);
            s.Parameters.CopyTo(network.P);
            return (s.Metrics, Scaler.Fold(network).P);
        })];

    /// <summary>The data part of the run's one-line description; empty for the default Gaussian XOR.</summary>
    public static string Describe(TrainingConfig c) => string.Create(CultureInfo.InvariantCulture,
        $"{(c.DataPath is { } p ? $" data={Path.GetFileName(p)}" : c.Dataset == "xor" ? "" : $" {c.Dataset}")}" +
        $"{(c.Noise != 0 ? $" noise={c.Noise:G}" : "")}{(c.TestSplit != 0 ? $" test={c.TestSplit:G}" : "")}" +
        $"{(c.Features.IsPlain ? "" : $" features={c.Features}")}" +
        $"{(c.Standardize ? " std" : "")}" +
        $"{(c.InitPath is not null ? " init" : "")}");
}
