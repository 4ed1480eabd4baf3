using SkiaSharp;

namespace XorNet.Plotting;

/// <summary>
/// Skia draws no text at all when the machine has no fonts, so plots would silently lose every title and label:
/// say so once, with the fix, instead.
/// </summary>
public static class FontCheck
{
    private static readonly Lazy<string?> Cached = new(() => Warning(SKFontManager.Default.GetFontFamilies()));

    /// <summary>A one-line warning when the plots' font is not installed, else null (checked once per
    /// process).</summary>
    public static string? MissingFontWarning() => Cached.Value;

    /// <summary>The warning for a machine whose installed font families are <paramref name="families"/>, or
    /// null.</summary>
    public static string? Warning(IEnumerable<string> families)
    {
        var installed = families.ToList();
        if (installed.Contains(Figures.FontName, StringComparer.OrdinalIgnoreCase)) return null;
        return installed.Count == 0
            ? $"xornet: warning: no fonts are installed, so the plots will have no text; install {Figures.FontName} " +
                "(Debian/Ubuntu: apt-get install fonts-dejavu-core)"
            : $"xornet: warning: the font {Figures.FontName} is not installed, plots use {installed[0]} instead " +
                "(Debian/Ubuntu: apt-get install fonts-dejavu-core)";
    }
}
