using System.Text.Json;
using XorNet.Cli;

namespace XorNet.Cli.Tests;

public sealed class ExplainCommandTests
{
    private static (int Code, string Out, string Err) Run(params string[] args) => CliRun.Run(args);

    [Fact]
    public void Text_ListsEveryQuantityInTheArticlesOrder_WithItsChainRuleProductAndShape()
    {
        var (code, stdout, _) = Run("explain");
        Assert.Equal(0, code);
        string[] expected =
        [
            "  X        = the input batch", "  W1       =", "  z1       = X · W1 + b1", "  h1       = σ(z1)",
                "  z2       = h1 · W2 + b2",
            "  h2       = σ(z2)", "  L_data   = Σ(y − h2)² / (2N)", "  L_reg    = λ2·(ΣW1² + ΣW2²) / (2N)",
            "  dL/dh2   = (h2 − y) / N", "  dh2/dz2  = h2 ⊙ (1 − h2)", "  dL/dz2   = dL/dh2 ⊙ dh2/dz2",
            "  dL/dW2   = h1ᵀ · (dL/dh2 ⊙ dh2/dz2) + λ2·W2/N", "  dL/db2   = Σ_rows",
                "  dL/dh1   = (dL/dh2 ⊙ dh2/dz2) · W2ᵀ",
            "  dh1/dz1  = h1 ⊙ (1 − h1)", "  dL/dz1   = dL/dh1 ⊙ dh1/dz1",
                "  dL/dW1   = Xᵀ · (dL/dh1 ⊙ dh1/dz1) + λ2·W1/N",
            "  dL/db1   = Σ_rows", "  W1'      = W1 − lr · dL/dW1", "  b2'      = b2 − lr · dL/db2",
        ];
        int at = 0;
        foreach (string line in expected)
        {
            int found = stdout.IndexOf(line, at, StringComparison.Ordinal);
            Assert.True(found >= 0, $"missing or out of order: '{line}'");
            at = found;
        }
        Assert.Contains("(3×2)", stdout.Split('\n').Single(l => l.StartsWith("  dL/dW2")));
    }

    [Fact]
    public void Json_GivesTheSameQuantitiesAsData()
    {
        var (code, stdout, _) = Run("explain", "--json", "--batch", "3", "--loss", "cross-entropy", "--hidden", "4");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(stdout);
        var quantities =
            doc.RootElement.GetProperty("quantities").EnumerateArray()
            .ToDictionary(q => q.GetProperty("name").GetString()!);
        Assert.Equal(27, quantities.Count);
        var dz2 = quantities["dL/dz2"];
        Assert.Equal([3, 2], dz2.GetProperty("shape").EnumerateArray().Select(e => e.GetInt32()));
        var h2 = quantities["h2"].GetProperty("values");
        var y = quantities["y"].GetProperty("values");
        for (int r = 0; r < 3; r++) // dL/dz2 = (softmax − y)/N
            for (int c = 0; c < 2; c++)
                Assert.Equal((h2[r][c].GetDouble() - y[r][c].GetDouble()) / 3,
                    dz2.GetProperty("values")[r][c].GetDouble(), 1e-15);
        double data = quantities["L_data"].GetProperty("value").GetDouble(), reg =
            quantities["L_reg"].GetProperty("value").GetDouble();
        Assert.Equal(data + reg, quantities["L"].GetProperty("value").GetDouble());
        Assert.Equal([4, 2], quantities["dL/dW2"].GetProperty("shape").EnumerateArray().Select(e => e.GetInt32()));
    }

    [Fact]
    public void BatchLargerThanTheData_IsBadInput()
    {
        var (code, _, stderr) = Run("explain", "--batch", "500");
        Assert.Equal(2, code);
        Assert.Contains("--batch", stderr);
    }

    [Fact]
    public void DataOptions_ExplainTrainsOwnFirstPoints_AndStartingWeights()
    {
        var (code, stdout, _) =
            Run("explain", "--json", "--dataset", "spiral", "--noise", "0.1", "--samples", "50", "--seed", "4",
            "--standardize", "--batch", "2");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(stdout);
        var quantities =
            doc.RootElement.GetProperty("quantities").EnumerateArray()
            .ToDictionary(q => q.GetProperty("name").GetString()!);
        var config = new TrainingConfig { Dataset = "spiral", Noise = 0.1, Samples = 50, Seed = 4, Standardize = true };
        var raw = DataGenerators.Generate("spiral", 50, 0.1, 4);
        var train = Standardizer.Fit(raw.X).Apply(raw); // what train --standardize trains on
        var trainer = new Trainer(config, train);
        var x = quantities["X"].GetProperty("values");
        var w1 = quantities["W1"].GetProperty("values");
        for (int c = 0; c < 2; c++)
        {
            for (int r = 0; r < 2; r++) Assert.Equal(train.X[r, c], x[r][c].GetDouble());
            for (int h = 0; h < 3; h++) Assert.Equal(trainer.Network.P.W(1)[c, h], w1[c][h].GetDouble());
        }
    }

    [Fact]
    public void CsvData_WithThreeClasses_SaysKIsThree_AndLimitsTheBatchToItsPoints()
    {
        string csv = Path.Combine(Path.GetTempPath(), $"xornet-explain-{Guid.NewGuid():N}.csv");
        File.WriteAllText(csv, "x1,x2,label\n0,1,0\n1,0,1\n-1,-1,2\n2,2,0\n");
        try
        {
            var (code, stdout, _) = Run("explain", "--data", csv, "--batch", "4");
            Assert.Equal(0, code);
            Assert.Contains("K = 3 outputs", stdout);
            Assert.Contains("(4×3)", stdout.Split('\n').Single(l => l.StartsWith("  h2 ")));
            var (bad, _, stderr) = Run("explain", "--data", csv, "--batch", "5");
            Assert.Equal(2, bad);
            Assert.Equal("xornet: error: --batch 5: must be between 1 and the points in --data (4)", stderr.Trim());
        }
        finally { File.Delete(csv); }
    }
}
