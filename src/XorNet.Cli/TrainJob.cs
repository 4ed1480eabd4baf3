using System.Diagnostics;
using System.Globalization;
using System.Text;
using XorNet.Tensors;
using XorNet.Cli.Live;
using XorNet.Plotting;
using Snapshots = System.Collections.Generic.IReadOnlyList<(XorNet.EpochMetrics Metrics, XorNet.Parameters Parameters)>;

namespace XorNet.Cli;

/// <summary>
/// Where a run's outputs go: the folder, an optional extra JSON destination ("-" = stdout), plots on/off,
/// the training animation (with its frame count) and how progress is shown.
/// </summary>
public sealed record OutputSettings(string OutDir, string? JsonPath = null, bool Plots = true,
    bool Animate = false, int Frames = OutputSettings.DefaultFrames, ProgressMode Progress = ProgressMode.Lines)
{
    public const int DefaultFrames = 50;
    public const double DefaultLiveSeconds = 8;

    /// <summary>Where the model goes; null = model.npz in OutDir.</summary>
    public string? ModelPath { get; init; }

    /// <summary>`--live`: the seconds the training plays in (0 = as fast as it trains); null = no live view.</summary>
    public double? LiveSeconds { get; init; }
    /// <summary>A CSV of every epoch (metrics.json keeps a bounded history); null = none.</summary>
    public string? HistoryCsvPath { get; init; }
}

/// <summary>
/// One training run as `xornet train` performs it: check the output folder, train, write metrics.json and the plots.
/// Commands that run several trainings (compare) call this for each, so every run behaves exactly as `train` alone.
/// </summary>
public static class TrainJob
{
    /// <param name="onSnapshots">
    /// Receives the animation's snapshots (with --animate), in the plane as the returned result
    /// (compare's comparison.gif).
    /// </param>
    public static TrainingResult Run(TrainingConfig config, OutputSettings output, TextWriter log, TextWriter stdout,
                                     QualityGates? gates = null, CancellationToken cancel = default,
                                     IRunWatcher? watch = null,
                                     Action<IReadOnlyList<(EpochMetrics Metrics, Parameters Parameters)>>? onSnapshots =
                                         null)
    {
        var clock = Stopwatch.StartNew();
        Task? warm = output.Plots ? WarmUp.Start() : null; // the plotting stack's start-up, beside the training
        var run = CheckInputs(config, output); // bad input stops us before any file is written
        config = run.Config;
        using var files = OutputSet.Open(output.OutDir, Holder(config));
        if (output.Progress != ProgressMode.Quiet) log.WriteLine($"xornet train: {Describe(config)}");
        var progress = new ProgressReporter(output.Progress, config.Epochs, log);
        var (result, snapshots) = config.Reference is null
            ? TrainXorNet(config, run, output, progress, watch, cancel)
            : ReferenceAnimation.Train(config, output.Plots && output.Animate ? output.Frames : null, progress.Report,
                cancel);
        progress.Finish();
        var taken = snapshots is null ? null : InPlane(run, snapshots.Taken, result.Network);
        if (snapshots is not null) onSnapshots?.Invoke(run.ForPlots(snapshots.Taken, result.Network)); // as the result
        double trainSeconds = clock.Elapsed.TotalSeconds;

        string json = MetricsJson.Serialize(result, gates?.Check(result.Final), OptionTable.NameOf);
        try
        {
            warm?.Wait();
            result = WriteOutputs(result, run, output, files, json, taken, gates, progress, cancel);
        }
        catch (OutputFailure e)
        {
            throw files.Explain(e);
        }
        if (output.JsonPath == "-") stdout.Write(json); // after the files: a failing stdout never costs the model

        var final = result.Final;
        if (result.Stop.Reason == StopReason.EarlyStopped)
            log.WriteLine(
                $"early stop at epoch {result.Stop.Epoch}: {result.Stop.Monitor} has not improved since epoch " +
                $"{result.Stop.RestoredEpoch}; its weights are kept");
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Verb(result)}: epoch {final.Epoch}  loss {FormatLoss(final.Loss)}  train accuracy " +
                $"{final.TrainAccuracy:P1}  {TestSummary(final)}" +
            $"time {trainSeconds:F2}s training, {clock.Elapsed.TotalSeconds:F2}s total  → {output.OutDir}/"));
        if (GradientFlow.Assess(result)?.Advice is { } flow) log.WriteLine(OptionTable.Text(flow));
        return result;
    }

    /// <summary>XorNet's own training, watched by the progress line, the history CSV and a live view.</summary>
    private static (TrainingResult, ParameterSnapshots?) TrainXorNet(TrainingConfig config, RunData run,
        OutputSettings output, ProgressReporter progress, IRunWatcher? watch, CancellationToken cancel)
    {
        var trainer = new Trainer(config, run.Train, run.Test);
        if (run.Initial is not null) run.Initial.CopyTo(trainer.Network.P);
        using var csv =
            output.HistoryCsvPath is { } csvPath
            ? new HistoryCsvWriter(csvPath, run.Test is not null, trainer.Network.P.Layers) : null;
        var snapshots = output.Plots && output.Animate
            ? new ParameterSnapshots(trainer.Network,
                ParameterSnapshots.EvenlySpacedEpochs(config.Epochs, output.Frames)) : null;
        watch?.Started(trainer, run.Train, run.Config.Features.IsPlain ? null : InPlane(run));
        TrainingResult? result = null;
        try
        {
            result = trainer.Run(m =>
            {
                snapshots?.Observe(m);
                csv?.Append(trainer.History);
                progress.Report(m);
                watch?.Epoch(m);
            }, cancel);
        }
        finally { watch?.Finished(result); } // before the outputs are written: a live view need not wait for them
        csv?.Commit();
        return (result!, snapshots);
    }

    /// <summary>Every file a run may write in --out (the ones it does not write this time are removed at
    /// commit).</summary>
    public static readonly string[] OwnedNames =
        ["metrics.json", "model.npz", "accuracy.png", "loss.png", "boundary.png", "summary.png", "network.png",
            "neurons.png", "training.png", "training.gif", "gradients.png"];

    private static bool Writes(OutputSettings output, string name) => name switch
    {
        "metrics.json" => true,
        "model.npz" => output.ModelPath is null,
        "training.png" or "training.gif" => output.Plots && output.Animate,
        _ => output.Plots,
    };

    /// <summary>
    /// Stages metrics.json, the model and the pictures, then commits them as one set (metrics.json last). A Ctrl-C
    /// while the pictures are drawn stops the drawing; the files finished so far are committed and the run says so.
    /// </summary>
    private static TrainingResult WriteOutputs(TrainingResult result, RunData run, OutputSettings output,
                                               OutputSet files, string json, Snapshots? snapshots,
                                               QualityGates? gates, ProgressReporter progress, CancellationToken cancel)
    {
        AtomicFile.WriteAllText(Path.Combine(files.Staging, "metrics.json"), json);
        var model = new SavedModel(result.Network, run.Scaler, run.Config.Standardize)
        {
            Features = run.Config.Features,
        };
        if (output.ModelPath is { } save) files.Add(save, stream => Npz.Write(stream, ModelFile.Arrays(model)));
        else ModelFile.Save(Path.Combine(files.Staging, "model.npz"), model);
        if (output.JsonPath is { } jsonPath && jsonPath != "-") files.Add(jsonPath,
            stream => stream.Write(Encoding.UTF8.GetBytes(json)));
        if (output.Plots && FontCheck.MissingFontWarning() is { } fontWarning)
            progress.Log(fontWarning);
        try
        {
            if (output.Plots)
                WritePictures(InPlane(run, result), run.ForPlots(result), files.Staging, PlotTitle(run.Config),
                              snapshots, gates, progress, cancel);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            progress.Finish();
            progress.Log(
                "interrupted while drawing the pictures: metrics.json, the model and the pictures finished so far " +
                "are written");
            result = result with { Interrupted = true };
        }
        files.Commit(OwnedNames, "metrics.json");
        return run.ForPlots(result);
    }

    /// <summary>
    /// A run on features other than x1, x2 is animated in the (x1, x2) plane
    /// (<see cref="RunData.ForPlots(TrainingResult)"/>); the plain run's animation keeps the inputs the network was
    /// trained on, as before. What <see cref="Run"/> returns (compare's pictures) is always in the plane, so that runs
    /// with and without features share one.
    /// </summary>
    private static TrainingResult InPlane(RunData run, TrainingResult result) =>
        run.Config.Features.IsPlain ? result : run.ForPlots(result);

    private static Snapshots InPlane(RunData run, Snapshots taken, Network network) =>
        run.Config.Features.IsPlain ? taken : run.ForPlots(taken, network);

    /// <summary>The live view's plane of a run on features: the raw points, the standardization folded in.</summary>
    private static FeaturePlane InPlane(RunData run) =>
        new(run.RawTrain, run.Config.Features, n => run.Config.Standardize ? run.Scaler.Fold(n) : n);

    /// <summary>Who holds --out, as a second run into it is told: "pid 1234 since 20:31:02 UTC, H=3 lr=1 …".</summary>
    private static string Holder(TrainingConfig config) => string.Create(CultureInfo.InvariantCulture,
        $"pid {Environment.ProcessId} since {DateTime.UtcNow:HH:mm:ss} UTC, {Describe(config)}");

    /// <summary>Reads every input and checks every path and the memory budget; writes nothing.</summary>
    public static RunData CheckInputs(TrainingConfig config, OutputSettings output, OutputPlan? plan = null)
    {
        Plan(plan ?? new OutputPlan(), config, output);
        var data = RunData.Prepare(config);
        if (ResourceGuard.Check(data.Config, data.Train.Features, data.Train.Classes) is { } tooBig)
            throw new UsageException(OptionTable.Text(tooBig));
        return data;
    }

    /// <summary>Adds the run's inputs and outputs (every file of ours in --out, written or not) to the plan.</summary>
    public static void Plan(OutputPlan plan, TrainingConfig config, OutputSettings output)
    {
        plan.Input("--data", config.DataPath).Input("--init", config.InitPath);
        plan.Folder("--out", output.OutDir);
        string? save = output.ModelPath is { } m && m.Trim().Length > 0 ? OutputPlan.Resolve("--save", m) : null;
        foreach (string name in OwnedNames)
        {
            string path = Path.Combine(output.OutDir, name);
            // --save OUT/model.npz: the default place, spelled out
            if (name != "model.npz" || save != OutputPlan.Resolve("--out", path))
                plan.File("--out", path, folderMayBeCreated: true, written: Writes(output, name));
        }
        if (output.ModelPath is { } model) plan.File("--save", model);
        if (output.HistoryCsvPath is { } csv) plan.File("--history-csv", csv);
        if (output.JsonPath is { } json && json != "-") plan.File("--json", json, folderMayBeCreated: true);
    }

    /// <summary>The exit code for a finished run (interrupted 130, diverged 3, a failed gate 1, else 0); says
    /// why.</summary>
    public static int ExitCode(TrainingResult result, QualityGates gates, TextWriter log, TextWriter stderr)
    {
        if (result.Interrupted)
        {
            log.WriteLine(
                $"interrupted after epoch {result.History[^1].Epoch}: metrics and plots cover the completed epochs");
            return ExitCodes.Interrupted;
        }
        if (result.Status == TrainingStatus.Diverged)
        {
            stderr.WriteLine($"xornet: {OptionTable.Text(result.DivergenceMessage)}");
            return ExitCodes.Diverged;
        }
        var failed = gates.Check(result.Final).Where(g => !g.Passed).ToList();
        foreach (var gate in failed)
            log.WriteLine($"gate failed: {OptionTable.Text(gate.Describe())}");
        return failed.Count > 0 ? ExitCodes.GateFailed : ExitCodes.Success;
    }

    private static string Verb(TrainingResult result) =>
        result.Interrupted ? "stopped" : result.Status == TrainingStatus.Diverged ? "diverged" : "done";

    private static string TestSummary(EpochMetrics m) => m.TestAccuracy is double accuracy
        ? string.Create(CultureInfo.InvariantCulture,
            $"test accuracy {accuracy:P1}  test loss {FormatLoss(m.TestLoss ?? double.NaN)}  ")
        : "";

    /// <summary>summary.png and its panels, network.png, neurons.png, and training.png/.gif when animating.</summary>
    /// <remarks>
    /// The static pictures use <paramref name="plotted"/> (standardisation folded into W1, so axes are the data's own);
    /// the animation replays the trainer's snapshots, which live in the network's (possibly standardised) inputs.
    /// The figures are independent, so they render side by side on the cores; each is built once.
    /// </remarks>
    private static void WritePictures(TrainingResult result, TrainingResult plotted, string outDir,
                                      string configuration, Snapshots? snapshots, QualityGates? gates,
                                      ProgressReporter progress, CancellationToken cancel)
    {
        var pictures = new List<Action>
        {
            () => Figures.WriteAll(plotted, outDir, configuration, gates),
            () => NetworkDiagram.Save(Path.Combine(outDir, "network.png"), plotted.Network, configuration,
                                      plotted.Config.Features.Names),
            () => NeuronMaps.Save(Path.Combine(outDir, "neurons.png"), plotted, configuration),
            () => GradientsFigure.Save(Path.Combine(outDir, "gradients.png"), result, configuration),
        };
        if (snapshots is not null)
            pictures.Add(() => WriteAnimation(result, snapshots, outDir, configuration, progress, cancel));
        try
        {
            Parallel.Invoke([.. pictures]); // a Ctrl-C stops the animation; the static pictures (each < 1 s) finish
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            // as itself (I/O → its exit code), also from nested Parallel loops
            var first = e.Flatten().InnerExceptions[0];
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(first).Throw();
        }
    }

    /// <summary>training.png (APNG) and training.gif from one set of frames, with progress ("frame 37/300").</summary>
    private static void WriteAnimation(TrainingResult result, Snapshots snapshots, string outDir,
                                       string configuration, ProgressReporter progress, CancellationToken cancel)
    {
        var frames = Animation.RenderFrames(result, snapshots, configuration,
            (done, total) => progress.Step("training.png: frame", done, total), cancel);
        byte[] apng = [], gif = [];
        Parallel.Invoke( // one encoder a core: each reads the frames and writes only its own bytes
            () => apng = frames.ToApng(done => progress.Step("training.png: encoding frame", done, frames.Pngs.Count),
                cancel),
            () => gif = frames.ToGif());
        cancel.ThrowIfCancellationRequested();
        progress.Finish();
        AtomicFile.WriteAllBytes(Path.Combine(outDir, "training.png"), apng);
        AtomicFile.WriteAllBytes(Path.Combine(outDir, "training.gif"), gif);
    }

    /// <summary>Four significant digits (<see cref="MetricText.Loss"/>): 1e-5 is not "0.0000", a blow-up not 60
    /// digits.</summary>
    internal static string FormatLoss(double loss) => MetricText.Loss(loss);

    public static string Describe(TrainingConfig c) => c.Reference is not null ? ReferenceOptions.Describe(c)
        : string.Create(CultureInfo.InvariantCulture,
        $"H={c.Hidden} lr={c.LearningRate:G} epochs={c.Epochs} batch={c.BatchSize} l2={c.L2:G} seed={c.Seed} " +
            $"N={c.Samples}{(c.UseBias ? "" : " no-bias")}{DescribeLevers(c)}{RunData.Describe(c)}");

    /// <summary>The plots' subtitle: the levers and data options get a line of their own so the panels' titles stay
    /// narrow.</summary>
    private static string PlotTitle(TrainingConfig c)
    {
        if (c.Reference is not null) return ReferenceOptions.PlotTitle(c);
        string second = DescribeLevers(c) + RunData.Describe(c);
        return second.Length == 0 ? Describe(c) : Describe(c)[..^second.Length] + "\n" + second.Trim();
    }

    /// <summary>The levers that differ from the article's defaults, e.g. " relu cross-entropy adam
    /// clip-norm=1".</summary>
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
}
