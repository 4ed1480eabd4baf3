using System.Text.Json;

namespace XorNet.Cli.Tests;

/// <summary>Issue 12, items 4 and 5: a run's outputs are one consistent set (see docs/pipelines.md, "How outputs are
/// written").</summary>
public sealed class OutputSetTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("xornet-set-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void ASecondRunIntoAHeldFolder_IsRefused_NamingTheHolder_Exit74()
    {
        using (OutputSet.Open(_dir, "pid 4242 since 12:00:00 UTC, H=3"))
        {
            var (code, stdout, stderr) = CliRun.Run("train", "--epochs", "1", "--no-plots", "--out", _dir);
            Assert.Equal(ExitCodes.IoError, code);
            Assert.Contains("in use by another xornet run (pid 4242", stderr);
            Assert.DoesNotContain("xornet train:", stdout);
        }
        Assert.False(File.Exists(Path.Combine(_dir, "metrics.json")));
        Assert.Equal(0, CliRun.Run("train", "--epochs", "1", "--no-plots", "--out", _dir).Code); // released
    }

    [Theory]
    [InlineData("--no-plots")]
    [InlineData("--quiet")] // plots again, but no animation this time
    public void ARerun_RemovesThePreviousRunsFilesThatItDoesNotWrite(string option)
    {
        Assert.Equal(0, CliRun.Run("train", "--epochs", "4", "--animate", "--frames", "2", "--out", _dir).Code);
        Assert.True(File.Exists(Path.Combine(_dir, "training.png")));
        Assert.Equal(0, CliRun.Run("train", "--epochs", "2", option, "--out", _dir).Code);
        Assert.False(File.Exists(Path.Combine(_dir, "training.png")));
        Assert.Equal(option != "--no-plots", File.Exists(Path.Combine(_dir, "summary.png")));
        Assert.True(File.Exists(Path.Combine(_dir, "model.npz")));
    }

    [Fact]
    public void ARerunWithSaveElsewhere_RemovesTheOldModelBesideTheNewMetrics()
    {
        Assert.Equal(0, CliRun.Run("train", "--epochs", "2", "--no-plots", "--out", _dir).Code);
        string elsewhere = Path.Combine(Directory.CreateDirectory(Path.Combine(_dir, "models")).FullName, "m.npz");
        Assert.Equal(0, CliRun.Run("train", "--epochs", "3", "--no-plots", "--save", elsewhere, "--out", _dir).Code);
        Assert.False(File.Exists(Path.Combine(_dir, "model.npz"))); // it was the previous run's
        Assert.True(File.Exists(elsewhere));
    }

    [Fact]
    public void LeftoversOfAKilledRun_AreRemovedByTheNextRunIntoThatFolder()
    {
        Assert.Equal(0, CliRun.Run("train", "--epochs", "1", "--no-plots", "--out", _dir).Code);
        File.WriteAllText(Path.Combine(_dir, ".metrics.json.0123456789abcdef01234567" + AtomicFile.TempSuffix), "half");
        Directory.CreateDirectory(Path.Combine(_dir, ".xornet-staging-0123456789abcdef01234567"));
        File.WriteAllText(Path.Combine(_dir, ".xornet-staging-0123456789abcdef01234567", "summary.png"), "half");
        Assert.Equal(0, CliRun.Run("train", "--epochs", "1", "--no-plots", "--out", _dir).Code);
        Assert.Empty(Directory.GetFiles(_dir, "*.tmp"));
        Assert.Empty(Directory.GetDirectories(_dir));
    }

    [Fact]
    public async Task AFailedWrite_LeavesThePreviousSetWhole_AndNamesTheFile()
    {
        // A folder appears at network.png while the run trains (it was free when checked): the staged set is dropped.
        Assert.Equal(0, CliRun.Run("train", "--epochs", "2", "--out", _dir).Code);
        byte[] metrics = File.ReadAllBytes(Path.Combine(_dir, "metrics.json")), model =
            File.ReadAllBytes(Path.Combine(_dir, "model.npz"));
        File.Delete(Path.Combine(_dir, "network.png"));
        var outcome = Task.Run(() => CliRun.Run("train", "--epochs", "300", "--hidden", "4", "--out", _dir));
        SpinWait.SpinUntil(() => File.Exists(Path.Combine(_dir, ".xornet.holder")) &&
                                 File.ReadAllText(Path.Combine(_dir, ".xornet.holder"))
                                     .Contains($"pid {Environment.ProcessId}") &&
                                 File.ReadAllText(Path.Combine(_dir, ".xornet.holder")).Contains("H=4"),
                                     TimeSpan.FromSeconds(30));
        Directory.CreateDirectory(Path.Combine(_dir, "network.png"));
        var (code, _, stderr) = await outcome;
        Assert.Equal(ExitCodes.IoError, code);
        Assert.Contains($"cannot write {Path.Combine(_dir, "network.png")}", stderr);
        Assert.Equal(metrics, File.ReadAllBytes(Path.Combine(_dir, "metrics.json")));
        Assert.Equal(model, File.ReadAllBytes(Path.Combine(_dir, "model.npz")));
        using var doc = JsonDocument.Parse(metrics);
        Assert.Equal(2, doc.RootElement.GetProperty("final").GetProperty("epoch").GetInt32());
    }
}
