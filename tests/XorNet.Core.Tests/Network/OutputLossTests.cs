using XorNet.Tensors;

namespace XorNet.Tests;

public class OutputLossTests
{
    private static Workspace Batch(LossKind kind, double[] z2, double[] y)
    {
        var net = new Network(1, 1, 2, loss: kind);
        var ws = net.CreateWorkspace(z2.Length / 2);
        Array.Copy(z2, ws.Output.z.Data, z2.Length);
        Array.Copy(y, ws.Y.Data, y.Length);
        net.Output.Forward(ws.Output.z, ws.Output.h);
        return ws;
    }

    [Fact]
    public void CrossEntropy_HandComputed()
    {
        var loss = new CrossEntropyLoss();
        var ws = Batch(LossKind.CrossEntropy, [0, Math.Log(3)], [0, 1]); // softmax = [0.25, 0.75]
        Assert.Equal(-Math.Log(0.75), loss.Data(ws.Output.z, ws.Output.h, ws.Y), 1e-15);
        loss.Backward(ws.Output.h, ws.Y, ws.Output.dL_dh, ws.Output.dh_dz, ws.Output.dL_dz);
        Assert.Equal([0.25, -0.25], ws.Output.dL_dz.Data.Select(v => Math.Round(v, 15)));  // (softmax − y)/N
        Assert.Equal(-1 / 0.75, ws.Output.dL_dh[0, 1], 1e-14);                             // −y/(N·h2)
    }

    [Fact]
    public void CrossEntropy_OfAConfidentMistake_IsLargeButFinite()
    {
        var ws = Batch(LossKind.CrossEntropy, [1000, 0], [0, 1]); // log softmax = −1000, never log 0
        Assert.Equal(1000, new CrossEntropyLoss().Data(ws.Output.z, ws.Output.h, ws.Y), 1e-9);
    }

    [Fact]
    public void Mse_HandComputed()
    {
        var loss = new MseLoss();
        var ws = Batch(LossKind.Mse, [0, 0, 0, 0], [1, 0, 0, 1]); // h2 = 0.5 everywhere, N = 2
        Assert.Equal(4 * 0.25 / 4, loss.Data(ws.Output.z, ws.Output.h, ws.Y), 1e-15);       // Σ(y − h2)²/(2N)
        loss.Backward(ws.Output.h, ws.Y, ws.Output.dL_dh, ws.Output.dh_dz, ws.Output.dL_dz);
        Assert.Equal(-0.5 / 2 * 0.25, ws.Output.dL_dz[0, 0], 1e-15);  // (h2 − y)/N ⊙ h2(1 − h2)
    }

    [Fact]
    public void SoftmaxJacobian_TimesDlDh2_IsSoftmaxMinusYOverN()
    {
        var ws = Batch(LossKind.CrossEntropy, [0.3, -1.2], [1, 0]);
        var loss = new CrossEntropyLoss();
        loss.Backward(ws.Output.h, ws.Y, ws.Output.dL_dh, ws.Output.dh_dz, ws.Output.dL_dz);
        Matrix jacobian = Explanation.SoftmaxJacobian(ws.Output.h, 0);
        for (int j = 0; j < 2; j++)
        {
            double chain = ws.Output.dL_dh[0, 0] * jacobian[0, j] + ws.Output.dL_dh[0, 1] * jacobian[1, j];
            Assert.Equal(ws.Output.dL_dz[0, j], chain, 1e-15);
        }
    }
}
