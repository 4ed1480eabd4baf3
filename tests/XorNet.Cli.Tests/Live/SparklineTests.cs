using XorNet.Cli.Live;

namespace XorNet.Cli.Tests.Live;

public sealed class SparklineTests
{
    private static List<EpochMetrics> History(params double[] losses) =>
        [.. losses.Select((l, e) => new EpochMetrics(e, l, 0.5))];

    [Fact]
    public void OneColumnPerEpoch_ScaledFromTheLowestToTheHighestBlock()
    {
        string line = Sparkline.Render(History(0, 1, 2, 3, 4, 5, 6, 7), m => m.Loss, epochs: 7, width: 7,
            logScale: false);
        Assert.Equal("▁▂▃▅▆▇█", line); // columns show epochs 1..7 (values 1..7), scaled over what they show
    }

    [Fact]
    public void EpochsNotYetTrained_StayBlank()
    {
        string line = Sparkline.Render(History(4, 3, 2), m => m.Loss, epochs: 10, width: 10, logScale: false);
        Assert.Equal(2, line.Length); // epochs 1 and 2 of 10
    }

    [Fact]
    public void LogScale_SpreadsDecadesEvenly_AndANonFiniteLossShowsAsBang()
    {
        // 100, 10, 1: 1, ½, 0 of 7
        Assert.Equal("█▅▁", Sparkline.Render(History(1000, 100, 10, 1), m => m.Loss, 3, 3, logScale: true));
        Assert.Equal("▁█!", Sparkline.Render(History(1, 1, 10, double.PositiveInfinity), m => m.Loss, 3, 3,
            logScale: true));
    }

    [Fact]
    public void ManyEpochs_ShareAColumn()
    {
        var history = History([.. Enumerable.Range(0, 1001).Select(e => (double)e)]);
        string line = Sparkline.Render(history, m => m.Loss, 1000, 50, logScale: false);
        Assert.Equal(50, line.Length);
        Assert.Equal('█', line[^1]);
    }

    [Fact]
    public void AThinnedHistory_ShowsTheLatestKeptEpochAtOrBeforeEachColumn()
    {
        List<EpochMetrics> kept = [new(0, 0, 0.5), new(10, 1, 0.5), new(20, 2, 0.5), new(23, 3, 0.5)];
        // Columns stand for epochs 5, 10, 15, 20 (then past the latest, 23): kept epochs 0, 10, 10, 20.
        Assert.Equal("▁▅▅█", Sparkline.Render(kept, m => m.Loss, epochs: 60, width: 12, logScale: false));
    }
}
