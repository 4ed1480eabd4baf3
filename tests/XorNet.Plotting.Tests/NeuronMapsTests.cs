using SkiaSharp;
using XorNet.Plotting;

namespace XorNet.Plotting.Tests;

public sealed class NeuronMapsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("xornet-neurons-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Select_ShowsEveryNeuron_UpToSixteen()
    {
        Assert.Equal([0, 1, 2], NeuronMaps.Select(new Network(2, 3, 2)));
        Assert.Equal(16, NeuronMaps.Select(new Network(2, 16, 2)).Length);
    }

    [Fact]
    public void Select_ForWideLayers_TakesTheLargestOutgoingWeights()
    {
        var network = new Network(2, 30, 2);
        for (int j = 0; j < 30; j++)
        {
            network.P.W(2)[j, 0] = j % 3 == 0 ? 5.0 + j : 0.1;  // neurons 0, 3, ..., 27 are strong (10 of them)
            // and 0, 5, 10, 15, 20, 25 too (3 new: 5, 10, 20, 25 minus overlap)
            network.P.W(2)[j, 1] = j % 5 == 0 ? -4.0 : 0.0;
        }
        int[] expected =
            [.. Enumerable.Range(0, 30)
            .OrderByDescending(j => Math.Abs(network.P.W(2)[j, 0]) + Math.Abs(network.P.W(2)[j, 1])).ThenBy(j => j)
            .Take(16).Order()];
        int[] chosen = NeuronMaps.Select(network);
        Assert.Equal(expected, chosen);
        Assert.Contains(27, chosen);
        Assert.Contains(25, chosen);
        Assert.True(chosen.All(j => NeuronMaps.OutgoingWeight(network, j) >= 0.1));
    }

    [Fact]
    public void ActivationRange_IsTheActivationsOwn_ReLUUpToItsLargestFiniteValue()
    {
        double[][,] maps =
            [new double[,] { { 0, 0.2 }, { 0.3, 0.4 } }, new double[,] { { 7.5, double.NaN }, { 0, 2 } }];
        Assert.Equal((0.0, 1.0), Bounds(NeuronMaps.ActivationRange(ActivationKind.Sigmoid, maps)));
        // 0 mid-scale even if no value is negative
        Assert.Equal((-1.0, 1.0), Bounds(NeuronMaps.ActivationRange(ActivationKind.Tanh, maps)));
        Assert.Equal((0.0, 7.5), Bounds(NeuronMaps.ActivationRange(ActivationKind.Relu, maps)));
        // every unit dead
        Assert.Equal((0.0, 1.0), Bounds(NeuronMaps.ActivationRange(ActivationKind.Relu, [new double[2, 2]])));
    }

    private static (double, double) Bounds(ScottPlot.Range r) => (r.Min, r.Max);

    [Theory]
    [InlineData(2.44, "+2.4")]
    [InlineData(-0.31, "−0.3")]
    [InlineData(-0.04, "0.0")]
    [InlineData(0.04, "0.0")]
    public void Signed_NeverPrintsASignedZero(double w, string text) => Assert.Equal(text, NeuronMaps.Signed(w));

    [Fact]
    public void Save_WritesOneTilePerShownNeuron()
    {
        var config = new TrainingConfig { Epochs = 5, Hidden = 20, Samples = 60 };
        var result = new Trainer(config, Dataset.GaussianXor(config.Samples, config.Seed)).Run();
        string path = Path.Combine(_dir, "neurons.png");
        NeuronMaps.Save(path, result, "test");
        using var bitmap = SKBitmap.Decode(path);
        Assert.Equal(4 * NeuronMaps.TileWidth, bitmap.Width);   // 16 tiles: 4 × 4
        Assert.True(bitmap.Height > 4 * NeuronMaps.TileHeight);  // plus the heading
    }
}
