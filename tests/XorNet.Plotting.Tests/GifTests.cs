using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using XorNet.Plotting;

namespace XorNet.Plotting.Tests;

public sealed class GifTests
{
    private static (TrainingResult Result,
        IReadOnlyList<(EpochMetrics Metrics, Parameters Parameters)> Snapshots) Animated(int frames, int epochs = 12)
    {
        var config = new TrainingConfig { Epochs = epochs, Hidden = 5, Samples = 80 };
        var trainer = new Trainer(config, Dataset.GaussianXor(config.Samples, config.Seed));
        var snapshots =
            new ParameterSnapshots(trainer.Network, ParameterSnapshots.EvenlySpacedEpochs(config.Epochs, frames));
        return (trainer.Run(snapshots.Observe), snapshots.Taken);
    }

    [Fact]
    public void TrainingGif_HasOneFramePerSnapshot_LoopsForever_AndKeepsTheTimings()
    {
        var (result, snapshots) = Animated(5);
        var frames = Animation.RenderFrames(result, snapshots, "gif");
        using var gif = Image.Load<Rgba32>(frames.ToGif());
        Assert.Equal(5, gif.Frames.Count);
        Assert.Equal((3 * Animation.PanelWidth, Animation.PanelHeight), (gif.Width, gif.Height));
        Assert.Equal(0, gif.Metadata.GetGifMetadata().RepeatCount); // 0 = forever
        Assert.Equal(Animation.FrameDelayMs / 10, gif.Frames[0].Metadata.GetGifMetadata().FrameDelay);
        Assert.Equal(Animation.LastFrameDelayMs / 10, gif.Frames[^1].Metadata.GetGifMetadata().FrameDelay);
        Assert.InRange(gif.Frames[0].Metadata.GetGifMetadata().ColorTableLength, 2, Gif.MaxColors);
    }

    [Fact]
    public void EachGifFrame_ShowsItsPngFrame_WithinThePalettesRounding()
    {
        var (result, snapshots) = Animated(3);
        var frames = Animation.RenderFrames(result, snapshots, "gif");
        using var gif = Image.Load<Rgba32>(frames.ToGif()); // ImageSharp composes each frame over the previous ones
        for (int f = 0; f < frames.Pngs.Count; f++)
        {
            using var png = Image.Load<Rgba32>(frames.Pngs[f]);
            using var shown = gif.Frames.CloneFrame(f);
            long off = 0, pixels = (long)png.Width * png.Height;
            for (int y = 0; y < png.Height; y++)
                for (int x = 0; x < png.Width; x++)
                {
                    Rgba32 a = png[x, y], b = shown[x, y];
                    if (Math.Abs(a.R - b.R) + Math.Abs(a.G - b.G) + Math.Abs(a.B - b.B) > 48) off++;
                }
            Assert.True(off < pixels / 100,
                $"frame {f}: {off} of {pixels} pixels differ by more than the quantisation");
        }
    }

    [Fact]
    public void Encode_RefusesFramesOfDifferentSizes_AndTransparentFrames()
    {
        byte[] Png(int w, int h, SkiaSharp.SKColor color)
        {
            using var bitmap = new SkiaSharp.SKBitmap(w, h);
            bitmap.Erase(color);
            return bitmap.Encode(SkiaSharp.SKEncodedImageFormat.Png, 100).ToArray();
        }
        Assert.Throws<ArgumentException>(
            () => Gif.Encode([Png(4, 4, SkiaSharp.SKColors.Red), Png(5, 4, SkiaSharp.SKColors.Red)], [10, 10]));
        Assert.Throws<ArgumentException>(() => Gif.Encode([Png(4, 4, SkiaSharp.SKColors.Transparent)], [10]));
    }
}
