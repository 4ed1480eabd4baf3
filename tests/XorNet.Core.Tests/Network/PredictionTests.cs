using XorNet.Tensors;

namespace XorNet.Tests;

public class PredictionTests
{
    [Fact]
    public void ProbabilitiesSumToOne_ClassIsTheirArgmax_AndStandardizationIsApplied()
    {
        var network = new Network(2, 6, 4);
        network.Initialize(new Rng(1));
        new Rng(2).FillUniform(network.P.b(2), -2, 2);
        var scaler = new Standardizer([1, 2], [3, 4]);
        var x = new Matrix(25, 2);
        new Rng(3).FillNormal(x);
        var p = Prediction.Run(new SavedModel(network, scaler, true), x);
        for (int i = 0; i < x.Rows; i++)
        {
            Assert.Equal(1.0, p.Probabilities.Row(i).ToArray().Sum(), 1e-15);
            Assert.Equal(p.Probabilities.Row(i).ToArray().Max(), p.Probabilities[i, p.Classes[i]]);
        }
        var ws = network.CreateWorkspace(25);
        scaler.Apply(x).CopyTo(ws.X);
        network.Forward(ws);
        Assert.Equal(ws.Output.h[7, 2] / ws.Output.h.Row(7).ToArray().Sum(), p.Probabilities[7, 2]);
    }

    [Fact]
    public void ASaturatedModel_WhoseSigmoidsAllUnderflow_StillGivesProbabilities()
    {
        var network = new Network(2, 3, 2);
        network.Initialize(new Rng(1));
        network.P.b(2).Row(0)[0] = -800; // σ(−800) and σ(−790) are 0 in doubles: h2 / Σh2 would be 0/0
        network.P.b(2).Row(0)[1] = -790;
        var x = Matrix.FromRows(new double[,] { { 0.5, -1 } });
        var p = Prediction.Run(new SavedModel(network, Standardizer.Identity(2), false), x);
        var ws = network.CreateWorkspace(1);
        x.CopyTo(ws.X);
        network.Forward(ws);
        Assert.Equal([0.0, 0.0], ws.Output.h.Data);
        Assert.Equal(1, p.Classes[0]);
        // σ(z) ≈ e^z there
        Assert.Equal(1 / (1 + Math.Exp(ws.Output.z[0, 1] - ws.Output.z[0, 0])), p.Probabilities[0, 0], 1e-12);
        Assert.Equal(1.0, p.Probabilities[0, 0] + p.Probabilities[0, 1], 1e-15);
    }

    [Theory]
    [InlineData(ActivationKind.Sigmoid, LossKind.Mse)]
    [InlineData(ActivationKind.Tanh, LossKind.Mse)]
    [InlineData(ActivationKind.Relu, LossKind.Mse)]
    [InlineData(ActivationKind.Sigmoid, LossKind.CrossEntropy)]
    [InlineData(ActivationKind.Relu, LossKind.CrossEntropy)]
    public void PointsAtPlusMinus1e308_GetTheProbabilitiesOfTheirDirection(ActivationKind activation, LossKind loss)
    {
        var network = new Network(2, 8, 3, activation: activation, loss: loss);
        network.Initialize(new Rng(4));
        new Rng(5).FillUniform(network.P.b(1), -1, 1);
        var model = new SavedModel(network, Standardizer.Identity(2), false);
        double[,] huge = { { 1e308, 1e308 }, { -1e308, 1e308 }, { 1e308, -1e308 }, { -1.7e308, -1e308 } };
        var far = Prediction.Run(model, Matrix.FromRows(huge));
        var again = Prediction.Run(model, Matrix.FromRows(huge));
        var near = Prediction.Run(model,
            Matrix.FromRows(
            new double[,] { { 1e300, 1e300 }, { -1e300, 1e300 }, { 1e300, -1e300 }, { -1.7e300, -1e300 } }));
        Assert.All(far.Probabilities.Data, v => Assert.True(v >= 0 && v <= 1, $"{v}"));
        for (int i = 0; i < 4; i++)
        {
            Assert.Equal(1.0, far.Probabilities.Row(i).ToArray().Sum(), 1e-15);
            Assert.Equal(near.Probabilities.Row(i).ToArray(), far.Probabilities.Row(i).ToArray(),
                (a, b) => Math.Abs(a - b) < 1e-9);
            Assert.Equal(far.Probabilities.Row(i).ToArray().Max(), far.Probabilities[i, far.Classes[i]]);
        }
        Assert.Equal(far.Probabilities.Data, again.Probabilities.Data);
    }

    [Fact]
    public void NormalizeExp_SharesAnInfiniteMaximum_AndSpreadsAllMinusInfinityEvenly()
    {
        double[] v = [double.PositiveInfinity, 3, double.PositiveInfinity];
        StableForward.NormalizeExp(v);
        Assert.Equal([0.5, 0, 0.5], v);
        double[] w = [double.NegativeInfinity, double.NegativeInfinity];
        StableForward.NormalizeExp(w);
        Assert.Equal([0.5, 0.5], w);
        Assert.Equal(0.0, StableForward.LogSigmoid(double.PositiveInfinity));
        Assert.Equal(-800.0, StableForward.LogSigmoid(-800));
    }

    [Fact]
    public void Accuracy_IsTheFractionOfMatchingLabels() =>
        Assert.Equal(0.75, new Prediction([0, 1, 2, 1], new Matrix(4, 3)).Accuracy([0, 1, 2, 0]));
}
