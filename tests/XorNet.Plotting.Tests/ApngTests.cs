using SkiaSharp;
using XorNet.Plotting;

namespace XorNet.Plotting.Tests;

public sealed class ApngTests
{
    /// <summary>A w×h PNG filled with one colour and a square whose position depends on i, so frames differ.</summary>
    private static byte[] Png(int i, int w = 40, int h = 30)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(w, h, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor(255, 255, 255));
            using var paint = new SKPaint { Color = new SKColor((byte)(40 * i), 90, 200) };
            canvas.DrawRect(3 * i, 5, 8, 8, paint);
        }
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    [Fact]
    public void Decoder_SeesEveryFrame_WithItsPixelsAndDelay()
    {
        byte[][] frames = Enumerable.Range(0, 5).Select(i => Png(i)).ToArray();
        int[] delays = [100, 100, 100, 100, 1500];
        var apng = ApngDecoder.Decode(Apng.Encode(frames, delays));

        Assert.Equal(5, apng.DeclaredFrames);
        Assert.Equal(0, apng.Plays);
        Assert.Equal(5, apng.Frames.Count);
        for (int i = 0; i < frames.Length; i++)
        {
            using var expected = SKBitmap.Decode(frames[i]);
            using var actual = SKBitmap.Decode(apng.Frames[i].Png);
            Assert.NotNull(actual);
            Assert.Equal((40, 30), (apng.Frames[i].Width, apng.Frames[i].Height));
            Assert.Equal(expected.Pixels, actual.Pixels);
            Assert.Equal(delays[i] / 1000.0, (double)apng.Frames[i].DelayNumerator / apng.Frames[i].DelayDenominator,
                9);
        }
    }

    [Fact]
    public void FirstFrame_IsAPlainPng_ForViewersWithoutApng()
    {
        byte[] file = Apng.Encode([Png(1), Png(2)], [100, 100]);
        using var still = SKBitmap.Decode(file);
        using var first = SKBitmap.Decode(Png(1));
        Assert.Equal(first.Pixels, still.Pixels);
    }

    [Fact]
    public void CorruptedByte_IsCaughtByTheDecodersCrc()
    {
        byte[] file = Apng.Encode([Png(0), Png(1), Png(2)], [100, 100, 100]);
        file[file.Length / 2] ^= 0x40;
        Assert.Throws<FormatException>(() => ApngDecoder.Decode(file));
    }

    [Fact]
    public void IndependentCrc_AgreesWithTheSpecsCheckValue() =>
        Assert.Equal(0xCBF43926u, ApngDecoder.Crc32("123456789"u8)); // the standard CRC-32 check value

    [Fact]
    public void FramesOfDifferentSizes_AreRejected() =>
        Assert.Throws<ArgumentException>(() => Apng.Encode([Png(0), Png(1, 41, 30)], [100, 100]));

    [Fact]
    public void DelayCountMustMatchFrameCount() =>
        Assert.Throws<ArgumentException>(() => Apng.Encode([Png(0), Png(1)], [100]));
}
