using System.Globalization;
using ScottPlot;
using XorNet.Tensors;

namespace XorNet.Plotting;

/// <summary>
/// neurons.png: one small heatmap per hidden neuron of its activation h1[:, j] over the input plane, i.e. the feature
/// that neuron learned. At most <see cref="MaxShown"/>; for wider layers those with the largest Σ_k |W2[j, k]|.
/// </summary>
public static class NeuronMaps
{
    public const int MaxShown = 16, TileWidth = 300, TileHeight = 270, Cells = 80;

    private static readonly IColormap Activation = new ScottPlot.Colormaps.Viridis();

    /// <summary>The hidden neurons to show, in index order: all of them, or the MaxShown with the largest outgoing
    /// weights.</summary>
    public static int[] Select(Network network)
    {
        int width = network.P.W(1).Cols;
        if (width <= MaxShown) return [.. Enumerable.Range(0, width)];
        return [.. Enumerable.Range(0, width).OrderByDescending(j => OutgoingWeight(network, j)).ThenBy(j => j)
            .Take(MaxShown).Order()];
    }

    /// <summary>Σ_k |W2[j, k]|: how much neuron j can move the outputs.</summary>
    public static double OutgoingWeight(Network network, int j)
    {
        Matrix w2 = network.P.W(2);
        double sum = 0;
        for (int k = 0; k < w2.Cols; k++) sum += Math.Abs(w2[j, k]);
        return sum;
    }

    /// <summary>The first hidden layer's neurons; a linear model (--hidden 0) has none, and gets no
    /// neurons.png.</summary>
    public static void Save(string path, TrainingResult result, string configuration)
    {
        if (result.Network.Hidden.Count == 0) return;
        int[] shown = Select(result.Network);
        int columns = shown.Length <= 4 ? shown.Length : (int)Math.Ceiling(Math.Sqrt(shown.Length)), rows =
            (shown.Length + columns - 1) / columns;
        var (xMin, xMax, yMin, yMax) = Range(result.Data.X);
        double[][,] maps = NeuronGrid.Evaluate(result.Network, 1, shown, (xMin, xMax, yMin, yMax), Cells, Cells,
                                               result.Config.Features).Maps;
        ScottPlot.Range range = ActivationRange(result.Network.Activation.Kind, maps);

        var multiplot = new Multiplot();
        for (int t = 0; t < shown.Length; t++)
        {
            Plot tile = Tile(result, shown[t], maps[t], range, xMin, xMax, yMin, yMax);
            if (t == 0) multiplot.Reset(tile); else multiplot.AddPlot(tile);
        }
        multiplot.Layout = new ScottPlot.MultiplotLayouts.Grid(rows, columns);
        int width = result.Network.Hidden.Widths[0];
        string heading = shown.Length == width
            ? $"Hidden neuron activations h1 over the input plane (all {shown.Length})"
            : $"The {shown.Length} of {width} hidden neurons with the largest outgoing weights Σ|W2[j,:]|: "
              + "activation h1 over the input plane";
        using SkiaSharp.SKImage grid = PngFile.Draw(multiplot, columns * TileWidth, rows * TileHeight);
        AtomicFile.WriteAllBytes(path, Heading.Add(grid, heading,
            FormattableString.Invariant($"colour = activation: purple {range.Min:0.##} … yellow {range.Max:0.##};  ") +
                $"dots = training points (filled: class 1, rings: class 0)\n{configuration}"));
    }

    private static Plot Tile(TrainingResult result, int j, double[,] map, ScottPlot.Range range, double xMin,
        double xMax, double yMin, double yMax)
    {
        var plot = new Plot();
        plot.Font.Set(Figures.FontName);
        Matrix W2 = result.Network.P.W(2);
        var w2 = string.Join(", ", Enumerable.Range(0, W2.Cols).Select(k => Signed(W2[j, k])));
        plot.Title($"neuron {j}   W2[{j},:] = ({w2})", size: 12);
        if (map.Cast<double>().Any(double.IsFinite)) // a map of only NaN has no range: the tile stays the no-value grey
        {
            var heatmap = plot.Add.Heatmap(new double[1, 1]);
            heatmap.ManualRange = range; // one scale for all tiles, so they compare
            heatmap.Colormap = Activation;
            heatmap.NaNCellColor = ClassPalette.NoValue;
            heatmap.FlipVertically = true; // row 0 is the bottom of the plane
            heatmap.Intensities = map;
            heatmap.Rectangle = new CoordinateRect(xMin, xMax, yMin, yMax);
        }
        plot.DataBackground.Color = ClassPalette.NoValue;
        // The data, faintly, so each feature can be read against the XOR quadrants.
        // small tiles
        int[] shown = PointSample.Stratified(result.Data.Labels, result.Data.Classes, PointSample.MaxShown / 5);
        for (int label = 0; label < result.Data.Classes; label++)
        {
            int[] idx = [.. shown.Where(i => result.Data.Labels[i] == label)];
            plot.Add.Markers(idx.Select(i => result.Data.X[i, 0]).ToArray(),
                idx.Select(i => result.Data.X[i, 1]).ToArray(),
                label == 0 ? MarkerShape.OpenCircle : MarkerShape.FilledCircle, 3, Colors.White.WithAlpha(0.55));
        }
        plot.Axes.SetLimits(xMin, xMax, yMin, yMax);
        plot.Axes.Bottom.TickLabelStyle.FontSize = 10;
        plot.Axes.Left.TickLabelStyle.FontSize = 10;
        return plot;
    }

    /// <summary>One decimal with its sign ("+2.4", "−0.3"); a weight that rounds to zero is "0.0", not
    /// "-+0.0".</summary>
    // + 0.0 turns −0 into 0
    public static string Signed(double w) => (Math.Round(w, 1) + 0.0)
        .ToString("+0.0;−0.0;0.0", CultureInfo.InvariantCulture);

    /// <summary>
    /// The activation's own range, so a colour means the same in every run: σ [0, 1], tanh [−1, 1] (0 mid-scale),
    /// ReLU [0, the largest value shown] (it has no upper bound). Non-finite values (a diverged run) are ignored.
    /// </summary>
    public static ScottPlot.Range ActivationRange(ActivationKind kind, double[][,] maps)
    {
        double max = 0;
        foreach (var map in maps)
            foreach (double v in map)
                if (double.IsFinite(v)) max = Math.Max(max, v);
        return kind switch
        {
            ActivationKind.Sigmoid => new ScottPlot.Range(0, 1),
            ActivationKind.Tanh => new ScottPlot.Range(-1, 1),
            _ => new ScottPlot.Range(0, max > 0 ? max : 1), // an all-dead ReLU layer: still a valid scale
        };
    }

    private static (double, double, double, double) Range(Matrix x)
    {
        double xMin = double.MaxValue, xMax = double.MinValue, yMin = double.MaxValue, yMax = double.MinValue;
        for (int i = 0; i < x.Rows; i++)
        {
            xMin = Math.Min(xMin, x[i, 0]); xMax = Math.Max(xMax, x[i, 0]);
            yMin = Math.Min(yMin, x[i, 1]); yMax = Math.Max(yMax, x[i, 1]);
        }
        return (xMin - 0.5, xMax + 0.5, yMin - 0.5, yMax + 0.5);
    }
}
