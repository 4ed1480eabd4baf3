using System.Text.Json;

namespace XorNet.Cli.Tests;

/// <summary>`--hidden 8x8` through every command: train, predict on its model, --init from it, gradcheck, explain,
/// compare.</summary>
public sealed class DepthCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("xornet-depth-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Code, string Out, string Err) Run(params string[] args) => CliRun.Run(args);

    [Fact]
    public void Train_Deep_WritesEveryLayer_AndPredictAndInitTakeItsModel()
    {
        string out1 = Path.Combine(_dir, "a"), out2 = Path.Combine(_dir, "b");
        var (code, _, _) = Run("train", "--hidden", "6x5", "--epochs", "5", "--samples", "60", "--out", out1);
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(out1, "metrics.json")));
        Assert.Equal([6, 5],
            doc.RootElement.GetProperty("config").GetProperty("hidden").EnumerateArray().Select(e => e.GetInt32()));
        var gradNorm = doc.RootElement.GetProperty("history")[1].GetProperty("grad_norm");
        Assert.Equal(["W1", "b1", "W2", "b2", "W3", "b3"], gradNorm.EnumerateObject().Select(p => p.Name));
        foreach (var png in new[] { "summary.png", "network.png", "neurons.png" })
            Assert.True(new FileInfo(Path.Combine(out1, png)).Length > 1000, png);

        string model = Path.Combine(out1, "model.npz");
        var (predictCode, csv, _) = Run("predict", "--model", model, "--point", "1,1", "--point", "-1,1");
        Assert.Equal(0, predictCode);
        Assert.Equal(3, csv.Trim().Split('\n').Length);
        Assert.Equal(0,
            Run("train", "--hidden", "6x5", "--init", model, "--epochs", "2", "--samples", "60", "--no-plots", "--out",
            out2).Code);
        var (wrong, _, err) =
            Run("train", "--hidden", "6x4", "--init", model, "--epochs", "2", "--samples", "60", "--no-plots", "--out",
            out2);
        Assert.Equal(2, wrong);
        Assert.Contains("--init", err);
    }

    [Fact]
    public void Gradcheck_ChecksEveryLayer()
    {
        var (code, stdout, _) = Run("gradcheck", "--hidden", "4x3x2", "--samples", "30", "--activation", "tanh");
        Assert.Equal(0, code);
        foreach (string name in new[] { "W1", "b1", "W2", "b2", "W3", "b3", "W4", "b4" })
            Assert.Contains($"\n{name} ", stdout);
        Assert.Contains("all gradients OK", stdout);
    }

    [Theory]
    [InlineData("sigmoid", "mse")]
    [InlineData("sigmoid", "cross-entropy")]
    [InlineData("tanh", "mse")]
    [InlineData("tanh", "cross-entropy")]
    [InlineData("relu", "mse")]
    [InlineData("relu", "cross-entropy")]
    public void Gradcheck_8x8x4_EveryTensorBelow1e7_WithL2AndL1(string activation, string loss)
    {
        var (code, stdout, _) = Run("gradcheck", "--hidden", "8x8x4", "--activation", activation, "--loss", loss,
            "--l2", "0.3", "--l1", "0.2", "--tol", "1e-7");
        Assert.Equal(0, code);
        Assert.Contains("300 examples", stdout);
        string[] shapes = ["W1         (2×8)", "b1         (1×8)", "W2         (8×8)", "b2         (1×8)",
            "W3         (8×4)", "b3         (1×4)", "W4         (4×2)", "b4         (1×2)"];
        string[] lines = stdout.Split('\n');
        foreach (string shape in shapes)
            Assert.EndsWith("  OK", Assert.Single(lines, l => l.StartsWith(shape)).TrimEnd());
        Assert.Contains("all gradients OK", stdout);
        // smooth layers have no kink to skip; a ReLU stack on 300 points skips some, and says how many
        Assert.Equal(activation == "relu", stdout.Contains("entries skipped"));
    }

    [Fact]
    public void Explain_Deep_GoesLayerByLayer()
    {
        var (code, stdout, _) = Run("explain", "--hidden", "3x2");
        Assert.Equal(0, code);
        foreach (string name in new[] { "z3 ", "h3 ", "dL/dz3", "dL/dW3", "dL/dh2", "dL/dz2", "dL/dh1", "dL/dW1",
            "W3'" })
            Assert.Contains(name, stdout);
        Assert.Contains("reuses dL/dz3", stdout);
    }

    [Fact]
    public void Compare_TakesDepthsAsAlternatives()
    {
        var (code, stdout, _) =
            Run("compare", "--hidden", "3,0,4x4", "--epochs", "2", "--samples", "40", "--no-plots", "--json", "-",
            "--out", Path.Combine(_dir, "c"));
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal(3, doc.RootElement.GetProperty("runs").GetArrayLength());
        Assert.True(Directory.Exists(Path.Combine(_dir, "c", "hidden-4x4")));
    }

    [Fact]
    public void HiddenZero_TrainsTheLinearModel_WithoutNeuronMaps()
    {
        string dir = Path.Combine(_dir, "linear");
        Assert.Equal(0, Run("train", "--hidden", "0", "--epochs", "3", "--samples", "40", "--out", dir).Code);
        Assert.True(File.Exists(Path.Combine(dir, "network.png")));
        Assert.False(File.Exists(Path.Combine(dir, "neurons.png")));
    }
}
