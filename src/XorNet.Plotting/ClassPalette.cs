using ScottPlot;

namespace XorNet.Plotting;

/// <summary>
/// The colours that mean a class, for any number of classes, and the one colour that means "no value". Class colours
/// are never used for anything else (network.png's weight signs have their own, <see cref="NetworkDiagram"/>).
/// </summary>
public static class ClassPalette
{
    /// <summary>The binary plots' blue and orange, then Tableau's palette: distinct up to 10 classes.</summary>
    private static readonly Color[] Tableau =
    [
        Color.FromHex("#1f5fa8"), Color.FromHex("#e8710a"), Color.FromHex("#2ca02c"), Color.FromHex("#d62728"),
        Color.FromHex("#9467bd"), Color.FromHex("#8c564b"), Color.FromHex("#e377c2"), Color.FromHex("#7f7f7f"),
        Color.FromHex("#bcbd22"), Color.FromHex("#17becf"),
    ];

    /// <summary>A cell or point whose value is not a number (a diverged network): a grey no class colour
    /// uses.</summary>
    public static readonly Color NoValue = Color.FromHex("#5c5c5c");

    /// <summary>
    /// The colour of class <paramref name="label"/> among <paramref name="classes"/>: Tableau's up to 10 classes;
    /// beyond, hues spread evenly around the colour wheel (three lightness steps, so neighbours differ twice over).
    /// </summary>
    public static Color Of(int label, int classes)
    {
        if (classes <= Tableau.Length) return Tableau[label];
        double hue = (double)label / classes;
        double lightness = (label % 3) switch { 0 => 0.42, 1 => 0.55, _ => 0.33 };
        return Color.FromHSL((float)hue, 0.70f, (float)lightness);
    }
}
