using System.Globalization;
using System.Text.Json;
using XorNet.Tensors;

namespace XorNet.Cli.Tests;

/// <summary>`--features` through every command: train, gradcheck, explain, compare, predict and --init.</summary>
public sealed class FeaturesCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("xornet-features-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Code, string Out, string Err) Run(params string[] args) => CliRun.Run(args);

    private string Out(string name) => Path.Combine(_dir, name);

    [Theory]
    [InlineData("train", "x1,x3")]
    [InlineData("train", "x1,x2,x1")]
    [InlineData("gradcheck", "x1^3")]
    [InlineData("explain", "x1,x2,x2")]
    [InlineData("train", "x1,,x2")]
    public void UnknownOrRepeatedName_ExitsTwo_OneLineListingTheValidNames(string command, string features)
    {
        string[] extra = command == "train" ? ["--out", Out("bad")] : [];
        var (code, _, err) = Run([command, "--features", features, .. extra]);
        Assert.Equal(2, code);
        Assert.Single(err.TrimEnd().Split('\n'));
        Assert.Contains($"--features {features}:", err);
        foreach (string name in FeatureMap.Known) Assert.Contains(name, err);
        Assert.False(Directory.Exists(Out("bad")));
    }

    [Fact]
    public void DefaultRun_WritesTheSameMetrics_AsAnExplicitX1X2()
    {
        string[] run = ["train", "--hidden", "3", "--lr", "1.0", "--epochs", "20", "--no-plots"];
        Assert.Equal(0, Run([.. run, "--out", Out("default")]).Code);
        Assert.Equal(0, Run([.. run, "--features", "x1,x2", "--out", Out("explicit")]).Code);
        Assert.Equal(0, Run([.. run, "--features", "x2,x1", "--out", Out("swapped")]).Code);
        string metrics = File.ReadAllText(Path.Combine(Out("default"), "metrics.json"));
        Assert.Equal(metrics, File.ReadAllText(Path.Combine(Out("explicit"), "metrics.json")));
        Assert.DoesNotContain("features", metrics);
        // the option does reach the run:
        Assert.NotEqual(metrics, File.ReadAllText(Path.Combine(Out("swapped"), "metrics.json")));
    }

    [Fact]
    public void NoHiddenLayer_SeparatesXor_WithX1X2_AndNotWithout()
    {
        double Accuracy(string dir, params string[] features)
        {
            Assert.Equal(0, Run(["train", "--hidden", "0", .. features, "--no-plots", "--out", Out(dir)]).Code);
            using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Out(dir), "metrics.json")));
            return doc.RootElement.GetProperty("final").GetProperty("train_accuracy").GetDouble();
        }
        Assert.True(Accuracy("product", "--features", "x1,x2,x1x2") >= 0.95);
        Assert.True(Accuracy("plain") < 0.7);
    }

    [Fact]
    public void Train_RecordsTheFeatures_InMetricsAndModel_AndDrawsThePlane()
    {
        var (code, _, _) = Run("train", "--features", "x1^2,x2^2", "--dataset", "circle", "--epochs", "5",
                               "--out", Out("circle"));
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Out("circle"), "metrics.json")));
        var saved = doc.RootElement.GetProperty("config").GetProperty("features").EnumerateArray();
        Assert.Equal(["x1^2", "x2^2"], saved.Select(e => e.GetString()));
        var model = ModelFile.Load(Path.Combine(Out("circle"), "model.npz"));
        Assert.Equal(["x1^2", "x2^2"], model.Features.Names);
        foreach (string png in new[] { "summary.png", "boundary.png", "network.png", "neurons.png" })
            Assert.True(new FileInfo(Path.Combine(Out("circle"), png)).Length > 1000, png);
    }

    [Fact]
    public void Compare_SeparatesFeatureLists_BySlash()
    {
        var (code, stdout, err) = Run("compare", "--hidden", "0", "--features", "x1,x2/x1,x2,x1x2", "--epochs", "3",
                                      "--no-plots", "--parallel", "1", "--out", Out("cmp"));
        Assert.True(code == 0, err);
        Assert.Contains("features=x1,x2 ", stdout);
        Assert.Contains("features=x1,x2,x1x2", stdout);
        var folders = Directory.GetDirectories(Out("cmp")).Select(Path.GetFileName).Order();
        Assert.Equal(["features-x1_x2", "features-x1_x2_x1x2"], folders);
    }

    [Fact]
    public void Init_FromAModelWithOtherFeatures_IsRefused_NamingBothLists()
    {
        string[] linear = ["train", "--hidden", "0", "--epochs", "2", "--no-plots"];
        Assert.Equal(0, Run([.. linear, "--features", "x1,x2,x1x2", "--out", Out("a")]).Code);
        string model = Path.Combine(Out("a"), "model.npz");
        var (code, _, err) = Run([.. linear, "--features", "x1,x2,sin_x1", "--init", model, "--out", Out("b")]);
        Assert.Equal(2, code);
        Assert.Single(err.TrimEnd().Split('\n'));
        Assert.Contains("x1,x2,x1x2", err);
        Assert.Contains("--features x1,x2,sin_x1", err);
        Assert.Equal(0, Run([.. linear, "--features", "x1,x2,x1x2", "--init", model, "--out", Out("c")]).Code);
    }

    [Fact]
    public void Predict_ComputesTheFeatures_OfThePointsItself()
    {
        Assert.Equal(0, Run("train", "--features", "sin_x1,x1x2,x2^2", "--standardize", "--epochs", "5", "--no-plots",
                            "--out", Out("m")).Code);
        string path = Path.Combine(Out("m"), "model.npz");
        var (code, csv, err) = Run("predict", "--model", path, "--point", "0.5,-1", "2,1.5");
        Assert.True(code == 0, err);
        string[] rows = csv.Trim().Split('\n');
        Assert.Equal("x1,x2,class,p0,p1", rows[0]);
        var model = ModelFile.Load(path);
        var ws = model.Network.CreateWorkspace(1);
        foreach (var (row, (x1, x2)) in rows.Skip(1).Zip(new[] { (0.5, -1.0), (2.0, 1.5) }))
        {
            double[] features = [Math.Sin(x1), x1 * x2, x2 * x2];
            for (int j = 0; j < 3; j++) ws.X[0, j] = (features[j] - model.Scaler.Mean[j]) / model.Scaler.Std[j];
            model.Network.Forward(ws);
            double p1 = ws.Output.h[0, 1] / (ws.Output.h[0, 0] + ws.Output.h[0, 1]);
            Assert.Equal(p1, double.Parse(row.Split(',')[^1], CultureInfo.InvariantCulture), 12);
        }
    }

    [Fact]
    public void Gradcheck_And_Explain_TakeTheFeatures()
    {
        string all = string.Join(",", FeatureMap.Known);
        var (code, stdout, _) = Run("gradcheck", "--features", all, "--dataset", "circle", "--samples", "40");
        Assert.Equal(0, code);
        Assert.Contains("all gradients OK", stdout);
        var (explained, text, _) = Run("explain", "--hidden", "0", "--features", "x1,x2,x1x2");
        Assert.Equal(0, explained);
        Assert.Contains("D = 3 inputs (the features x1, x2, x1x2)", text);
        string header = text.Split('\n')
            .SkipWhile(l => !l.StartsWith("Forward pass", StringComparison.Ordinal)).ElementAt(1);
        Assert.Equal(["x1", "x2", "x1x2"], header.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Reference_RefusesFeatures_Live_TakesThem()
    {
        var (refused, _, why) = Run("train", "--reference", "--features", "x1,x2,x1x2", "--out", Out("r"));
        Assert.Equal(2, refused);
        Assert.Contains("--reference", why);
        var (code, _, err) = Run("train", "--live", "--hidden", "0", "--features", "x1,x2,x1x2", "--epochs", "5",
                                 "--out", Out("l"));
        Assert.True(code == 0, err);
        Assert.True(File.Exists(Path.Combine(Out("l"), "boundary.png")));
    }
}
