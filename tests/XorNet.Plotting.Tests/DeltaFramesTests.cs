using SkiaSharp;
using XorNet.Plotting;

namespace XorNet.Plotting.Tests;

public sealed class DeltaFramesTests
{
    /// <summary>An opaque 60×40 frame: a white field with a coloured square that moves with i.</summary>
    private static byte[] Frame(int i)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(60, 40, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.White);
            using var paint = new SKPaint { Color = new SKColor((byte)(50 * i), 120, 30), IsAntialias = true };
            canvas.DrawCircle(10 + 7 * i, 20, 6, paint);
        }
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    [Fact]
    public void Decoding_GivesBackEveryFrameExactly()
    {
        byte[][] frames = [Frame(0), Frame(1), Frame(1), Frame(2), Frame(4)]; // frame 2 repeats frame 1: an empty delta
        int[] delays = [100, 100, 100, 100, 900];
        var apng = ApngDecoder.Decode(Apng.Encode(DeltaFrames.From(frames, delays)));

        Assert.Equal(frames.Length, apng.DeclaredFrames);
        var shown = apng.Composite();
        Assert.Equal(frames.Length, shown.Count);
        for (int i = 0; i < frames.Length; i++)
            Assert.True(ApngDecoder.Pixels(frames[i]).SequenceEqual(shown[i]), $"frame {i} differs after decoding");
    }

    [Fact]
    public void LaterFrames_CoverOnlyTheChangedRectangle()
    {
        var apng = ApngDecoder.Decode(Apng.Encode(DeltaFrames.From([Frame(0), Frame(1)], [100, 100])));
        var second = apng.Frames[1];
        Assert.Equal((60, 40), (apng.Frames[0].Width, apng.Frames[0].Height));
        Assert.True(second.Width < 30 && second.Height <= 14, $"delta is {second.Width}×{second.Height}");
        Assert.Equal(1, second.Blend); // over: its transparent pixels keep the previous frame
    }

    [Fact]
    public void TransparentInput_IsRejected()
    {
        using var bitmap = new SKBitmap(new SKImageInfo(4, 4, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        bitmap.Erase(SKColors.Transparent);
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        Assert.Throws<ArgumentException>(() => DeltaFrames.From([data.ToArray(), data.ToArray()], [1, 1]));
    }
}
