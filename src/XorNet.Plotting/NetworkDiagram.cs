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
        long total = Enumerable.Range(1, layers).Sum(l => (long)p.W(l).Data.Length);
        var shown = Shown(network, widest);
        bool weightLabels = widest <= WeightLabelsUpTo && layers <= 2;
        double widestEdge = widest <= AllEdgesUpTo ? MaxEdgeWidth : 2.5; // many edges: thin, so they stay apart
        foreach (var e in shown)
            Edge(plot, e.Layer - 1, y[e.Layer - 1][e.I], e.Layer, y[e.Layer][e.J], e.W, maxW, weightLabels, widestEdge);

        double maxB = network.UseBias ? Enumerable.Range(1, layers).Max(l => MaxAbs(p.b(l).Data)) : 0;
        // dots that do not merge
        float size = widest <= 20 ? 26 : (float)Math.Clamp(0.6 * Height(widest) / widest, 2, 16);
        bool labels = widest <= 20 && layers <= 3; // bias numbers overlap the next column in deeper stacks
        for (int i = 0; i < network.D; i++)
            Neuron(plot, 0, y[0][i], null, maxB, 30, inputs?[i] ?? $"x{i + 1}", Alignment.MiddleRight);
        int[][] drawn = DrawnNeurons(network, shown);
        for (int l = 1; l < layers; l++)
            foreach (int j in drawn[l])
                Neuron(plot, l, y[l][j], network.UseBias ? p.b(l)[0, j] : null, maxB, size,
                       labels ? BiasLabel(p.b(l), j, network.UseBias) : null, Alignment.MiddleLeft);
        for (int k = 0; k < network.K; k++)
            Neuron(plot, layers, y[layers][k], network.UseBias ? p.b(layers)[0, k] : null, maxB, 30,
                $"h{layers}[{k}] (class {k}){BiasLabel(p.b(layers), k, network.UseBias)}", Alignment.MiddleLeft);

        int hiddenNeurons = network.Hidden.Widths.Sum();
        int hiddenDrawn = Enumerable.Range(1, layers - 1).Sum(l => drawn[l].Length);
        string joined = FormattableString.Invariant(
            $", and the {hiddenDrawn:N0} of {hiddenNeurons:N0} hidden neurons they join");
        Legend(plot, maxW, maxB, network.UseBias, shown.Count, total, hiddenDrawn < hiddenNeurons ? joined : "");
        plot.Axes.SetLimits(-0.45, layers + RightMargin(layers, WidthFor(network)), -0.16, 1.04);
        plot.Axes.Frameless();
        plot.HideGrid();
        return plot;
    }

    /// <summary>The diagram under a heading (a frameless plot leaves no room for a title).</summary>
    public static void Save(string path, Network network, string configuration, IReadOnlyList<string>? inputs = null)
    {
        int widest = network.Hidden.Widths.DefaultIfEmpty(network.K).Max();
        using Plot plot = Draw(network, configuration, inputs);
        using SkiaSharp.SKImage drawn = PngFile.Draw(plot, WidthFor(network), Height(widest));
        string hidden = network.Hidden.Count switch
        {
            0 => "no hidden layer (a linear model)",
            1 => $"{network.Hidden.Widths[0]} hidden",
            _ => $"hidden layers {string.Join(" → ", network.Hidden.Widths)}",
        };
        string title = $"The trained network: {network.D} inputs → {hidden} → {network.K} outputs";
        AtomicFile.WriteAllBytes(path, Heading.Add(drawn, title, configuration));
    }

    /// <summary>Pixels right of the output neurons that their labels ("h3[1] (class 1)  b=+0.08") need.</summary>
    private const int OutputLabelPixels = 215;

    /// <summary>
    /// Axis units right of the last column, so the output labels fit at any depth: the plot spans −0.45 … layers
    /// + m over width pixels, and m of them must be <see cref="OutputLabelPixels"/> wide.
    /// </summary>
    public static double RightMargin(int layers, int width) =>
        Math.Max(0.6, OutputLabelPixels * (layers + 0.45) / (double)(width - OutputLabelPixels));

    /// <summary>Weight W_layer[I, J]: from neuron I of column layer − 1 to neuron J of column layer.</summary>
    private readonly record struct WeightEdge(int Layer, int I, int J, double W);

    /// <summary>A hidden layer wider than this draws only the neurons its drawn edges join (10⁵ dots: s).</summary>
    public const int AllNeuronsUpTo = 400;

    /// <summary>Per column (inputs, hidden layers, outputs) the neurons drawn, in index order.</summary>
    private static int[][] DrawnNeurons(Network network, List<WeightEdge> shown) =>
        [.. network.Widths.Select((width, l) => width <= AllNeuronsUpTo || l == 0 || l == network.Widths.Count - 1
            ? Enumerable.Range(0, width).ToArray()
            : shown.Where(e => e.Layer == l).Select(e => e.J)
                   .Concat(shown.Where(e => e.Layer == l + 1).Select(e => e.I)).Distinct().Order().ToArray())];

    /// <summary>
    /// Every weight as an edge for narrow layers (Wl from column l − 1 to column l); for a wide one the strongest |w|
    /// of each weight matrix (an equal share each: later matrices' weights are smaller by their 1/√H initialisation,
    /// so one ranking would show W1 only), non-finite last, weakest drawn first. Only the edges drawn are made: a
    /// bounded heap per matrix walks its weights, so 2·10⁵ weights cost no more than the 300 drawn.
    /// </summary>
    private static List<WeightEdge> Shown(Network network, int widest)
    {
        int layers = network.P.Layers, keep = widest <= AllEdgesUpTo ? int.MaxValue : StrongestEdges / layers;
        var edges = new List<WeightEdge>();
        for (int l = 1; l <= layers; l++)
        {
            double[] w = network.P.W(l).Data;
            int cols = network.P.W(l).Cols;
            foreach (int index in Strongest(w, keep))
                edges.Add(new(l, index / cols, index % cols, w[index]));
        }
        return edges;
    }

    /// <summary>The indices of the keep largest |w| (non-finite lowest), weakest first; all if keep ≥ n.</summary>
    private static int[] Strongest(double[] w, int keep)
    {
        if (keep >= w.Length) return [.. Enumerable.Range(0, w.Length)];
        // A min-heap on (strength, −index): the weakest leaves first, and of equal ones the higher index.
        var heap = new PriorityQueue<int, (double, int)>(keep + 1);
        for (int i = 0; i < w.Length; i++)
        {
            heap.Enqueue(i, (Strength(w[i]), -i));
            if (heap.Count > keep) heap.Dequeue();
        }
        var weakestFirst = new int[heap.Count];
        for (int k = 0; heap.TryDequeue(out int index, out _); k++) weakestFirst[k] = index;
        return weakestFirst;
    }

    private static double Strength(double w) => double.IsFinite(w) ? Math.Abs(w) : -1;

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
        var text = plot.Add.Text(Signed(w), x1 + (x2 - x1) * t, y1 + (y2 - y1) * t);
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
        useBias ? "  b=" + Signed(b[0, index]) : "";

    /// <summary>Two decimals with the sign ("+2.95", "−3.50"); what rounds to zero is "0.00", never "-+0.00".</summary>
    public static string Signed(double w) => // + 0.0 turns −0 into 0
        (Math.Round(w, 2) + 0.0).ToString("+0.00;−0.00;0.00", CultureInfo.InvariantCulture);

    private static void Legend(Plot plot, double maxW, double maxB, bool useBias, int shown, long total, string neurons)
    {
        string edges = FormattableString.Invariant(
            $"edge width ∝ |w| (widest = {maxW:F2});  green w > 0,  purple w < 0");
        if (shown < total) // a line of its own: the figure is only 1000 px wide
            edges += FormattableString.Invariant(
                $"\nthe {shown:N0} strongest of {total:N0} weights drawn, an equal share from each layer{neurons}");
        string biases = useBias
            ? FormattableString.Invariant($"neuron fill = bias: purple −{maxB:F2} … white 0 … green +{maxB:F2}")
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
