using System.Globalization;
using ScottPlot;

namespace XorNet.Plotting;

/// <summary>Tick rules every curve shares: whole epochs only, numbers without thousands separators, room for the
/// last.</summary>
public static class AxisStyle
{
    /// <summary>
    /// Epoch axes: whole numbers only (a 5-epoch run gets no 0.1…0.9 ticks), written "1000" not "1,000", and a right
    /// margin wide enough that the last tick label is never cut at the picture's edge.
    /// </summary>
    public static void Epochs(Plot plot)
    {
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            IntegerTicksOnly = true,
            LabelFormatter = x => x.ToString("0", CultureInfo.InvariantCulture),
        };
        plot.Axes.Right.MinimumSize = 28;
    }

    /// <summary>
    /// A log10 axis (the values plotted are log10 of the loss): a labelled tick at each power of ten and, so a value
    /// between two of them reads, also at 2× and 5× (every integer multiple when the axis spans less than two decades).
    /// </summary>
    public static Tick[] LogTicks(double log10Min, double log10Max)
    {
        var ticks = new List<Tick>();
        bool every = log10Max - log10Min < 2;
        for (int decade = (int)Math.Floor(log10Min); decade <= (int)Math.Ceiling(log10Max); decade++)
            for (int m = 1; m <= 9; m++)
            {
                double at = decade + Math.Log10(m);
                if (at < log10Min || at > log10Max) continue;
                ticks.Add(m == 1 || m == 2 || m == 5 || every ? Tick.Major(at, LogLabel(m, decade)) : Tick.Minor(at));
            }
        return [.. ticks];
    }

    /// <summary>A tick generator that always gives <see cref="LogTicks"/>.</summary>
    public static ScottPlot.TickGenerators.NumericManual LogTickGenerator(double log10Min,
        double log10Max) => new(LogTicks(log10Min, log10Max));

    /// <summary>m·10^decade as "0.02", "5", "200", or "2e-7" once plain digits would be long.</summary>
    public static string LogLabel(int m, int decade) => Math.Abs(decade) < 4
        ? (m * Math.Pow(10, decade)).ToString("0.####", CultureInfo.InvariantCulture)
        : $"{m}e{decade}";
}
