using ScottPlot;

namespace XorNet.Plotting;

/// <summary>
/// K ≥ 3 classes in one heatmap: a cell's value is k + s, its predicted class k plus s ∈ [0, 1) for how sure the
/// network is (0 at the chance level 1/K, near 1 when certain). Its colormap, over the range 0..K, turns that into
/// the class colour, pale where unsure; NaN (no value) is <see cref="ClassPalette.NoValue"/>. One heatmap instead of
/// one per class keeps the memory and the time the same for 3 classes or 100.
/// </summary>
public static class ClassRegions
{
    /// <summary>Confidence steps per class: more than a PNG's shading shows.</summary>
    private const int Levels = 64;

    /// <summary>cells[r, c] = class + sureness, NaN where the network gave no number; also how many cells are
    /// NaN.</summary>
    public static (double[,] Cells, int NoValue) Encode(ClassGrid regions, int classes)
    {
        int rows = regions.Classes.GetLength(0), columns = regions.Classes.GetLength(1), missing = 0;
        var cells = new double[rows, columns];
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < columns; c++)
            {
                double confidence = regions.Confidence[r, c];
                if (!double.IsFinite(confidence)) { cells[r, c] = double.NaN; missing++; continue; }
                double sure = Math.Clamp((confidence - 1.0 / classes) / (1 - 1.0 / classes), 0, 0.999);
                cells[r, c] = regions.Classes[r, c] + sure;
            }
        return (cells, missing);
    }

    /// <summary>The colormap for values 0..K (ManualRange 0..K): white-ish at s = 0, the class colour lightened at s →
    /// 1.</summary>
    public sealed class Colormap(int classes) : IColormap
    {
        private readonly Color[] _table = [.. Enumerable.Range(0, classes * Levels).Select(i =>
            Mix(Colors.White, ClassPalette.Of(i / Levels, classes).Lighten(0.45),
                0.15 + 0.85 * (i % Levels) / (Levels - 1.0)))];

        public string Name => "class regions";

        public Color GetColor(double position)
        {
            if (double.IsNaN(position)) return ClassPalette.NoValue;
            int index = (int)Math.Floor(Math.Clamp(position, 0, 1) * classes * Levels);
            return _table[Math.Min(index, _table.Length - 1)];
        }
    }

    private static Color Mix(Color a, Color b, double t) => new(
        (byte)Math.Round(a.R + (b.R - a.R) * t), (byte)Math.Round(a.G + (b.G - a.G) * t),
            (byte)Math.Round(a.B + (b.B - a.B) * t));
}
