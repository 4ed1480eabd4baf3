using ScottPlot;

namespace XorNet.Plotting;

/// <summary>
/// The loss curve of a run that blew up: on a linear axis the blow-up would flatten everything before it, so the
/// axis becomes log10 and the epoch where training diverged is marked.
/// </summary>
public static class LossPlot
{
    /// <summary>Finite losses spanning more than two decades: a linear axis would show only the largest.</summary>
    public static bool NeedsLogScale(TrainingResult result)
    {
        double[] finite = result.History.Select(m => m.Loss).Where(l => double.IsFinite(l) && l > 0).ToArray();
        return finite.Length > 1 && finite.Max() / finite.Min() > 100;
    }

    /// <summary>
    /// The x-axis: 0 to the planned epochs, or, when the run stopped early (diverged, early stop), to the last epoch
    /// trained with a small margin so the few points at the edges stay visible.
    /// </summary>
    public static double LastEpoch(TrainingResult result) =>
        result.Stop.Reason == StopReason.Completed ? result.Config.Epochs : StoppedAt(result) * 1.03;

    public static double FirstEpoch(TrainingResult result) =>
        result.Stop.Reason == StopReason.Completed ? 0 : -0.03 * StoppedAt(result);

    private static double StoppedAt(TrainingResult result) => Math.Max(1, result.History[^1].Epoch);

    /// <summary>The loss as log10 on a log-labelled axis; the divergence, early stop and --max-loss marked.</summary>
    public static Plot LogScale(Plot plot, TrainingResult result, double? maxLoss = null)
    {
        var points = result.History.Where(m => double.IsFinite(m.Loss) && m.Loss > 0).ToArray();
        var line = plot.Add.ScatterLine(points.Select(m => (double)m.Epoch).ToArray(),
            points.Select(m => Math.Log10(m.Loss)).ToArray());
        line.LineWidth = 2;
        line.Color = Colors.Crimson;
        line.MarkerSize = points.Length < 30 ? 6 : 0; // a run that diverged early has few points: show each
        line.LegendText = result.Test is null ? "loss" : "train";
        AddTestCurve(plot, result, line);
        CurveMarks.Add(plot, result, maxLoss, "--max-loss", log10: true);
        var limits = LogLimits(result, maxLoss);
        plot.Axes.Left.TickGenerator = AxisStyle.LogTickGenerator(limits.Min, limits.Max);
        plot.Axes.SetLimits(FirstEpoch(result), LastEpoch(result), limits.Min, limits.Max);
        MarkDivergence(plot, result);
        return plot;
    }

    /// <summary>Sets a log loss panel's y range (log10 units) and the ticks that label it, e.g. one range for every
    /// frame.</summary>
    public static void SetLogRange(Plot plot, ScottPlot.Range limits)
    {
        plot.Axes.Left.TickGenerator = AxisStyle.LogTickGenerator(limits.Min, limits.Max);
        plot.Axes.SetLimitsY(limits.Min, limits.Max);
    }

    /// <summary>The log10 range that holds every finite positive train and test loss of the run, with a small
    /// margin.</summary>
    public static ScottPlot.Range LogLimits(TrainingResult result, double? maxLoss = null)
    {
        double[] logs =
            [.. result.History.SelectMany(m => new[] { m.Loss, m.TestLoss ?? double.NaN }).Append(maxLoss ?? double.NaN)
                                         .Where(l => double.IsFinite(l) && l > 0).Select(Math.Log10)];
        if (logs.Length == 0) return new ScottPlot.Range(-1, 1);
        double margin = Math.Max(0.1, 0.05 * (logs.Max() - logs.Min()));
        return new ScottPlot.Range(logs.Min() - margin, logs.Max() + margin);
    }

    /// <summary>The test loss on the same log axis, dashed in the train line's colour, as the linear plot draws
    /// it.</summary>
    private static void AddTestCurve(Plot plot, TrainingResult result, ScottPlot.Plottables.Scatter train)
    {
        if (result.Test is null) return;
        var points = result.History.Where(m => m.TestLoss is double l && double.IsFinite(l) && l > 0).ToArray();
        var test = plot.Add.ScatterLine(points.Select(m => (double)m.Epoch).ToArray(),
            points.Select(m => Math.Log10(m.TestLoss!.Value)).ToArray());
        test.LineWidth = 2;
        test.Color = train.Color;
        test.LinePattern = LinePattern.Dashed;
        test.MarkerSize = train.MarkerSize;
        test.LegendText = $"test ({result.Test.Count} held-out points)";
    }

    /// <summary>A dashed line at the epoch where training diverged, named in the legend.</summary>
    public static void MarkDivergence(Plot plot, TrainingResult result)
    {
        if (result.Stop is not { Reason: StopReason.Diverged, Epoch: int epoch }) return;
        var marker = plot.Add.VerticalLine(epoch);
        marker.Color = Colors.Black;
        marker.LinePattern = LinePattern.Dashed;
        double loss = result.History[^1].Loss;
        marker.LegendText =
            double.IsFinite(loss) ? $"diverged at epoch {epoch}" : $"diverged at epoch {epoch} (loss {loss})";
    }
}
