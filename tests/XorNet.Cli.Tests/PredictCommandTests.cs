using System.Globalization;
using XorNet.Cli;

namespace XorNet.Cli.Tests;

public sealed class PredictCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("xornet-predict-").FullName;
    private readonly string _model;

    public PredictCommandTests()
    {
        _model = Path.Combine(_dir, "model.npz");
        var (code, _, _) =
            Run("train", "--epochs", "20", "--hidden", "8", "--no-plots", "--standardize", "--out", _dir);
        Assert.Equal(0, code);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Code, string Out, string Err) Run(params string[] args) => CliRun.Run(args);

    [Fact]
    public void Points_PrintCsvWithClassAndProbabilitiesOfTheSavedModel()
    {
        var (code, stdout, stderr) = Run("predict", "--model", _model, "--point", "-1,2", "0.5,-0.25");
        Assert.Equal(0, code);
        Assert.Empty(stderr);
        string[] lines = stdout.TrimEnd().Split('\n');
        Assert.Equal("x1,x2,class,p0,p1", lines[0]);
        Assert.Equal(3, lines.Length);
        var model = ModelFile.Load(_model);
        var expected = Prediction.Run(model, Tensors.Matrix.FromRows(new double[,] { { -1, 2 }, { 0.5, -0.25 } }));
        string[] row = lines[2].Split(',');
        Assert.Equal(expected.Classes[1], int.Parse(row[2], CultureInfo.InvariantCulture));
        // exact: "R" round-trips
        Assert.Equal(expected.Probabilities[1, 1], double.Parse(row[4], CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("sigmoid", "mse")]
    [InlineData("sigmoid", "cross-entropy")]
    [InlineData("tanh", "mse")]
    [InlineData("tanh", "cross-entropy")]
    [InlineData("relu", "mse")]
    [InlineData("relu", "cross-entropy")]
    public void EveryActivationAndLoss_PredictAgreesWithTheTrainedNetwork(string activation, string loss)
    {
        string dir = Path.Combine(_dir, $"{activation}-{loss}"), csv = Path.Combine(_dir, $"{activation}-{loss}.csv");
        Assert.Equal(0,
            Run("data", "--dataset", "moons", "--samples", "120", "--noise", "0.3", "--seed", "5", "--out", csv).Code);
        Assert.Equal(0,
            Run("train", "--data", csv, "--activation", activation, "--loss", loss, "--hidden", "6", "--epochs", "15",
                            "--standardize", "--no-plots", "--out", dir).Code);
        using var metrics = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "metrics.json")));
        double trained = metrics.RootElement.GetProperty("final").GetProperty("train_accuracy").GetDouble();

        var (code, stdout, stderr) = Run("predict", "--model", Path.Combine(dir, "model.npz"), "--data", csv);
        Assert.Equal(0, code);
        Assert.Equal(
            string.Create(CultureInfo.InvariantCulture, $"accuracy {trained:F4} ({Math.Round(trained * 120)} of 120)"),
            stderr.Trim());
        foreach (string row in stdout.TrimEnd().Split('\n').Skip(1))
        {
            double[] p = [.. row.Split(',')[4..].Select(v => double.Parse(v, CultureInfo.InvariantCulture))];
            Assert.Equal(1.0, p.Sum(), 1e-12);
        }
    }

    [Fact]
    public void LabelledCsv_AlsoPrintsAccuracyOnStderr()
    {
        string csv = Path.Combine(_dir, "d.csv");
        File.WriteAllText(csv, DatasetCsv.Format(Dataset.GaussianXor(50, 9)));
        var (code, stdout, stderr) = Run("predict", "--model", _model, "--data", csv);
        Assert.Equal(0, code);
        Assert.Equal(51, stdout.TrimEnd().Split('\n').Length);
        Assert.Matches(@"^accuracy \d\.\d{4} \(\d+ of 50\)$", stderr.Trim());
    }

    [Theory]
    [InlineData("--point", "1")]
    [InlineData("--point", "1,abc")]
    [InlineData("--point", "1,NaN")]
    public void BadPoint_ExitsTwo(string option, string value)
    {
        var (code, stdout, stderr) = Run("predict", "--model", _model, option, value);
        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.Contains($"--point {value}", stderr);
    }

    [Fact]
    public void NeitherOrBothInputs_ExitTwo()
    {
        Assert.Equal(2, Run("predict", "--model", _model).Code);
        Assert.Equal(2, Run("predict", "--model", _model, "--point", "1,2", "--data", "x.csv").Code);
        Assert.Equal(2, Run("predict", "--point", "1,2").Code); // --model is required
    }

    [Fact]
    public void LabelOutsideTheModelsClasses_ExitsTwo()
    {
        string csv = Path.Combine(_dir, "k.csv");
        File.WriteAllText(csv, "x1,x2,label\n1,2,0\n3,4,5\n");
        var (code, _, stderr) = Run("predict", "--model", _model, "--data", csv);
        Assert.Equal(2, code);
        Assert.Contains("label 5 is not a class of this 2-class model", stderr);
    }

    [Fact]
    public void MissingOrBrokenModel_ExitsTwo_WithOneLine()
    {
        var (code, _, stderr) = Run("predict", "--model", Path.Combine(_dir, "nope.npz"), "--point", "1,2");
        Assert.Equal(2, code);
        Assert.Contains("no such file", stderr);
        File.WriteAllBytes(_model, File.ReadAllBytes(_model)[..100]);
        (code, _, stderr) = Run("predict", "--model", _model, "--point", "1,2");
        Assert.Equal(2, code);
        Assert.Single(stderr.Trim().Split('\n'));
    }
}
