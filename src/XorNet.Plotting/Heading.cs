using SkiaSharp;

namespace XorNet.Plotting;

/// <summary>Puts a heading (a bold title and subtitle lines) above a rendered figure (a Multiplot has no title of its
/// own).</summary>
internal static class Heading
{
    private const int TitleLine = 24, SubtitleLine = 20, Margin = 12;

    /// <summary>
    /// One typeface for every thread, never disposed: Skia hands out its cached system typeface, which every SKFont of
    /// that family shares; a figure disposing it while another thread draws with it would free it under that thread.
    /// </summary>
    private static readonly SKTypeface Typeface = SKTypeface.FromFamilyName(Figures.FontName);

    /// <summary>subtitle may hold several lines separated by '\n'; lines wider than the figure wrap at
    /// spaces.</summary>
    public static byte[] Add(byte[] png, string title, string subtitle)
    {
        using var body = SKImage.FromEncodedData(png);
        return Add(body, title, subtitle);
    }

    /// <summary>The same above a figure drawn as an image: encoded once, no PNG decoded again.</summary>
    public static byte[] Add(SKImage body, string title, string subtitle)
    {
        using var bold = new SKFont(Typeface, 17) { Embolden = true };
        using var plain = new SKFont(Typeface, 14);
        float room = body.Width - 2 * Margin;
        string[] titles = Wrap(title, room, bold), lines =
            [.. subtitle.Split('\n').SelectMany(l => Wrap(l, room, plain))];
        int height = 8 + TitleLine * titles.Length + SubtitleLine * lines.Length + 6;
        using var surface = SKSurface.Create(new SKImageInfo(body.Width, body.Height + height));
        SKCanvas canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        canvas.DrawImage(body, 0, height);
        using var paint = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        for (int i = 0; i < titles.Length; i++)
            canvas.DrawText(titles[i], Margin, 24 + TitleLine * i, SKTextAlign.Left, bold, paint);
        for (int i = 0; i < lines.Length; i++)
            canvas.DrawText(lines[i], Margin, 8 + TitleLine * titles.Length + 14 + SubtitleLine * i, SKTextAlign.Left,
                plain, paint);
        using SKImage image = surface.Snapshot();
        return PngFile.Encode(image);
    }

    /// <summary>The text broken at spaces into lines no wider than width pixels in font (a longer word keeps its
    /// line).</summary>
    public static string[] Wrap(string text, float width, SKFont font)
    {
        var lines = new List<string>();
        string line = "";
        foreach (string word in text.Split(' '))
        {
            string longer = line.Length == 0 ? word : line + " " + word;
            if (line.Length > 0 && font.MeasureText(longer) > width) { lines.Add(line); line = word; }
            else line = longer;
        }
        lines.Add(line);
        return [.. lines];
    }

    /// <summary>The text broken at spaces into lines of at most maxChars characters: for plot titles, which do not
    /// wrap.</summary>
    public static string Wrap(string text, int maxChars) => string.Join("\n", text.Split('\n').Select(part =>
    {
        var lines = new List<string>();
        string line = "";
        foreach (string word in part.Split(' '))
        {
            string longer = line.Length == 0 ? word : line + " " + word;
            if (line.Length > 0 && longer.Length > maxChars) { lines.Add(line); line = word; }
            else line = longer;
        }
        lines.Add(line);
        return string.Join("\n", lines);
    }));
}
