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

    /// <summary>Cells along the longer side of each frame's decision grid: coarser than boundary.png, so frames render
    /// fast.</summary>
    public const int GridCells = 120;

    /// <summary>Colour bands of the boundary panel (even, so that 0.5 is an edge between two bands).</summary>
    public const int Bands = 10;

    /// <summary>The rendered frames (PNG bytes, one size), how long each shows, and the per-frame
    /// description.</summary>
    public sealed record Frames(IReadOnlyList<byte[]> Pngs, IReadOnlyList<int> DelaysMs, string Comment)
    {
        /// <summary>
        /// training.png: an animated PNG, unchanged pixels of later frames left out; progress hears each encoded frame,
        /// a cancellation stops within one frame (OperationCanceledException).
        /// </summary>
        public byte[] ToApng(Action<int>? done = null, CancellationToken cancel = default) =>
            Apng.Encode(DeltaFrames.From(Pngs, DelaysMs, done, cancel), Comment);

        /// <summary>training.gif: the same frames as a looping GIF, for tools that show an APNG's first frame
        /// only.</summary>
        public byte[] ToGif() => Gif.Encode(Pngs, DelaysMs);
    }

    /// <summary>Encodes one frame per snapshot as an animated PNG.</summary>
    public static byte[] Render(TrainingResult result,
        IReadOnlyList<(EpochMetrics Metrics, Parameters Parameters)> snapshots,
                                string configuration) =>
        RenderFrames(result, snapshots, configuration).ToApng();

    /// <summary>
    /// One frame per snapshot, rendered on the cores in parallel: each frame draws a network holding its snapshot
    /// (<see cref="Network.WithParameters"/>), so no network's weights are written (other pictures may be drawing it).
    /// progress hears (frames done, total) as frames are drawn; a cancellation stops within one frame.
    /// </summary>
    public static Frames RenderFrames(TrainingResult result,
                                      IReadOnlyList<(EpochMetrics Metrics, Parameters Parameters)> snapshots,
                                      string configuration, Action<int, int>? progress = null,
                                      CancellationToken cancel = default)
    {
        var pngs = new byte[snapshots.Count][];
        int done = 0;
        var options = new ParallelOptions
        {
            MaxDegreeOfParallelism = Environment.ProcessorCount,
            CancellationToken = cancel,
        };
        Parallel.For(0, snapshots.Count, options, i =>
        {
            var network = result.Network.WithParameters(snapshots[i].Parameters);
            // the first frame goes into training.png as it is; the others are only decoded again for the deltas
            int level = i == 0 ? PngFile.DefaultZlibLevel : PngFile.FastZlibLevel;
            pngs[i] = RenderFrame(result with { Network = network }, result, snapshots[i].Metrics, configuration,
                level);
            progress?.Invoke(Interlocked.Increment(ref done), snapshots.Count);
        });
        int[] delays = [.. pngs.Select((_, i) => i == pngs.Length - 1 ? LastFrameDelayMs : FrameDelayMs)];
        return new Frames(pngs, delays, Describe(snapshots, configuration));
    }

    /// <summary>The three panels at metrics.Epoch: curves up to that epoch, that network's boundary.</summary>
    /// <remarks>
    /// <paramref name="frame"/> holds the frame's network; <paramref name="whole"/> the whole run, for fixed axes.
    /// </remarks>
    private static byte[] RenderFrame(TrainingResult frame, TrainingResult whole, EpochMetrics at, string configuration,
                                      int zlibLevel)
    {
        var result = whole;
        var sofar = Figures.UpTo(frame, at.Epoch);
        double lossMax = result.History.Select(m => m.Loss).Where(double.IsFinite).DefaultIfEmpty(1).Max();
        var grid = Banded(Figures.PlotGrid(sofar, GridStep(result)));

        // Every plot and surface is disposed here, on this thread: left to the finalizer thread, Skia objects were
        // freed while the next frame drew (SIGSEGV in libSkiaSharp in 2 of 15 runs of 300 frames).
        using Plot accuracy = Figures.Accuracy(sofar, configuration);
        accuracy.Title(Invariant($"Train accuracy {at.TrainAccuracy:P1}\nepoch {at.Epoch} of {result.Config.Epochs}"),
            size: 15);
        using Plot boundary = Figures.Boundary(sofar, grid, configuration);
        boundary.Title(Invariant($"Decision boundary, epoch {at.Epoch}\n{configuration}"), size: 13);
        bool log = LossPlot.NeedsLogScale(result); // the whole run's scale, so the axis does not switch mid-animation
        using Plot loss = Figures.Loss(sofar, configuration, log);
        loss.Title(Invariant($"Loss {MetricText.Loss(at.Loss)}\nepoch {at.Epoch} of {result.Config.Epochs}"), size: 15);
        // log10 units: 0..lossMax would hide every loss below 1
        if (log) LossPlot.SetLogRange(loss, LossPlot.LogLimits(result));
        else loss.Axes.SetLimitsY(0, (lossMax > 0 ? lossMax : 1) * 1.05);

        foreach (Plot panel in new[] { accuracy, loss }) panel.Axes.SetLimitsX(LossPlot.FirstEpoch(whole),
            LossPlot.LastEpoch(whole));
        // small panels: the titles say it all
        foreach (Plot panel in new[] { accuracy, boundary, loss }) Figures.NoLegend(panel);
        var multiplot = new Multiplot();
        multiplot.Reset(accuracy);
        multiplot.AddPlot(boundary);
        multiplot.AddPlot(loss);
        multiplot.Layout = new ScottPlot.MultiplotLayouts.Columns();
        return PngFile.Encode(multiplot, 3 * PanelWidth, PanelHeight, zlibLevel); // faster zlib settings, same pixels
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

    /// <summary>The tEXt comment: one line per frame with the metrics it shows, so a reader can check frames against
    /// metrics.json.</summary>
    public static string Describe(IReadOnlyList<(EpochMetrics Metrics, Parameters Parameters)> snapshots,
        string configuration) =>
        $"xornet training animation: {configuration}\n" + string.Join("\n", snapshots.Select((s, i) =>
            Invariant($"frame {i}: epoch {s.Metrics.Epoch} loss {s.Metrics.Loss:R} train_accuracy ") +
                Invariant($"{s.Metrics.TrainAccuracy:R}")));

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
