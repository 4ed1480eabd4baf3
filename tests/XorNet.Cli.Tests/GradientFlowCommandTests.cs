using System.Text.Json;

namespace XorNet.Cli.Tests;

/// <summary>
/// `train` on a deep σ stack: the vanishing gradients are said, with options to try; gradients.png is an output.
/// </summary>
public sealed class GradientFlowCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("xornet-flow-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void ADeepSigmoidStack_SaysTheGradientsVanish_AndWritesTheFlowPerLayer()
    {
        string outDir = Path.Combine(_dir, "deep");
        var (code, stdout, stderr) = CliRun.Run("train", "--hidden", "8x8x8x8x8", "--epochs", "20", "--out", outDir);
        Assert.Equal(0, code);
        string said = stdout + stderr;
        Assert.Contains("the gradients are vanishing", said);
        Assert.Contains("--activation tanh", said);
        Assert.Contains("--hidden 8x8 ", said);
        Assert.True(new FileInfo(Path.Combine(outDir, "gradients.png")).Length > 1000);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "metrics.json")));
        var last = doc.RootElement.GetProperty("history")[20];
        string[] Names(string property) => [.. last.GetProperty(property).EnumerateObject().Select(p => p.Name)];
        Assert.Equal(["W1", "W2", "W3", "W4", "W5", "W6"], Names("update_ratio"));
        Assert.Equal(["h1", "h2", "h3", "h4", "h5"], Names("saturated"));
        var flow = doc.RootElement.GetProperty("gradient_flow");
        Assert.Equal("vanishing", flow.GetProperty("verdict").GetString());
        Assert.True(flow.GetProperty("ratio").GetDouble() < 0.01);
        Assert.Contains("--activation tanh", flow.GetProperty("message").GetString());
    }

    [Fact]
    public void TheDefaultRun_SaysNothingAboutGradients_AndNoPlotsWritesNoGradientsPicture()
    {
        string outDir = Path.Combine(_dir, "default");
        var (code, stdout, stderr) = CliRun.Run("train", "--epochs", "5", "--no-plots", "--out", outDir);
        Assert.Equal(0, code);
        Assert.DoesNotContain("gradients are", stdout + stderr);
        Assert.False(File.Exists(Path.Combine(outDir, "gradients.png")));
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "metrics.json")));
        Assert.Equal("healthy", doc.RootElement.GetProperty("gradient_flow").GetProperty("verdict").GetString());
        Assert.False(doc.RootElement.GetProperty("gradient_flow").TryGetProperty("message", out _));
    }
}
