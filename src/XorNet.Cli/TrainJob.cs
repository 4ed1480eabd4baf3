using System.Diagnostics;
using System.Globalization;
using XorNet.Plotting;

namespace XorNet.Cli;

/// <summary>Where a run's outputs go: the folder, an optional extra JSON destination ("-" = stdout), plots on/off.</summary>
public sealed record OutputSettings(string OutDir, string? JsonPath = null, bool Plots = true);

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
        log.WriteLine($"xornet train: {Describe(config)}");
        TrainingResult result = trainer.Run(m => ReportProgress(m, config.Epochs, log));
        double trainSeconds = clock.Elapsed.TotalSeconds;

        string json = MetricsJson.Serialize(result);
        AtomicFile.WriteAllText(Path.Combine(output.OutDir, "metrics.json"), json);
        if (output.JsonPath == "-") stdout.Write(json);
        else if (output.JsonPath is not null) AtomicFile.WriteAllText(output.JsonPath, json);
        if (output.Plots)
            Figures.WriteAll(result, output.OutDir, Describe(config));

        var final = result.Final;
        if (result.Stop.Reason == StopReason.EarlyStopped)
            log.WriteLine($"early stop at epoch {result.Stop.Epoch}: {result.Stop.Monitor} has not improved since epoch {result.Stop.RestoredEpoch}; its weights are kept");
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{(result.Stop.Reason == StopReason.Diverged ? "diverged" : "done")}: epoch {final.Epoch}  loss {FormatLoss(final.Loss)}  train accuracy {final.TrainAccuracy:P1}  " +
            $"time {trainSeconds:F2}s training, {clock.Elapsed.TotalSeconds:F2}s total  → {output.OutDir}/"));
        return result;
    }

    /// <summary>A short line at ten evenly spaced epochs (and the first and last).</summary>
    private static void ReportProgress(EpochMetrics m, int epochs, TextWriter log)
    {
        int every = Math.Max(1, epochs / 10);
        if (m.Epoch % every != 0 && m.Epoch != epochs) return;
        int width = epochs.ToString(CultureInfo.InvariantCulture).Length;
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  epoch {m.Epoch.ToString(CultureInfo.InvariantCulture).PadLeft(width)}/{epochs}  loss {FormatLoss(m.Loss)}  train accuracy {m.TrainAccuracy:F3}"));
    }

    /// <summary>Four decimals, as always; a blown-up loss (≥ 1e6) in scientific notation instead of 60 digits.</summary>
    private static string FormatLoss(double loss) =>
        Math.Abs(loss) < 1e6 ? loss.ToString("F4", CultureInfo.InvariantCulture) : loss.ToString("0.###E+0", CultureInfo.InvariantCulture);

    public static string Describe(TrainingConfig c) => string.Create(CultureInfo.InvariantCulture,
        $"H={c.Hidden} lr={c.LearningRate:G} epochs={c.Epochs} batch={c.BatchSize} l2={c.L2:G} seed={c.Seed} N={c.Samples}{(c.UseBias ? "" : " no-bias")}{DescribeLevers(c)}");

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
