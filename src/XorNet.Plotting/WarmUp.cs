using ScottPlot;
using SkiaSharp;

namespace XorNet.Plotting;

/// <summary>
/// The plotting stack's first use costs ~0.1 s whatever is drawn: SkiaSharp's native library, font enumeration and
/// typeface look-up, ScottPlot's type set-up, the PNG encoder. <see cref="Start"/> pays it on the other core while
/// the run trains; it draws into a throwaway surface and writes nothing, so the pictures' bytes are unchanged.
/// </summary>
public static class WarmUp
{
    private static readonly Lazy<Task> Started = new(() => Task.Run(() =>
    {
        try { Draw(); }
        catch (Exception) { } // nothing is lost: the real pictures meet and report the same problem
    }));

    /// <summary>Starts the warm-up once per process (later calls return the same task); wait on it before drawing.
    /// It never faults: a failure shows up later, in the real drawing, as itself.</summary>
    public static Task Start() => Started.Value;

    private static void Draw()
    {
        FontCheck.MissingFontWarning();
        using Plot plot = Figures.NewPlot("warm-up\nH=3", "epoch", "loss");
        var line = plot.Add.ScatterLine(new double[] { 0, 1, 2 }, new double[] { 1, 0.5, 0.25 });
        line.LegendText = "loss";
        line.MarkerSize = 6;
        Figures.BelowLegend(plot);
        using SKImage image = PngFile.Draw(plot, 96, 72);
        PngFile.Encode(image);
        Heading.Add(image, "warm-up", "H=3");
        Tiles();
    }

    /// <summary>What the boundary, the neuron maps and the diagram add: a heatmap, markers, text, lines, set ticks and
    /// a grid of plots.</summary>
    private static void Tiles()
    {
        Plot map = Figures.NewPlot("map", "x1", "x2"), marks = Figures.NewPlot("marks", "x1", "x2");
        var heatmap = map.Add.Heatmap(new double[1, 1]);
        heatmap.Colormap = new ScottPlot.Colormaps.Viridis();
        heatmap.FlipVertically = true;
        heatmap.Intensities = new double[,] { { 0, 0.5 }, { 0.5, 1 } };
        heatmap.Rectangle = new CoordinateRect(0, 1, 0, 1);
        marks.Add.Markers(new double[] { 0, 1 }, new double[] { 1, 0 });
        marks.Add.Text("w", 0.5, 0.5);
        marks.Add.VerticalLine(0.5);
        marks.Add.HorizontalLine(0.5);
        marks.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual([0, 1], ["0", "1"]);
        var multiplot = new Multiplot();
        multiplot.Reset(map);
        multiplot.AddPlot(marks);
        multiplot.Layout = new ScottPlot.MultiplotLayouts.Grid(1, 2);
        using SKImage tiles = PngFile.Draw(multiplot, 128, 64); // disposes the plots
    }
}
