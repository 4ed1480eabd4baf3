using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing.Processors.Quantization;
using SkiaSharp;

namespace XorNet.Plotting;

/// <summary>
/// An animated GIF (loops forever) from our own rendered frames, for slides, chats and issue trackers, which show an
/// APNG's first frame only. ImageSharp does the LZW encoding and the palette; it only ever encodes pixels we drew.
/// Each later frame makes the pixels that did not change transparent and keeps the previous frame below them, so the
/// mostly static panels cost little.
/// </summary>
public static class Gif
{
    /// <summary>Colours per frame: GIF's maximum. No dithering: it would speckle the flat boundary bands.</summary>
    public const int MaxColors = 256;

    /// <summary>frames[i] (PNG bytes, all one size, opaque) shown for delaysMs[i] milliseconds (GIF counts 1/100
    /// s).</summary>
    public static byte[] Encode(IReadOnlyList<byte[]> frames, IReadOnlyList<int> delaysMs)
    {
        if (frames.Count == 0 || frames.Count != delaysMs.Count)
            throw new ArgumentException(
                $"{frames.Count} frames and {delaysMs.Count} delays: need one delay per frame, at least one frame.");
        uint[] previous = Pixels(frames[0], out int width, out int height);
        using var gif = Image.LoadPixelData(Rgba(previous), width, height);
        gif.Metadata.GetGifMetadata().RepeatCount = 0;
        SetTiming(gif.Frames.RootFrame.Metadata.GetGifMetadata(), delaysMs[0]);
        uint[] delta = new uint[previous.Length]; // one buffer: LoadPixelData copies it
        for (int i = 1; i < frames.Count; i++)
        {
            uint[] current = Pixels(frames[i], out int w, out int h);
            if (w != width
                || h != height) throw new ArgumentException($"Frame {i} is {w}×{h}, frame 0 {width}×{height}.");
            // 0: transparent
            for (int p = 0; p < current.Length; p++) delta[p] = current[p] == previous[p] ? 0u : current[p];
            using var frame = Image.LoadPixelData(Rgba(delta), width, height);
            SetTiming(gif.Frames.AddFrame(frame.Frames.RootFrame).Metadata.GetGifMetadata(), delaysMs[i]);
            previous = current;
        }
        var encoder = new GifEncoder
        {
            ColorTableMode = GifColorTableMode.Local,
            Quantizer = new PaletteQuantizer(Palette(frames[0], frames[^1]), new QuantizerOptions { Dither = null }),
        };
        using var output = new MemoryStream();
        gif.SaveAsGif(output, encoder);
        return output.ToArray();
    }

    /// <summary>
    /// One palette for every frame: Wu's 255 colours of the first and the last frame together (the panels, the axes,
    /// the boundary's bands early and late), plus the transparent entry of "unchanged". Quantising every frame anew
    /// took ~2.5× longer; frames in between are mapped to the nearest of these colours.
    /// </summary>
    private static Color[] Palette(byte[] firstPng, byte[] lastPng)
    {
        uint[] first = Pixels(firstPng, out int width, out int height), last = Pixels(lastPng, out _, out _);
        using var both = Image.LoadPixelData(Rgba([.. first, .. last]), width, 2 * height);
        var wu = new WuQuantizer(new QuantizerOptions { Dither = null, MaxColors = MaxColors - 1 });
        using var quantizer = wu.CreatePixelSpecificQuantizer<Rgba32>(Configuration.Default);
        using var indexed = quantizer.BuildPaletteAndQuantizeFrame(both.Frames.RootFrame, both.Bounds());
        return [.. indexed.Palette.ToArray().Select(c => new Color(c)), Color.Transparent];
    }

    /// <summary>Delay in hundredths of a second; a frame is never disposed, so the next one draws over it.</summary>
    private static void SetTiming(GifFrameMetadata metadata, int delayMs)
    {
        metadata.FrameDelay = Math.Max(1, (int)Math.Round(delayMs / 10.0));
        metadata.DisposalMethod = GifDisposalMethod.NotDispose;
    }

    /// <summary>A frame's pixels as unpremultiplied RGBA words (byte order R, G, B, A), decoded by Skia from our own
    /// PNG.</summary>
    private static unsafe uint[] Pixels(byte[] png, out int width, out int height)
    {
        // From native memory (SKData), not SKBitmap.Decode(byte[]): its managed stream wrapper is kept alive only by a
        // weak handle, and the APNG encoder decodes the same frames on other threads meanwhile.
        using var data = SKData.CreateCopy(png);
        using var codec = SKCodec.Create(data) ?? throw new ArgumentException("A frame is not a decodable PNG.");
        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        using var rgba = new SKBitmap(info);
        if (codec.GetPixels(rgba.Info, rgba.GetPixels()) != SKCodecResult.Success)
            throw new ArgumentException("A frame could not be decoded.");
        (width, height) = (rgba.Width, rgba.Height);
        var pixels = new uint[width * height];
        new ReadOnlySpan<uint>((void*)rgba.GetPixels(), pixels.Length).CopyTo(pixels);
        if (pixels.AsSpan().ContainsAnyExceptInRange(0xFF000000u, 0xFFFFFFFFu))
            throw new ArgumentException("Frames must be opaque: transparency is how a later frame says 'unchanged'.");
        return pixels;
    }

    /// <summary>The words as ImageSharp's pixels, without a copy (LoadPixelData makes its own).</summary>
    private static ReadOnlySpan<Rgba32> Rgba(uint[] pixels) =>
        System.Runtime.InteropServices.MemoryMarshal.Cast<uint, Rgba32>(pixels.AsSpan());
}
