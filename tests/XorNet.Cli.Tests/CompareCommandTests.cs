using System.Text.Json;
using SkiaSharp;
using XorNet.Cli;

namespace XorNet.Cli.Tests;

public sealed class CompareCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("xornet-compare-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = Program.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void EachRun_IsByteIdenticalToTheSameTrainAlone()
    {
        string root = Path.Combine(_dir, "cmp"), alone = Path.Combine(_dir, "alone");
        var (code, _, err) = Run("compare", "--hidden", "3,6", "--epochs", "9", "--samples", "70", "--seed", "4", "--no-plots", "--out", root);
        Assert.True(code == 0, err);
        Assert.Equal(0, Run("train", "--hidden", "6", "--epochs", "9", "--samples", "70", "--seed", "4", "--no-plots", "--out", alone).Code);
        Assert.Equal(File.ReadAllBytes(Path.Combine(alone, "metrics.json")), File.ReadAllBytes(Path.Combine(root, "hidden-6", "metrics.json")));
        Assert.NotEqual(File.ReadAllBytes(Path.Combine(alone, "metrics.json")), File.ReadAllBytes(Path.Combine(root, "hidden-3", "metrics.json")));
    }

    [Fact]
    public void Compare_WritesCompareJson_TheTable_AndComparisonPng()
    {
        string root = Path.Combine(_dir, "grid");
        var (code, stdout, err) = Run("compare", "--hidden", "2,5", "--lr", "0.5,1", "--epochs", "6", "--samples", "50", "--out", root, "--parallel", "2");
        Assert.True(code == 0, err);

        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "compare.json")));
        var runs = doc.RootElement.GetProperty("runs").EnumerateArray().ToList();
        Assert.Equal(["hidden=2 lr=0.5", "hidden=2 lr=1", "hidden=5 lr=0.5", "hidden=5 lr=1"], runs.Select(r => r.GetProperty("label").GetString()));
        foreach (var run in runs)
        {
            using var metrics = JsonDocument.Parse(File.ReadAllText(Path.Combine(run.GetProperty("folder").GetString()!, "metrics.json")));
            Assert.Equal(metrics.RootElement.GetProperty("final").GetProperty("loss").GetDouble(), run.GetProperty("final").GetProperty("loss").GetDouble());
            Assert.Equal(metrics.RootElement.GetProperty("config").GetProperty("lr").GetDouble(), run.GetProperty("config").GetProperty("lr").GetDouble());
        }
        Assert.Equal(5.0, runs[3].GetProperty("config").GetProperty("hidden").GetDouble());

        string[] table = stdout.Split('\n').SkipWhile(l => !l.StartsWith("run ")).Where(l => l.Length > 0).ToArray();
        Assert.Equal(5, table.Length);
        Assert.Contains("train acc", table[0]);
        string accuracy = (runs[2].GetProperty("final").GetProperty("train_accuracy").GetDouble() * 100).ToString("F1", System.Globalization.CultureInfo.InvariantCulture);
        Assert.StartsWith("hidden=5 lr=0.5", table[3]);
        Assert.Contains(accuracy + " %", table[3]);

        using var png = SKBitmap.Decode(Path.Combine(root, "comparison.png"));
        Assert.Equal(3 * XorNet.Plotting.Comparison.PanelWidth, png.Width);
        Assert.True(png.Height > 4 * XorNet.Plotting.Comparison.RowHeight, $"height {png.Height} for 4 rows");
    }

    [Fact]
    public void JsonDash_PutsOnlyCompareJsonOnStdout()
    {
        var (code, stdout, stderr) = Run("compare", "--hidden", "2,3", "--epochs", "2", "--samples", "30", "--no-plots", "--json", "-", "--out", Path.Combine(_dir, "j"));
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal(2, doc.RootElement.GetProperty("runs").GetArrayLength());
        Assert.Contains("final loss", stderr);
    }

    [Theory]
    [InlineData("--hidden", "3,0")]
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
        var (code, _, err) = Run("compare", "--hidden", "2,4", "--epochs", "4", "--samples", "40", "--animate", "--frames", "3", "--out", root);
        Assert.True(code == 0, err);
        foreach (string run in new[] { "hidden-2", "hidden-4" })
            Assert.Equal(3, ApngDecoderFrames(Path.Combine(root, run, "training.png")));
    }

    private static int ApngDecoderFrames(string path) => XorNet.Plotting.Tests.ApngDecoder.Decode(File.ReadAllBytes(path)).Frames.Count;
}
