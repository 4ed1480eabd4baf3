using System.Text.Json;
using SkiaSharp;
using XorNet.Cli;

namespace XorNet.Cli.Tests;

public sealed class CompareCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("xornet-compare-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Code, string Out, string Err) Run(params string[] args) => CliRun.Run(args);

    [Fact]
    public void OneSaveFileForSeveralRuns_IsRefusedBeforeAnyRun()
    {
        string root = Path.Combine(_dir, "save"), model = Path.Combine(_dir, "m.npz");
        var (code, stdout, stderr) =
            Run("compare", "--hidden", "3,5", "--epochs", "2", "--save", model, "--no-plots", "--out", root);
        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.Contains("--save", stderr);
        Assert.False(File.Exists(model));
        Assert.False(Directory.Exists(root));
    }

    [Fact]
    public void EachRun_IsByteIdenticalToTheSameTrainAlone()
    {
        string root = Path.Combine(_dir, "cmp"), alone = Path.Combine(_dir, "alone");
        var (code, _, err) =
            Run("compare", "--hidden", "3,6", "--epochs", "9", "--samples", "70", "--seed", "4", "--no-plots", "--out",
            root);
        Assert.True(code == 0, err);
        Assert.Equal(0,
            Run("train", "--hidden", "6", "--epochs", "9", "--samples", "70", "--seed", "4", "--no-plots", "--out",
            alone).Code);
        Assert.Equal(File.ReadAllBytes(Path.Combine(alone, "metrics.json")),
            File.ReadAllBytes(Path.Combine(root, "hidden-6", "metrics.json")));
        Assert.NotEqual(File.ReadAllBytes(Path.Combine(alone, "metrics.json")),
            File.ReadAllBytes(Path.Combine(root, "hidden-3", "metrics.json")));
    }

    [Fact]
    public void Compare_WritesCompareJson_TheTable_AndComparisonPng()
    {
        string root = Path.Combine(_dir, "grid");
        var (code, stdout, err) =
            Run("compare", "--hidden", "2,5", "--lr", "0.5,1", "--epochs", "6", "--samples", "50", "--out", root,
            "--parallel", "2");
        Assert.True(code == 0, err);

        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "compare.json")));
        var runs = doc.RootElement.GetProperty("runs").EnumerateArray().ToList();
        Assert.Equal(["hidden=2 lr=0.5", "hidden=2 lr=1", "hidden=5 lr=0.5", "hidden=5 lr=1"],
            runs.Select(r => r.GetProperty("label").GetString()));
        foreach (var run in runs)
        {
            using var metrics =
                JsonDocument.Parse(
                File.ReadAllText(Path.Combine(run.GetProperty("folder").GetString()!, "metrics.json")));
            Assert.Equal(metrics.RootElement.GetProperty("final").GetProperty("loss").GetDouble(),
                run.GetProperty("final").GetProperty("loss").GetDouble());
            Assert.Equal(metrics.RootElement.GetProperty("config").GetProperty("lr").GetDouble(),
                run.GetProperty("config").GetProperty("lr").GetDouble());
        }
        Assert.Equal(5.0, runs[3].GetProperty("config").GetProperty("hidden").GetDouble());

        string[] table = stdout.Split('\n').SkipWhile(l => !l.StartsWith("run ")).Where(l => l.Length > 0).ToArray();
        Assert.Equal(5, table.Length);
        Assert.Contains("train acc", table[0]);
        string accuracy =
            (runs[2].GetProperty("final").GetProperty("train_accuracy").GetDouble() * 100)
            .ToString("F1", System.Globalization.CultureInfo.InvariantCulture);
        Assert.StartsWith("hidden=5 lr=0.5", table[3]);
        Assert.Contains(accuracy + " %", table[3]);

        using var png = SKBitmap.Decode(Path.Combine(root, "comparison.png"));
        Assert.Equal(3 * XorNet.Plotting.Comparison.PanelWidth, png.Width);
        Assert.True(png.Height > 4 * XorNet.Plotting.Comparison.RowHeight, $"height {png.Height} for 4 rows");
    }

    [Fact]
    public void JsonDash_PutsOnlyCompareJsonOnStdout()
    {
        var (code, stdout, stderr) =
            Run("compare", "--hidden", "2,3", "--epochs", "2", "--samples", "30", "--no-plots", "--json", "-", "--out",
            Path.Combine(_dir, "j"));
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal(2, doc.RootElement.GetProperty("runs").GetArrayLength());
        Assert.Contains("final loss", stderr);
    }

    [Theory]
    [InlineData("--hidden", "3,100001")]
    [InlineData("--lr", "1,abc")]
    [InlineData("--bogus", "1,2")]
    public void ABadValueInAnyRun_ExitsTwo_BeforeAnythingIsWritten(string option, string values)
    {
        string root = Path.Combine(_dir, "bad");
        var (code, stdout, stderr) = Run("compare", option, values, "--epochs", "2", "--out", root);
        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.Single(stderr.Trim().Split('\n'));
        Assert.Contains(option, stderr);
        Assert.False(Directory.Exists(root));
    }

    [Fact]
    public void Animate_WritesATrainingPngInEveryRunFolder()
    {
        string root = Path.Combine(_dir, "anim");
        var (code, _, err) =
            Run("compare", "--hidden", "2,4", "--epochs", "4", "--samples", "40", "--animate", "--frames", "3", "--out",
            root);
        Assert.True(code == 0, err);
        foreach (string run in new[] { "hidden-2", "hidden-4" })
        {
            Assert.Equal(3, ApngDecoderFrames(Path.Combine(root, run, "training.png")));
            using var gif = SixLabors.ImageSharp.Image.Load(Path.Combine(root, run, "training.gif"));
            Assert.Equal(3, gif.Frames.Count);
        }
        using (var both = SixLabors.ImageSharp.Image.Load(Path.Combine(root, "comparison.gif")))
            Assert.Equal(3, both.Frames.Count); // both runs share the epochs 0, 2, 4: one frame each
        Assert.True(File.Exists(Path.Combine(root, "comparison-curves.png")));
    }

    private static Dictionary<string, string> Statuses(string root)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "compare.json")));
        return doc.RootElement.GetProperty("runs").EnumerateArray()
            .ToDictionary(r => r.GetProperty("label").GetString()!, r => r.GetProperty("status").GetString()!);
    }

    private static string TableRow(string stdout, string label) => stdout.Split('\n')
        .Single(l => l.StartsWith(label + " "));

    [Fact]
    public void ADivergedRun_DoesNotStopTheOthers_ShowsItsStatus_AndExitsThree()
    {
        string root = Path.Combine(_dir, "div");
        var (code, stdout, stderr) =
            Run("compare", "--lr", "1,1e12", "--hidden", "50", "--epochs", "10", "--samples", "60", "--out", root);
        Assert.Equal(3, code);
        Assert.Equal(new Dictionary<string, string> { ["lr=1"] = "ok", ["lr=1e12"] = "diverged" }, Statuses(root));
        Assert.EndsWith("diverged", TableRow(stdout, "lr=1e12").TrimEnd());
        Assert.EndsWith("ok", TableRow(stdout, "lr=1").TrimEnd());
        Assert.StartsWith("xornet: run lr=1e12: training diverged at epoch", stderr);
        using var ok = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "lr-1", "metrics.json")));
        // the other run trained to the end
        Assert.Equal(10, ok.RootElement.GetProperty("final").GetProperty("epoch").GetInt32());
        using var png = SKBitmap.Decode(Path.Combine(root, "comparison.png"));
        Assert.True(png.Height > 2 * XorNet.Plotting.Comparison.RowHeight, $"height {png.Height} for 2 rows");
    }

    [Fact]
    public void GatesApplyToEveryRun_AFailedOneExitsOne()
    {
        string root = Path.Combine(_dir, "gates");
        var (code, stdout, _) =
            Run("compare", "--max-loss", "10,0.001", "--min-accuracy", "0", "--epochs", "5", "--samples", "40",
            "--no-plots", "--out", root);
        Assert.Equal(1, code);
        Assert.Equal(new Dictionary<string, string> { ["max-loss=10"] = "ok", ["max-loss=0.001"] = "gate_failed" },
            Statuses(root));
        Assert.Contains("gate failed in run max-loss=0.001: loss ", stdout);
        Assert.DoesNotContain("gate failed in run max-loss=10", stdout);
        using var metrics = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "max-loss-0.001", "metrics.json")));
        Assert.Equal(2, metrics.RootElement.GetProperty("gates").GetArrayLength()); // both gates, as train writes them

        Assert.Equal(0,
            Run("compare", "--max-loss", "10,20", "--epochs", "2", "--samples", "40", "--no-plots", "--out",
            Path.Combine(_dir, "pass")).Code);
    }

    /// <summary>Cancels the token when compare reports its first finished run, as a Ctrl-C at that moment
    /// would.</summary>
    private sealed class CancelOnFirstFinish(CancellationTokenSource cancel) : StringWriter
    {
        public override void WriteLine(string? value)
        {
            base.WriteLine(value);
            if (value?.Contains("[1/") == true) cancel.Cancel();
        }
    }

    [Fact]
    public void Cancellation_StopsRunningRunsAfterTheirEpoch_StartsNoMore_AndExits130()
    {
        string root = Path.Combine(_dir, "int");
        using var cancel = new CancellationTokenSource();
        var stdout = new CancelOnFirstFinish(cancel);
        // two at a time, in grid order: the long run 0 is running when the short run 1 finishes; run 2 never starts
        int code = Program.Run(
            ["compare", "--epochs", "2000000,5,7", "--samples", "20", "--no-plots", "--parallel", "2", "--out", root],
                               stdout, new StringWriter(), cancel.Token);
        Assert.Equal(130, code);
        Assert.Equal(new Dictionary<string,
            string>
        { ["epochs=2000000"] = "interrupted", ["epochs=5"] = "ok", ["epochs=7"] = "not_started" },
            Statuses(root));
        using var stopped = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "epochs-2000000", "metrics.json")));
        int last = stopped.RootElement.GetProperty("final").GetProperty("epoch").GetInt32();
        // on a loaded machine the short run can finish before the long one ends epoch 1
        Assert.InRange(last, 0, 1_999_999);
        var history = stopped.RootElement.GetProperty("history"); // bounded: it ends with the last epoch
        Assert.Equal(last, history[history.GetArrayLength() - 1].GetProperty("epoch").GetInt32());
        using var done = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "epochs-5", "metrics.json")));
        Assert.Equal(6, done.RootElement.GetProperty("history").GetArrayLength());
        Assert.False(Directory.Exists(Path.Combine(root, "epochs-7")));
        Assert.EndsWith("not_started", TableRow(stdout.ToString(), "epochs=7").TrimEnd());
    }

    private static int ApngDecoderFrames(string path) => XorNet.Plotting.Tests.ApngDecoder.Decode(
        File.ReadAllBytes(path)).Frames.Count;
}
