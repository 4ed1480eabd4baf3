namespace XorNet.Cli.Live;

/// <summary>A curve in one line of block characters (▁ to █), the whole run's epochs spread over its width.</summary>
public static class Sparkline
{
    public const string Blocks = "▁▂▃▄▅▆▇█";

    /// <summary>
    /// Column c shows the epoch at the end of its share of the run (epochs past the latest stay blank), scaled between
    /// the smallest and largest value so far, on a log scale for the loss; a non-finite value shows as '!'.
    /// </summary>
    public static string Render(IReadOnlyList<EpochMetrics> history, Func<EpochMetrics, double> value, int epochs, int width, bool logScale)
    {
        if (width <= 0 || history.Count == 0) return "";
        double Scaled(double v) => logScale ? Math.Log10(v) : v;
        bool Usable(double v) => double.IsFinite(v) && (!logScale || v > 0);
        var (min, max) = (double.PositiveInfinity, double.NegativeInfinity);
        foreach (var m in history)
            if (Usable(value(m))) (min, max) = (Math.Min(min, Scaled(value(m))), Math.Max(max, Scaled(value(m))));
        var line = new char[width];
        for (int c = 0; c < width; c++)
        {
            int epoch = (int)Math.Round((c + 1) * (double)epochs / width); // history[e] is epoch e
            if (epoch >= history.Count) { line[c] = ' '; continue; }
            double v = value(history[epoch]);
            line[c] = !Usable(v) ? (double.IsFinite(v) ? Blocks[0] : '!')
                : Blocks[max > min ? (int)Math.Round((Scaled(v) - min) / (max - min) * (Blocks.Length - 1)) : 0];
        }
        return new string(line).TrimEnd();
    }
}
