using System.Text.Json;
using System.Text.RegularExpressions;

namespace XorNet.Cli.Tests.Live;

/// <summary>
/// `train --live` and `compare --live` in a real pseudo-terminal (tmux, 160×50), as a user sees them.
/// </summary>
public sealed partial class LiveTerminalTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("xornet-tmux-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly Dictionary<string, string> TrueColor = new()
    {
        ["COLORTERM"] = "truecolor",
        ["NO_COLOR"] = ""
    };

    [GeneratedRegex(@"epoch (\d+)/")]
    private static partial Regex EpochText();

    private static int Epoch(string screen) => EpochText().Match(screen) is { Success: true } m
        ? int.Parse(m.Groups[1].Value) : -1;

    [TmuxFact]
    public void TrainLive_DrawsColourHalfBlocks_ChangesWhileTraining_ThenRestoresTheTerminal()
    {
        using var tmux = new Tmux(_dir, 160, 50, TrueColor, "train", "--live", "--live-seconds", "2", "--epochs", "40",
                                  "--hidden", "8", "--no-plots", "--out", "run");
        string first = tmux.WaitFor(s => Epoch(s) >= 0 && s.Contains('▀'), "the first frame");
        Assert.Equal("1", tmux.Display("#{alternate_on}"));
        Assert.Matches(@"\e\[[0-9;]*38;2;\d+;\d+;\d+", first); // 24-bit foreground (the upper pixel)
        Assert.Matches(@"\e\[[0-9;]*48;2;\d+;\d+;\d+", first); // and background (the lower one)
        string later = tmux.WaitFor(s => Epoch(s) > Epoch(first) && Epoch(s) < 40, "a later epoch while training");
        Assert.NotEqual(first, later);
        string end = tmux.WaitFor(s => s.Contains("EXIT="), "the end of the run");
        Assert.Contains("EXIT=0", end);
        Assert.Contains("done: epoch 40", end);
        Assert.Equal("0 1", tmux.Display("#{alternate_on} #{cursor_flag}"));
        Assert.Contains('▀', end); // the last frame stays on the normal screen
        Assert.Equal("ok", Status(Path.Combine(_dir, "run")));
    }

    [TmuxFact]
    public void CtrlC_Exits130_WritesTheCompletedEpochs_AndRestoresTheTerminal()
    {
        using var tmux = new Tmux(_dir, 160, 50, TrueColor, "train", "--live", "--live-seconds", "0", "--epochs",
            "1000000",
                                  "--no-plots", "--out", "run");
        tmux.WaitFor(s => Epoch(s) > 0, "a frame of the training");
        tmux.SendKeys("C-c");
        string end = tmux.WaitFor(s => s.Contains("EXIT="), "the interrupted run to end");
        Assert.Contains("EXIT=130", end);
        Assert.Equal("0 1", tmux.Display("#{alternate_on} #{cursor_flag}"));
        Assert.Equal("interrupted", Status(Path.Combine(_dir, "run")));
    }

    [TmuxFact]
    public void ASecondCtrlC_KillsAtOnce_AndStillRestoresTheTerminal()
    {
        // Epochs of 50 000 points through 300×300 neurons take seconds: the second Ctrl-C comes while the first one
        // waits for the epoch to end, so it is the second that ends the process.
        using var tmux = new Tmux(_dir, 160, 50, TrueColor, "train", "--live", "--live-seconds", "0",
                                  "--epochs", "1000", "--samples", "50000", "--hidden", "300x300", "--no-plots",
                                  "--out", "run");
        tmux.WaitFor(s => Epoch(s) >= 0 && s.Contains('▀'), "the first frame");
        Assert.Equal("1 0", tmux.Display("#{alternate_on} #{cursor_flag}"));
        tmux.SendKeys("C-c");
        Thread.Sleep(1000); // two signals sent at once may arrive as one (the kernel does not queue them)
        tmux.SendKeys("C-c");
        string end = tmux.WaitFor(s => s.Contains("EXIT="), "the killed run to end");
        Assert.Contains("EXIT=130", end);
        Assert.Equal("0 1", tmux.Display("#{alternate_on} #{cursor_flag}"));
        Assert.False(File.Exists(Path.Combine(_dir, "run", "metrics.json"))); // killed, not stopped after the epoch
    }

    [TmuxFact]
    public void CompareLive_ShowsEachRunInItsOwnTile_AndNoColorDrawsShadesWithoutColourCodes()
    {
        var noColor = new Dictionary<string, string> { ["COLORTERM"] = "truecolor", ["NO_COLOR"] = "1" };
        using var tmux = new Tmux(_dir, 160, 50, noColor, "compare", "--live", "--live-seconds", "1", "--hidden", "2,6",
                                  "--epochs", "30", "--no-plots", "--out", "cmp");
        string frame = tmux.WaitFor(s => s.Contains("hidden=6") && Epoch(s) > 0, "both tiles");
        // The tiles' titles share a line (the capture may already be the last frame, printed below the first line).
        Assert.Contains(frame.Split('\n'), line => line.StartsWith("hidden=2") && line.Contains("hidden=6"));
        Assert.DoesNotMatch(@"\e\[[0-9;]*[34]8;", frame); // no colour codes at all
        Assert.Matches("[░▒▓█]", frame);
        string end = tmux.WaitFor(s => s.Contains("EXIT="), "the end of the comparison");
        Assert.Contains("EXIT=0", end);
        Assert.Equal("0 1", tmux.Display("#{alternate_on} #{cursor_flag}"));
        Assert.Equal("ok", Status(Path.Combine(_dir, "cmp", "hidden-6")));
    }

    private static string? Status(string runDir)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(runDir, "metrics.json")));
        return doc.RootElement.GetProperty("status").GetString();
    }
}
