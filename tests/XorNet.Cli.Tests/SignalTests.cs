using System.Diagnostics;
using System.Text.Json;

namespace XorNet.Cli.Tests;

/// <summary>Runs xornet as a child process and signals it, as Ctrl-C, a CI timeout or the OOM killer would.</summary>
public sealed class SignalTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("xornet-sig-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static Process Start(params string[] args) => XornetProcess.Start(args);

    private static void Signal(Process p, string signal) => XornetProcess.Signal(p, signal);

    /// <summary>
    /// SIGINT, or SIGTERM where this test process was started with SIGINT ignored (a background job of a
    /// non-interactive shell, nohup): a child inherits that, and xornet, as every Unix tool, keeps ignoring it. Both
    /// signals take the same graceful stop.
    /// </summary>
    private static string Interrupt => SigintIgnoredHere() ? "TERM" : "INT";

    private static bool SigintIgnoredHere()
    {
        string? mask = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("SigIgn:"))?[7..].Trim();
        return mask is not null && (Convert.ToUInt64(mask, 16) & (1UL << (2 - 1))) != 0; // SIGINT is signal 2
    }

    [Fact]
    public void Sigint_StopsAfterTheCurrentEpoch_WritesCompleteOutputs_Exits130()
    {
        using var child = Start("train", "--epochs", "5000000", "--out", _dir);
        string? firstLine = child.StandardOutput.ReadLine(); // the run has started once it prints its configuration
        Assert.StartsWith("xornet train:", firstLine);
        Thread.Sleep(500);
        Signal(child, Interrupt);
        Assert.True(child.WaitForExit(60_000), "did not stop after SIGINT");
        Assert.Equal(130, child.ExitCode);

        AssertInterruptedRun(_dir);
    }

    /// <summary>
    /// What a run of 5,000,000 epochs stopped by a signal leaves in dir: metrics.json says interrupted, its
    /// history (bounded) ends at the final epoch, and the static pictures are complete PNGs.
    /// </summary>
    internal static void AssertInterruptedRun(string dir)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "metrics.json")));
        Assert.Equal("interrupted", doc.RootElement.GetProperty("status").GetString());
        int finalEpoch = doc.RootElement.GetProperty("final").GetProperty("epoch").GetInt32();
        Assert.InRange(finalEpoch, 1, 4_999_999);
        var history = doc.RootElement.GetProperty("history");
        // bounded, ends last
        Assert.Equal(finalEpoch, history[history.GetArrayLength() - 1].GetProperty("epoch").GetInt32());
        foreach (string png in new[] { "accuracy.png", "loss.png", "boundary.png", "summary.png" })
            AssertCompletePng(Path.Combine(dir, png));
    }

    [Fact]
    public void Sigterm_StopsLikeCtrlC_Exits130()
    {
        // A CI timeout or `docker stop` sends SIGTERM: the same graceful stop as Ctrl-C.
        using var child = Start("train", "--epochs", "5000000", "--no-plots", "--out", _dir);
        Assert.StartsWith("xornet train:", child.StandardOutput.ReadLine());
        Thread.Sleep(300);
        Signal(child, "TERM");
        Assert.True(child.WaitForExit(60_000), "did not stop after SIGTERM");
        Assert.Equal(130, child.ExitCode);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(_dir, "metrics.json")));
        Assert.Equal("interrupted", doc.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public void Sigkill_AtAnyMoment_LeavesOnlyCompleteFiles()
    {
        using (var first = Start("train", "--epochs", "20", "--out", _dir))
        {
            first.WaitForExit();
            Assert.Equal(0, first.ExitCode);
        }
        var rng = new Random(20261127);
        for (int attempt = 0; attempt < 4; attempt++)
        {
            using var child =
                Start("train", "--epochs", "300", "--hidden", "20", "--seed", $"{attempt + 2}", "--out", _dir);
            Thread.Sleep(rng.Next(300, 3000)); // somewhere in start-up, training or plotting
            child.Kill();
            child.WaitForExit();
            using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(_dir, "metrics.json")));
            Assert.Equal("ok", doc.RootElement.GetProperty("status").GetString());
            foreach (string png in new[] { "accuracy.png", "loss.png", "boundary.png", "summary.png" })
                AssertCompletePng(Path.Combine(_dir, png));
        }
    }

    [Fact]
    public void Sigint_StopsEveryCompareRun_WritesTheirFilesAndCompareJson_Exits130()
    {
        using var child =
            Start("compare", "--hidden", "2,3", "--epochs", "5000000", "--samples", "40", "--parallel", "2", "--out",
            _dir);
        Assert.StartsWith("xornet compare:", child.StandardOutput.ReadLine());
        Thread.Sleep(1500); // both runs under way also on a loaded machine (a run not yet begun says not_started)
        Signal(child, Interrupt);
        Assert.True(child.WaitForExit(60_000), "did not stop after SIGINT");
        Assert.Equal(130, child.ExitCode);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(_dir, "compare.json")));
        Assert.All(doc.RootElement.GetProperty("runs").EnumerateArray(),
            r => Assert.Equal("interrupted", r.GetProperty("status").GetString()));
        foreach (string run in new[] { "hidden-2", "hidden-3" })
            AssertCompletePng(Path.Combine(_dir, run, "summary.png"));
        AssertCompletePng(Path.Combine(_dir, "comparison.png"));
    }

    [Fact]
    public void Sigterm_WhileTheAnimationIsDrawn_StopsWithinAFrame_Exits130_WithCompleteFiles()
    {
        // Issue 12 item 11: rendering used to ignore the signal until the last of its frames (16–270 s), then exit 0.
        using var child =
            Start("train", "--hidden", "8", "--epochs", "400", "--animate", "--frames", "400", "--out", _dir);
        string? line;
        while ((line = child.StandardOutput.ReadLine()) is not null && !line.Contains("training.png: frame")) { }
        Assert.NotNull(line); // "training.png: frame 40/400": rendering shows its progress
        Signal(child, "TERM");
        string rest = child.StandardOutput.ReadToEnd();
        Assert.True(child.WaitForExit(60_000), "did not stop after SIGTERM");
        Assert.Equal(130, child.ExitCode);
        Assert.DoesNotContain("frame 400/400", rest); // it stopped drawing, not after the last frame
        Assert.Contains("interrupted while drawing the pictures", rest);
        Assert.False(File.Exists(Path.Combine(_dir, "training.png")));
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(_dir, "metrics.json")));
        Assert.Equal(400, doc.RootElement.GetProperty("final").GetProperty("epoch").GetInt32());
        Assert.True(File.Exists(Path.Combine(_dir, "model.npz")));
        foreach (string png in new[] { "accuracy.png", "loss.png", "boundary.png", "summary.png", "network.png",
            "neurons.png" })
            AssertCompletePng(Path.Combine(_dir, png));
        Assert.Empty(Directory.GetFiles(_dir, "*.tmp"));
    }

    /// <summary>A PNG is complete when it starts with the signature and ends with the IEND chunk and its CRC.</summary>
    internal static void AssertCompletePng(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, bytes[..8]);
        Assert.Equal(new byte[] { 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82 }, bytes[^8..]);
    }
}
