using XorNet.Tensors;

namespace XorNet.Tests;

public class RegularizationTests
{
    private static Parameters Weights()
    {
        var p = new Parameters(1, 3, 2);
        Array.Copy(new[] { 0.5, -2, 0 }, p.W(1).Data, 3);      // W1 (1×3)
        Array.Copy(new[] { 1.0, 0, 0, -1, 0, 3 }, p.W(2).Data, 6); // W2 (3×2)
        p.b(1).Fill(100); // biases are never penalised
        return p;
    }

    [Fact]
    public void L1Subgradient_IsLambdaSignOverN_WithSignOfZeroZero()
    {
        var reg = new Regularization(L2: 0, L1: 0.2);
        var dW = new Matrix(1, 3);
        reg.AddGradient(Weights().W(1), 4, dW);
        Assert.Equal([0.05, -0.05, 0], dW.Data); // 0.2·sign([0.5, −2, 0]) / 4
    }

    [Fact]
    public void L2AndL1_AddUp_InPenaltyAndGradient()
    {
        var reg = new Regularization(L2: 0.1, L1: 0.2);
        var p = Weights();
        // L2: 0.1·(0.25 + 4 + 0 + 1 + 1 + 9)/(2·4) = 0.1·15.25/8; L1: 0.2·(2.5 + 5)/4
        Assert.Equal(0.1 * 15.25 / 8 + 0.2 * 7.5 / 4, reg.Penalty(p, 4), 1e-15);
        var dW = new Matrix(1, 3);
        reg.AddGradient(p.W(1), 4, dW);
        Assert.Equal(0.1 * 0.5 / 4 + 0.2 / 4, dW.Data[0], 1e-15);
        Assert.Equal(0.1 * -2 / 4 - 0.2 / 4, dW.Data[1], 1e-15);
    }
}
