using SkiaSharp;

namespace XorNet.Plotting;

/// <summary>
/// Shrinks an animation of full, opaque frames: each later frame keeps only the rectangle that changed, with the
/// pixels that did not change made transparent and drawn with blend-over, so they cost almost nothing compressed.
/// Decoding gives back every frame exactly.
/// </summary>
public static class DeltaFrames
{
    /// <summary>done hears how many frames are encoded; a cancellation stops within one frame.</summary>
    /// <remarks>
    /// One frame after the other, beside the GIF encoder on the other core (TrainJob). Decoding and encoding the
    /// deltas of several frames at once crashed libSkiaSharp once (SIGSEGV in 2 of 26 runs of 50 frames while the
    /// other pictures drew); the cause was later found in a ScottPlot marker path left to the finalizer
    /// (CrossMarker), and tools/soak-animations.sh with GC_STRESS=1 ran 12 of 12 clean with the two encoders side
    /// by side.
    /// </remarks>
    public static List<Apng.Frame> From(IReadOnlyList<byte[]> pngs, IReadOnlyList<int> delaysMs,
                                        Action<int>? done = null, CancellationToken cancel = default)
    {
        var frames = new List<Apng.Frame> { new(pngs[0], delaysMs[0]) };
        SKBitmap previous = Decode(pngs[0]);
        try
        {
            for (int i = 1; i < pngs.Count; i++)
            {
                cancel.ThrowIfCancellationRequested();
                SKBitmap current = Decode(pngs[i]);
                if (current.Width != previous.Width || current.Height != previous.Height)
                {
                    current.Dispose();
                    throw new ArgumentException(
                        $"Frame {i} is {current.Width}×{current.Height}, frame 0 {previous.Width}×{previous.Height}.",
                        nameof(pngs));
                }
                frames.Add(Delta(previous, current, delaysMs[i]));
                previous.Dispose();
                previous = current;
                done?.Invoke(i + 1);
            }
        }
        finally
        {
            previous.Dispose();
        }
        return frames;
    }

    /// <summary>The changed rectangle of current, unchanged pixels transparent (at least 1×1 when nothing
    /// changed).</summary>
    private static Apng.Frame Delta(SKBitmap previous, SKBitmap current, int delayMs)
    {
        ReadOnlySpan<uint> before = Pixels(previous), after = Pixels(current);
        // Skia's Width/Height are calls into native code: read once, not per pixel
        int width = current.Width, height = current.Height, x0 = width, y0 = height, x1 = -1, y1 = -1;
        for (int y = 0; y < height; y++)
        {
            ReadOnlySpan<uint> was = before.Slice(y * width, width), now = after.Slice(y * width, width);
            int first = was.CommonPrefixLength(now); // vectorised; a row that did not change ends here
            if (first == width) continue;
            int last = width - 1;
            while (was[last] == now[last]) last--;
            (x0, y0, x1, y1) = (Math.Min(x0, first), Math.Min(y0, y), Math.Max(x1, last), y);
        }
        if (x1 < 0) (x0, y0, x1, y1) = (0, 0, 0, 0);

        int patchWidth = x1 - x0 + 1;
        using var patch =
            new SKBitmap(new SKImageInfo(patchWidth, y1 - y0 + 1, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        Span<uint> target = WritablePixels(patch);
        for (int y = y0; y <= y1; y++)
        {
            ReadOnlySpan<uint> was = before.Slice(y * width + x0, patchWidth), now = after.Slice(y * width + x0,
                patchWidth);
            Span<uint> row = target.Slice((y - y0) * patchWidth, patchWidth);
            for (int x = 0; x < patchWidth; x++) row[x] = now[x] == was[x] ? 0u : now[x];
        }
        using SKPixmap pixels = patch.PeekPixels();
        return new Apng.Frame(PngFile.Encode(pixels), delayMs, x0, y0, BlendOver: true);
    }

    /// <summary>Decoded as unpremultiplied RGBA so every pixel is one uint and the frames compare exactly.</summary>
    private static SKBitmap Decode(byte[] png)
    {
        // From native memory (SKData), not a managed Stream: Skia would call back into a wrapper that only a weak
        // handle keeps alive.
        using var data = SKData.CreateCopy(png);
        using var codec = SKCodec.Create(data) ?? throw new ArgumentException("A frame is not a decodable PNG.");
        var bitmap =
            new SKBitmap(
            new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        if (codec.GetPixels(bitmap.Info, bitmap.GetPixels()) != SKCodecResult.Success) throw new ArgumentException(
            "A frame could not be decoded.");
        if (Pixels(bitmap).ContainsAnyExceptInRange(0xFF000000u, 0xFFFFFFFFu))
            throw new ArgumentException("Frames must be opaque: transparency is how a delta frame says 'unchanged'.");
        return bitmap;
    }

    private static unsafe ReadOnlySpan<uint> Pixels(SKBitmap bitmap) => new((void*)bitmap.GetPixels(),
        bitmap.Width * bitmap.Height);

    private static unsafe Span<uint> WritablePixels(SKBitmap bitmap) => new((void*)bitmap.GetPixels(),
        bitmap.Width * bitmap.Height);
}
