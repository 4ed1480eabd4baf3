using XorNet.Tensors;

namespace XorNet.Tests;

public class TwoLayerNetworkTests
{
    // The tiny problem of golden/golden_losses.py (NumPy): 5 points, H = 3, λ = 0.1, lr = 0.5, full batch.
    private static (TwoLayerNetwork Net, TwoLayerWorkspace Ws) Tiny()
    {
        var net = new TwoLayerNetwork(2, 3, 2);
        Array.Copy(new[] { 0.3, -0.7, 0.2, 0.5, 0.1, -0.4 }, net.P.W(1).Data, 6);
        Array.Copy(new[] { 0.05, -0.1, 0.2 }, net.P.b(1).Data, 3);
        Array.Copy(new[] { 0.6, -0.3, -0.2, 0.8, 0.4, 0.1 }, net.P.W(2).Data, 6);
        Array.Copy(new[] { -0.05, 0.1 }, net.P.b(2).Data, 2);
        var ws = net.CreateWorkspace(5);
        Array.Copy(new[] { -1.0, -1, -1, 1, 1, -1, 1, 1, 0.5, -0.25 }, ws.X.Data, 10);
        int[] labels = [0, 1, 1, 0, 1];
        for (int i = 0; i < 5; i++) ws.Y[i, labels[i]] = 1;
        return (net, ws);
    }

    [Fact]
    public void FirstLosses_MatchNumPyGolden()
    {
        var (net, ws) = Tiny();
        var grads = new Parameters(2, 3, 2);
        double[] golden = [0.2855703243831814, 0.28258507835907953, 0.27985510842433614];
        foreach (double expected in golden)
        {
            net.Forward(ws);
            Assert.Equal(expected, net.Loss(ws, 0.1).Total, 1e-14);
            net.Backward(ws, 0.1, grads);
            net.Step(grads, 0.5);
        }
    }

    [Fact]
    public void Gradients_MatchNumPyGolden()
    {
        var (net, ws) = Tiny();
        var grads = new Parameters(2, 3, 2);
        net.Forward(ws);
        net.Backward(ws, 0.1, grads);
        AssertAll([0.010180268963423422, -0.017886884496118926, 0.005147094506993136, 0.008862584672232943,
            0.0027193875785951884, -0.00804403911825447], grads.W(1));
        AssertAll([0.008594548533666275, -0.0021928038494594725, 0.004153058253641061], grads.b(1));
        AssertAll([0.036997834220360626, -0.007967592654887109, 0.015094174723193413, 0.017494035311029894,
            0.03496028218989156, -0.0009248290391565789], grads.W(2));
        AssertAll([0.04698801463536552, -0.0029495239133244984], grads.b(2));
    }

    private static void AssertAll(double[] expected, Matrix actual)
    {
        for (int i = 0; i < expected.Length; i++)
            Assert.Equal(expected[i], actual.Data[i], 1e-15);
    }

    [Fact]
    public void LossParts_SplitDataAndRegularization()
    {
        var (net, ws) = Tiny();
        net.Forward(ws);
        var parts = net.Loss(ws, 0.1);
        double sumW2 = Ops.SquaredSum(net.P.W(1)) + Ops.SquaredSum(net.P.W(2));
        Assert.Equal(0.1 * sumW2 / 10, parts.Regularization, 1e-15);
        Assert.Equal(parts.Total - parts.Regularization, parts.Data, 1e-15);
    }

    [Theory]
    [InlineData(true, 0.0)]
    [InlineData(true, 0.3)]
    [InlineData(false, 0.3)]
    public void Backward_AgreesWithCentralDifferences_OnEveryEntry(bool useBias, double lambda)
    {
        var rng = new Rng(20230828);
        var net = new TwoLayerNetwork(2, 4, 3, useBias);
        net.Initialize(rng);
        rng.FillUniform(net.P.b(1), -0.5, 0.5);
        rng.FillUniform(net.P.b(2), -0.5, 0.5);
        var ws = net.CreateWorkspace(6);
        rng.FillNormal(ws.X);
        for (int i = 0; i < 6; i++) ws.Y[i, i % 3] = 1;
        var grads = new Parameters(2, 4, 3);
        net.Forward(ws);
        net.Backward(ws, lambda, grads);

        var gradByName = grads.Named().ToDictionary(g => g.Name, g => g.Value);
        foreach (var (name, param) in net.P.Named())
        {
            for (int i = 0; i < param.Length; i++)
            {
                double numeric = useBias || name.StartsWith('W') ? CentralDifference(net, ws, lambda, param, i) : 0;
                double analytic = gradByName[name].Data[i];
                double relative = Math.Abs(analytic - numeric) / Math.Max(1e-8, Math.Abs(analytic) + Math.Abs(numeric));
                Assert.True(relative < 1e-7,
                    $"{name}[{i}]: analytic {analytic:R}, numeric {numeric:R}, relative error {relative:E2}");
            }
        }
    }

    // eps = 1e-4 balances truncation (∝ eps²) against rounding (∝ 1e-16·L / eps) for losses around 0.3.
    private static double CentralDifference(TwoLayerNetwork net, TwoLayerWorkspace ws, double lambda, Matrix param,
        int i, double eps = 1e-4)
    {
        double saved = param.Data[i];
        param.Data[i] = saved + eps;
        net.Forward(ws);
        double plus = net.Loss(ws, lambda).Total;
        param.Data[i] = saved - eps;
        net.Forward(ws);
        double minus = net.Loss(ws, lambda).Total;
        param.Data[i] = saved;
        return (plus - minus) / (2 * eps);
    }

    [Fact]
    public void BackwardTwice_GivesIdenticalGradients()
    {
        var (net, ws) = Tiny();
        var first = new Parameters(2, 3, 2);
        var second = new Parameters(2, 3, 2);
        net.Forward(ws);
        net.Backward(ws, 0.1, first);
        net.Backward(ws, 0.1, second);
        foreach (var ((_, a), (_, b)) in first.Named().Zip(second.Named()))
            Assert.Equal(a.Data, b.Data);
    }

    [Fact]
    public void NoBias_KeepsBiasesAtZero_AndTheirGradientsZero()
    {
        var (net, ws) = Tiny();
        var noBias = new TwoLayerNetwork(2, 3, 2, useBias: false);
        net.P.CopyTo(noBias.P);
        noBias.P.b(1).Fill(0);
        noBias.P.b(2).Fill(0);
        var grads = new Parameters(2, 3, 2);
        noBias.Forward(ws);
        noBias.Backward(ws, 0.1, grads);
        noBias.Step(grads, 0.5);
        Assert.All(grads.b(1).Data.Concat(grads.b(2).Data), g => Assert.Equal(0, g));
        Assert.All(noBias.P.b(1).Data.Concat(noBias.P.b(2).Data), b => Assert.Equal(0, b));
    }

    [Fact]
    public void Initialize_IsUniformScaledByFanIn_WithZeroBiases()
    {
        var net = new TwoLayerNetwork(2, 50, 2);
        net.Initialize(new Rng(1));
        Assert.All(net.P.W(1).Data, w => Assert.InRange(w, -1 / Math.Sqrt(2), 1 / Math.Sqrt(2)));
        Assert.All(net.P.W(2).Data, w => Assert.InRange(w, -1 / Math.Sqrt(50), 1 / Math.Sqrt(50)));
        Assert.Contains(net.P.W(2).Data, w => Math.Abs(w) > 0.1); // spread over the range, not collapsed
        Assert.All(net.P.b(1).Data.Concat(net.P.b(2).Data), b => Assert.Equal(0, b));
    }

    [Fact]
    public void Forward_PredictsTheArgmaxOfH2()
    {
        var (net, ws) = Tiny();
        net.Forward(ws);
        for (int i = 0; i < ws.N; i++)
            Assert.Equal(ws.h2[i, 1] > ws.h2[i, 0] ? 1 : 0, ws.Predictions[i]);
    }
}
