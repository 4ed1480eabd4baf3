using System.Globalization;
using ScottPlot;

namespace XorNet.Plotting;

/// <summary>
/// training.png: the three-panel view (accuracy | boundary | loss) at each snapshot epoch, as an animated PNG.
/// Frames reuse <see cref="Figures"/>' panels; the axes are fixed to the whole run so nothing jumps between frames.
/// </summary>
public static class Animation
{
    public const int PanelWidth = 440, PanelHeight = 340;
    public const int FrameDelayMs = 120, LastFrameDelayMs = 2500;

    /// <summary>Cells along the longer side of each frame's decision grid: coarser than boundary.png, so frames render fast.</summary>
    public const int GridCells = 120;

    /// <summary>Colour bands of the boundary panel (even, so that 0.5 is an edge between two bands).</summary>
    public const int Bands = 10;

    /// <summary>Encodes one frame per snapshot, each drawn from a network holding that snapshot (the trained one is never touched).</summary>
    public static byte[] Render(TrainingResult result, IReadOnlyList<(EpochMetrics Metrics, Parameters Parameters)> snapshots, string configuration)
    {
        var frames = new List<byte[]>(snapshots.Count);
        foreach (var (metrics, parameters) in snapshots)
            frames.Add(RenderFrame(result with { Network = result.Network.WithParameters(parameters) }, metrics, configuration));
        int[] delays = [.. frames.Select((_, i) => i == frames.Count - 1 ? LastFrameDelayMs : FrameDelayMs)];
        return Apng.Encode(DeltaFrames.From(frames, delays), Describe(snapshots, configuration));
    }

    /// <summary>The three panels as they were at metrics.Epoch: curves up to that epoch, the boundary of that network.</summary>
    private static byte[] RenderFrame(TrainingResult result, EpochMetrics at, string configuration)
    {
        var sofar = result with { History = [.. result.History.TakeWhile(m => m.Epoch <= at.Epoch)] };
        double lossMax = result.History.Select(m => m.Loss).Where(double.IsFinite).DefaultIfEmpty(1).Max();
        var grid = Banded(DecisionGrid.Evaluate(result.Network, result.Data.X, step: GridStep(result)));

        Plot accuracy = Figures.Accuracy(sofar, configuration);
        accuracy.Title(Invariant($"Train accuracy {at.TrainAccuracy:P1}\nepoch {at.Epoch} of {result.Config.Epochs}"), size: 15);
        Plot boundary = Figures.Boundary(sofar, grid, configuration);
        boundary.Title(Invariant($"Decision boundary, epoch {at.Epoch}\n{configuration}"), size: 13);
        bool log = LossPlot.NeedsLogScale(result); // the whole run's scale, so the axis does not switch mid-animation
        Plot loss = Figures.Loss(sofar, configuration, log);
        loss.Title(Invariant($"Loss {at.Loss:F4}\nepoch {at.Epoch} of {result.Config.Epochs}"), size: 15);
        if (log) loss.Axes.SetLimitsY(LossPlot.LogLimits(result).Min, LossPlot.LogLimits(result).Max); // log10 units: 0..lossMax would hide every loss below 1
        else loss.Axes.SetLimitsY(0, (lossMax > 0 ? lossMax : 1) * 1.05);

        var multiplot = new Multiplot();
        multiplot.Reset(accuracy);
        multiplot.AddPlot(boundary);
        multiplot.AddPlot(loss);
        multiplot.Layout = new ScottPlot.MultiplotLayouts.Columns();
        return multiplot.Render(3 * PanelWidth, PanelHeight).GetImageBytes(ImageFormat.Png);
    }

    /// <summary>
    /// The share rounded to bands of 1/<see cref="Bands"/>, drawn at each band's middle: a filled contour, as the
    /// reference's contourf draws it. Flat bands compress many times better than a smooth gradient, which keeps the
    /// animation small; 0.5 stays a band edge, so the decision boundary is drawn exactly.
    /// </summary>
    private static DecisionGrid Banded(DecisionGrid grid)
    {
        var banded = (double[,])grid.ClassOneShare.Clone();
        for (int r = 0; r < banded.GetLength(0); r++)
            for (int c = 0; c < banded.GetLength(1); c++)
                banded[r, c] = (Math.Min(Math.Floor(banded[r, c] * Bands), Bands - 1) + 0.5) / Bands;
        return grid with { ClassOneShare = banded };
    }

    private static double GridStep(TrainingResult result)
    {
        var x = result.Data.X;
        double span = 0;
        for (int c = 0; c < x.Cols; c++)
        {
            double min = double.MaxValue, max = double.MinValue;
            for (int r = 0; r < x.Rows; r++) { min = Math.Min(min, x[r, c]); max = Math.Max(max, x[r, c]); }
            span = Math.Max(span, max - min + 1.0); // DecisionGrid's default margin is 0.5 on each side
        }
        return span / GridCells;
    }

    /// <summary>The tEXt comment: one line per frame with the metrics it shows, so a reader can check frames against metrics.json.</summary>
    public static string Describe(IReadOnlyList<(EpochMetrics Metrics, Parameters Parameters)> snapshots, string configuration) =>
        $"xornet training animation: {configuration}\n" + string.Join("\n", snapshots.Select((s, i) =>
            Invariant($"frame {i}: epoch {s.Metrics.Epoch} loss {s.Metrics.Loss:R} train_accuracy {s.Metrics.TrainAccuracy:R}")));

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
