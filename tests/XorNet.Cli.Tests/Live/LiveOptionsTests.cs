using System.Text.Json;

namespace XorNet.Cli.Tests.Live;

/// <summary>--live without a terminal (these runs write to a StringWriter), and its options' bad values.</summary>
public sealed class LiveOptionsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("xornet-live-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void WithoutATerminal_SaysSoInOneLine_AndRunsWithPlainProgress()
    {
        var (code, stdout, stderr) = CliRun.Run("train", "--live", "--epochs", "20", "--no-plots", "--out", _dir);
        Assert.Equal(0, code);
        Assert.Equal("xornet: --live: stdout is not a terminal; showing plain progress instead", stderr.TrimEnd());
        Assert.Contains("  epoch 20/20  loss", stdout);
        Assert.DoesNotContain("\u001b", stdout);
        Assert.True(File.Exists(Path.Combine(_dir, "metrics.json")));
    }

    [Fact]
    public void WithJsonDash_KeepsStdoutForTheDocument()
    {
        var (code, stdout, stderr) = CliRun.Run("train", "--live", "--epochs", "3", "--no-plots", "--json", "-",
            "--out", _dir);
        Assert.Equal(0, code);
        Assert.Contains("xornet: --live: stdout carries the JSON document (--json -); showing plain progress instead",
            stderr);
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal("ok", doc.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public void CompareLive_WithoutATerminal_RunsAsUsual()
    {
        var (code, stdout, stderr) = CliRun.Run("compare", "--live", "--hidden", "2,3", "--epochs", "3", "--no-plots",
            "--out", _dir);
        Assert.Equal(0, code);
        Assert.Contains("xornet: --live: stdout is not a terminal", stderr);
        Assert.Contains("hidden=3", stdout);
    }

    [Theory]
    [InlineData("--live", "--live-seconds", "-1")]
    [InlineData("--live", "--live-seconds", "NaN")]
    [InlineData("--live-seconds", "3")]
    public void BadLiveSeconds_IsAUsageError(params string[] options)
    {
        var (code, _, stderr) = CliRun.Run(["train", .. options, "--epochs", "2", "--no-plots", "--out", _dir]);
        Assert.Equal(2, code);
        Assert.Contains("--live-seconds", stderr);
        Assert.False(File.Exists(Path.Combine(_dir, "metrics.json")));
    }
}
