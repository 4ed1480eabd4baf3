using System.Globalization;
using ScottPlot;
using XorNet.Tensors;

namespace XorNet.Plotting;

/// <summary>What the data options add: test curves, test points, K-class regions and the dataset picture.</summary>
public static partial class Figures
{
    public static Color ClassColor(int label, int classes) => ClassPalette.Of(label, classes);

    /// <summary>The points of a dataset coloured by label: what `xornet data --plot` draws.</summary>
    public static Plot DataPlot(Dataset data, string title)
    {
        Plot plot = NewPlot(title, "x1", "x2");
        int[] shown = PointSample.Stratified(data.Labels, data.Classes);
        float size = MarkerSize(shown.Length);
        for (int label = 0; label < data.Classes; label++)
        {
            int[] idx = [.. shown.Where(i => data.Labels[i] == label)];
            plot.Add.Markers(Column(data.X, idx, 0), Column(data.X, idx, 1), MarkerShape.FilledCircle, size,
                ClassColor(label, data.Classes));
        }
        if (data.Classes <= MaxClassEntries)
            for (int label = 0; label < data.Classes; label++)
                plot.Legend.ManualItems.Add(
                    Entry($"class {label} ({data.Labels.Count(l => l == label):N0})", MarkerShape.FilledCircle,
                    ClassColor(label, data.Classes)));
        else
            plot.Legend.ManualItems.Add(
                Entry($"{data.Classes} classes, one colour each", MarkerShape.None, Colors.Black));
        SampleNote(plot, shown.Length, data.Count);
        plot.Axes.SquareUnits();
        return BelowLegend(plot);
    }

    public static void SaveDataPlot(string path, Dataset data, string title)
    {
        using Plot plot = DataPlot(data, title);
        PngFile.Save(path, plot, PanelHeight, PanelHeight + 40);
    }

    private static string TestText(EpochMetrics final) =>
        final.TestAccuracy is double test ? $", test {test:P1}" : "";

    /// <summary>The test metric as a dashed curve of the train curve's colour, and a legend naming both.</summary>
    private static void AddTestCurve(Plot plot, TrainingResult result, ScottPlot.Plottables.Scatter train,
        Func<EpochMetrics, double?> metric)
    {
        if (result.Test is null) return;
        var test = plot.Add.ScatterLine(Epochs(result), result.History.Select(m => metric(m) ?? double.NaN).ToArray());
        test.LineWidth = 2;
        test.Color = train.Color;
        test.LinePattern = LinePattern.Dashed;
        train.LegendText = "train";
        test.LegendText = $"test ({result.Test.Count} held-out points)";
    }

    /// <summary>Up to this many classes get a legend entry each in the data plot; more are told apart by colour
    /// alone.</summary>
    public const int MaxClassEntries = 10;

    /// <summary>K ≥ 3: one heatmap, each cell its predicted class's colour, paler where the network is less
    /// sure.</summary>
    private static Plot ClassRegions(Plot plot, TrainingResult result, DecisionGrid grid)
    {
        int classes = result.Network.K;
        var regions = ClassGrid.Evaluate(result.Network, grid, result.Config.Features);
        var (cells, noValue) = Plotting.ClassRegions.Encode(regions, classes);
        var bar = Shade(plot, cells, new Plotting.ClassRegions.Colormap(classes), new ScottPlot.Range(0, classes), grid,
            noValue);
        plot.Legend.ManualItems.Add(
            Entry("shading: predicted class (colour bar; pale = unsure)", MarkerShape.FilledSquare,
            ClassColor(0, classes).Lighten(0.45)));
        int every = (int)Math.Ceiling(classes / 12.0);
        bar?.Axis.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [.. Enumerable.Range(0, classes).Where(k => k % every == 0).Select(k => k + 0.5)],
            [.. Enumerable.Range(0, classes).Where(k => k % every == 0)
                .Select(k => k.ToString(CultureInfo.InvariantCulture))]);
        NoValueNote(plot, noValue, cells.Length);
        return PointsAndLegend(plot, result, grid);
    }

    /// <summary>The points over the background, the legend below the data, the axes on the grid.</summary>
    private static Plot PointsAndLegend(Plot plot, TrainingResult result, DecisionGrid grid)
    {
        int classes = result.Network.K;
        if (classes == 2) // more classes are named by the colour bar
            for (int k = 0; k < classes; k++)
                plot.Legend.ManualItems.Add(Entry($"class {k}", MarkerShape.FilledCircle, ClassColor(k, classes)));
        var (network, features) = (result.Network, result.Config.Features);
        string trainName = result.Test is null ? "" : "train";
        AddPoints(plot, network, features, result.Data, result.Final.TrainAccuracy, trainName,
                  MarkerShape.FilledCircle);
        if (result.Test is not null)
            AddPoints(plot, network, features, result.Test, result.Final.TestAccuracy, "test", MarkerShape.OpenCircle);
        plot.Axes.SetLimits(grid.XMin, grid.XMax, grid.YMin, grid.YMax);
        return BelowLegend(plot);
    }

    /// <summary>
    /// One set of points (train or test) coloured by true label, a sample of them beyond a few thousand; misclassified
    /// points crossed while all are shown. The legend counts the mistakes over all points: from the run's accuracy
    /// (measured on every point), so only the points drawn go through the network here.
    /// </summary>
    private static void AddPoints(Plot plot, Network network, FeatureMap features, Dataset data, double? accuracy,
                                  string name, MarkerShape shape)
    {
        int[] shown = PointSample.Stratified(data.Labels, data.Classes);
        int[] predicted = InferenceBatch.Predict(network, Rows(data.X, shown), features);
        float size = MarkerSize(shown.Length) + (shape == MarkerShape.OpenCircle ? 2 : 0);
        for (int label = 0; label < data.Classes; label++)
        {
            int[] idx = [.. shown.Where(i => data.Labels[i] == label)];
            var markers =
                plot.Add.Markers(Column(data.X, idx, 0), Column(data.X, idx, 1), shape, size,
                ClassColor(label, network.K));
            if (shape == MarkerShape.OpenCircle) markers.MarkerStyle.OutlineWidth = 2;
        }
        if (name.Length > 0) plot.Legend.ManualItems.Add(Entry($"{name} points", shape, Colors.DimGray));
        int[] wrongShown = [.. shown.Where((row, s) => predicted[s] != data.Labels[row])];
        int wrong = accuracy is double a
            && double.IsFinite(a) ? data.Count - (int)Math.Round(a * data.Count) : wrongShown.Length;
        // over a sample of thousands crosses would be a sea: the legend counts them
        if (shown.Length < data.Count) wrongShown = [];
        if (wrongShown.Length > 0)
            plot.Add.Markers(Column(data.X, wrongShown, 0), Column(data.X, wrongShown, 1), MarkerShape.Eks, size + 2,
                Colors.Black);
        string prefix = name.Length > 0 ? name + " " : "";
        plot.Legend.ManualItems.Add(Entry(FormattableString.Invariant(
            $"{prefix}misclassified {wrong:N0} of {data.Count:N0} ({(double)wrong / Math.Max(1, data.Count):P1})"),
            wrongShown.Length > 0 ? MarkerShape.Eks : MarkerShape.None, Colors.Black));
        SampleNote(plot, shown.Length, data.Count, prefix);
    }

    private static Matrix Rows(Matrix x, int[] rows)
    {
        var picked = new Matrix(rows.Length, x.Cols);
        for (int r = 0; r < rows.Length; r++) x.Row(rows[r]).CopyTo(picked.Row(r));
        return picked;
    }

    /// <summary>A legend line saying that only a sample of the points is drawn.</summary>
    private static void SampleNote(Plot plot, int shown, int count, string prefix = "")
    {
        if (shown < count)
            plot.Legend.ManualItems.Add(
                Entry(FormattableString.Invariant($"{shown:N0} of {count:N0} {prefix}points shown"), MarkerShape.None,
                Colors.Black));
    }

    /// <summary>Markers shrink as more points are shown, so a sample of thousands still shows the classes'
    /// shapes.</summary>
    private static float MarkerSize(int shown) => shown <= 600 ? 7 : shown <= 2000 ? 5 : 3.5f;

    private static LegendItem Entry(string text, MarkerShape shape, Color color) => new()
    {
        LabelText = text,
        MarkerShape = shape,
        MarkerFillColor = color,
        MarkerLineColor = color,
        MarkerSize = 9,
        MarkerLineWidth = shape == MarkerShape.OpenCircle ? 2 : 1,
    };

    /// <summary>The legend as a panel below the data rectangle: it never hides a point.</summary>
    internal static Plot BelowLegend(Plot plot)
    {
        int entries =
            plot.Legend.ManualItems.Count
            + plot.GetPlottables().SelectMany(p => p.LegendItems).Count(i => !string.IsNullOrEmpty(i.LabelText));
        if (entries <= 1) return NoLegend(plot); // one curve needs no key: the axis label names it
        plot.ShowLegend(Edge.Bottom);
        plot.Legend.Orientation = Orientation.Horizontal;
        plot.Legend.TightHorizontalWrapping = true;
        plot.Legend.FontName = FontName;
        plot.Legend.FontSize = 12;
        return plot;
    }

    /// <summary>No legend at all, also no room kept for one below the data (small animation panels).</summary>
    public static Plot NoLegend(Plot plot)
    {
        plot.HideLegend();
        foreach (var panel in plot.Axes.GetPanels().OfType<ScottPlot.Panels.LegendPanel>()
            .ToList()) plot.Axes.Remove(panel);
        return plot;
    }
}
