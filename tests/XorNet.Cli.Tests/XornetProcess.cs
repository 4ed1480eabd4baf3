using System.Diagnostics;

namespace XorNet.Cli.Tests;

/// <summary>
/// xornet as a child process: the JIT build beside the tests (`dotnet xornet.dll`) or, given its path, another
/// executable such as the native build. The signal, process-fault and native-build tests start it here.
/// </summary>
internal static class XornetProcess
{
    /// <summary>The JIT build the tests are built with.</summary>
    public static string JitDll { get; } = Path.Combine(AppContext.BaseDirectory, "xornet.dll");

    /// <summary>The command that starts the JIT build, quoted for bash.</summary>
    public static string JitCommand { get; } = $"dotnet '{JitDll}'";

    /// <summary>Starts xornet with stdout and stderr redirected: the JIT build, or executable if given.</summary>
    public static Process Start(string[] args, string? executable = null, string? workDir = null)
    {
        var info = new ProcessStartInfo(executable ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true
        };
        if (workDir is not null) info.WorkingDirectory = workDir;
        if (executable is null) info.ArgumentList.Add(JitDll);
        foreach (string a in args) info.ArgumentList.Add(a);
        return Process.Start(info)!;
    }

    /// <summary>Runs xornet to its end: its exit code, stdout and stderr; fails the test after timeout s.</summary>
    public static (int Code, string Out, string Err) Run(string[] args, string? executable = null,
        string? workDir = null, int timeout = 120)
    {
        using var p = Start(args, executable, workDir);
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(timeout * 1000))
        {
            p.Kill();
            Assert.Fail($"xornet {string.Join(" ", args)} did not finish in {timeout} s");
        }
        return (p.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Sends a signal (INT, TERM, …) to a process, as kill(1) does.</summary>
    public static void Signal(Process p, string signal) =>
        Process.Start("kill", $"-{signal} {p.Id}")!.WaitForExit();
}
