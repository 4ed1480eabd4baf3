using XorNet.Tensors;

namespace XorNet.Tests;

public class StandardizerTests
{
    [Fact]
    public void Fit_GivesMeanZeroAndPopulationStdOne()
    {
        var x = Matrix.FromRows(new double[,] { { 1, 10 }, { 3, 10 }, { 5, 10 } });
        var s = Standardizer.Fit(x);
        Assert.Equal([3.0, 10.0], s.Mean);
        Assert.Equal([Math.Sqrt(8.0 / 3), 1.0], s.Std); // a constant column gets std 1, as sklearn does
        var z = s.Apply(x);
        Assert.Equal(0, z[0, 0] + z[1, 0] + z[2, 0], 12);
        Assert.Equal(0, z[1, 1]);
    }

    [Fact]
    public void Identity_ChangesNoBit()
    {
        var data = DataGenerators.Spiral(40, 0.2, 2);
        var id = Standardizer.Identity(2);
        Assert.True(id.IsIdentity);
        Assert.Equal(data.X.Data, id.Apply(data.X).Data);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Fold_OnRawInputs_EqualsStandardizeThenNetwork(bool bias)
    {
        var data = DataGenerators.Gauss(30, 0.3, 1);
        var s = Standardizer.Fit(data.X);
        var network = new Network(2, 4, 3, bias);
        network.Initialize(new Rng(9));
        new Rng(10).FillUniform(network.P.b(1), -1, 1);
        var folded = s.Fold(network);
        Assert.Equal(Forward(network, s.Apply(data.X)), Forward(folded, data.X), new Tolerance(1e-12));
    }

    [Theory]
    [InlineData(ActivationKind.Tanh, LossKind.Mse)]
    [InlineData(ActivationKind.Relu, LossKind.CrossEntropy)]
    [InlineData(ActivationKind.Sigmoid, LossKind.CrossEntropy)]
    public void Fold_KeepsTheActivationAndOutput(ActivationKind activation, LossKind loss)
    {
        var data = DataGenerators.Gauss(30, 0.3, 1);
        var s = Standardizer.Fit(data.X);
        var network = new Network(2, 4, 2, true, activation, loss);
        network.Initialize(new Rng(9));
        new Rng(10).FillUniform(network.P.b(1), -1, 1);
        var folded = s.Fold(network);
        Assert.Equal((activation, loss), (folded.Activation.Kind, folded.Output.Kind));
        Assert.Equal(Forward(network, s.Apply(data.X)), Forward(folded, data.X), new Tolerance(1e-12));
    }

    private static double[] Forward(Network network, Matrix x)
    {
        var ws = network.CreateWorkspace(x.Rows);
        x.CopyTo(ws.X);
        network.Forward(ws);
        return ws.Output.h.Data;
    }

    private sealed class Tolerance(double eps) : IEqualityComparer<double>
    {
        public bool Equals(double a, double b) => Math.Abs(a - b) <= eps;
        public int GetHashCode(double v) => 0;
    }
}
