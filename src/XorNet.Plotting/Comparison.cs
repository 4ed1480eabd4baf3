using System.Globalization;
using ScottPlot;

namespace XorNet.Plotting;

/// <summary>One run of a comparison: its result, its label (the grid values, e.g. "hidden=50") and its full
/// configuration.</summary>
public sealed record ComparedRun(TrainingResult Result, string Label, string Configuration)
{
    /// <summary>The run's --min-accuracy/--max-loss, drawn on its curves.</summary>
    public QualityGates? Gates { get; init; }

    /// <summary>Parameters at the animation's epochs (compare --animate), else empty.</summary>
    public IReadOnlyList<(EpochMetrics Metrics, Parameters Parameters)> Snapshots { get; init; } = [];
}

/// <summary>
/// comparison.png: one row per run (accuracy | boundary | loss) with the same axis ranges in every row, so the rows
/// can be compared by eye; each row is labelled with its grid values and final accuracy.
/// </summary>
public static class Comparison
{
    public const int PanelWidth = 560, RowHeight = 430;

    /// <summary>Characters per line of a panel title: a longer configuration wraps instead of being cut.</summary>
    private const int TitleChars = 58;

    public static void Save(string path, IReadOnlyList<ComparedRun> runs, string heading)
    {
        if (runs.Count == 0) throw new ArgumentException("Nothing to compare.", nameof(runs));
        int epochs = runs.Max(r => r.Result.Config.Epochs);
        double lossMax =
            runs.SelectMany(r => r.Result.History).Select(m => m.Loss).Where(double.IsFinite).DefaultIfEmpty(1).Max();
        bool log = runs.Any(r => LossPlot.NeedsLogScale(r.Result)); // one scale for every row, so the rows compare
        var logLimits = runs.Select(r => LossPlot.LogLimits(r.Result)).ToList();
        var logRange = new ScottPlot.Range(logLimits.Min(l => l.Min), logLimits.Max(l => l.Max));
        var grids = runs.Select(r => Figures.PlotGrid(r.Result)).ToList();
        var (xMin, xMax) = (grids.Min(g => g.XMin), grids.Max(g => g.XMax));
        var (yMin, yMax) = (grids.Min(g => g.YMin), grids.Max(g => g.YMax));

        var multiplot = new Multiplot();
        for (int i = 0; i < runs.Count; i++)
        {
            var (run, final) = (runs[i], runs[i].Result.Final);
            Plot accuracy = Figures.Accuracy(run.Result, run.Configuration, run.Gates);
            accuracy.Title(Invariant($"{RunTitle(run)}\ntrain accuracy {final.TrainAccuracy:P1}{Test(final)}"),
                size: 15);
            accuracy.Axes.SetLimits(0, epochs, 0, 1.02);
            Plot boundary = Figures.Boundary(run.Result, grids[i], run.Configuration);
            boundary.Title(
                Heading.Wrap(Invariant($"Decision boundary, epoch {final.Epoch}\n{run.Configuration}"), TitleChars),
                size: 13);
            boundary.Axes.SetLimits(xMin, xMax, yMin, yMax);
            Plot loss = Figures.Loss(run.Result, run.Configuration, log, run.Gates);
            loss.Title(Invariant(
                $"{run.Label}\nfinal {LeverNames.Of(run.Result.Config.Loss)} loss {MetricText.Loss(final.Loss)}"),
                size: 15);
            if (log) { loss.Axes.SetLimitsX(0, epochs); LossPlot.SetLogRange(loss, logRange); } // log10 units
            else loss.Axes.SetLimits(0, epochs, 0, (lossMax > 0 ? lossMax : 1) * 1.05);
            if (i == 0) multiplot.Reset(accuracy); else multiplot.AddPlot(accuracy);
            multiplot.AddPlot(boundary);
            multiplot.AddPlot(loss);
        }
        multiplot.Layout = new ScottPlot.MultiplotLayouts.Grid(runs.Count, 3);
        byte[] png = PngFile.Encode(multiplot, 3 * PanelWidth, runs.Count * RowHeight);
        AtomicFile.WriteAllBytes(path, Heading.Add(png, heading,
            "one row per run: train accuracy | decision boundary | loss; every row uses the same axis ranges"));
    }

    /// <summary>The run's label, and how it ended when that was not the planned last epoch (a diverged row must say
    /// so).</summary>
    internal static string RunTitle(ComparedRun run) => run.Result.Status == TrainingStatus.Ok
        ? run.Label
        : $"{run.Label} ({run.Result.Status} at epoch {run.Result.History[^1].Epoch})";

    private static string Test(EpochMetrics final) => final.TestAccuracy is double t ? Invariant($", test {t:P1}") : "";

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
