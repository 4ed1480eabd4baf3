using XorNet.Cli;

namespace XorNet.Cli.Tests;

public sealed class GradCheckCommandTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = Program.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Theory]
    [InlineData("sigmoid", "mse")]
    [InlineData("tanh", "cross-entropy")]
    [InlineData("relu", "cross-entropy")]
    public void EveryTensorIsOk_AndTheTableNamesThem(string activation, string loss)
    {
        var (code, stdout, _) = Run("gradcheck", "--activation", activation, "--loss", loss, "--l1", "1e-3", "--samples", "60");
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
}
