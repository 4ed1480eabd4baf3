using SkiaSharp;
using XorNet.Cli;

namespace XorNet.Cli.Tests;

public sealed class DataCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("xornet-datacmd-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Code, string Out, string Err) Run(params string[] args) => CliRun.Run(args);

    [Fact]
    public void WritesTheGeneratorsPoints_InTheFormatTrainReads_AndAPicture()
    {
        string csv = Path.Combine(_dir, "s.csv"), png = Path.Combine(_dir, "s.png");
        var (code, _, _) =
            Run("data", "--dataset", "spiral", "--samples", "90", "--noise", "0.2", "--seed", "4", "--out", csv,
            "--plot", png);
        Assert.Equal(0, code);
        var read = DatasetCsv.ReadLabelled(csv);
        var expected = DataGenerators.Spiral(90, 0.2, 4);
        Assert.Equal(expected.X.Data, read.X.Data);
        Assert.Equal(expected.Labels, read.Labels);
        using var bitmap = SKBitmap.Decode(png);
        Assert.NotNull(bitmap);
    }

    [Fact]
    public void DefaultSeedAndXor_AreTrainsDefaultPoints()
    {
        string csv = Path.Combine(_dir, "x.csv");
        Assert.Equal(0, Run("data", "--out", csv).Code);
        Assert.Equal(Dataset.GaussianXor(300, 1).X.Data, DatasetCsv.ReadLabelled(csv).X.Data);
    }

    [Theory]
    [InlineData("--dataset", "swiss")]
    [InlineData("--samples", "1")]
    [InlineData("--noise", "NaN")]
    public void BadOption_ExitsTwo_AndWritesNothing(string option, string value)
    {
        string csv = Path.Combine(_dir, "bad.csv");
        var (code, _, stderr) = Run("data", option, value, "--out", csv);
        Assert.Equal(2, code);
        Assert.Contains(option, stderr);
        Assert.False(File.Exists(csv));
    }
}
