using System.Collections;

namespace XorNet.Cli.Live;

/// <summary>How the live view draws colour: 24-bit, the 256-colour cube, or none (shade characters).</summary>
public enum ColorMode { TrueColor, Cube256, None }

/// <summary>
/// The live view's colours: boundary.png's palette, and the choice of colour codes by the environment.
/// </summary>
public static class LiveColors
{
    // The same colours as boundary.png (XorNet.Plotting.Figures): blue class 0, orange class 1, pale tints between.
    public static readonly Rgb Class0 = Rgb.FromHex("#1f5fa8"), Class1 = Rgb.FromHex("#e8710a");
    private static readonly Rgb Low = Rgb.FromHex("#9cc3ea"), Middle = Rgb.FromHex("#ffffff"),
        High = Rgb.FromHex("#fbc28c");
    private static readonly Rgb[] MoreClasses = [Class0, Class1, Rgb.FromHex("#2ca02c"), Rgb.FromHex("#9467bd"),
                                                 Rgb.FromHex("#d62728"), Rgb.FromHex("#8c564b"),
                                                     Rgb.FromHex("#e377c2")];
    public static readonly Rgb Loss = Rgb.FromHex("#dc143c"), Accuracy = Rgb.FromHex("#2e8b57"); // the PNGs' curves
    public static readonly Rgb Dim = Rgb.FromHex("#8a8a8a"), Warning = Rgb.FromHex("#ff5f5f");

    /// <summary>The shade characters NO_COLOR draws the surface with, from class 0 (blank) to class 1 (full).</summary>
    public const string Shades = " ░▒▓█";

    /// <summary>
    /// https://no-color.org: a non-empty NO_COLOR means no colour codes; COLORTERM=truecolor|24bit says the terminal
    /// takes 24-bit colour; every other terminal gets the 256-colour cube, which all of today's terminals show.
    /// </summary>
    public static ColorMode Detect(IDictionary environment)
    {
        if (environment["NO_COLOR"] is string noColor && noColor.Length > 0) return ColorMode.None;
        string colorTerm = (environment["COLORTERM"] as string ?? "").ToLowerInvariant();
        return colorTerm is "truecolor" or "24bit" ? ColorMode.TrueColor : ColorMode.Cube256;
    }

    /// <summary>The background at a class-1 share: blue at 0, white at the boundary (0.5), orange at 1.</summary>
    public static Rgb Surface(double share) => double.IsNaN(share) ? Middle
        : share < 0.5 ? Low.Mix(Middle, share * 2) : Middle.Mix(High, share * 2 - 1);

    /// <summary>
    /// The 256-colour cube has no pale tints between its light blue and white, so a smooth ramp would wander through
    /// lavender and cyan; five bands of cube colours (blue, light blue, white, light orange, orange) keep the hues.
    /// </summary>
    private static readonly Rgb[] CubeBands = [Rgb.FromHex("#87afd7"), Rgb.FromHex("#afd7ff"), Rgb.FromHex("#ffffff"),
                                               Rgb.FromHex("#ffd7af"), Rgb.FromHex("#ffaf87")];

    public static Rgb Surface(double share, ColorMode mode) => mode != ColorMode.Cube256 ? Surface(Quantized(share))
        : CubeBands[double.IsNaN(share) ? 2 : (int)Math.Round(Math.Clamp(share, 0, 1) * (CubeBands.Length - 1))];

    /// <summary>
    /// 24-bit: the share in steps of 1/32 (about 3 of 255 per channel, too fine to see), so that neighbouring cells
    /// share colours and a frame needs fewer colour codes.
    /// </summary>
    private static double Quantized(double share) => double.IsNaN(share) ? share : Math.Round(share * 32) / 32;

    public static Rgb Class(int label) => MoreClasses[label % MoreClasses.Length];

    /// <summary>K ≥ 3: the predicted class's colour, pale where the network is unsure (confidence 1/K).</summary>
    public static Rgb Region(int label, double confidence, int classes)
    {
        double sure = Math.Clamp((confidence - 1.0 / classes) / (1 - 1.0 / classes), 0, 1);
        return Middle.Mix(Class(label).Mix(Middle, 0.55), sure);
    }

    /// <summary>The shade character for a class-1 share (NO_COLOR).</summary>
    public static char Shade(double share) =>
        double.IsNaN(share) ? '?' : Shades[(int)Math.Round(Math.Clamp(share, 0, 1) * (Shades.Length - 1))];

    /// <summary>The nearest colour of the 6×6×6 cube (indices 16–231) of a 256-colour terminal.</summary>
    public static int CubeIndex(Rgb c) => 16 + 36 * CubeLevel(c.R) + 6 * CubeLevel(c.G) + CubeLevel(c.B);

    // The cube's levels are 0, 95, 135, 175, 215, 255.
    private static int CubeLevel(byte v) => v < 48 ? 0 : v < 115 ? 1 : (v - 35) / 40;
}
