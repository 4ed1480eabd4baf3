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
}

/// <summary>
/// One training run as `xornet train` performs it: check the output folder, train, write metrics.json and the plots.
/// Commands that run several trainings (compare) call this for each, so every run behaves exactly as `train` alone.
/// </summary>
public static class TrainJob
{
    public static TrainingResult Run(TrainingConfig config, OutputSettings output, TextWriter log, TextWriter stdout)
    {
        PrepareOutputFolder(output.OutDir);
        var clock = Stopwatch.StartNew();
        var data = Dataset.GaussianXor(config.Samples, config.Seed);
        var trainer = new Trainer(config, data);
        if (output.Progress != ProgressMode.Quiet) log.WriteLine($"xornet train: {Describe(config)}");
        var progress = new ProgressReporter(output.Progress, config.Epochs, log);
        var snapshots = output.Plots && output.Animate
            ? new ParameterSnapshots(trainer.Network, ParameterSnapshots.EvenlySpacedEpochs(config.Epochs, output.Frames)) : null;
        TrainingResult result = trainer.Run(m =>
        {
            snapshots?.Observe(m);
            progress.Report(m);
        });
        progress.Finish();
        double trainSeconds = clock.Elapsed.TotalSeconds;

        string json = MetricsJson.Serialize(result);
        AtomicFile.WriteAllText(Path.Combine(output.OutDir, "metrics.json"), json);
        if (output.JsonPath == "-") stdout.Write(json);
        else if (output.JsonPath is not null) AtomicFile.WriteAllText(output.JsonPath, json);
        if (output.Plots)
            WritePictures(result, output.OutDir, Describe(config), snapshots);

        var final = result.Final;
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"done: epoch {final.Epoch}  loss {final.Loss:F4}  train accuracy {final.TrainAccuracy:P1}  " +
            $"time {trainSeconds:F2}s training, {clock.Elapsed.TotalSeconds:F2}s total  → {output.OutDir}/"));
        return result;
    }

    /// <summary>summary.png and its panels, network.png, neurons.png, and training.png when animating.</summary>
    private static void WritePictures(TrainingResult result, string outDir, string configuration, ParameterSnapshots? snapshots)
    {
        Figures.WriteAll(result, outDir, configuration);
        NetworkDiagram.Save(Path.Combine(outDir, "network.png"), result.Network, configuration);
        NeuronMaps.Save(Path.Combine(outDir, "neurons.png"), result, configuration);
        if (snapshots is not null)
            AtomicFile.WriteAllBytes(Path.Combine(outDir, "training.png"), Animation.Render(result, snapshots.Taken, configuration));
    }

    public static string Describe(TrainingConfig c) => string.Create(CultureInfo.InvariantCulture,
        $"H={c.Hidden} lr={c.LearningRate:G} epochs={c.Epochs} batch={c.BatchSize} l2={c.L2:G} seed={c.Seed} N={c.Samples}{(c.UseBias ? "" : " no-bias")}");

    /// <summary>Creates the folder and proves it is writable before any training starts.</summary>
    public static void PrepareOutputFolder(string outDir)
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
