using ScottPlot;
using XorNet.Tensors;

namespace XorNet.Plotting;

/// <summary>The article's pictures: accuracy and loss curves, the decision boundary, and the three side by side.</summary>
public static partial class Figures
{
    public const int PanelWidth = 700, PanelHeight = 560;
    public const string FontName = "DejaVu Sans";

    private static readonly Color Class0 = Color.FromHex("#1f5fa8"), Class1 = Color.FromHex("#e8710a");
    private static readonly IColormap Background = new LookupColormap(new ScottPlot.Colormaps.CustomInterpolated(
        [Color.FromHex("#9cc3ea"), Color.FromHex("#ffffff"), Color.FromHex("#fbc28c")]));

    /// <summary>Writes accuracy.png, loss.png, boundary.png and summary.png into outDir (each atomically).</summary>
    public static void WriteAll(TrainingResult result, string outDir, string configuration)
    {
        var grid = DecisionGrid.Evaluate(result.Network, result.Data.X);
        // Each plot is built once and drawn twice (alone, then in the summary), so the heatmap bitmap is made once.
        using Plot accuracy = Accuracy(result, configuration), loss = Loss(result, configuration), boundary = Boundary(result, grid, configuration);
        Save(Path.Combine(outDir, "accuracy.png"), accuracy);
        Save(Path.Combine(outDir, "loss.png"), loss);
        Save(Path.Combine(outDir, "boundary.png"), boundary);
        SaveSummary(Path.Combine(outDir, "summary.png"), accuracy, boundary, loss);
    }

    public static Plot Accuracy(TrainingResult result, string configuration)
    {
        Plot plot = result.Test is null
            ? NewPlot($"Train accuracy\n{configuration}", "epoch", "train accuracy")
            : NewPlot($"Train and test accuracy\n{configuration}", "epoch", "accuracy");
        var line = plot.Add.ScatterLine(Epochs(result), result.History.Select(m => m.TrainAccuracy).ToArray());
        line.LineWidth = 2;
        line.Color = Colors.SeaGreen;
        AddTestCurve(plot, result, line, m => m.TestAccuracy);
        line.MarkerSize = result.History.Count < 30 ? 6 : 0; // a run stopped early has few points: show each
        plot.Axes.SetLimits(LossPlot.FirstEpoch(result), LossPlot.LastEpoch(result), 0, 1.02);
        return plot;
    }

    public static Plot Loss(TrainingResult result, string configuration) => Loss(result, configuration, LossPlot.NeedsLogScale(result));

    /// <summary>The loss panel on a log axis or a linear one, as the caller decides (the animation: once for the whole run).</summary>
    public static Plot Loss(TrainingResult result, string configuration, bool logScale)
    {
        if (logScale) return LossPlot.LogScale(NewPlot(LossTitle(result, configuration), "epoch", "loss (log scale)"), result);
        Plot plot = NewPlot(LossTitle(result, configuration), "epoch", "loss");
        var line = plot.Add.ScatterLine(Epochs(result), result.History.Select(m => m.Loss).ToArray());
        line.LineWidth = 2;
        line.Color = Colors.Crimson;
        AddTestCurve(plot, result, line, m => m.TestLoss);
        line.MarkerSize = result.History.Count < 30 ? 6 : 0;
        plot.Axes.SetLimitsX(LossPlot.FirstEpoch(result), LossPlot.LastEpoch(result));
        plot.Axes.SetLimitsY(0, MaxFinite(result.History.Select(m => Math.Max(m.Loss, m.TestLoss ?? 0))) * 1.05);
        LossPlot.MarkDivergence(plot, result);
        return plot;
    }

    private static string LossTitle(TrainingResult result, string configuration) =>
        result.Config.Loss == LossKind.Mse && result.Config.L1 == 0
            ? $"Loss  Σ(y−h2)²/2N + λΣW²/2N\n{configuration}"
            : $"Loss  {OutputLoss.For(result.Config.Loss).DataFormula} + {result.Config.Regularization.Formula}\n{configuration}";

    public static Plot Boundary(TrainingResult result, DecisionGrid grid, string configuration)
    {
        var final = result.Final;
        Plot plot = NewPlot($"Decision boundary, epoch {final.Epoch}, train accuracy {final.TrainAccuracy:P1}{TestText(final)}\n{configuration}", "x1", "x2");
        if (result.Network.K > 2) return ClassRegions(plot, result, grid);
        var heatmap = plot.Add.Heatmap(new double[1, 1]); // each setter redraws the whole bitmap: set them on one cell
        heatmap.Colormap = Background;
        heatmap.FlipVertically = true; // our row 0 is the bottom of the plane
        heatmap.ManualRange = new ScottPlot.Range(0, 1);
        heatmap.Intensities = grid.ClassOneShare; // this setter does not redraw; the next one does, once
        heatmap.Rectangle = new CoordinateRect(grid.XMin, grid.XMax, grid.YMin, grid.YMax);
        var bar = plot.Add.ColorBar(heatmap);
        bar.Label = ColorBarLabel(result.Network.Output.Kind);
        bar.LabelStyle.FontName = FontName;
        AddPoints(plot, result);
        plot.Axes.SetLimits(grid.XMin, grid.XMax, grid.YMin, grid.YMax);
        plot.ShowLegend(Alignment.UpperRight);
        plot.Legend.FontName = FontName;
        return plot;
    }

    /// <summary>What the two-class background shows: σ outputs are normalised by predict, a softmax output already is p(class 1).</summary>
    public static string ColorBarLabel(LossKind output) => output == LossKind.CrossEntropy
        ? "p(class 1) = softmax(z2)₁" // short enough for the animation's small panels
        : "h2₁ / (h2₀ + h2₁)  (class 1 above 0.5)";

    /// <summary>Points coloured by their true label; misclassified ones get a black cross.</summary>
    private static void AddPoints(Plot plot, TrainingResult result)
    {
        if (result.Test is not null) { AddPointsWithTest(plot, result); return; }
        Dataset data = result.Data;
        var ws = result.Network.CreateWorkspace(data.Count);
        data.X.CopyTo(ws.X);
        result.Network.Forward(ws);
        for (int label = 0; label < data.Classes; label++)
        {
            int[] idx = Enumerable.Range(0, data.Count).Where(i => data.Labels[i] == label).ToArray();
            var markers = plot.Add.Markers(Column(data.X, idx, 0), Column(data.X, idx, 1), MarkerShape.FilledCircle, 7, ClassColor(label));
            markers.LegendText = $"class {label}";
        }
        int[] wrong = Enumerable.Range(0, data.Count).Where(i => ws.Predictions[i] != data.Labels[i]).ToArray();
        if (wrong.Length == 0) return;
        var crosses = plot.Add.Markers(Column(data.X, wrong, 0), Column(data.X, wrong, 1), MarkerShape.Eks, 9, Colors.Black);
        crosses.LegendText = $"misclassified ({wrong.Length})";
    }

    private static void SaveSummary(string path, Plot accuracy, Plot boundary, Plot loss)
    {
        var multiplot = new Multiplot();
        multiplot.Reset(accuracy); // a new Multiplot starts with one empty plot

        multiplot.AddPlot(boundary);
        multiplot.AddPlot(loss);
        multiplot.Layout = new ScottPlot.MultiplotLayouts.Columns();
        PngFile.Save(path, multiplot, 3 * PanelWidth, PanelHeight);
    }

    private static Plot NewPlot(string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        plot.Font.Set(FontName);
        plot.Title(title, size: 15);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        return plot;
    }

    private static void Save(string path, Plot plot) => PngFile.Save(path, plot, PanelWidth, PanelHeight);

    private static double[] Epochs(TrainingResult result) => result.History.Select(m => (double)m.Epoch).ToArray();

    private static double[] Column(Matrix x, int[] rows, int col) => rows.Select(r => x[r, col]).ToArray();

    private static double MaxFinite(IEnumerable<double> values)
    {
        double max = values.Where(double.IsFinite).DefaultIfEmpty(1).Max();
        return max > 0 ? max : 1;
    }
}
