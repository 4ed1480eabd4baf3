using ScottPlot;
using XorNet.Tensors;

namespace XorNet.Plotting;

/// <summary>What the data options add: test curves, test points, K-class regions and the dataset picture.</summary>
public static partial class Figures
{
    /// <summary>Class colours: the two of the binary plots first, then Tableau's palette.</summary>
    private static readonly Color[] ClassColors =
    [
        Color.FromHex("#1f5fa8"), Color.FromHex("#e8710a"), Color.FromHex("#2ca02c"), Color.FromHex("#d62728"),
        Color.FromHex("#9467bd"), Color.FromHex("#8c564b"), Color.FromHex("#e377c2"), Color.FromHex("#7f7f7f"),
        Color.FromHex("#bcbd22"), Color.FromHex("#17becf"),
    ];

    public static Color ClassColor(int label) => ClassColors[label % ClassColors.Length];

    /// <summary>The points of a dataset coloured by label: what `xornet data --plot` draws.</summary>
    public static Plot DataPlot(Dataset data, string title)
    {
        Plot plot = NewPlot(title, "x1", "x2");
        for (int label = 0; label < data.Classes; label++)
        {
            int[] idx = Enumerable.Range(0, data.Count).Where(i => data.Labels[i] == label).ToArray();
            var markers = plot.Add.Markers(Column(data.X, idx, 0), Column(data.X, idx, 1), MarkerShape.FilledCircle, 6, ClassColor(label));
            markers.LegendText = $"class {label} ({idx.Length})";
        }
        plot.Axes.SquareUnits();
        plot.ShowLegend(Alignment.UpperRight);
        plot.Legend.FontName = FontName;
        return plot;
    }

    public static void SaveDataPlot(string path, Dataset data, string title)
    {
        using Plot plot = DataPlot(data, title);
        AtomicFile.WriteAllBytes(path, plot.GetImageBytes(PanelHeight, PanelHeight, ImageFormat.Png));
    }

    private static string TestText(EpochMetrics final) =>
        final.TestAccuracy is double test ? $", test {test:P1}" : "";

    /// <summary>The test metric as a dashed curve of the train curve's colour, and a legend naming both.</summary>
    private static void AddTestCurve(Plot plot, TrainingResult result, ScottPlot.Plottables.Scatter train, Func<EpochMetrics, double?> metric)
    {
        if (result.Test is null) return;
        var test = plot.Add.ScatterLine(Epochs(result), result.History.Select(m => metric(m) ?? double.NaN).ToArray());
        test.LineWidth = 2;
        test.Color = train.Color;
        test.LinePattern = LinePattern.Dashed;
        train.LegendText = "train";
        test.LegendText = $"test ({result.Test.Count} held-out points)";
        plot.ShowLegend(Alignment.LowerRight);
        plot.Legend.FontName = FontName;
    }

    /// <summary>K ≥ 3: each cell tinted by its predicted class, paler where the network is less sure.</summary>
    private static Plot ClassRegions(Plot plot, TrainingResult result, DecisionGrid grid)
    {
        var regions = ClassGrid.Evaluate(result.Network, grid);
        for (int k = 0; k < result.Network.K; k++)
        {
            var cells = new double[grid.Rows, grid.Columns];
            for (int r = 0; r < grid.Rows; r++)
                for (int c = 0; c < grid.Columns; c++)
                    cells[r, c] = regions.Classes[r, c] == k ? regions.Confidence[r, c] : double.NaN; // NaN is transparent
            var heatmap = plot.Add.Heatmap(cells);
            heatmap.Colormap = new ScottPlot.Colormaps.CustomInterpolated([Colors.White, ClassColor(k).Lighten(0.55)]);
            heatmap.Rectangle = new CoordinateRect(grid.XMin, grid.XMax, grid.YMin, grid.YMax);
            heatmap.FlipVertically = true;
            heatmap.ManualRange = new ScottPlot.Range(1.0 / result.Network.K, 1);
        }
        AddPoints(plot, result);
        plot.Axes.SetLimits(grid.XMin, grid.XMax, grid.YMin, grid.YMax);
        plot.ShowLegend(Alignment.UpperRight);
        plot.Legend.FontName = FontName;
        return plot;
    }

    /// <summary>Training points filled, test points as open circles, both coloured by true label; mistakes crossed.</summary>
    private static void AddPointsWithTest(Plot plot, TrainingResult result)
    {
        foreach (var (data, shape, name) in new[] { (result.Data, MarkerShape.FilledCircle, "train"), (result.Test!, MarkerShape.OpenCircle, "test") })
        {
            var ws = result.Network.CreateWorkspace(data.Count);
            data.X.CopyTo(ws.X);
            result.Network.Forward(ws);
            for (int label = 0; label < data.Classes; label++)
            {
                int[] idx = Enumerable.Range(0, data.Count).Where(i => data.Labels[i] == label).ToArray();
                var markers = plot.Add.Markers(Column(data.X, idx, 0), Column(data.X, idx, 1), shape, name == "test" ? 9 : 7, ClassColor(label));
                markers.LegendText = $"{name}, class {label}";
                if (name == "test") markers.MarkerStyle.OutlineWidth = 2;
            }
            int[] wrong = Enumerable.Range(0, data.Count).Where(i => ws.Predictions[i] != data.Labels[i]).ToArray();
            if (wrong.Length == 0) continue;
            var crosses = plot.Add.Markers(Column(data.X, wrong, 0), Column(data.X, wrong, 1), MarkerShape.Eks, 9, Colors.Black);
            crosses.LegendText = $"{name} misclassified ({wrong.Length})";
        }
    }
}
