using System.Text.Json;
using XorNet.Cli;
using XorNet.Tensors;

namespace XorNet.Cli.Tests;

/// <summary>train's data and model options: --data, --dataset, --test-split, --standardize, --save, --init.</summary>
public sealed class DataOptionsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("xornet-data-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Code, string Out, string Err) Run(params string[] args) => CliRun.Run(args);

    private string Csv(string text)
    {
        string path = Path.Combine(_dir, $"{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void TrainOnCsv_WithTestSplitAndStandardize_WritesTestMetricsAndAModelNumPyCanRead()
    {
        string csv = Csv(DatasetCsv.Format(DataGenerators.Moons(120, 0.1, 2)));
        string outDir = Path.Combine(_dir, "run");
        var (code, stdout, _) =
            Run("train", "--data", csv, "--test-split", "0.25", "--standardize", "--hidden", "8", "--epochs", "40",
            "--out", outDir);
        Assert.Equal(0, code);
        Assert.Contains("test accuracy", stdout);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "metrics.json")));
        var final = doc.RootElement.GetProperty("final");
        Assert.InRange(final.GetProperty("test_accuracy").GetDouble(), 0.8, 1.0);
        Assert.Equal(120, doc.RootElement.GetProperty("config").GetProperty("samples").GetInt32());
        var model = Npz.ReadFile(Path.Combine(outDir, "model.npz"));
        Assert.Equal([2, 8], model["W1"].Shape);
        Assert.Equal([1L], Assert.IsType<long[]>(model["standardize"].Values));
        Assert.NotEqual(0.0, ((double[])model["x_mean"].Values)[0]);
        Assert.True(File.Exists(Path.Combine(outDir, "boundary.png")));
    }

    [Fact]
    public void ThreeClassCsv_GivesThreeOutputs()
    {
        string csv =
            Csv("x1,x2,label\n"
            + string.Concat(Enumerable.Range(0, 60)
            .Select(i => $"{i % 3 * 4 + i * 0.01},{(i % 3 == 2 ? 3 : 0)},{i % 3}\n")));
        string outDir = Path.Combine(_dir, "three");
        Assert.Equal(0,
            Run("train", "--data", csv, "--epochs", "50", "--hidden", "6", "--standardize", "--out", outDir).Code);
        var model = ModelFile.Load(Path.Combine(outDir, "model.npz"));
        Assert.Equal(3, model.Network.K);
        var (code, stdout, stderr) = Run("predict", "--model", Path.Combine(outDir, "model.npz"), "--data", csv);
        Assert.Equal(0, code);
        Assert.StartsWith("x1,x2,label,class,p0,p1,p2\n", stdout);
        Assert.Contains("accuracy 1.0000 (60 of 60)", stderr);
    }

    [Fact]
    public void SaveAndInit_ContinueFromTheSavedWeights()
    {
        string first = Path.Combine(_dir, "first.npz"), second = Path.Combine(_dir, "second.npz");
        Assert.Equal(0,
            Run("train", "--epochs", "3", "--no-plots", "--save", first, "--out", Path.Combine(_dir, "a")).Code);
        // zero epochs are not allowed, so check that one epoch from --init differs from one epoch from the random start
        Assert.Equal(0,
            Run("train", "--epochs", "1", "--no-plots", "--init", first, "--save", second, "--out",
            Path.Combine(_dir, "b")).Code);
        using var a = JsonDocument.Parse(File.ReadAllText(Path.Combine(_dir, "a", "metrics.json")));
        using var b = JsonDocument.Parse(File.ReadAllText(Path.Combine(_dir, "b", "metrics.json")));
        double endOfFirst = a.RootElement.GetProperty("final").GetProperty("loss").GetDouble();
        double startOfSecond = b.RootElement.GetProperty("history")[0].GetProperty("loss").GetDouble();
        Assert.Equal(endOfFirst, startOfSecond); // epoch 0 of the --init run is the saved network, bit for bit
        Assert.Equal("init", b.RootElement.GetProperty("config").EnumerateObject().Last().Name);
    }

    [Fact]
    public void Init_WithOtherShapes_NamesBothShapes_AndWritesNothing()
    {
        string model = Path.Combine(_dir, "h5.npz");
        Assert.Equal(0,
            Run("train", "--hidden", "5", "--epochs", "1", "--no-plots", "--save", model, "--out",
            Path.Combine(_dir, "a")).Code);
        string outDir = Path.Combine(_dir, "out");
        var (code, stdout, stderr) = Run("train", "--hidden", "3", "--init", model, "--out", outDir);
        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.Equal(
            $"xornet: error: --init {model}: W1 has shape (2, 5) but this run needs (2, 3) (--hidden 3, 2 inputs, 2 " +
            "classes)", stderr.Trim());
        Assert.False(Directory.Exists(outDir));
    }

    [Theory]
    [InlineData("relu", "mse", "--activation", "tanh",
        "the model has activation relu and output sigmoid but this run has --activation tanh --loss mse (output " +
        "sigmoid)")]
    [InlineData("sigmoid", "cross-entropy", "--loss", "mse",
        "the model has activation sigmoid and output softmax but this run has --activation sigmoid --loss mse " +
        "(output sigmoid)")]
    public void Init_WithAnotherActivationOrOutput_IsRefused_AndWritesNothing(string activation, string loss,
        string option, string value, string message)
    {
        string model = Path.Combine(_dir, "levers.npz");
        Assert.Equal(0,
            Run("train", "--activation", activation, "--loss", loss, "--epochs", "1", "--no-plots", "--save", model,
            "--out", Path.Combine(_dir, "a")).Code);
        string[] same = ["--activation", activation, "--loss", loss];
        same[option == "--activation" ? 1 : 3] = value;
        string outDir = Path.Combine(_dir, "out");
        var (code, stdout, stderr) = Run(["train", .. same, "--init", model, "--out", outDir]);
        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.Equal($"xornet: error: --init {model}: {message}", stderr.Trim());
        Assert.False(Directory.Exists(outDir));
        Assert.Equal(0,
            Run("train", "--activation", activation, "--loss", loss, "--epochs", "1", "--no-plots", "--init", model,
            "--out", outDir).Code);
    }

    public static TheoryData<string, string> BadCsvs => new()
    {
        { "", "the file is empty" },
        { "x1,x2,label\n", "no data rows" },
        { "x1,x2,label\n1,2,0\n3,x,1\n", "line 3, column 2: 'x' is not a number" },
        { "x1,x2,label\n1,2,0\n3,NaN,1\n", "line 3, column 2: 'NaN' is not finite" },
        { "x1,x2,label\n1,2,0\n3,4,1,9\n", "line 3: expected 3 columns like the header, found 4" },
        { "x1,x2\n1,2\n", "line 1 (header): expected 3 columns" },
        { "x1,x2,label\n1,2,0\n3,4,0\n", "at least two classes" },
        { "x1,x2,label\n1,2,0\n3,4,2\n", "no row has label 1" },
        { "x1,x2,label\n1,2,0\n3,4,1.5\n", "line 3, column 3: label '1.5'" },
    };

    [Theory]
    [MemberData(nameof(BadCsvs))]
    public void BadCsv_ExitsTwo_OneLineWithTheProblem_NoOutput(string text, string message)
    {
        string csv = Csv(text), outDir = Path.Combine(_dir, "out");
        var (code, stdout, stderr) = Run("train", "--data", csv, "--out", outDir);
        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.Single(stderr.Trim().Split('\n'));
        Assert.Contains($"--data {csv}: ", stderr);
        Assert.Contains(message, stderr);
        Assert.False(Directory.Exists(outDir));
    }

    [Theory]
    [InlineData("--data", "/nonexistent/x.csv", "no such file")]
    [InlineData("--init", "/nonexistent/m.npz", "no such file")]
    [InlineData("--dataset", "swiss", "unknown")]
    [InlineData("--noise", "-1", "--noise")]
    [InlineData("--test-split", "1", "--test-split")]
    [InlineData("--test-split", "0.001", "holds out no point")]
    [InlineData("--save", "/nonexistent/dir/m.npz", "the folder does not exist")]
    public void BadDataOption_ExitsTwo_AndWritesNothing(string option, string value, string message)
    {
        string outDir = Path.Combine(_dir, "out");
        var (code, _, stderr) = Run("train", option, value, "--out", outDir);
        Assert.Equal(2, code);
        Assert.Single(stderr.Trim().Split('\n'));
        Assert.Contains(option, stderr);
        Assert.Contains(message, stderr);
        Assert.False(Directory.Exists(outDir));
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("not-a-zip")]
    [InlineData("missing-array")]
    public void BadInitModel_ExitsTwo(string damage)
    {
        string model = Path.Combine(_dir, "m.npz");
        Assert.Equal(0,
            Run("train", "--epochs", "1", "--no-plots", "--save", model, "--out", Path.Combine(_dir, "a")).Code);
        byte[] bytes = File.ReadAllBytes(model);
        if (damage == "truncated") File.WriteAllBytes(model, bytes[..(bytes.Length - 30)]);
        if (damage == "not-a-zip") File.WriteAllText(model, "W1,b1\n");
        if (damage == "missing-array")
            Npz.WriteFile(model, Npz.ReadFile(model).Where(kv => kv.Key != "b2").ToDictionary());
        var (code, _, stderr) = Run("train", "--init", model, "--out", Path.Combine(_dir, "out"));
        Assert.Equal(2, code);
        Assert.StartsWith($"xornet: error: --init {model}: ", stderr);
        Assert.Single(stderr.Trim().Split('\n'));
    }
}
