using System.Diagnostics;

namespace XorNet.Cli.Tests.Live;

/// <summary>
/// A fact that needs tmux (a real pseudo-terminal); skipped, with the reason, only where tmux is missing.
/// </summary>
public sealed class TmuxFactAttribute : FactAttribute
{
    public TmuxFactAttribute()
    {
        if (!Tmux.Available) Skip = "tmux is not installed and could not be (.ci/run installs it with apt-get)";
    }
}

/// <summary>
/// xornet in a detached tmux session of a fixed size, on a server of its own (its own socket, no config file), so the
/// tests see what a terminal shows: `capture-pane -e -p` gives the screen with its colour codes.
/// </summary>
public sealed class Tmux : IDisposable
{
    private readonly string _socket = $"xornet-test-{Environment.ProcessId}-{Guid.NewGuid():N}";

    public static bool Available { get; } = Try("-V");

    /// <summary>
    /// Starts `xornet args…` in a width × height terminal; after it exits the pane prints EXIT=code and stays.
    /// </summary>
    public Tmux(string workDir, int width, int height, IReadOnlyDictionary<string, string> env, params string[] args)
    {
        string dotnet = Environment.ProcessPath is { } p && Path.GetFileNameWithoutExtension(p) == "dotnet" ? p
            : "dotnet";
        string xornet = Path.Combine(AppContext.BaseDirectory, "xornet.dll");
        string line = string.Join(" ", args.Select(Quote));
        string command = $"{Quote(dotnet)} {Quote(xornet)} {line}; echo EXIT=$?; sleep 600";
        var start = new List<string> { "new-session", "-d", "-s", "t", "-x", $"{width}", "-y", $"{height}", "-c",
            workDir };
        foreach (var (name, value) in env) start.AddRange(["-e", $"{name}={value}"]);
        start.AddRange(["bash", "--norc", "--noprofile", "-c", command]);
        Run([.. start]);
    }

    public string Capture(bool escapes = true) => Run(escapes ? ["capture-pane", "-t", "t", "-e", "-p"]
        : ["capture-pane", "-t", "t", "-p"]);

    public string Display(string format) => Run("display-message", "-t", "t", "-p", format).Trim();

    public void SendKeys(string keys) => Run("send-keys", "-t", "t", keys);

    /// <summary>
    /// Polls the screen (every 50 ms) until it satisfies the condition; fails the test after timeout seconds.
    /// </summary>
    public string WaitFor(Func<string, bool> condition, string what, double timeout = 30)
    {
        var clock = Stopwatch.StartNew();
        for (string screen = Capture(); ; screen = Capture())
        {
            if (condition(screen)) return screen;
            if (clock.Elapsed.TotalSeconds > timeout)
                Assert.Fail($"waited {timeout} s for {what}; the screen shows:\n{Capture(escapes: false)}");
            Thread.Sleep(50);
        }
    }

    public void Dispose() => Run("kill-server");

    private string Run(params string[] args)
    {
        var info = new ProcessStartInfo("tmux") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in (string[])["-L", _socket, "-f", "/dev/null", .. args]) info.ArgumentList.Add(a);
        using var p = Process.Start(info)!;
        string output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return output;
    }

    private static bool Try(string arg)
    {
        try
        {
            using var p = Process.Start(new ProcessStartInfo("tmux", arg)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true
            })!;
            p.WaitForExit();
            return p.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private static string Quote(string s) => "'" + s.Replace("'", "'\\''") + "'";
}
