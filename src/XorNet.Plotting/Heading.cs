using SkiaSharp;

namespace XorNet.Plotting;

/// <summary>Puts a two-line heading above a rendered figure (a Multiplot has no title of its own).</summary>
internal static class Heading
{
    public const int Height = 56;

    public static byte[] Add(byte[] png, string title, string subtitle)
    {
        using var body = SKBitmap.Decode(png);
        using var surface = SKSurface.Create(new SKImageInfo(body.Width, body.Height + Height));
        SKCanvas canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        canvas.DrawBitmap(body, 0, Height);
        using var typeface = SKTypeface.FromFamilyName(Figures.FontName);
        using var paint = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        using var bold = new SKFont(typeface, 17) { Embolden = true };
        using var plain = new SKFont(typeface, 14);
        canvas.DrawText(title, 12, 24, SKTextAlign.Left, bold, paint);
        canvas.DrawText(subtitle, 12, 46, SKTextAlign.Left, plain, paint);
        using SKImage image = surface.Snapshot();
        using SKData data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
