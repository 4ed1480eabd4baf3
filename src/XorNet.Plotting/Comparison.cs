using ScottPlot;

namespace XorNet.Plotting;

/// <summary>One run of a comparison: its result, its label (the grid values, e.g. "hidden=50") and its full configuration.</summary>
public sealed record ComparedRun(TrainingResult Result, string Label, string Configuration);

/// <summary>
/// comparison.png: one row per run (accuracy | boundary | loss) with the same axis ranges in every row, so the rows
/// can be compared by eye; each row is labelled with its grid values and final accuracy.
/// </summary>
public static class Comparison
{
    public const int PanelWidth = 560, RowHeight = 430;

    public static void Save(string path, IReadOnlyList<ComparedRun> runs, string heading)
    {
        if (runs.Count == 0) throw new ArgumentException("Nothing to compare.", nameof(runs));
        int epochs = runs.Max(r => r.Result.Config.Epochs);
        double lossMax = runs.SelectMany(r => r.Result.History).Select(m => m.Loss).Where(double.IsFinite).DefaultIfEmpty(1).Max();
        bool log = runs.Any(r => LossPlot.NeedsLogScale(r.Result)); // one scale for every row, so the rows compare
        var logLimits = runs.Select(r => LossPlot.LogLimits(r.Result)).ToList();
        var (logMin, logMax) = (logLimits.Min(l => l.Min), logLimits.Max(l => l.Max));
        var grids = runs.Select(r => DecisionGrid.Evaluate(r.Result.Network, r.Result.Data.X)).ToList();
        var (xMin, xMax) = (grids.Min(g => g.XMin), grids.Max(g => g.XMax));
        var (yMin, yMax) = (grids.Min(g => g.YMin), grids.Max(g => g.YMax));

        var multiplot = new Multiplot();
        for (int i = 0; i < runs.Count; i++)
        {
            var (run, final) = (runs[i], runs[i].Result.Final);
            string status = run.Result.Status == TrainingStatus.Ok ? "" : $" ({run.Result.Status} at epoch {final.Epoch})"; // a diverged row must say so
            string label = FormattableString.Invariant($"{run.Label}{status}: train accuracy {final.TrainAccuracy:P1}");
            Plot accuracy = Figures.Accuracy(run.Result, run.Configuration);
            accuracy.Title(label, size: 17);
            accuracy.Axes.SetLimits(0, epochs, 0, 1.02);
            Plot boundary = Figures.Boundary(run.Result, grids[i], run.Configuration);
            boundary.Title(FormattableString.Invariant($"Decision boundary, epoch {final.Epoch}\n{run.Configuration}"), size: 13);
            boundary.Axes.SetLimits(xMin, xMax, yMin, yMax);
            Plot loss = Figures.Loss(run.Result, run.Configuration, log);
            loss.Title(FormattableString.Invariant($"{run.Label}: final loss {final.Loss:F4}"), size: 17);
            if (log) loss.Axes.SetLimits(0, epochs, logMin, logMax); // log10 units
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
}
