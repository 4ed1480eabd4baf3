using XorNet.Cli.Live;

namespace XorNet.Cli.Tests.Live;

public sealed class StatusTextTests
{
    private static readonly TileState Tile = new("t", 100, [new EpochMetrics(0, 0.3, 0.5), new EpochMetrics(1, 0.2,
        0.75) { TestAccuracy = 0.7 }],
                                                 new PlanePoints([], [], [], (0, 1, 0, 1)))
    {
        Diagnostics = new EpochDiagnostics(1, 0.5, [0.12, 0.031, 0.4, 0.1], [1, 1, 1, 1]),
        Elapsed = TimeSpan.FromSeconds(3),
    };

    [Fact]
    public void Parts_NameEpochRateLossAccuraciesGradientNormsAndTime()
    {
        Assert.Equal(["epoch 1/100", "lr 0.5", "loss 0.2", "train 75.0%", "test 70.0%",
            "|∇| W1 0.12 b1 0.031 W2 0.4 b2 0.1", "0:03"],
                     StatusText.Parts(Tile));
    }

    [Fact]
    public void Lines_PackThePartsIntoTheWidth_AndDropWhatDoesNotFit()
    {
        string[] two = StatusText.Lines(Tile, 50, 2);
        Assert.Equal(2, two.Length);
        Assert.All(two, line => Assert.InRange(line.Length, 1, 50));
        Assert.StartsWith("epoch 1/100  lr 0.5", two[0]);
        string[] one = StatusText.Lines(Tile, 27, 1);
        // the short time still fits after the rest is dropped
        Assert.Equal("epoch 1/100  lr 0.5  0:03", Assert.Single(one));
    }
}
