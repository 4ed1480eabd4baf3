using ScottPlot;

namespace XorNet.Plotting;

/// <summary>
/// comparison-curves.png: every run's accuracy and loss overlaid on shared axes, one colour per run (test curves
/// dashed). Runs with different losses (mse, cross-entropy) get one loss panel each: their values do not compare.
/// </summary>
public static class ComparisonCurves
{
    public const int PanelWidth = 700, PanelHeight = 600;

    /// <summary>Run colours: a colour-blind-friendly set, distinct from the class colours of the boundary
    /// plots.</summary>
    private static readonly IPalette RunColors = new ScottPlot.Palettes.ColorblindFriendly();

    public static void Save(string path, IReadOnlyList<ComparedRun> runs, string heading)
    {
        if (runs.Count == 0) throw new ArgumentException("Nothing to compare.", nameof(runs));
        var panels = new List<Plot> { Accuracy(runs) };
        panels.AddRange(runs.GroupBy(r => r.Result.Config.Loss).Select(g => Loss(runs, g.Key)));
        var multiplot = new Multiplot();
        multiplot.Reset(panels[0]);
        foreach (Plot panel in panels.Skip(1)) multiplot.AddPlot(panel);
        multiplot.Layout = new ScottPlot.MultiplotLayouts.Columns();
        byte[] png = PngFile.Encode(multiplot, panels.Count * PanelWidth, PanelHeight); // disposes the panels too
        AtomicFile.WriteAllBytes(path, Heading.Add(png, heading,
            "every run on shared axes: one colour per run, test curves dashed; one loss panel per loss function"));
    }

    private static Plot Accuracy(IReadOnlyList<ComparedRun> runs)
    {
        Plot plot = NewPlot("Accuracy of every run", "accuracy");
        for (int i = 0; i < runs.Count; i++)
            Curves(plot, runs[i], RunColors.GetColor(i), m => m.TrainAccuracy, m => m.TestAccuracy, log: false);
        plot.Axes.SetLimits(0, runs.Max(r => r.Result.Config.Epochs), 0, 1.02);
        return Figures.BelowLegend(plot);
    }

    /// <summary>The runs that use <paramref name="loss"/>, on a log axis when any of them spans more than two
    /// decades.</summary>
    private static Plot Loss(IReadOnlyList<ComparedRun> runs, LossKind loss)
    {
        var members = runs.Select((r, i) => (Run: r, Index: i)).Where(p => p.Run.Result.Config.Loss == loss).ToList();
        bool log = members.Any(m => LossPlot.NeedsLogScale(m.Run.Result));
        string name = LeverNames.Of(loss);
        Plot plot =
            NewPlot($"{name} loss ({OutputLoss.For(loss).DataFormula} + penalty)",
            log ? $"{name} loss (log scale)" : $"{name} loss");
        foreach (var (run, index) in members)
            Curves(plot, run, RunColors.GetColor(index), m => m.Loss, m => m.TestLoss, log);
        plot.Axes.SetLimitsX(0, runs.Max(r => r.Result.Config.Epochs));
        if (log)
        {
            var limits = members.Select(m => LossPlot.LogLimits(m.Run.Result)).ToList();
            LossPlot.SetLogRange(plot, new ScottPlot.Range(limits.Min(l => l.Min), limits.Max(l => l.Max)));
        }
        else
        {
            double max =
                members.SelectMany(m => m.Run.Result.History).SelectMany(h => new[] { h.Loss, h.TestLoss ?? 0 })
                                .Where(double.IsFinite).DefaultIfEmpty(1).Max();
            plot.Axes.SetLimitsY(0, (max > 0 ? max : 1) * 1.05);
        }
        return Figures.BelowLegend(plot);
    }

    /// <summary>A run's train curve (solid, named by its label) and test curve (dashed), log10 of the values on a log
    /// axis.</summary>
    private static void Curves(Plot plot, ComparedRun run, Color color, Func<EpochMetrics, double> train,
        Func<EpochMetrics, double?> test, bool log)
    {
        double Y(double v) => !log ? v : v > 0 && double.IsFinite(v) ? Math.Log10(v) : double.NaN;
        var history = run.Result.History;
        double[] epochs = [.. history.Select(m => (double)m.Epoch)];
        var line = plot.Add.ScatterLine(epochs, history.Select(m => Y(train(m))).ToArray());
        (line.Color, line.LineWidth, line.MarkerSize) = (color, 2, history.Count < 30 ? 5 : 0);
        line.LegendText = Comparison.RunTitle(run);
        if (run.Result.Test is null) return;
        var dashed =
            plot.Add.ScatterLine(epochs, history.Select(m => test(m) is double v ? Y(v) : double.NaN).ToArray());
        (dashed.Color, dashed.LineWidth, dashed.LinePattern, dashed.MarkerSize) = (color, 1.5f, LinePattern.Dashed, 0);
    }

    private static Plot NewPlot(string title, string yLabel)
    {
        var plot = new Plot();
        plot.Font.Set(Figures.FontName);
        plot.Title(title, size: 15);
        plot.XLabel("epoch");
        plot.YLabel(yLabel);
        AxisStyle.Epochs(plot);
        return plot;
    }
}
