using System.Text.Json;
using System.Text.RegularExpressions;

namespace XorNet.Cli.Tests;

/// <summary>The native (AOT) build named by XORNET_NATIVE; the tests that need it are skipped without it.</summary>
internal static class NativeBuild
{
    public const string Variable = "XORNET_NATIVE", Collection = "native build";

    public const string SkipReason = "XORNET_NATIVE is not set. To run: dotnet publish src/XorNet.Cli -c Release "
        + "-r linux-x64 -p:PublishAot=true -o DIR (needs clang and zlib1g-dev), then XORNET_NATIVE=DIR/xornet "
        + "dotnet test (.ci/run does both)";

    public static bool Requested => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(Variable));

    /// <summary>The native executable's full path; fails the test when XORNET_NATIVE names no file.</summary>
    public static string Executable
    {
        get
        {
            string path = Path.GetFullPath(Environment.GetEnvironmentVariable(Variable)!);
            Assert.True(File.Exists(path), $"{Variable}={path}: no such file (publish the native build there first)");
            return path;
        }
    }
}

/// <summary>
/// The native tests run two builds at once per case; alone (after the other test classes), so that their load does
/// not make the timing-sensitive tests elsewhere (signals sent mid-run, the live view in tmux) wait for a core.
/// </summary>
[CollectionDefinition(NativeBuild.Collection, DisableParallelization = true)]
public sealed class NativeBuildCollection;

/// <summary>A fact that needs the native build; skipped, saying how to run it, without XORNET_NATIVE.</summary>
public sealed class NativeFactAttribute : FactAttribute
{
    public NativeFactAttribute()
    {
        if (!NativeBuild.Requested) Skip = NativeBuild.SkipReason;
    }
}

/// <summary>A theory that needs the native build; skipped, saying how to run it, without XORNET_NATIVE.</summary>
public sealed class NativeTheoryAttribute : TheoryAttribute
{
    public NativeTheoryAttribute()
    {
        if (!NativeBuild.Requested) Skip = NativeBuild.SkipReason;
    }
}

/// <summary>
/// The native build gives what the JIT build gives: each command runs with both, each in a folder of its own, and
/// must end with the same exit code, the same stdout and stderr (durations masked) and the same files, byte for byte
/// (all but .xornet.holder, which holds a pid and a time; compare.json without its "seconds"). Epochs are few: a
/// case takes a few seconds.
/// </summary>
[Collection(NativeBuild.Collection)]
public sealed class NativeBuildTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("xornet-native-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    /// <summary>
    /// Runs the commands (separated by " ; ", in one folder, in order) with both builds and compares everything;
    /// the last one must exit with exit.
    /// </summary>
    [NativeTheory]
    [InlineData(0, "--help")]
    [InlineData(0, "--version")]
    [InlineData(0, "train --help")]
    [InlineData(0, "train --hidden 3 --lr 1.0 --epochs 100 --out run")]
    [InlineData(0, "train --hidden 50 --epochs 30 --animate --out anim")] // ImageSharp's GIF encoder under AOT
    [InlineData(0,
        "train --hidden 8x8x4 --activation relu --loss cross-entropy --dataset spiral --epochs 20 --out deep")]
    [InlineData(0, "compare --hidden 3,50 --epochs 20 --animate --frames 10 --out cmp")]
    [InlineData(0, "train --hidden 3 --epochs 20 --no-plots --out m ; predict --model m/model.npz --data pts.csv")]
    [InlineData(0, "data --dataset moons --samples 50 --out moons.csv")]
    [InlineData(0, "gradcheck --hidden 4")]
    [InlineData(0, "explain")]
    [InlineData(0, "train --reference --hidden 50 --lr 0.003 --l2 1e-4 --epochs 2000 --no-plots --out ref")]
    [InlineData(0, "train --hidden 3 --epochs 5 --json - --no-plots --out j")]
    [InlineData(0, "train --hidden 0 --features x1,x2,x1x2 --epochs 30 --out feat")]
    [InlineData(ExitCodes.Diverged, "train --lr 1000 --hidden 50 --out div")]
    [InlineData(ExitCodes.BadInput, "train --hidden abc")]
    [InlineData(ExitCodes.BadInput, "train --data missing.csv")]
    [InlineData(ExitCodes.BadInput, "predict --model pts.csv --data pts.csv")]
    [InlineData(ExitCodes.GateFailed, "train --epochs 10 --min-accuracy 0.99 --out gate")]
    public void SameAsTheJitBuild(int exit, string commands)
    {
        string native = NativeBuild.Executable;
        string jitDir = Folder("jit"), nativeDir = Folder("native");
        string[] sequence = commands.Split(" ; ");
        for (int n = 0; n < sequence.Length; n++)
        {
            string command = sequence[n];
            string[] args = command.Split(' ');
            var runs = new[] { Task.Run(() => XornetProcess.Run(args, workDir: jitDir)),
                Task.Run(() => XornetProcess.Run(args, native, nativeDir)) };
            var (jit, aot) = (runs[0].Result, runs[1].Result);
            Assert.True(jit.Code == aot.Code, $"`{command}`: exit {jit.Code} with JIT, {aot.Code} native\n{aot.Err}");
            bool compare = args[0] == "compare";
            AssertSameText(command, "stdout", Normalize(jit.Out, compare), Normalize(aot.Out, compare));
            AssertSameText(command, "stderr", Normalize(jit.Err, false), Normalize(aot.Err, false));
            if (n == sequence.Length - 1)
            {
                Assert.True(jit.Code == exit, $"`{command}`: exit {jit.Code}, this case expects {exit}\n{jit.Err}");
                if (exit == ExitCodes.BadInput) Assert.Single(jit.Err.TrimEnd().Split('\n')); // one line, the same
            }
        }
        AssertSameFiles(commands, jitDir, nativeDir);
    }

    [NativeFact]
    public void Sigterm_StopsALongNativeRun_Exits130_WithACompleteMetricsJson()
    {
        string dir = Folder("native");
        using var child = XornetProcess.Start(["train", "--epochs", "5000000", "--out", "run"], NativeBuild.Executable,
            dir);
        Assert.StartsWith("xornet train:", child.StandardOutput.ReadLine()); // it has started
        var rest = child.StandardOutput.ReadToEndAsync();
        Thread.Sleep(300);
        XornetProcess.Signal(child, "TERM");
        Assert.True(child.WaitForExit(60_000), "the native build did not stop after SIGTERM");
        Assert.Equal(130, child.ExitCode);
        Assert.Contains("interrupted", rest.Result);

        SignalTests.AssertInterruptedRun(Path.Combine(dir, "run"));
        Assert.Empty(Directory.GetFiles(Path.Combine(dir, "run"), "*.tmp"));
    }

    /// <summary>A folder for one build's runs, with the points file the predict cases read.</summary>
    private string Folder(string name)
    {
        string dir = Directory.CreateDirectory(Path.Combine(_root, name)).FullName;
        File.WriteAllText(Path.Combine(dir, "pts.csv"), "0.1,0.2\n-1,1\n2,-2\n");
        return dir;
    }

    /// <summary>
    /// Durations ("0.02s", "4.3s", "12 ms") differ from run to run. compare's runs finish in any order, and print
    /// "[k/n] hidden=…" as they do, and its table's time column is as wide as its widest time: for it, the counters
    /// are masked, the lines sorted and spaces squeezed.
    /// </summary>
    private static string Normalize(string text, bool compare)
    {
        string masked = Regex.Replace(text, @"\d+(\.\d+)?\s?(ms|µs|s)\b", "T");
        if (!compare) return masked;
        masked = Regex.Replace(Regex.Replace(masked, @"\[\d+/(\d+)\]", "[k/$1]"), " +", " ");
        return string.Join('\n', masked.Split('\n').Order(StringComparer.Ordinal));
    }

    private static void AssertSameText(string command, string stream, string jit, string native)
    {
        if (jit == native) return;
        string[] a = jit.Split('\n'), b = native.Split('\n');
        int i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i]) i++;
        Assert.Fail($"`{command}`: {stream} differs at line {i + 1}:\n  JIT:    {(i < a.Length ? a[i] : "(end)")}\n"
            + $"  native: {(i < b.Length ? b[i] : "(end)")}");
    }

    /// <summary>The same files (recursively, but .xornet.holder), byte for byte; compare.json without times.</summary>
    private static void AssertSameFiles(string commands, string jitDir, string nativeDir)
    {
        string[] jitFiles = Files(jitDir), nativeFiles = Files(nativeDir);
        Assert.True(jitFiles.SequenceEqual(nativeFiles), $"`{commands}`: the JIT build wrote "
            + $"[{string.Join(", ", jitFiles)}], the native build [{string.Join(", ", nativeFiles)}]");
        foreach (string file in jitFiles)
        {
            byte[] a = File.ReadAllBytes(Path.Combine(jitDir, file));
            byte[] b = File.ReadAllBytes(Path.Combine(nativeDir, file));
            if (Path.GetFileName(file) == "compare.json") (a, b) = (WithoutSeconds(a), WithoutSeconds(b));
            if (a.AsSpan().SequenceEqual(b)) continue;
            int at = a.AsSpan().CommonPrefixLength(b);
            Assert.Fail($"`{commands}`: {file} differs from byte {at} ({a.Length} bytes with JIT, {b.Length} native)");
        }
    }

    private static string[] Files(string dir) =>
        [.. Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) != ".xornet.holder")
            .Select(f => Path.GetRelativePath(dir, f)).Order(StringComparer.Ordinal)];

    private static byte[] WithoutSeconds(byte[] json) => System.Text.Encoding.UTF8.GetBytes(
        Regex.Replace(System.Text.Encoding.UTF8.GetString(json), @"(""seconds"":\s*)[-+0-9.eE]+", "${1}0"));
}
