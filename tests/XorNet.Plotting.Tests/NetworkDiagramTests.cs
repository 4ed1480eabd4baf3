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
    [InlineData(1000)]
    public void Save_DrawsPositiveAndNegativeEdges_InColoursNoClassUses_TallerForWideLayers(int hidden)
    {
        var network = new Network(2, hidden, 2);
        foreach (var (_, m) in network.P.Named())
            for (int i = 0; i < m.Length; i++) m.Data[i] = i % 2 == 0 ? 1.0 : -1.0; // both signs, equally strong
        string path = Path.Combine(_dir, "network.png");
        NetworkDiagram.Save(path, network, "test");

        using var bitmap = SKBitmap.Decode(path);
        Assert.Equal(NetworkDiagram.Width, bitmap.Width);
        Assert.True(bitmap.Height >= NetworkDiagram.Height(hidden), $"height {bitmap.Height}");
        Assert.True(CountNear(bitmap, new SKColor(0x1b, 0x78, 0x37)) > 100, "no positive (green) edges");
        Assert.True(CountNear(bitmap, new SKColor(0x76, 0x2a, 0x83)) > 100, "no negative (purple) edges");
        foreach (int k in new[] { 0, 1 }) // the boundary's class colours mean classes only
        {
            var c = ClassPalette.Of(k, 2);
            Assert.True(CountNear(bitmap, new SKColor(c.R, c.G, c.B)) < 50,
                $"class {k}'s colour appears in network.png");
        }
    }

    [Fact]
    public void ASmallNetwork_PrintsEveryWeightOnItsEdge_AWideOneDrawsOnlyTheStrongest()
    {
        var small = new Network(2, 3, 2);
        small.P.W(1)[0, 1] = 1.234;
        var texts =
            NetworkDiagram.Draw(small, "t").GetPlottables<ScottPlot.Plottables.Text>().Select(t => t.LabelText)
            .ToList();
        Assert.Contains("+1.23", texts);
        var wide = new Network(2, 100, 2);
        wide.Initialize(new XorNet.Tensors.Rng(1));
        var plot = NetworkDiagram.Draw(wide, "t");
        Assert.Equal(NetworkDiagram.StrongestEdges, plot.GetPlottables<ScottPlot.Plottables.LinePlot>().Count());
        Assert.Contains(plot.GetPlottables<ScottPlot.Plottables.Text>(),
                        t => t.LabelText.Contains("300 strongest of 400 weights"));
        var huge = new Network(2, 5000, 2);
        huge.Initialize(new XorNet.Tensors.Rng(1));
        var dots = NetworkDiagram.Draw(huge, "t").GetPlottables<ScottPlot.Plottables.Marker>().Count();
        Assert.InRange(dots, 2, 2 * (2 + 2 + NetworkDiagram.StrongestEdges)); // the joined neurons only, not 5000
        Assert.Contains(NetworkDiagram.Draw(huge, "t").GetPlottables<ScottPlot.Plottables.Text>(),
                        t => t.LabelText.Contains("of 5,000 hidden neurons they join"));
    }

    [Theory]
    [InlineData(2.951, "+2.95")]
    [InlineData(-3.5, "−3.50")]
    [InlineData(-0.001, "0.00")]
    [InlineData(0.004, "0.00")]
    [InlineData(-0.0, "0.00")]
    public void Signed_NeverPrintsASignedZero(double w, string text) => Assert.Equal(text, NetworkDiagram.Signed(w));

    [Fact]
    public void ATinyNegativeBias_ReadsZero_NotMinusPlusZero()
    {
        var network = new Network(2, new HiddenLayers(8, 8), 2);
        network.P.b(1)[0, 7] = -1e-4;
        network.P.W(1)[0, 0] = -2e-4;
        var texts = NetworkDiagram.Draw(network, "t").GetPlottables<ScottPlot.Plottables.Text>()
            .Select(t => t.LabelText).ToList();
        string[] biases = [.. texts.Where(t => t.Contains("b="))];
        Assert.NotEmpty(biases);
        Assert.DoesNotContain(biases, t => t.Contains("-+") || t.Contains("−+"));
        Assert.DoesNotContain(biases, t => t.Contains("-0.00") || t.Contains("−0.00"));
        Assert.Contains("  b=0.00", biases);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(6)]
    public void TheOutputLabels_HaveRoomRightOfTheLastColumn_AtAnyDepth(int layers)
    {
        int width = NetworkDiagram.Width + 160 * (layers - 2);
        double margin = NetworkDiagram.RightMargin(layers, width);
        double pixelsPerUnit = width / (layers + 0.45 + margin);
        Assert.True(margin * pixelsPerUnit >= 210, $"{margin * pixelsPerUnit:F0} px right of the outputs ({layers})");
    }

    [Fact]
    public void Height_GrowsWithTheHiddenLayer() =>
        Assert.True(NetworkDiagram.Height(50) > NetworkDiagram.Height(3));

    private static int CountNear(SKBitmap bitmap, SKColor target) => bitmap.Pixels.Count(p =>
        Math.Abs(p.Red - target.Red) + Math.Abs(p.Green - target.Green) + Math.Abs(p.Blue - target.Blue) < 40);
}
