using System.Diagnostics;
using XorNet.Cli;

namespace XorNet.Cli.Tests;

public sealed class ProgressReporterTests
{
    [Fact]
    public void FormatBar_ShowsEpochLossAccuracyElapsedAndEta()
    {
        string bar = ProgressReporter.FormatBar(new EpochMetrics(25, 0.12345, 0.8), 100, TimeSpan.FromSeconds(10));
        Assert.Contains("epoch 25/100", bar);
        Assert.Contains("loss 0.1235", bar);
        Assert.Contains("acc 80.0 %", bar); // one percentage style with the summary line
        Assert.Contains("0:10 elapsed", bar);
        Assert.Contains("ETA 0:30", bar); // a quarter done in 10 s leaves 30 s
        Assert.Equal(6, bar.Count(c => c == '█'));  // 25% of 24 cells
    }

    [Fact]
    public void Bar_RedrawsAtMostTenTimesASecond_AndEndsWithTheLastEpoch()
    {
        var log = new StringWriter();
        var reporter = new ProgressReporter(ProgressMode.Bar, 200_000, log);
        var clock = Stopwatch.StartNew();
        for (int epoch = 0; epoch <= 200_000; epoch++)
            reporter.Report(new EpochMetrics(epoch, 0.1, 0.5));
        reporter.Finish();
        double elapsed = clock.Elapsed.TotalSeconds;
        string text = log.ToString();
        int draws = text.Count(c => c == '\r');
        // the first draw, one per 100 ms at most, and the final epoch
        Assert.InRange(draws, 2, 2 + (int)(elapsed * 10));
        Assert.Contains("epoch 200000/200000", text[text.LastIndexOf('\r')..]);
        Assert.EndsWith(Environment.NewLine, text);
    }

    [Fact]
    public void Lines_AreAFewPlainLines_AndQuietIsSilent()
    {
        var lines = new StringWriter();
        var quiet = new StringWriter();
        var a = new ProgressReporter(ProgressMode.Lines, 100, lines);
        var b = new ProgressReporter(ProgressMode.Quiet, 100, quiet);
        for (int epoch = 0; epoch <= 100; epoch++)
        {
            a.Report(new EpochMetrics(epoch, 0.1, 0.5));
            b.Report(new EpochMetrics(epoch, 0.1, 0.5));
        }
        Assert.Equal(11, lines.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.DoesNotContain('\r', lines.ToString());
        Assert.Empty(quiet.ToString());
    }

    [Fact]
    public void Choose_NeverPicksTheBar_ForRedirectedOutput_OrJsonOnStdout()
    {
        Assert.Equal(ProgressMode.Quiet, ProgressReporter.Choose(quiet: true, Console.Out, null));
        Assert.Equal(ProgressMode.Lines, ProgressReporter.Choose(quiet: false, new StringWriter(), null));
        Assert.Equal(ProgressMode.Lines, ProgressReporter.Choose(quiet: false, Console.Out, "-"));
    }

    [Fact]
    public void Bar_WithNoColor_WritesNoEscapeCodes()
    {
        string? saved = Environment.GetEnvironmentVariable("NO_COLOR");
        try
        {
            Environment.SetEnvironmentVariable("NO_COLOR", "1");
            var log = new StringWriter();
            var reporter = new ProgressReporter(ProgressMode.Bar, 3, log);
            foreach (int epoch in new[] { 0, 3 })
                reporter.Report(new EpochMetrics(epoch, 0.25, 0.5));
            reporter.Finish();
            Assert.Contains("epoch 3/3", log.ToString());
            Assert.DoesNotContain('\u001b', log.ToString());
        }
        finally
        {
            Environment.SetEnvironmentVariable("NO_COLOR", saved);
        }
    }
}
