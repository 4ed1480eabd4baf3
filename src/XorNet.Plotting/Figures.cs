using ScottPlot;
using XorNet.Tensors;

namespace XorNet.Plotting;

/// <summary>The article's pictures: accuracy and loss curves, the decision boundary, and the three side by
/// side.</summary>
public static partial class Figures
{
    public const int PanelWidth = 700, PanelHeight = 560;
    public const string FontName = "DejaVu Sans";

    private static readonly IColormap Background = new LookupColormap(new ScottPlot.Colormaps.CustomInterpolated(
        [Color.FromHex("#9cc3ea"), Color.FromHex("#ffffff"), Color.FromHex("#fbc28c")]));

    /// <summary>Writes accuracy.png, loss.png, boundary.png and summary.png into outDir (each atomically).</summary>
    /// <remarks>
    /// Each panel is built and drawn once, on the cores side by side; summary.png places the three drawn panels next to
    /// each other (the same pixels a three-column layout of the same size gives, without drawing them again).
    /// </remarks>
    public static void WriteAll(TrainingResult result, string outDir, string configuration, QualityGates? gates = null)
    {
        var grid = PlotGrid(result);
        var panels = new (string Name, Func<Plot> Build)[]
        {
            ("accuracy.png", () => Accuracy(result, configuration, gates)),
            ("boundary.png", () => Boundary(result, grid, configuration)),
            ("loss.png", () => Loss(result, configuration, gates)),
        };
        var images = new SkiaSharp.SKImage[panels.Length];
        try
        {
            Parallel.For(0, panels.Length, i =>
            {
                using Plot plot = panels[i].Build(); // disposed here, not on the finalizer thread
                images[i] = PngFile.Draw(plot, PanelWidth, PanelHeight);
                PngFile.Save(Path.Combine(outDir, panels[i].Name), images[i]);
            });
            using var summary = PngFile.SideBySide(images);
            PngFile.Save(Path.Combine(outDir, "summary.png"), summary);
        }
        finally
        {
            foreach (var image in images) image?.Dispose();
        }
    }

    /// <summary>Cells along the longer side of the plot's grid: about two per pixel of the data area, finer shows
    /// nothing more.</summary>
    public const int PlotCells = 600;

    /// <summary>The decision grid over every point drawn (train and test), at the reference's 0.01 step up to
    /// <see cref="PlotCells"/>.</summary>
    public static DecisionGrid PlotGrid(TrainingResult result) => PlotGrid(result, step: 0.01, cells: PlotCells);

    /// <summary>
    /// The decision grid over every point drawn: the training points and the test points, in the (x1, x2) plane, the
    /// network evaluated on the run's features of each cell.
    /// </summary>
    public static DecisionGrid PlotGrid(TrainingResult result, double step, int cells = DecisionGrid.MaxCells)
    {
        Matrix[] xs = result.Test is null ? [result.Data.X] : [result.Data.X, result.Test.X];
        var extent = DecisionGrid.Bounds(xs);
        double span = Math.Max(extent.XMax - extent.XMin, extent.YMax - extent.YMin);
        return DecisionGrid.Evaluate(result.Network, xs, step: Math.Max(step, span / cells),
                                     features: result.Config.Features);
    }

    /// <summary>
    /// The run as it was at <paramref name="epoch"/> (an animation frame): its history up to then, and early stopping's
    /// kept epoch only once it has been reached (its metrics are the frame's Final).
    /// </summary>
    public static TrainingResult UpTo(TrainingResult result, int epoch)
    {
        var sofar = result with { History = result.History.Until(epoch) };
        return result.Stop.RestoredEpoch is int kept
            && kept > epoch ? sofar with { Stop = result.Stop with { RestoredEpoch = null } } : sofar;
    }

    public static Plot Accuracy(TrainingResult result, string configuration, QualityGates? gates = null)
    {
        Plot plot = result.Test is null
            ? NewPlot($"Train accuracy\n{configuration}", "epoch", "train accuracy")
            : NewPlot($"Train and test accuracy\n{configuration}", "epoch", "accuracy");
        var line = plot.Add.ScatterLine(Epochs(result), result.History.Select(m => m.TrainAccuracy).ToArray());
        line.LineWidth = 2;
        line.Color = Colors.SeaGreen;
        line.LegendText = result.Test is null ? "train accuracy" : "train";
        AddTestCurve(plot, result, line, m => m.TestAccuracy);
        line.MarkerSize = result.History.Count < 30 ? 6 : 0; // a run stopped early has few points: show each
        CurveMarks.Add(plot, result, gates?.MinAccuracy,
            result.Test is null ? "--min-accuracy" : "--min-accuracy (test)");
        plot.Axes.SetLimits(LossPlot.FirstEpoch(result), LossPlot.LastEpoch(result), 0, 1.02);
        AxisStyle.Epochs(plot);
        return BelowLegend(plot);
    }

    public static Plot Loss(TrainingResult result, string configuration, QualityGates? gates = null) =>
        Loss(result, configuration, LossPlot.NeedsLogScale(result), gates);

    /// <summary>The loss panel on a log axis or a linear one, as the caller decides (the animation: once for the whole
    /// run).</summary>
    public static Plot Loss(TrainingResult result, string configuration, bool logScale, QualityGates? gates = null)
    {
        if (logScale)
            return BelowLegend(
                LossPlot.LogScale(NewPlot(LossTitle(result, configuration), "epoch", "loss (log scale)"), result,
                gates?.MaxLoss));
        Plot plot = NewPlot(LossTitle(result, configuration), "epoch", "loss");
        var line = plot.Add.ScatterLine(Epochs(result), result.History.Select(m => m.Loss).ToArray());
        line.LineWidth = 2;
        line.Color = Colors.Crimson;
        line.LegendText = result.Test is null ? "loss" : "train";
        AddTestCurve(plot, result, line, m => m.TestLoss);
        line.MarkerSize = result.History.Count < 30 ? 6 : 0;
        CurveMarks.Add(plot, result, gates?.MaxLoss, "--max-loss");
        plot.Axes.SetLimitsX(LossPlot.FirstEpoch(result), LossPlot.LastEpoch(result));
        double top =
            MaxFinite(result.History.Select(m => Math.Max(m.Loss, m.TestLoss ?? 0)).Append(gates?.MaxLoss ?? 0));
        plot.Axes.SetLimitsY(0, top * 1.05);
        LossPlot.MarkDivergence(plot, result);
        AxisStyle.Epochs(plot);
        return BelowLegend(plot);
    }

    /// <summary>The loss formula over the network's real output h_L (h2 for one hidden layer, h3 for two).</summary>
    private static string LossTitle(TrainingResult result, string configuration)
    {
        var config = result.Config;
        string formula = config.Loss == LossKind.Mse && config.L1 == 0
            ? "Loss  Σ(y−h2)²/2N + λΣW²/2N"
            : $"Loss  {OutputLoss.For(config.Loss).DataFormula} + {config.Regularization.Formula}";
        return OutputName(formula, result.Network.Layers.Count) + "\n" + configuration;
    }

    /// <summary>A formula written for the article's output h2 = g(z2), about a network of L weight layers.</summary>
    public static string OutputName(string formula, int layers) =>
        formula.Replace("z2", $"z{layers}").Replace("h2", $"h{layers}");

    public static Plot Boundary(TrainingResult result, DecisionGrid grid, string configuration)
    {
        var final = result.Final;
        int noValue = CountNaN(grid.ClassOneShare);
        Plot plot =
            NewPlot($"Decision boundary, epoch {final.Epoch}, train accuracy " +
            $"{final.TrainAccuracy:P1}{TestText(final)}\n{configuration}", "x1", "x2");
        if (result.Network.K > 2) return ClassRegions(plot, result, grid);
        var bar = Shade(plot, grid.ClassOneShare, Background, new ScottPlot.Range(0, 1), grid, noValue);
        string shading = OutputName(ColorBarLabel(result.Network.Output.Kind), result.Network.Layers.Count);
        plot.Legend.ManualItems.Add(Entry("shading: " + shading, MarkerShape.FilledSquare, Background.GetColor(0.8)));
        bar?.Axis.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [0, 0.25, 0.5, 0.75, 1], ["0", "0.25", "0.5", "0.75", "1"]);
        NoValueNote(plot, noValue, grid.ClassOneShare.Length);
        return PointsAndLegend(plot, result, grid);
    }

    /// <summary>
    /// The background heatmap and its colour bar (unlabelled: a labelled colour bar turns the next panel's y-label in
    /// ScottPlot 5.1). NaN cells get the no-value grey; a plane with no value anywhere is all grey, without a bar.
    /// </summary>
    private static ScottPlot.Panels.ColorBar? Shade(Plot plot, double[,] cells, IColormap colormap,
        ScottPlot.Range range, DecisionGrid grid, int noValue)
    {
        // NaN only: no range to draw
        if (noValue == cells.Length) { plot.DataBackground.Color = ClassPalette.NoValue; return null; }
        var heatmap = plot.Add.Heatmap(new double[1, 1]); // each setter redraws the whole bitmap: set them on one cell
        heatmap.ManualRange = range;
        heatmap.Colormap = colormap;
        heatmap.NaNCellColor = ClassPalette.NoValue;
        heatmap.FlipVertically = true; // our row 0 is the bottom of the plane
        heatmap.Intensities = cells; // this setter does not redraw; the next one does, once
        heatmap.Rectangle = new CoordinateRect(grid.XMin, grid.XMax, grid.YMin, grid.YMax);
        return plot.Add.ColorBar(heatmap);
    }

    /// <summary>What the two-class background shows: σ outputs are normalised by predict, a softmax output already is
    /// p(class 1).</summary>
    public static string ColorBarLabel(LossKind output) => output == LossKind.CrossEntropy
        ? "p(class 1) = softmax(z2)₁"
        : "h2₁ / (h2₀ + h2₁)";

    /// <summary>Cells where the network's output is not a number get the "no value" grey, and the title says how
    /// many.</summary>
    private static void NoValueNote(Plot plot, int noValue, int cells)
    {
        if (noValue == 0) return;
        plot.Axes.Title.Label.Text += FormattableString.Invariant(
            $"\ngrey: no value in {noValue:N0} of {cells:N0} cells (the output is not a number there)");
        plot.Axes.Title.Label.ForeColor = Colors.DarkRed;
    }

    private static int CountNaN(double[,] cells)
    {
        int count = 0;
        foreach (double v in cells) if (double.IsNaN(v)) count++;
        return count;
    }

    internal static Plot NewPlot(string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        plot.Font.Set(FontName);
        plot.Title(title, size: 15);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        return plot;
    }


    private static double[] Epochs(TrainingResult result) => result.History.Select(m => (double)m.Epoch).ToArray();

    private static double[] Column(Matrix x, int[] rows, int col) => rows.Select(r => x[r, col]).ToArray();

    private static double MaxFinite(IEnumerable<double> values)
    {
        double max = values.Where(double.IsFinite).DefaultIfEmpty(1).Max();
        return max > 0 ? max : 1;
    }
}
