using XorNet.Cli;

namespace XorNet.Cli.Tests;

public sealed class GradCheckCommandTests
{
    private static (int Code, string Out, string Err) Run(params string[] args) => CliRun.Run(args);

    [Theory]
    [InlineData("sigmoid", "mse")]
    [InlineData("tanh", "cross-entropy")]
    [InlineData("relu", "cross-entropy")]
    public void EveryTensorIsOk_AndTheTableNamesThem(string activation, string loss)
    {
        var (code, stdout, _) =
            Run("gradcheck", "--activation", activation, "--loss", loss, "--l1", "1e-3", "--samples", "60");
        Assert.Equal(0, code);
        foreach (string row in new[] { "W1         (2×3)", "b1         (1×3)", "W2         (3×2)", "b2         (1×2)" })
            Assert.Contains(row, stdout);
        Assert.Equal(4, stdout.Split('\n').Count(l => l.TrimEnd().EndsWith("  OK")));
        Assert.Contains("all gradients OK", stdout);
    }

    [Fact]
    public void ImpossibleTolerance_FailsTheGate_WithExitCodeOne()
    {
        var (code, stdout, _) = Run("gradcheck", "--tol", "1e-300", "--samples", "40");
        Assert.Equal(1, code);
        Assert.Contains("NOT OK", stdout);
    }

    [Theory]
    [InlineData("--eps", "0")]
    [InlineData("--activation", "swish")]
    [InlineData("--l1", "-1")]
    public void BadInput_ExitsTwo(string option, string value)
    {
        var (code, _, stderr) = Run("gradcheck", option, value);
        Assert.Equal(2, code);
        Assert.Contains(option, stderr);
    }

    [Fact]
    public void TrainsDataOptions_ChangeTheData_AndEveryTensorStaysOk()
    {
        var (code, stdout, _) =
            Run("gradcheck", "--dataset", "moons", "--noise", "0.2", "--samples", "80", "--seed", "4", "--standardize",
            "--activation", "tanh");
        Assert.Equal(0, code);
        Assert.Contains("seed=4 moons noise=0.2 std; 80 examples", stdout);
        Assert.Contains("all gradients OK", stdout);
    }

    [Fact]
    public void CsvData_SetsTheExamplesAndTheClasses()
    {
        string csv = Path.Combine(Path.GetTempPath(), $"xornet-gradcheck-{Guid.NewGuid():N}.csv");
        File.WriteAllText(csv, "x1,x2,label\n0,1,0\n1,0,1\n-1,-1,2\n2,2,0\n0.5,-0.5,1\n-2,1,2\n");
        try
        {
            var (code, stdout, _) = Run("gradcheck", "--data", csv, "--hidden", "4");
            Assert.Equal(0, code);
            Assert.Contains("6 examples", stdout);
            Assert.Contains("W2         (4×3)", stdout); // K = 3 classes from the file's labels
            Assert.Contains("all gradients OK", stdout);
        }
        finally { File.Delete(csv); }
    }

    [Theory]
    [InlineData("--data", "/nonexistent/points.csv", "no such file")]
    [InlineData("--dataset", "swirl", "unknown")]
    [InlineData("--noise", "-1", "must be")]
    public void BadDataOption_ExitsTwo_WithOneLine(string option, string value, string reason)
    {
        var (code, stdout, stderr) = Run("gradcheck", option, value);
        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.StartsWith($"xornet: error: {option} {value}: ", stderr);
        Assert.Contains(reason, stderr);
        Assert.Single(stderr.TrimEnd().Split('\n'));
    }
}
