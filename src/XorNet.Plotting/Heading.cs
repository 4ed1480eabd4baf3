using SkiaSharp;

namespace XorNet.Plotting;

/// <summary>Puts a heading (a bold title and subtitle lines) above a rendered figure (a Multiplot has no title of its own).</summary>
internal static class Heading
{
    private const int TitleLine = 30, SubtitleLine = 20;

    /// <summary>subtitle may hold several lines separated by '\n'.</summary>
    public static byte[] Add(byte[] png, string title, string subtitle)
    {
        string[] lines = subtitle.Split('\n');
        int height = TitleLine + SubtitleLine * lines.Length + 6;
        using var body = SKBitmap.Decode(png);
        using var surface = SKSurface.Create(new SKImageInfo(body.Width, body.Height + height));
        SKCanvas canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        canvas.DrawBitmap(body, 0, height);
        using var typeface = SKTypeface.FromFamilyName(Figures.FontName);
        using var paint = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        using var bold = new SKFont(typeface, 17) { Embolden = true };
        using var plain = new SKFont(typeface, 14);
        canvas.DrawText(title, 12, 24, SKTextAlign.Left, bold, paint);
        for (int i = 0; i < lines.Length; i++)
            canvas.DrawText(lines[i], 12, TitleLine + 16 + SubtitleLine * i, SKTextAlign.Left, plain, paint);
        using SKImage image = surface.Snapshot();
        using SKData data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
