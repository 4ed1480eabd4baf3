namespace XorNet.Cli.Live;

/// <summary>A curve in one line of block characters (▁ to █), the whole run's epochs spread over its width.</summary>
public static class Sparkline
{
    public const string Blocks = "▁▂▃▄▅▆▇█";

    /// <summary>
    /// Column c shows the epoch at the end of its share of the run (the latest one kept at or before it; epochs
    /// past the latest stay blank), scaled between the smallest and largest value shown, on a log scale for the loss; a
    /// non-finite value shows as '!'. The work is one lookup per column, however long the run.
    /// </summary>
    public static string Render(IReadOnlyList<EpochMetrics> history, Func<EpochMetrics, double> value, int epochs,
        int width, bool logScale)
    {
        if (width <= 0 || history.Count == 0) return "";
        var shown = new double?[width];
        for (int c = 0; c < width; c++)
        {
            int epoch = (int)Math.Round((c + 1) * (double)epochs / width);
            if (epoch <= history[^1].Epoch) shown[c] = value(history[AtOrBefore(history, epoch)]);
        }
        bool Usable(double v) => double.IsFinite(v) && (!logScale || v > 0);
        double Scaled(double v) => logScale ? Math.Log10(v) : v;
        double[] usable = [.. shown.OfType<double>().Where(Usable).Select(Scaled)];
        double min = usable.Length > 0 ? usable.Min() : 0, max = usable.Length > 0 ? usable.Max() : 0;
        var line = new char[width];
        for (int c = 0; c < width; c++)
            line[c] = shown[c] is not double v ? ' '
                : !Usable(v) ? (double.IsFinite(v) ? Blocks[0] : '!')
                : Blocks[max > min ? (int)Math.Round((Scaled(v) - min) / (max - min) * (Blocks.Length - 1)) : 0];
        return new string(line).TrimEnd();
    }

    /// <summary>
    /// The index of the last entry whose epoch is at most epoch (entries are in epoch order, epoch 0 first).
    /// </summary>
    private static int AtOrBefore(IReadOnlyList<EpochMetrics> history, int epoch)
    {
        int lo = 0, hi = history.Count - 1;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) / 2;
            if (history[mid].Epoch <= epoch) lo = mid; else hi = mid - 1;
        }
        return lo;
    }
}
