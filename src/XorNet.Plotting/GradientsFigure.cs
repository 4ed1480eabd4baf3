using System.Globalization;
using ScottPlot;

namespace XorNet.Plotting;

/// <summary>
/// gradients.png: how the gradient flows down the stack, per layer and epoch, in three panels side by side — the
/// gradient norm ‖dL/dW_l‖ (log axis), the update ratio ‖ΔW_l‖/‖W_l‖ (log axis), and the saturated (σ, tanh) or dead
/// (ReLU) share of each hidden layer. Every number comes from <see cref="GradientFlowSeries"/>; nothing is computed
/// here. Layer 1 (input side) is dark, the output layer light; non-finite and non-positive values are left out.
/// </summary>
public static class GradientsFigure
{
    /// <summary>
    /// More layers than this: only the first and the last are named in the legend (colour orders the rest).
    /// </summary>
    public const int NamedLayers = 8;

    /// <summary>A panel title's line is wrapped at this many characters (a 16-layer --hidden is long).</summary>
    public const int TitleChars = 64;

    /// <summary>
    /// A log axis spanning more decades than this labels only some powers of ten (a blow-up spans 100s).
    /// </summary>
    public const int LabelledDecades = 8;

    private static readonly IColormap LayerColors = new ScottPlot.Colormaps.Viridis();

    public static void Save(string path, TrainingResult result, string configuration)
    {
        var series = GradientFlowSeries.From(result);
        if (!series.HasGradients) return; // the reference program records no gradients: nothing to draw
        configuration = Heading.Wrap(configuration, TitleChars);
        GradientFlowReport? flow = GradientFlow.Assess(result);
        var panels = new Func<Plot>[]
        {
            () => GradNorm(result, series, flow, configuration),
            () => UpdateRatio(result, series, configuration),
            () => Saturation(result, series, configuration),
        };
        var images = new SkiaSharp.SKImage[panels.Length];
        try
        {
            for (int i = 0; i < panels.Length; i++)
            {
                using Plot plot = panels[i]();
                images[i] = PngFile.Draw(plot, Figures.PanelWidth, Figures.PanelHeight);
            }
            using var all = PngFile.SideBySide(images);
            PngFile.Save(path, all);
        }
        finally
        {
            foreach (var image in images) image?.Dispose();
        }
    }

    public static Plot GradNorm(TrainingResult result, GradientFlowSeries s, GradientFlowReport? flow,
        string configuration)
    {
        string verdict = flow is null ? "" : string.Create(CultureInfo.InvariantCulture,
            $": median W1/W{s.Layers} = {flow.Ratio:G2}" +
            $"{(flow.Verdict == FlowVerdict.Healthy ? "" : ", " + Name(flow.Verdict))}");
        Plot plot = NewPlot($"Gradient norm ‖dL/dW_l‖{verdict}\n{configuration}", "gradient norm (log scale)");
        if (flow?.Verdict is FlowVerdict.Vanishing or FlowVerdict.Exploding)
            plot.Axes.Title.Label.ForeColor = Colors.DarkRed;
        return LogPanel(plot, result, s.Epochs, s.GradNorm);
    }

    public static Plot UpdateRatio(TrainingResult result, GradientFlowSeries s, string configuration) =>
        LogPanel(NewPlot($"Update ratio ‖ΔW_l‖ / ‖W_l‖ per epoch\n{configuration}", "update ratio (log scale)"),
                 result, s.Epochs, s.UpdateRatio);

    public static Plot Saturation(TrainingResult result, GradientFlowSeries s, string configuration)
    {
        bool relu = result.Config.Activation == ActivationKind.Relu;
        string what = relu ? "Dead ReLU units (0 on every training point)"
                           : "Saturated units (f′ below 1 % of its maximum)";
        string axis = relu ? "share of units dead" : "share of activations saturated";
        Plot plot = NewPlot($"{what}\n{configuration}", axis);
        if (s.Saturation.Length == 0) return Empty(plot, result, "no hidden layer");
        for (int l = 1; l <= s.Saturation.Length; l++)
            AddLayer(plot, s.Epochs, s.Saturation[l - 1], l, s.Saturation.Length, $"h{l}", log: false);
        plot.Axes.SetLimits(LossPlot.FirstEpoch(result), LossPlot.LastEpoch(result), -0.02, 1.02);
        return Finish(plot, result);
    }

    /// <summary>One curve per layer, as log10 on a log-labelled axis spanning every finite positive value.</summary>
    private static Plot LogPanel(Plot plot, TrainingResult result, double[] epochs, double[][] layers)
    {
        double[] logs = [.. layers.SelectMany(v => v).Where(v => double.IsFinite(v) && v > 0).Select(Math.Log10)];
        if (logs.Length == 0) return Empty(plot, result, "no gradients recorded");
        for (int l = 1; l <= layers.Length; l++)
            AddLayer(plot, epochs, layers[l - 1], l, layers.Length, $"W{l}", log: true);
        double margin = Math.Max(0.1, 0.05 * (logs.Max() - logs.Min()));
        var range = new ScottPlot.Range(logs.Min() - margin, logs.Max() + margin);
        LossPlot.SetLogRange(plot, range);
        if (range.Max - range.Min > LabelledDecades)
            plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(DecadeTicks(range));
        plot.Axes.SetLimitsX(LossPlot.FirstEpoch(result), LossPlot.LastEpoch(result));
        return Finish(plot, result);
    }

    /// <summary>
    /// Powers of ten only, every k-th labelled, so about <see cref="LabelledDecades"/> labels remain.
    /// </summary>
    public static Tick[] DecadeTicks(ScottPlot.Range log10)
    {
        int every = (int)Math.Ceiling((log10.Max - log10.Min) / LabelledDecades);
        int first = (int)Math.Ceiling(log10.Min), last = (int)Math.Floor(log10.Max);
        return [.. Enumerable.Range(first, last - first + 1)
            .Select(d => d % every == 0 ? Tick.Major(d, AxisStyle.LogLabel(1, d)) : Tick.Minor(d))];
    }

    /// <summary>
    /// Layer l of count, coloured along the stack; only finite values (positive on a log axis) are drawn.
    /// </summary>
    private static void AddLayer(Plot plot, double[] epochs, double[] values, int l, int count, string name, bool log)
    {
        var kept = Enumerable.Range(0, values.Length)
            .Where(i => double.IsFinite(values[i]) && (!log || values[i] > 0)).ToArray();
        if (kept.Length == 0) return;
        double[] ys = [.. kept.Select(i => log ? Math.Log10(values[i]) : values[i])];
        var line = plot.Add.ScatterLine(kept.Select(i => epochs[i]).ToArray(), ys);
        line.LineWidth = 2;
        line.Color = LayerColors.GetColor(count == 1 ? 0 : 0.85 * (l - 1) / (count - 1));
        line.MarkerSize = kept.Length < 30 ? 5 : 0;
        if (count <= NamedLayers) line.LegendText = name;
        else if (l == 1) line.LegendText = $"{name} (input side)";
        else if (l == count) line.LegendText = $"{name} (output side)";
    }

    private static Plot Empty(Plot plot, TrainingResult result, string why)
    {
        plot.Add.Annotation(why, Alignment.MiddleCenter);
        plot.Axes.SetLimitsX(LossPlot.FirstEpoch(result), LossPlot.LastEpoch(result));
        return Finish(plot, result);
    }

    private static Plot Finish(Plot plot, TrainingResult result)
    {
        LossPlot.MarkDivergence(plot, result);
        AxisStyle.Epochs(plot);
        return Figures.BelowLegend(plot);
    }

    private static string Name(FlowVerdict verdict) => verdict.ToString().ToLowerInvariant();

    private static Plot NewPlot(string title, string yLabel)
    {
        var plot = new Plot();
        plot.Font.Set(Figures.FontName);
        plot.Title(title, size: 15);
        plot.XLabel("epoch");
        plot.YLabel(yLabel);
        return plot;
    }
}
