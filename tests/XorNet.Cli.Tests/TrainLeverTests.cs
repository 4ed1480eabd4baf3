using System.Text.Json;
using SkiaSharp;
using XorNet.Cli;

namespace XorNet.Cli.Tests;

public sealed class TrainLeverTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("xornet-levers-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Code, string Out, string Err) Run(params string[] args) => CliRun.Run(args);

    [Fact]
    public void BlowUp_ExitsThree_WithOneMessageAndAdvice_AndStillWritesThePlots()
    {
        var (code, _, stderr) = Run("train", "--hidden", "50", "--lr", "1000", "--out", _dir);
        Assert.Equal(3, code);
        string message = Assert.Single(stderr.Trim().Split('\n'));
        Assert.Contains("diverged at epoch 5", message);
        Assert.Matches(@"--lr [0-9.]+, or --clip-norm [0-9.eE-]+ ", message);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(_dir, "metrics.json")));
        Assert.Equal("diverged", doc.RootElement.GetProperty("status").GetString());
        Assert.Equal("diverged", doc.RootElement.GetProperty("stop").GetProperty("reason").GetString());
        Assert.Equal(6, doc.RootElement.GetProperty("history").GetArrayLength());
        foreach (var png in new[] { "accuracy.png", "loss.png", "boundary.png", "summary.png" })
            Assert.NotNull(SKBitmap.Decode(Path.Combine(_dir, png)));
    }

    [Fact]
    public void SameBlowUp_WithTheStepClipped_Trains()
    {
        var (code, stdout, _) =
            Run("train", "--hidden", "50", "--lr", "1000", "--clip-norm", "0.001", "--no-plots", "--out", _dir);
        Assert.Equal(0, code);
        Assert.Contains("done: epoch 100", stdout);
    }

    [Fact]
    public void Levers_AreSavedInTheConfig()
    {
        var (code, _, _) =
            Run("train", "--epochs", "3", "--no-plots", "--out", _dir, "--activation", "tanh", "--loss",
            "cross-entropy",
            "--l1", "0.001", "--optimizer", "adam", "--lr", "0.01", "--lr-schedule", "exponential", "--clip-norm", "5",
                "--clip-value", "1", "--early-stop", "10");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(_dir, "metrics.json")));
        var c = doc.RootElement.GetProperty("config");
        Assert.Equal("tanh", c.GetProperty("activation").GetString());
        Assert.Equal("cross-entropy", c.GetProperty("loss").GetString());
        Assert.Equal(0.001, c.GetProperty("l1").GetDouble());
        Assert.Equal("adam", c.GetProperty("optimizer").GetString());
        Assert.Equal(0.999, c.GetProperty("beta2").GetDouble());
        Assert.Equal(0.97, c.GetProperty("lr_gamma").GetDouble());
        Assert.Equal(5, c.GetProperty("clip_norm").GetDouble());
        Assert.Equal(1, c.GetProperty("clip_value").GetDouble());
        Assert.Equal(10, c.GetProperty("early_stop").GetInt32());
        Assert.Equal(0.01 * 0.97 * 0.97, doc.RootElement.GetProperty("history")[3].GetProperty("lr").GetDouble(),
            1e-15);
    }

    [Theory]
    [InlineData("--activation", "swish")]
    [InlineData("--loss", "hinge")]
    [InlineData("--optimizer", "rmsprop")]
    [InlineData("--lr-schedule", "cosine")]
    [InlineData("--lr-gamma", "0.5")]   // the default constant schedule has no γ
    [InlineData("--clip-norm", "0")]
    [InlineData("--clip-value", "-1")]
    [InlineData("--early-stop", "0")]
    [InlineData("--momentum", "1")]
    [InlineData("--l1", "-0.1")]
    public void BadLever_ExitsTwoWithOneLineNamingIt(string option, string value)
    {
        var (code, stdout, stderr) = Run("train", option, value, "--out", Path.Combine(_dir, "out"));
        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.Single(stderr.Trim().Split('\n'));
        Assert.Contains(option, stderr);
    }
}
