using System.Globalization;
using ScottPlot;

namespace XorNet.Plotting;

/// <summary>What a curve panel marks besides the curves: the epoch early stopping kept, and a quality gate's
/// threshold.</summary>
public static class CurveMarks
{
    /// <summary>Early stopping's kept epoch (a dotted vertical line) and the gate (a dashed horizontal line), named in
    /// the legend.</summary>
    /// <remarks>On a log10 axis (<paramref name="log10"/>, the loss drawn as log10) a threshold ≤ 0 has no
    /// place.</remarks>
    public static void Add(Plot plot, TrainingResult result, double? gate, string gateName, bool log10 = false)
    {
        if (result.Stop is { Reason: StopReason.EarlyStopped, RestoredEpoch: int kept })
        {
            var line = plot.Add.VerticalLine(kept);
            line.Color = Colors.DarkSlateGray;
            line.LinePattern = LinePattern.Dotted;
            line.LineWidth = 2;
            line.LegendText = $"early stop: weights of epoch {kept} kept";
        }
        if (gate is double threshold && (!log10 || threshold > 0))
        {
            var line = plot.Add.HorizontalLine(log10 ? Math.Log10(threshold) : threshold);
            line.Color = Colors.DarkOrange.Darken(0.3);
            line.LinePattern = LinePattern.Dashed;
            line.LineWidth = 1.5f;
            line.LegendText = string.Create(CultureInfo.InvariantCulture, $"{gateName} {threshold:G4}");
        }
    }
}
