using System.Text.Json;
using XorNet.Cli;

namespace XorNet.Cli.Tests;

public sealed class TrainCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("xornet-cli-").FullName;

    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Code, string Out, string Err) Run(params string[] args) => CliRun.Run(args);

    [Fact]
    public void Train_WritesMetricsAndPlots_AndPrintsASummary()
    {
        var (code, stdout, _) = Run("train", "--hidden", "4", "--epochs", "12", "--out", _dir);
        Assert.Equal(0, code);
        Assert.Contains("train accuracy", stdout);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(_dir, "metrics.json")));
        Assert.Equal(12, doc.RootElement.GetProperty("final").GetProperty("epoch").GetInt32());
        Assert.Equal(4, doc.RootElement.GetProperty("config").GetProperty("hidden").GetInt32());
        foreach (var png in new[] { "accuracy.png", "loss.png", "boundary.png", "summary.png" })
            Assert.Equal(PngSignature, File.ReadAllBytes(Path.Combine(_dir, png))[..8]);
    }

    [Fact]
    public void ALongRun_KeepsABoundedHistory_AndTheCsvHasEveryEpoch()
    {
        string csv = Path.Combine(_dir, "history.csv");
        var (code, _, _) =
            Run("train", "--epochs", "3000", "--samples", "10", "--no-plots", "--history-csv", csv, "--out", _dir);
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(_dir, "metrics.json")));
        int[] epochs =
            [.. doc.RootElement.GetProperty("history").EnumerateArray().Select(e => e.GetProperty("epoch").GetInt32())];
        Assert.InRange(epochs.Length, TrainingHistory.DefaultLimit / 2, TrainingHistory.DefaultLimit + 3);
        Assert.Equal((0, 3000), (epochs[0], epochs[^1]));
        string[] rows = File.ReadAllLines(csv);
        Assert.Equal(3002, rows.Length); // the header and epochs 0..3000
        Assert.StartsWith("epoch,loss,train_accuracy,lr,weight_norm,grad_norm_W1", rows[0]);
        Assert.Equal("3000", rows[^1].Split(',')[0]);
        Assert.Empty(Directory.GetFiles(_dir, ".*.tmp"));
    }

    [Fact]
    public void TheCsv_CarriesTheGradientFlow_AsMetricsJsonHasIt()
    {
        string csv = Path.Combine(_dir, "history.csv");
        var (code, _, _) = Run("train", "--hidden", "4x3", "--epochs", "5", "--samples", "40", "--no-plots",
            "--history-csv", csv, "--out", _dir);
        Assert.Equal(0, code);
        string[] rows = File.ReadAllLines(csv);
        string[] header = rows[0].Split(',');
        Assert.Equal(["update_ratio_W1", "update_ratio_W2", "update_ratio_W3", "saturated_h1", "saturated_h2"],
            header[^5..]);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(_dir, "metrics.json")));
        foreach (JsonElement e in doc.RootElement.GetProperty("history").EnumerateArray())
        {
            int epoch = e.GetProperty("epoch").GetInt32();
            string[] row = rows[epoch + 1].Split(',');
            Assert.Equal(epoch.ToString(System.Globalization.CultureInfo.InvariantCulture), row[0]);
            JsonElement ratio = e.GetProperty("update_ratio"), saturated = e.GetProperty("saturated");
            for (int l = 1; l <= 3; l++)
            {
                string field = row[Array.IndexOf(header, $"update_ratio_W{l}")];
                if (ratio.ValueKind == JsonValueKind.Null) Assert.Equal("", field); // epoch 0: no update yet
                else Assert.Equal(ratio.GetProperty($"W{l}").GetDouble(), double.Parse(field,
                    System.Globalization.CultureInfo.InvariantCulture), 12);
            }
            for (int l = 1; l <= 2; l++)
                Assert.Equal(saturated.GetProperty($"h{l}").GetDouble(), double.Parse(
                    row[Array.IndexOf(header, $"saturated_h{l}")], System.Globalization.CultureInfo.InvariantCulture),
                    12);
        }
    }

    [Fact]
    public void JsonDash_PutsOnlyTheDocumentOnStdout()
    {
        var (code, stdout, stderr) = Run("train", "--epochs", "3", "--no-plots", "--json", "-", "--out", _dir);
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal("ok", doc.RootElement.GetProperty("status").GetString());
        Assert.Contains("done:", stderr);
        Assert.Empty(Directory.GetFiles(_dir, "*.png"));
    }

    [Theory]
    [InlineData("--hidden", "100001")]
    [InlineData("--lr", "-1")]
    [InlineData("--lr", "NaN")]
    [InlineData("--epochs", "abc")]
    [InlineData("--l2", "-0.1")]
    [InlineData("--batch-size", "0")]
    [InlineData("--samples", "1")]
    [InlineData("--bogus", "1")]
    public void BadOption_ExitsTwoWithOneLineNamingIt_AndWritesNothing(string option, string value)
    {
        string outDir = Path.Combine(_dir, "out");
        var (code, stdout, stderr) = Run("train", option, value, "--out", outDir);
        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.Single(stderr.Trim().Split('\n'));
        Assert.Contains(option, stderr);
        Assert.False(Directory.Exists(outDir) && Directory.EnumerateFiles(outDir).Any());
    }

    [Fact]
    public void Animate_WritesAnApng_WhoseFramesMatchTheHistory()
    {
        var (code, _, stderr) =
            Run("train", "--hidden", "5", "--epochs", "20", "--samples", "60", "--animate", "--frames", "6", "--out",
            _dir);
        Assert.True(code == 0, stderr);
        var apng = XorNet.Plotting.Tests.ApngDecoder.Decode(File.ReadAllBytes(Path.Combine(_dir, "training.png")));
        Assert.Equal(6, apng.DeclaredFrames);
        Assert.Equal(6, apng.Frames.Count);
        Assert.Equal(6, apng.Composite().Count);
        using (var gif = SixLabors.ImageSharp.Image.Load(Path.Combine(_dir, "training.gif")))
            Assert.Equal(6, gif.Frames.Count); // the same frames, for slides and chats

        using var metrics = JsonDocument.Parse(File.ReadAllText(Path.Combine(_dir, "metrics.json")));
        var history = metrics.RootElement.GetProperty("history").EnumerateArray().ToList();
        string[] frames = apng.Comment!.Split('\n')[1..];
        Assert.Equal(6, frames.Length);
        foreach (var (line, epoch) in frames.Zip(new[] { 0, 4, 8, 12, 16, 20 }))
        {
            var entry = history[epoch];
            Assert.Contains($"epoch {epoch} loss {entry.GetProperty("loss").GetDouble():R} ", line);
            Assert.EndsWith($"train_accuracy {entry.GetProperty("train_accuracy").GetDouble():R}", line);
        }
    }

    [Fact]
    public void Train_DrawsTheNetworkAndItsNeuronsByDefault_AndNoPlotsTurnsThemOff()
    {
        Assert.Equal(0, Run("train", "--hidden", "3", "--epochs", "3", "--out", _dir).Code);
        foreach (var png in new[] { "network.png", "neurons.png" })
        {
            using var bitmap = SkiaSharp.SKBitmap.Decode(Path.Combine(_dir, png));
            Assert.True(bitmap is { Width: > 500, Height: > 250 }, png);
        }
        Assert.False(File.Exists(Path.Combine(_dir, "training.png")));
        string bare = Path.Combine(_dir, "bare");
        Assert.Equal(0, Run("train", "--epochs", "3", "--no-plots", "--out", bare).Code);
        Assert.Empty(Directory.GetFiles(bare, "*.png"));
    }

    [Fact]
    public void Quiet_PrintsOnlyTheSummary()
    {
        var (code, stdout, stderr) = Run("train", "--epochs", "30", "--no-plots", "--quiet", "--out", _dir);
        Assert.Equal(0, code);
        Assert.Empty(stderr);
        string line = Assert.Single(stdout.Trim().Split('\n'));
        Assert.StartsWith("done: epoch 30", line);
    }

    [Theory]
    [InlineData("--frames", "1")]
    [InlineData("--frames", "5000")]
    public void BadFrames_IsABadInputError(string option, string value)
    {
        var (code, _, stderr) = Run("train", "--animate", option, value, "--out", Path.Combine(_dir, "x"));
        Assert.Equal(2, code);
        Assert.Contains(option, stderr);
    }

    [Fact]
    public void AnimateWithNoPlots_IsABadInputError()
    {
        var (code, _, stderr) = Run("train", "--animate", "--no-plots", "--out", Path.Combine(_dir, "x"));
        Assert.Equal(2, code);
        Assert.Contains("--animate", stderr);
    }

    [Fact]
    public void UnwritableOut_IsABadInputError()
    {
        string file = Path.Combine(_dir, "a-file");
        File.WriteAllText(file, "");
        var (code, _, stderr) = Run("train", "--epochs", "1", "--out", Path.Combine(file, "sub"));
        Assert.Equal(2, code);
        Assert.Contains("--out", stderr);
    }

    [Fact]
    public void FailedGate_ExitsOne_SaysWhichGateAndByHowMuch_AndStillWritesEverything()
    {
        string outDir = Path.Combine(_dir, "gated");
        var (code, stdout, _) = Run("train", "--epochs", "1", "--no-plots", "--min-accuracy", "0.99", "--out", outDir);
        Assert.Equal(1, code);
        Assert.Contains("gate failed: train accuracy 0.41 fails --min-accuracy 0.99 (off by 0.58)", stdout);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "metrics.json")));
        Assert.Equal("gate_failed", doc.RootElement.GetProperty("status").GetString());
    }
}
