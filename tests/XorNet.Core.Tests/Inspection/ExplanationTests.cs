using XorNet.Tensors;

namespace XorNet.Tests;

public class ExplanationTests
{
    private static readonly string[] ArticleOrder =
        ["X", "W1", "b1", "z1", "h1", "W2", "b2", "z2", "h2", "y", "L_data", "L_reg", "L",
         "dL/dh2", "dh2/dz2", "dL/dz2", "dL/dW2", "dL/db2", "dL/dh1", "dh1/dz1", "dL/dz1", "dL/dW1", "dL/db1",
         "W1'", "b1'", "W2'", "b2'"];

    private static (Network Net, Workspace Ws) OneExample(LossKind loss = LossKind.Mse)
    {
        var net = new Network(2, 3, 2, loss: loss);
        net.Initialize(new Rng(7));
        var ws = net.CreateWorkspace(1);
        ws.X.Data[0] = 0.4; ws.X.Data[1] = -1.1;
        ws.Y.Data[1] = 1;
        return (net, ws);
    }

    [Fact]
    public void Quantities_ComeInTheArticlesOrder()
    {
        var (net, ws) = OneExample();
        Assert.Equal(ArticleOrder, Explanation.Explain(net, ws, new Regularization(1e-4), 1.0).Select(q => q.Name));
    }

    [Fact]
    public void ChainRuleProducts_HoldForThePrintedValues()
    {
        var (net, ws) = OneExample();
        var q = Explanation.Explain(net, ws, new Regularization(0), 0.5).ToDictionary(x => x.Name, x => x.Value);
        // dL/dz2 = dL/dh2 ⊙ dh2/dz2, and dL/dW2 = h1ᵀ · dL/dz2 (λ = 0), entry by entry from the printed numbers
        for (int k = 0; k < 2; k++)
            Assert.Equal(q["dL/dh2"].Data[k] * q["dh2/dz2"].Data[k], q["dL/dz2"].Data[k], 1e-15);
        for (int j = 0; j < 3; j++)
            for (int k = 0; k < 2; k++)
                Assert.Equal(q["h1"].Data[j] * q["dL/dz2"].Data[k], q["dL/dW2"][j, k], 1e-15);
        Assert.Equal(q["W1"].Data[0] - 0.5 * q["dL/dW1"].Data[0], q["W1'"].Data[0], 1e-15);
        Assert.Equal(q["L_data"].Data[0] + q["L_reg"].Data[0], q["L"].Data[0]);
    }

    [Fact]
    public void CrossEntropy_SaysDlDz2IsSoftmaxMinusYOverN()
    {
        var (net, ws) = OneExample(LossKind.CrossEntropy);
        var q = Explanation.Explain(net, ws, new Regularization(0), 1.0).Single(x => x.Name == "dL/dz2");
        Assert.Contains("(softmax(z2) − y) / N", q.Formula);
        Assert.Equal(ws.Output.h.Data[0] - 0, q.Value.Data[0], 1e-15);
        Assert.Equal(ws.Output.h.Data[1] - 1, q.Value.Data[1], 1e-15);
    }

    [Fact]
    public void Explain_DoesNotChangeTheNetwork()
    {
        var (net, ws) = OneExample();
        double[] before = net.P.W(1).Data.ToArray();
        Explanation.Explain(net, ws, new Regularization(1e-4), 1.0);
        Assert.Equal(before, net.P.W(1).Data);
    }
}
