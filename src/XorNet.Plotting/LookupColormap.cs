using ScottPlot;

namespace XorNet.Plotting;

/// <summary>
/// A colormap sampled once at 1024 levels: a heatmap asks for one colour per cell (~450,000 for the boundary), and
/// a table lookup is far cheaper than interpolating each time; 1/1024 steps are below what a PNG's 8 bits show.
/// </summary>
internal sealed class LookupColormap(IColormap inner) : IColormap
{
    private const int Levels = 1024;
    private readonly Color[] _table =
        Enumerable.Range(0, Levels).Select(i => inner.GetColor(i / (Levels - 1.0))).ToArray();

    public string Name => inner.Name;

    public Color GetColor(double position) =>
        double.IsNaN(position) ? inner.GetColor(position)
            : _table[(int)Math.Round(Math.Clamp(position, 0, 1) * (Levels - 1))];
}
