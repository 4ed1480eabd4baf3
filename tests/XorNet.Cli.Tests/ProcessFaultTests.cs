using System.Diagnostics;
using System.Text.Json;

namespace XorNet.Cli.Tests;

/// <summary>
/// Issue 12, items 4, 7 and 8, about the process itself: xornet started by bash with closed or failing streams, a
/// file-size limit, or a foreign locale. Each run trains a few epochs without plots, so each test takes a second or
/// two.
/// </summary>
public sealed class ProcessFaultTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("xornet-proc-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly string Xornet = XornetProcess.JitCommand;

    /// <summary>Runs `bash -c script` ("$X" is xornet) and returns its exit code, stdout and stderr.</summary>
    private static (int Code, string Out, string Err) Bash(string script, params (string Name, string Value)[] env)
    {
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add($"X=\"{Xornet}\"; {script}");
        foreach (var (name, value) in env) info.Environment[name] = value;
        using var p = Process.Start(info)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        Assert.True(p.WaitForExit(60_000), "xornet did not finish");
        return (p.ExitCode, stdout.Result, stderr.Result);
    }

    [Fact]
    public void ClosedStderr_NeverAbortsTheProcess_ExitCodesStayDocumented()
    {
        Assert.Equal(2, Bash("eval \"$X train --hidden x\" 2>&-").Code); // was SIGABRT, exit 134
        Assert.Equal(0, Bash($"eval \"$X train --epochs 1 --no-plots --out '{_dir}'\" 2>&- >/dev/null").Code);
    }

    [Fact]
    public void ClosedStdout_IsAnIoError_WithOneClearLine()
    {
        var (code, _, stderr) = Bash($"eval \"$X train --epochs 1 --no-plots --out '{_dir}'\" >&-");
        Assert.Equal(ExitCodes.IoError, code); // was 70, "UnauthorizedAccessException"
        Assert.Equal("xornet: error: stdout is closed; redirect it instead (e.g. >/dev/null)", stderr.Trim());
    }

    [Fact]
    public void JsonDash_IntoAFailingStdout_KeepsTheModel_Exit74()
    {
        var (code, _, stderr) = Bash($"eval \"$X train --epochs 2 --no-plots --json - --out '{_dir}'\" >/dev/full");
        Assert.Equal(ExitCodes.IoError, code);
        Assert.Contains("xornet: error: cannot write to stdout: No space left on device", stderr);
        Assert.DoesNotContain("Exception", stderr);
        Assert.True(File.Exists(Path.Combine(_dir, "model.npz")));
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(_dir, "metrics.json")));
        Assert.Equal("ok", doc.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public void AWriteThatHitsAFileSizeLimit_LeavesThePreviousSetWhole_Exit74_NamingTheFile()
    {
        Assert.Equal(0, Bash($"eval \"$X train --epochs 3 --out '{_dir}'\"").Code);
        byte[] metrics = File.ReadAllBytes(Path.Combine(_dir, "metrics.json")), model =
            File.ReadAllBytes(Path.Combine(_dir, "model.npz"));
        // 100 KiB per file: summary.png (~220 KB) cannot be written, as on a full disk. SIGXFSZ ignored, so the write
        // fails (EFBIG) instead of killing the process; W^X off because its double mapping also grows files.
        var (code, _, stderr) =
            Bash($"trap '' XFSZ; ulimit -f 100; eval \"$X train --epochs 4 --hidden 5 --out '{_dir}'\"",
                                     ("DOTNET_EnableWriteXorExecute", "0"));
        Assert.Equal(ExitCodes.IoError, code);
        Assert.Matches(@"xornet: error: cannot write \S+\.png: File too large", stderr);
        Assert.Equal(metrics, File.ReadAllBytes(Path.Combine(_dir, "metrics.json")));
        Assert.Equal(model, File.ReadAllBytes(Path.Combine(_dir, "model.npz")));
    }

    [Theory]
    [InlineData("de_DE.UTF-8")]
    [InlineData("tr_TR.UTF-8")]
    [InlineData("fr_FR.UTF-8")]
    public void NumbersReadAndWriteTheSame_UnderAnyLocale(string locale)
    {
        (string, string)[] env = [("DOTNET_SYSTEM_GLOBALIZATION_INVARIANT", "0"), ("LC_ALL", locale), ("LANG", locale)];
        var (code, stdout, stderr) =
            Bash($"eval \"$X train --lr 0.5 --l2 1e-3 --epochs 1 --no-plots --json - --quiet --out '{_dir}'\"", env);
        Assert.True(code == 0, stderr); // fr_FR refused every decimal; de_DE trained at lr 5
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal(0.5, doc.RootElement.GetProperty("config").GetProperty("lr").GetDouble());
        var help = Bash("eval \"$X train --help\"", env);
        Assert.Contains("[default: 0.0001]", help.Out);
        Assert.DoesNotContain("0,0001", help.Out);
        var bad = Bash("eval \"$X train --lr abc\"", env);
        Assert.Equal(2, bad.Code);
        // English (bash may warn of the locale first)
        Assert.Contains("xornet: error: --lr abc: must be a finite number", bad.Err);
    }
}
