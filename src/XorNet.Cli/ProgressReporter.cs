using System.Diagnostics;
using System.Globalization;

namespace XorNet.Cli;

/// <summary>How a run reports its epochs: a live bar (terminal), a few plain lines (redirected output), or
/// nothing.</summary>
public enum ProgressMode { Lines, Bar, Quiet }

/// <summary>Receives every epoch's metrics and shows them in the chosen <see cref="ProgressMode"/>.</summary>
public sealed class ProgressReporter(ProgressMode mode, int epochs, TextWriter log)
{
    /// <summary>The bar is redrawn at most this often (10 times a second), whatever the epoch rate.</summary>
    public static readonly TimeSpan BarInterval = TimeSpan.FromMilliseconds(100);
    private const int BarCells = 24;

    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan? _lastDraw; // null until the first draw
    private bool _barShown;
    private int _lastLength;

    /// <summary>https://no-color.org: a non-empty NO_COLOR means no ANSI escape codes at all.</summary>
    public static bool AnsiAllowed => string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));

    /// <summary>The bar only on an interactive terminal and never when stdout carries the JSON document.</summary>
    public static ProgressMode Choose(bool quiet, TextWriter log, string? jsonPath)
    {
        if (quiet) return ProgressMode.Quiet;
        bool terminal = ReferenceEquals(log is GuardedWriter g ? g.Inner : log, Console.Out)
            && !Console.IsOutputRedirected;
        return terminal && jsonPath != "-" ? ProgressMode.Bar : ProgressMode.Lines;
    }

    public void Report(EpochMetrics m)
    {
        if (mode == ProgressMode.Lines) Line(m);
        else if (mode == ProgressMode.Bar
            && (m.Epoch == epochs || _lastDraw is not { } last || _clock.Elapsed - last >= BarInterval)) Bar(m);
    }

    /// <summary>Ends the bar's line so the summary starts on a fresh one.</summary>
    public void Finish()
    {
        if (_barShown) log.WriteLine();
        _barShown = false;
    }

    /// <summary>A line of its own (after ending a bar), shown in every mode.</summary>
    public void Log(string line)
    {
        Finish();
        log.WriteLine(line);
    }

    /// <summary>
    /// A long step after training, e.g. "training.png: frame 37/300": redrawn in place on a terminal, at ten evenly
    /// spaced points as lines otherwise, not at all when quiet.
    /// </summary>
    public void Step(string what, int done, int total)
    {
        string text = $"{what} {done}/{total}";
        if (mode == ProgressMode.Lines
            && (done == total || done % Math.Max(1, total / 10) == 0)) log.WriteLine("  " + text);
        if (mode != ProgressMode.Bar
            || (done != total && _lastDraw is { } last && _clock.Elapsed - last < BarInterval)) return;
        _lastDraw = _clock.Elapsed;
        log.Write("\r" + (AnsiAllowed ? text + "\u001b[K" : text.PadRight(_lastLength)));
        _lastLength = text.Length;
        log.Flush();
        _barShown = true;
    }

    /// <summary>A short line at ten evenly spaced epochs (and the first and last).</summary>
    private void Line(EpochMetrics m)
    {
        int every = Math.Max(1, epochs / 10);
        if (m.Epoch % every != 0 && m.Epoch != epochs) return;
        int width = epochs.ToString(CultureInfo.InvariantCulture).Length;
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  epoch {m.Epoch.ToString(CultureInfo.InvariantCulture).PadLeft(width)}/{epochs}  loss " +
                $"{TrainJob.FormatLoss(m.Loss)}  train accuracy " +
                $"{m.TrainAccuracy:P1}{(m.TestAccuracy is double t ? $"  test accuracy {t:P1}" : "")}"));
    }

    private void Bar(EpochMetrics m)
    {
        _lastDraw = _clock.Elapsed;
        string bar = FormatBar(m, epochs, _clock.Elapsed);
        // \e[K clears what a longer previous bar left; with NO_COLOR set we write no escape codes and pad instead.
        log.Write("\r" + (AnsiAllowed ? bar + "\u001b[K" : bar.PadRight(_lastLength)));
        _lastLength = bar.Length;
        log.Flush();
        _barShown = true;
    }

    /// <summary>"[██████░░░░]  epoch 40/100  loss 0.1234  acc 87.3 %  0:02 elapsed, ETA 0:03".</summary>
    public static string FormatBar(EpochMetrics m, int epochs, TimeSpan elapsed)
    {
        double done = epochs == 0 ? 1 : (double)m.Epoch / epochs;
        int filled = (int)Math.Round(done * BarCells);
        string eta = m.Epoch == 0 ? "?" : Clock(elapsed * ((1 - done) / done));
        return string.Create(CultureInfo.InvariantCulture,
            $"[{new string('█', filled)}{new string('░', BarCells - filled)}]  epoch {m.Epoch}/{epochs}  loss " +
                $"{TrainJob.FormatLoss(m.Loss)}  acc {m.TrainAccuracy:P1}  {Clock(elapsed)} elapsed, ETA {eta}");
    }

    private static string Clock(TimeSpan t) => t.TotalHours >= 1
        ? $"{(int)t.TotalHours}:{t.Minutes:00}:{t.Seconds:00}"
        : $"{(int)t.TotalMinutes}:{t.Seconds:00}";
}
