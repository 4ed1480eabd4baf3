using System.Diagnostics;
using System.Globalization;
using XorNet.Plotting;

namespace XorNet.Cli;

/// <summary>
/// Where a run's outputs go: the folder, an optional extra JSON destination ("-" = stdout), plots on/off,
/// the training animation (with its frame count) and how progress is shown.
/// </summary>
public sealed record OutputSettings(string OutDir, string? JsonPath = null, bool Plots = true,
    bool Animate = false, int Frames = OutputSettings.DefaultFrames, ProgressMode Progress = ProgressMode.Lines)
{
    public const int DefaultFrames = 50;

    /// <summary>Where the model goes; null = model.npz in OutDir.</summary>
    public string? ModelPath { get; init; }
}

/// <summary>
/// One training run as `xornet train` performs it: check the output folder, train, write metrics.json and the plots.
/// Commands that run several trainings (compare) call this for each, so every run behaves exactly as `train` alone.
/// </summary>
public static class TrainJob
{
    public static TrainingResult Run(TrainingConfig config, OutputSettings output, TextWriter log, TextWriter stdout,
                                     QualityGates? gates = null, CancellationToken cancel = default)
    {
        var clock = Stopwatch.StartNew();
        var run = CheckInputs(config, output); // bad input stops us before any file is written
        config = run.Config;
        PrepareOutputFolder(output.OutDir);
        if (output.JsonPath is { } jsonPath && jsonPath != "-")
            PrepareOutputFolder(Path.GetDirectoryName(Path.GetFullPath(jsonPath))!, "--json");
        var trainer = new Trainer(config, run.Train, run.Test);
        if (run.Initial is not null) run.Initial.CopyTo(trainer.Network.P);
        if (output.Progress != ProgressMode.Quiet) log.WriteLine($"xornet train: {Describe(config)}");
        var progress = new ProgressReporter(output.Progress, config.Epochs, log);
        var snapshots = output.Plots && output.Animate
            ? new ParameterSnapshots(trainer.Network, ParameterSnapshots.EvenlySpacedEpochs(config.Epochs, output.Frames)) : null;
        TrainingResult result = trainer.Run(m =>
        {
            snapshots?.Observe(m);
            progress.Report(m);
        }, cancel);
        progress.Finish();
        double trainSeconds = clock.Elapsed.TotalSeconds;

        string json = MetricsJson.Serialize(result, gates?.Check(result.Final), OptionTable.NameOf);
        AtomicFile.WriteAllText(Path.Combine(output.OutDir, "metrics.json"), json);
        if (output.JsonPath == "-") stdout.Write(json);
        else if (output.JsonPath is not null) AtomicFile.WriteAllText(output.JsonPath, json);
        ModelFile.Save(output.ModelPath ?? Path.Combine(output.OutDir, "model.npz"), new SavedModel(result.Network, run.Scaler, config.Standardize));
        if (output.Plots && FontCheck.MissingFontWarning() is { } fontWarning)
            log.WriteLine(fontWarning);
        if (output.Plots)
            WritePictures(result, run.ForPlots(result), output.OutDir, PlotTitle(config), snapshots);

        var final = result.Final;
        if (result.Stop.Reason == StopReason.EarlyStopped)
            log.WriteLine($"early stop at epoch {result.Stop.Epoch}: {result.Stop.Monitor} has not improved since epoch {result.Stop.RestoredEpoch}; its weights are kept");
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Verb(result)}: epoch {final.Epoch}  loss {FormatLoss(final.Loss)}  train accuracy {final.TrainAccuracy:P1}  {TestSummary(final)}" +
            $"time {trainSeconds:F2}s training, {clock.Elapsed.TotalSeconds:F2}s total  → {output.OutDir}/"));
        return result;
    }

    /// <summary>Reads every input and checks every output path and the memory budget; writes nothing.</summary>
    public static RunData CheckInputs(TrainingConfig config, OutputSettings output)
    {
        var run = RunData.Prepare(config);
        if (output.ModelPath is { } model) OutputFiles.Check("--save", model);
        if (output.JsonPath is { } jsonFile && jsonFile != "-") OutputFiles.Check("--json", jsonFile, folderMustExist: false); // created by Run
        if (ResourceGuard.Check(run.Config, run.Train.Features, run.Train.Classes) is { } tooBig)
            throw new UsageException(OptionTable.Text(tooBig));
        return run;
    }

    /// <summary>The exit code for a finished run (interrupted 130, diverged 3, a failed gate 1, else 0); says why.</summary>
    public static int ExitCode(TrainingResult result, QualityGates gates, TextWriter log, TextWriter stderr)
    {
        if (result.Interrupted)
        {
            log.WriteLine($"interrupted after epoch {result.History[^1].Epoch}: metrics and plots cover the completed epochs");
            return ExitCodes.Interrupted;
        }
        if (result.Stop.Reason == StopReason.Diverged)
        {
            stderr.WriteLine($"xornet: {OptionTable.Text(result.Stop.Message!)}");
            return ExitCodes.Diverged;
        }
        var failed = gates.Check(result.Final).Where(g => !g.Passed).ToList();
        foreach (var gate in failed)
            log.WriteLine($"gate failed: {OptionTable.Text(gate.Describe())}");
        return failed.Count > 0 ? ExitCodes.GateFailed : ExitCodes.Success;
    }

    private static string Verb(TrainingResult result) =>
        result.Interrupted ? "stopped" : result.Stop.Reason == StopReason.Diverged ? "diverged" : "done";

    private static string TestSummary(EpochMetrics m) => m.TestAccuracy is double accuracy
        ? string.Create(CultureInfo.InvariantCulture, $"test accuracy {accuracy:P1}  test loss {m.TestLoss:F4}  ")
        : "";

    /// <summary>summary.png and its panels, network.png, neurons.png, and training.png when animating.</summary>
    /// <remarks>
    /// The static pictures use <paramref name="plotted"/> (standardisation folded into W1, so axes are the data's own);
    /// the animation replays the trainer's snapshots, which live in the network's (possibly standardised) inputs.
    /// </remarks>
    private static void WritePictures(TrainingResult result, TrainingResult plotted, string outDir, string configuration, ParameterSnapshots? snapshots)
    {
        Figures.WriteAll(plotted, outDir, configuration);
        NetworkDiagram.Save(Path.Combine(outDir, "network.png"), plotted.Network, configuration);
        NeuronMaps.Save(Path.Combine(outDir, "neurons.png"), plotted, configuration);
        if (snapshots is not null)
            AtomicFile.WriteAllBytes(Path.Combine(outDir, "training.png"), Animation.Render(result, snapshots.Taken, configuration));
    }

    /// <summary>Four decimals, as always; a blown-up loss (≥ 1e6) in scientific notation instead of 60 digits.</summary>
    internal static string FormatLoss(double loss) =>
        Math.Abs(loss) < 1e6 ? loss.ToString("F4", CultureInfo.InvariantCulture) : loss.ToString("0.###E+0", CultureInfo.InvariantCulture);

    public static string Describe(TrainingConfig c) => string.Create(CultureInfo.InvariantCulture,
        $"H={c.Hidden} lr={c.LearningRate:G} epochs={c.Epochs} batch={c.BatchSize} l2={c.L2:G} seed={c.Seed} N={c.Samples}{(c.UseBias ? "" : " no-bias")}{DescribeLevers(c)}{RunData.Describe(c)}");

    /// <summary>The plots' subtitle: the levers and data options get a line of their own so the panels' titles stay narrow.</summary>
    private static string PlotTitle(TrainingConfig c)
    {
        string second = DescribeLevers(c) + RunData.Describe(c);
        return second.Length == 0 ? Describe(c) : Describe(c)[..^second.Length] + "\n" + second.Trim();
    }

    /// <summary>The levers that differ from the article's defaults, e.g. " relu cross-entropy adam clip-norm=1".</summary>
    public static string DescribeLevers(TrainingConfig c)
    {
        var d = new TrainingConfig();
        var parts = new List<string>();
        if (c.Activation != d.Activation) parts.Add(LeverNames.Of(c.Activation));
        if (c.Loss != d.Loss) parts.Add(LeverNames.Of(c.Loss));
        if (c.L1 != d.L1) parts.Add(string.Create(CultureInfo.InvariantCulture, $"l1={c.L1:G}"));
        if (c.Optimizer != d.Optimizer) parts.Add(LeverNames.Of(c.Optimizer));
        if (c.LrSchedule != d.LrSchedule) parts.Add("lr " + LearningRateSchedule.From(c).Describe());
        if (c.ClipNorm is double n) parts.Add(string.Create(CultureInfo.InvariantCulture, $"clip-norm={n:G}"));
        if (c.ClipValue is double v) parts.Add(string.Create(CultureInfo.InvariantCulture, $"clip-value={v:G}"));
        if (c.EarlyStop is int p) parts.Add($"early-stop={p}");
        return parts.Count == 0 ? "" : " " + string.Join(" ", parts);
    }

    /// <summary>Creates the folder and proves it is writable before any training starts.</summary>
    public static void PrepareOutputFolder(string outDir, string option = "--out")
    {
        if (outDir.Trim().Length == 0) throw new UsageException($"{option} '{outDir}': an empty path; must be a folder");
        try
        {
            Directory.CreateDirectory(outDir);
            string probe = Path.Combine(outDir, $".xornet-write-test-{Environment.ProcessId}");
            File.WriteAllText(probe, "");
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new UsageException($"{option} {outDir}: cannot write there ({e.Message})");
        }
    }
}
