using System.Diagnostics;
using System.Globalization;
using XorNet.Plotting;

namespace XorNet.Cli;

/// <summary>Where a run's outputs go: the folder, an optional extra JSON destination ("-" = stdout), plots on/off.</summary>
public sealed record OutputSettings(string OutDir, string? JsonPath = null, bool Plots = true)
{
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
        var run = RunData.Prepare(config); // reads every input first: bad input stops us before any file is written
        config = run.Config;
        if (output.ModelPath is { } model && !Directory.Exists(Path.GetDirectoryName(Path.GetFullPath(model))))
            throw new UsageException($"--save {model}: the folder does not exist");
        if (ResourceGuard.Check(config, run.Train.Features, run.Train.Classes) is { } tooBig)
            throw new UsageException(tooBig);
        PrepareOutputFolder(output.OutDir);
        if (output.JsonPath is { } jsonPath && jsonPath != "-")
            PrepareOutputFolder(Path.GetDirectoryName(Path.GetFullPath(jsonPath))!, "--json");
        var trainer = new Trainer(config, run.Train, run.Test);
        if (run.Initial is not null) run.Initial.CopyTo(trainer.Network.P);
        log.WriteLine($"xornet train: {Describe(config)}");
        TrainingResult result = trainer.Run(m => ReportProgress(m, config.Epochs, log), cancel);
        double trainSeconds = clock.Elapsed.TotalSeconds;

        string json = MetricsJson.Serialize(result, gates?.Check(result.Final));
        AtomicFile.WriteAllText(Path.Combine(output.OutDir, "metrics.json"), json);
        if (output.JsonPath == "-") stdout.Write(json);
        else if (output.JsonPath is not null) AtomicFile.WriteAllText(output.JsonPath, json);
        ModelFile.Save(output.ModelPath ?? Path.Combine(output.OutDir, "model.npz"), new SavedModel(result.Network, run.Scaler, config.Standardize));
        if (output.Plots)
            Figures.WriteAll(run.ForPlots(result), output.OutDir, PlotTitle(config));

        var final = result.Final;
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{(result.Status == TrainingStatus.Ok ? "done" : "stopped")}: epoch {final.Epoch}  loss {final.Loss:F4}  train accuracy {final.TrainAccuracy:P1}  {TestSummary(final)}" +
            $"time {trainSeconds:F2}s training, {clock.Elapsed.TotalSeconds:F2}s total  → {output.OutDir}/"));
        return result;
    }

    /// <summary>The exit code for a finished run (interrupted 130, a failed gate 1, else 0); says why on the log.</summary>
    public static int ExitCode(TrainingResult result, QualityGates gates, TextWriter log)
    {
        if (result.Status == TrainingStatus.Interrupted)
        {
            log.WriteLine($"interrupted after epoch {result.Final.Epoch}: metrics and plots cover the completed epochs");
            return ExitCodes.Interrupted;
        }
        var failed = gates.Check(result.Final).Where(g => !g.Passed).ToList();
        foreach (var gate in failed)
            log.WriteLine($"gate failed: {gate.Describe()}");
        return failed.Count > 0 ? ExitCodes.GateFailed : ExitCodes.Success;
    }

    private static string TestSummary(EpochMetrics m) => m.TestAccuracy is double accuracy
        ? string.Create(CultureInfo.InvariantCulture, $"test accuracy {accuracy:P1}  test loss {m.TestLoss:F4}  ")
        : "";

    /// <summary>A short line at ten evenly spaced epochs (and the first and last).</summary>
    private static void ReportProgress(EpochMetrics m, int epochs, TextWriter log)
    {
        int every = Math.Max(1, epochs / 10);
        if (m.Epoch % every != 0 && m.Epoch != epochs) return;
        int width = epochs.ToString(CultureInfo.InvariantCulture).Length;
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  epoch {m.Epoch.ToString(CultureInfo.InvariantCulture).PadLeft(width)}/{epochs}  loss {m.Loss:F4}  train accuracy {m.TrainAccuracy:F3}{(m.TestAccuracy is double t ? $"  test accuracy {t:F3}" : "")}"));
    }

    public static string Describe(TrainingConfig c) => string.Create(CultureInfo.InvariantCulture,
        $"H={c.Hidden} lr={c.LearningRate:G} epochs={c.Epochs} batch={c.BatchSize} l2={c.L2:G} seed={c.Seed} N={c.Samples}{(c.UseBias ? "" : " no-bias")}{RunData.Describe(c)}");

    /// <summary>The plots' subtitle: the data options get a line of their own so the panels' titles stay narrow.</summary>
    private static string PlotTitle(TrainingConfig c)
    {
        string data = RunData.Describe(c);
        return data.Length == 0 ? Describe(c) : Describe(c)[..^data.Length] + "\n" + data.Trim();
    }

    /// <summary>Creates the folder and proves it is writable before any training starts.</summary>
    public static void PrepareOutputFolder(string outDir, string option = "--out")
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
            throw new UsageException($"{option} {outDir}: cannot write there ({e.Message})");
        }
    }
}
