using System.Globalization;
using ScottPlot;

namespace XorNet.Plotting;

/// <summary>
/// comparison.gif: every run's decision boundary side by side, one frame per snapshot epoch, all runs at the same
/// epoch in a frame (a run that stopped earlier stays at its last). Runs from the same seed start from the same
/// weights, so they can be watched diverging from each other.
/// </summary>
public static class ComparisonAnimation
{
    public const int PanelWidth = 420, PanelHeight = 380, MaxColumns = 3;

    public static byte[] Render(IReadOnlyList<ComparedRun> runs)
    {
        var animated = runs.Where(r => r.Snapshots.Count > 0).ToList();
        if (animated.Count == 0) throw new ArgumentException("No run has snapshots to animate.", nameof(runs));
        int[] epochs = Epochs(animated);
        var (xs, step) = SharedPlane(animated);
        var frames = new byte[epochs.Length][];
        Parallel.For(0, epochs.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            f => frames[f] = RenderFrame(animated, epochs[f], xs, step));
        int[] delays =
            [.. frames.Select((_, i) => i == frames.Length - 1 ? Animation.LastFrameDelayMs : Animation.FrameDelayMs)];
        return Gif.Encode(frames, delays);
    }

    /// <summary>Every epoch any run took a snapshot at, in order: the frames' clock.</summary>
    public static int[] Epochs(IEnumerable<ComparedRun> runs) =>
        [.. runs.SelectMany(r => r.Snapshots.Select(s => s.Metrics.Epoch)).Distinct().Order()];

    /// <summary>The snapshot a run shows at epoch e: its latest one at or before e.</summary>
    public static int SnapshotAt(ComparedRun run, int epoch)
    {
        int index = 0;
        for (int i = 0; i < run.Snapshots.Count && run.Snapshots[i].Metrics.Epoch <= epoch; i++) index = i;
        return index;
    }

    /// <summary>One plane for every panel: the points of every run, and a grid step of ~120 cells along the longer
    /// side.</summary>
    private static (List<XorNet.Tensors.Matrix> Xs, double Step) SharedPlane(IReadOnlyList<ComparedRun> runs)
    {
        var xs = runs.SelectMany(r => r.Result.Test is null ? [r.Result.Data.X]
            : new[] { r.Result.Data.X, r.Result.Test.X }).Distinct().ToList();
        // 2×2 cells: only the extent is wanted
        var first = runs[0].Result;
        var probe = DecisionGrid.Evaluate(first.Network, xs, step: 1e9, features: first.Config.Features);
        return (xs, Math.Max(probe.XMax - probe.XMin, probe.YMax - probe.YMin) / Animation.GridCells);
    }

    private static byte[] RenderFrame(IReadOnlyList<ComparedRun> runs, int epoch, List<XorNet.Tensors.Matrix> xs,
        double step)
    {
        var multiplot = new Multiplot();
        for (int i = 0; i < runs.Count; i++)
        {
            Plot panel = Panel(runs[i], epoch, xs, step);
            if (i == 0) multiplot.Reset(panel); else multiplot.AddPlot(panel);
        }
        int columns = Math.Min(MaxColumns, runs.Count), rows = (runs.Count + columns - 1) / columns;
        multiplot.Layout = new ScottPlot.MultiplotLayouts.Grid(rows, columns);
        // only decoded again, into the GIF
        return PngFile.Encode(multiplot, columns * PanelWidth, rows * PanelHeight, PngFile.FastZlibLevel);
    }

    /// <summary>A run's boundary at its snapshot for this epoch, on a network holding that snapshot.</summary>
    private static Plot Panel(ComparedRun run, int epoch, List<XorNet.Tensors.Matrix> xs, double step)
    {
        var (metrics, parameters) = run.Snapshots[SnapshotAt(run, epoch)];
        Network network = run.Result.Network.WithParameters(parameters); // the snapshot, no weights written
        var at = Figures.UpTo(run.Result with { Network = network }, metrics.Epoch);
        var grid = DecisionGrid.Evaluate(network, xs, step: step, features: run.Result.Config.Features);
        Plot plot = Figures.Boundary(at, grid, run.Configuration);
        Figures.NoLegend(plot);
        plot.Title(string.Create(CultureInfo.InvariantCulture,
            $"{Comparison.RunTitle(run)}\nepoch {metrics.Epoch}: accuracy " +
                $"{MetricText.Accuracy(metrics.TrainAccuracy)}, loss {MetricText.Loss(metrics.Loss)}"), size: 13);
        return plot;
    }
}
