using System.Globalization;
using ScottPlot;

namespace XorNet.Plotting;

/// <summary>
/// network.png: inputs → hidden → outputs, every weight an edge whose width is proportional to |w| and whose colour is
/// its sign; every neuron filled with the colour of its bias (numbers printed while they fit). Sign colours are green
/// and purple, never the class colours (blue, orange) of the boundary plots. Above <see cref="AllEdgesUpTo"/> hidden
/// neurons only the <see cref="StrongestEdges"/> strongest weights are drawn (the legend says so); with at most
/// <see cref="WeightLabelsUpTo"/> every edge carries its weight.
/// </summary>
public static class NetworkDiagram
{
    public const int Width = 1000;
    private const double MaxEdgeWidth = 7, MinEdgeWidth = 0.4;
    /// <summary>PRGn's ends: distinct from every class colour and readable by colour-blind eyes.</summary>
    private static readonly Color Positive = Color.FromHex("#1b7837"), Negative = Color.FromHex("#762a83");

    public const int AllEdgesUpTo = 32, StrongestEdges = 300, WeightLabelsUpTo = 3;
    private static readonly IColormap BiasColors = new ScottPlot.Colormaps.CustomInterpolated(
        [Negative, Color.FromHex("#ffffff"), Positive]);

    /// <summary>Taller for wide layers so 50 hidden neurons stay apart.</summary>
    public static int Height(int hidden) => Math.Clamp(140 + 22 * hidden, 520, 1400);

    /// <summary>Wider for deep stacks, so that the columns of neurons keep room for their labels.</summary>
    public static int WidthFor(Network network) => Math.Clamp(Width + 160 * (network.Layers.Count - 2), Width, 3000);

    /// <summary>One column of neurons per layer (inputs, every hidden layer, outputs), the weights as edges between
    /// them.</summary>
    /// <param name="inputs">The inputs' names (the features); x1, x2, … when not given.</param>
    public static Plot Draw(Network network, string configuration, IReadOnlyList<string>? inputs = null)
    {
        var plot = new Plot();
        plot.Font.Set(Figures.FontName);
        Parameters p = network.P;
        int layers = p.Layers, widest = network.Hidden.Widths.DefaultIfEmpty(0).Max();
        double[][] y = [.. network.Widths.Select(Spread)];
        double maxW = Enumerable.Range(1, layers).Max(l => MaxAbs(p.W(l).Data));
        var edges = Edges(network, y);
        var shown = Shown(edges, widest, layers);
        bool weightLabels = widest <= WeightLabelsUpTo && layers <= 2;
        double widestEdge = widest <= AllEdgesUpTo ? MaxEdgeWidth : 2.5; // many edges: thin, so they stay apart
        foreach (var e in shown)
            Edge(plot, e.X1, e.Y1, e.X1 + 1, e.Y2, e.W, maxW, weightLabels, widestEdge);

        double maxB = network.UseBias ? Enumerable.Range(1, layers).Max(l => MaxAbs(p.b(l).Data)) : 0;
        // dots that do not merge
        float size = widest <= 20 ? 26 : (float)Math.Clamp(0.6 * Height(widest) / widest, 2, 16);
        bool labels = widest <= 20 && layers <= 3; // bias numbers overlap the next column in deeper stacks
        for (int i = 0; i < network.D; i++)
            Neuron(plot, 0, y[0][i], null, maxB, 30, inputs?[i] ?? $"x{i + 1}", Alignment.MiddleRight);
        for (int l = 1; l < layers; l++)
            for (int j = 0; j < y[l].Length; j++)
                Neuron(plot, l, y[l][j], network.UseBias ? p.b(l)[0, j] : null, maxB, size,
                       labels ? BiasLabel(p.b(l), j, network.UseBias) : null, Alignment.MiddleLeft);
        for (int k = 0; k < network.K; k++)
            Neuron(plot, layers, y[layers][k], network.UseBias ? p.b(layers)[0, k] : null, maxB, 30,
                $"h{layers}[{k}] (class {k}){BiasLabel(p.b(layers), k, network.UseBias)}", Alignment.MiddleLeft);

        Legend(plot, maxW, maxB, network.UseBias, shown.Count, edges.Count);
        plot.Axes.SetLimits(-0.45, layers + 0.6, -0.16, 1.04);
        plot.Axes.Frameless();
        plot.HideGrid();
        return plot;
    }

    /// <summary>The diagram under a heading (a frameless plot leaves no room for a title).</summary>
    public static void Save(string path, Network network, string configuration, IReadOnlyList<string>? inputs = null)
    {
        int widest = network.Hidden.Widths.DefaultIfEmpty(network.K).Max();
        using Plot plot = Draw(network, configuration, inputs);
        byte[] png = plot.GetImageBytes(WidthFor(network), Height(widest), ImageFormat.Png);
        string hidden = network.Hidden.Count switch
        {
            0 => "no hidden layer (a linear model)",
            1 => $"{network.Hidden.Widths[0]} hidden",
            _ => $"hidden layers {string.Join(" → ", network.Hidden.Widths)}",
        };
        string title = $"The trained network: {network.D} inputs → {hidden} → {network.K} outputs";
        AtomicFile.WriteAllBytes(path, Heading.Add(png, title, configuration));
    }

    private readonly record struct WeightEdge(double X1, double Y1, double Y2, double W);

    /// <summary>Every weight as an edge: Wl from column l − 1 to column l.</summary>
    private static List<WeightEdge> Edges(Network network, double[][] y)
    {
        var edges = new List<WeightEdge>();
        for (int l = 1; l <= network.P.Layers; l++)
        {
            XorNet.Tensors.Matrix w = network.P.W(l);
            for (int i = 0; i < w.Rows; i++)
                for (int j = 0; j < w.Cols; j++) edges.Add(new(l - 1, y[l - 1][i], y[l][j], w[i, j]));
        }
        return edges;
    }

    /// <summary>
    /// All edges for narrow layers; for a wide one the strongest |w| of each weight matrix (an equal share each: later
    /// matrices' weights are smaller by their 1/√H initialisation, so one ranking would show W1 only), non-finite
    /// last, weakest drawn first.
    /// </summary>
    private static List<WeightEdge> Shown(List<WeightEdge> edges, int widest, int layers) => widest <= AllEdgesUpTo
        ? edges
        : [.. edges.GroupBy(e => e.X1)
            .SelectMany(layer => layer.OrderByDescending(e => double.IsFinite(e.W) ? Math.Abs(e.W) : -1)
                                                          .Take(StrongestEdges / layers).Reverse())];

    private static void Edge(Plot plot, double x1, double y1, double x2, double y2, double w, double maxW, bool label,
        double widest)
    {
        var line = plot.Add.Line(x1, y1, x2, y2);
        double share = maxW > 0 && double.IsFinite(w) ? Math.Abs(w) / maxW : 0;
        line.LineWidth = (float)(MinEdgeWidth + (widest - MinEdgeWidth) * share);
        line.LineColor = (w >= 0 ? Positive : Negative).WithAlpha(0.35 + 0.55 * share); // strong weights stand out
        if (!label) return;
        // Off the middle, where edges cross, and off the hidden neurons' bias labels (W2 edges start beside them).
        double t = x1 == 0 ? 0.3 : 0.62;
        var text = plot.Add.Text(string.Create(CultureInfo.InvariantCulture, $"{w:+0.00;−0.00}"), x1 + (x2 - x1) * t,
            y1 + (y2 - y1) * t);
        text.LabelAlignment = Alignment.MiddleCenter;
        text.LabelFontSize = 12;
        text.LabelFontName = Figures.FontName;
        text.LabelFontColor = w >= 0 ? Positive : Negative;
        text.LabelBackgroundColor = Colors.White.WithAlpha(0.85);
    }

    private static void Neuron(Plot plot, double x, double y, double? bias, double maxB, float size, string? label,
        Alignment align)
    {
        Color fill = bias is { } b && maxB > 0 ? BiasColors.GetColor((b / maxB + 1) / 2) : Colors.White;
        plot.Add.Marker(x, y, MarkerShape.FilledCircle, size, fill);
        plot.Add.Marker(x, y, MarkerShape.OpenCircle, size, Colors.Black);
        if (label is null) return;
        var text = plot.Add.Text(label, x + (align == Alignment.MiddleRight ? -0.05 : 0.05), y);
        text.LabelAlignment = align;
        text.LabelFontSize = 13;
        text.LabelFontName = Figures.FontName;
        text.LabelBackgroundColor = Colors.White.WithAlpha(0.8); // readable over the edges
    }

    private static string BiasLabel(XorNet.Tensors.Matrix b, int index, bool useBias) =>
        useBias ? string.Create(CultureInfo.InvariantCulture, $"  b={b[0, index]:+0.00;−0.00}") : "";

    private static void Legend(Plot plot, double maxW, double maxB, bool useBias, int shown, int total)
    {
        string edges =
            FormattableString.Invariant($"edge width ∝ |w| (widest = {maxW:F2});  green w > 0,  purple w < 0");
        if (shown < total) edges += FormattableString.Invariant(
            $";  the {shown:N0} strongest of {total:N0} weights drawn, an equal share from each layer");
        string biases =
            useBias ? FormattableString.Invariant($"neuron fill = bias: purple −{maxB:F2} … white 0 … green +{maxB:F2}")
            : "no biases (--no-bias)";
        string text = edges + "\n" + biases;
        var label = plot.Add.Text(text, new Coordinates(-0.4, -0.06));
        label.LabelAlignment = Alignment.UpperLeft;
        label.LabelFontSize = 13;
        label.LabelFontName = Figures.FontName;
    }

    /// <summary>n positions evenly spread over [0, 1] (the middle when n = 1).</summary>
    private static double[] Spread(int n) => n == 1 ? [0.5]
        : [.. Enumerable.Range(0, n).Select(i => 1 - (double)i / (n - 1))];

    private static double MaxAbs(double[] values) => values.Length == 0 ? 0 : values.Max(Math.Abs);
}
