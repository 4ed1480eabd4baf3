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
    public void Accuracy_IsTheFractionOfMatchingLabels() =>
        Assert.Equal(0.75, new Prediction([0, 1, 2, 1], new Matrix(4, 3)).Accuracy([0, 1, 2, 0]));
}
