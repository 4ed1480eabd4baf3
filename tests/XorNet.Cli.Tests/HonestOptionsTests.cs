using System.Text.Json;

namespace XorNet.Cli.Tests;

/// <summary>Issue 12 items 9 and 13: options that would change nothing are refused; no "ok" beside a NaN loss; no NaN
/// printed.</summary>
public sealed class HonestOptionsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("xornet-honest-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("--momentum 0.5", "--momentum: only --optimizer momentum uses it (got sgd)")]
    [InlineData("--optimizer momentum --beta1 0.8", "--beta1: only --optimizer adam uses it (got momentum)")]
    [InlineData("--beta2 0.99", "--beta2: only --optimizer adam uses it (got sgd)")]
    [InlineData("--data {csv} --noise 0.2", "--noise: the built-in data use it, and --data replaces them")]
    [InlineData("--data {csv} --samples 50", "--samples: the built-in data use it, and --data replaces them")]
    [InlineData("--data {csv} --dataset moons", "--dataset: the built-in data use it, and --data replaces them")]
    public void AnOptionThatWouldChangeNothing_IsRefused(string options, string message)
    {
        string csv = Path.Combine(_dir, "d.csv");
        File.WriteAllText(csv, "x1,x2,label\n0,0,0\n1,1,1\n0,1,0\n1,0,1\n");
        string outDir = Path.Combine(_dir, "out");
        var (code, _, stderr) =
            CliRun.Run(["train", .. options.Replace("{csv}", csv).Split(' '), "--epochs", "1", "--out", outDir]);
        Assert.Equal(2, code);
        Assert.StartsWith($"xornet: error: {message}", stderr);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public void TheSameOptions_WhereTheyApply_Train()
    {
        var (code, _, stderr) =
            CliRun.Run("train", "--optimizer", "momentum", "--momentum", "0.5", "--epochs", "2", "--no-plots", "--out",
            _dir);
        Assert.True(code == 0, stderr);
    }

    [Fact]
    public void InitFromAModelTrainedOnOtherScaling_IsRefused()
    {
        string model = Path.Combine(_dir, "raw.npz");
        Assert.Equal(0,
            CliRun.Run("train", "--epochs", "2", "--no-plots", "--save", model, "--out", Path.Combine(_dir, "a")).Code);
        var (code, _, stderr) =
            CliRun.Run("train", "--init", model, "--standardize", "--epochs", "2", "--no-plots", "--out",
            Path.Combine(_dir, "b"));
        Assert.Equal(2, code);
        Assert.Contains("the model was trained on raw inputs but this run's inputs are standardised", stderr);
        Assert.Equal(0,
            CliRun.Run("train", "--init", model, "--epochs", "2", "--no-plots", "--out", Path.Combine(_dir, "c")).Code);
    }

    [Fact]
    public void ARunThatTrainedOnThroughNaN_IsDiverged_NotOk()
    {
        var (code, _, stderr) =
            CliRun.Run("train", "--lr", "1e6", "--epochs", "30", "--no-divergence-check", "--no-plots", "--out", _dir);
        Assert.Equal(3, code);
        Assert.Contains("the loss is NaN at epoch 30 (--no-divergence-check trained on through it)", stderr);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(_dir, "metrics.json")));
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("final").GetProperty("loss").ValueKind);
        Assert.Equal("diverged", doc.RootElement.GetProperty("status").GetString());
        var (predict, _, error) = CliRun.Run("predict", "--model", Path.Combine(_dir, "model.npz"), "--point", "1,1");
        Assert.Equal(2, predict);
        Assert.Contains("array 'W1' holds a NaN or infinite value", error);
    }

    [Fact]
    public void PredictAtPlusMinus1e308_PrintsNoNaN()
    {
        Assert.Equal(0, CliRun.Run("train", "--epochs", "3", "--no-plots", "--out", _dir).Code);
        var (code, stdout, _) =
            CliRun.Run("predict", "--model", Path.Combine(_dir, "model.npz"), "--point", "1e308,-1e308",
            "-1e308,1e308");
        Assert.Equal(0, code);
        Assert.DoesNotContain("NaN", stdout);
        Assert.Equal(3, stdout.Trim().Split('\n').Length);
    }
}
