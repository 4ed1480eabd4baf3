using System.Globalization;

namespace XorNet.Cli;

/// <summary>
/// The data side of a run, read and checked before anything is written: the points (generated or from --data),
/// the stratified test split, the standardizer fitted on the training points, and the --init weights.
/// </summary>
public sealed record RunData(TrainingConfig Config, Dataset RawTrain, Dataset? RawTest, Standardizer Scaler,
    Parameters? Initial)
{
    public Dataset Train => Scaler.Apply(RawTrain);
    public Dataset? Test => RawTest is null ? null : Scaler.Apply(RawTest);

    public static RunData Prepare(TrainingConfig config)
    {
        Dataset all = config.Reference is not null ? ReferenceData.Points(config.Samples)
            : config.DataPath is { } path ? InputFiles.Csv("--data", path)
            : DataGenerators.Generate(config.Dataset, config.Samples, config.Noise, config.Seed);
        config = config with { Samples = all.Count };
        var (train, test) = config.TestSplit > 0 ? Split(all, config) : (all, null);
        var scaler = config.Standardize ? Standardizer.Fit(train.X) : Standardizer.Identity(train.Features);
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
        var expected = new Parameters(config.Hidden.WithEnds(data.Features, data.Classes));
        if (expected.Layers != model.P.Layers)
            throw new UsageException(
                $"--init {path}: the model has hidden layers {model.Hidden} but this run has --hidden {config.Hidden}");
        foreach (var ((name, want), (_, have)) in expected.Named().Zip(model.P.Named()))
            if (want.Rows != have.Rows || want.Cols != have.Cols)
                throw new UsageException(
                    $"--init {path}: {name} has shape {Shape(name, have)} but this run needs {Shape(name, want)} " +
                                         $"(--hidden {config.Hidden}, {data.Features} inputs, {data.Classes} classes)");
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

    /// <summary>The result as the plots should show it: in the data's own coordinates, with the raw test
    /// points.</summary>
    public TrainingResult ForPlots(TrainingResult result) => Config.Standardize
        ? result with { Network = Scaler.Fold(result.Network), Data = RawTrain, Test = RawTest }
        : result;

    /// <summary>The data part of the run's one-line description; empty for the default Gaussian XOR.</summary>
    public static string Describe(TrainingConfig c) => string.Create(CultureInfo.InvariantCulture,
        $"{(c.DataPath is { } p ? $" data={Path.GetFileName(p)}" : c.Dataset == "xor" ? "" : $" {c.Dataset}")}" +
        $"{(c.Noise != 0 ? $" noise={c.Noise:G}" : "")}{(c.TestSplit != 0 ? $" test={c.TestSplit:G}" : "")}" +
        $"{(c.Standardize ? " std" : "")}" +
        $"{(c.InitPath is not null ? " init" : "")}");
}
