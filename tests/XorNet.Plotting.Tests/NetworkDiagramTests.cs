using SkiaSharp;
using XorNet.Plotting;

namespace XorNet.Plotting.Tests;

public sealed class NetworkDiagramTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("xornet-net-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData(3)]
    [InlineData(50)]
    public void Save_DrawsPositiveAndNegativeEdges_TallerForWideLayers(int hidden)
    {
        var network = new Network(2, hidden, 2);
        foreach (var (_, m) in network.P.Named())
            for (int i = 0; i < m.Length; i++) m.Data[i] = i % 2 == 0 ? 1.0 : -1.0; // both signs, equally strong
        string path = Path.Combine(_dir, "network.png");
        NetworkDiagram.Save(path, network, "test");

        using var bitmap = SKBitmap.Decode(path);
        Assert.Equal(NetworkDiagram.Width, bitmap.Width);
        Assert.True(bitmap.Height >= NetworkDiagram.Height(hidden), $"height {bitmap.Height}");
        Assert.True(CountNear(bitmap, new SKColor(0xd6, 0x54, 0x1c)) > 100, "no positive (orange) edges");
        Assert.True(CountNear(bitmap, new SKColor(0x1f, 0x5f, 0xa8)) > 100, "no negative (blue) edges");
    }

    [Fact]
    public void Height_GrowsWithTheHiddenLayer() =>
        Assert.True(NetworkDiagram.Height(50) > NetworkDiagram.Height(3));

    private static int CountNear(SKBitmap bitmap, SKColor target) => bitmap.Pixels.Count(p =>
        Math.Abs(p.Red - target.Red) + Math.Abs(p.Green - target.Green) + Math.Abs(p.Blue - target.Blue) < 40);
}
