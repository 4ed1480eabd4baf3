using System.Text.Json;

namespace XorNet.Cli.Tests;

/// <summary>`--reference`, `--fix` and `reproduce` as a user types them.</summary>
public sealed class ReferenceCommandTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "xornet-reference-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    private static (int Code, string Out, string Err) Run(params string[] args) => CliRun.Run(args);

    [Fact]
    public void Train_WithoutSettings_UsesThe3NeuronFigure_AndSaysSo()
    {
        var (code, stdout, _) = Run("train", "--reference", "--epochs", "200", "--no-plots", "--out", _dir);
        Assert.Equal(0, code);
        Assert.Contains("H=3 lr=0.003 l2=0 iterations=200", stdout.Split('\n')[0]);
        Assert.DoesNotContain("figure settings", stdout); // --epochs was given: its own settings, not the figure's
    }

    [Fact]
    public void NoneOfHiddenLrL2Epochs_IsTheFigure_AndTheFirstLineSaysSo()
    {
        var config =
            ReferenceOptions.Configure(new ReferenceProgram(), ReferenceFigure.ThreeNeurons, new TrainingConfig(),
            (false, false, false, false, false));
        Assert.Equal((3, 0.003, 0.0, 1_000_000, 50),
            (config.Hidden, config.LearningRate, config.L2, config.Epochs, config.BatchSize));
        Assert.StartsWith(
            "the reference program, the article's 3-neuron figure settings (H=3 lr=0.003 l2=0 iterations=1000000)",
            ReferenceOptions.Describe(config));
    }

    [Fact]
    public void Train_WritesMetricsWithTheReferencesLossAndFixes()
    {
        var (code, _, _) =
            Run("train", "--reference", "--hidden", "50", "--lr", "0.003", "--l2", "1e-4", "--epochs", "300",
            "--fix", "bias", "--no-plots", "--out", _dir);
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(_dir, "metrics.json")));
        JsonElement config = doc.RootElement.GetProperty("config");
        Assert.Equal("bias", config.GetProperty("reference_fixes").GetString());
        Assert.True(config.GetProperty("bias").GetBoolean());
        JsonElement history = doc.RootElement.GetProperty("history");
        Assert.Equal(301, history.GetArrayLength());
        Assert.True(File.Exists(Path.Combine(_dir, "model.npz")));
    }

    [Fact]
    public void Train_FastExplodingRun_ExitsDiverged_NamingTheL2Bug()
    {
        // λ = 1e-4 blows up at lr·t ≈ 308 (shared/reference-code.md): at lr 0.1 within about 3,000 iterations
        var (code, _, stderr) =
            Run("train", "--reference", "--hidden", "50", "--lr", "0.1", "--l2", "1e-4", "--epochs", "3000",
            "--no-plots", "--out", _dir);
        Assert.Equal(3, code);
        Assert.Contains("reference run diverged at iteration", stderr);
        Assert.Contains("--fix l2-gradient", stderr);
        var (fixedCode, _, _) =
            Run("train", "--reference", "--hidden", "50", "--lr", "0.1", "--l2", "1e-4", "--epochs", "3000",
            "--fix", "l2-gradient", "--no-plots", "--out", _dir);
        Assert.Equal(0, fixedCode);
    }

    [Fact]
    public void GradCheck_Bugged_IsNotOk_NamingEachTensor_AndPassesWithBothGradientFixes()
    {
        var (code, stdout, _) = Run("gradcheck", "--reference", "--hidden", "5");
        Assert.Equal(1, code);
        Assert.Contains("W1 off by", stdout);
        Assert.Contains("W2 off by", stdout);
        Assert.Contains("bug l2-gradient", stdout);
        Assert.Contains("bug mean-gradient", stdout);
        var (fixedCode, fixedOut, _) =
            Run("gradcheck", "--reference", "--hidden", "5", "--fix", "l2-gradient,mean-gradient");
        Assert.Equal(0, fixedCode);
        Assert.Contains("all gradients OK", fixedOut);
    }

    [Fact]
    public void Explain_ShowsTheReferenceStepNextToTheTrueOne()
    {
        var (code, stdout, _) = Run("explain", "--reference", "--hidden", "3");
        Assert.Equal(0, code);
        Assert.Contains("dW1 (2×3): ‖reference‖ / ‖true‖ = 50", stdout);
        Assert.Contains("the reference adds λ·ΣW1²", stdout);
        Assert.Contains("reference step    true step", stdout);
    }

    [Theory]
    [InlineData("train --fix l2-gradient", "--fix l2-gradient: only with --reference")]
    [InlineData("train --reference --fix l2", "unknown bug 'l2'")]
    [InlineData("train --reference --data x.csv", "--reference cannot honour --data")]
    [InlineData("train --reference --dataset moons", "--reference cannot honour --dataset")]
    [InlineData("train --reference --test-split 0.2", "--reference cannot honour --test-split")]
    [InlineData("train --reference --optimizer adam", "--reference cannot honour --optimizer")]
    [InlineData("train --reference --fix bias --no-bias", "--no-bias: conflicts with --fix bias")]
    [InlineData("train --reference --batch-size 400", "--batch-size 400")]
    [InlineData("gradcheck --fix all", "--fix all: only with --reference")]
    [InlineData("gradcheck --reference --activation relu", "--reference cannot honour --activation")]
    [InlineData("explain --reference --json", "--reference cannot honour --json")]
    [InlineData("reproduce --iterations 0", "--iterations 0")]
    [InlineData("reproduce --frames 1", "--frames 1")]
    public void BadInput_IsExitTwo_WithOneLineNamingTheConflict(string args, string message)
    {
        string[] words = args.Split(' ');
        var (code, stdout, stderr) = Run(words[0] is "train" or "reproduce" ? [.. words, "--out", _dir] : words);
        Assert.Equal(2, code);
        Assert.Contains(message, stderr);
        Assert.Single(stderr.Trim().Split('\n'));
        Assert.False(File.Exists(Path.Combine(_dir, "metrics.json")), stdout);
    }

    [Fact]
    public void Reproduce_WritesTheTable_AndEveryRunsMetrics()
    {
        var (code, stdout, _) = Run("reproduce", "--iterations", "300", "--no-plots", "--out", _dir);
        Assert.Equal(0, code);
        Assert.Contains("50neurons_lr_0.003_reg_0.0001    l2-gradient", stdout);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(_dir, "table.json")));
        Assert.Equal(8, doc.RootElement.GetArrayLength());
        Assert.Equal(["none", "none", "none", "l2-gradient", "mean-gradient", "bias", "minibatch", "all"],
            doc.RootElement.EnumerateArray().Select(r => r.GetProperty("fix").GetString()));
        Assert.Contains("| 3neurons_lr_0.003_reg_0.0 | none |", File.ReadAllText(Path.Combine(_dir, "table.md")));
        foreach (var run in ReferenceReproduction.Runs)
        {
            using var metrics = JsonDocument.Parse(File.ReadAllText(Path.Combine(_dir, run.Name, "metrics.json")));
            Assert.Equal(ReferenceProgram.Describe(run.Fixes),
                metrics.RootElement.GetProperty("config").GetProperty("reference_fixes").GetString());
        }
    }
}
