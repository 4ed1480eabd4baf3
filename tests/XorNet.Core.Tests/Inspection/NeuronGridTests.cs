using XorNet.Tensors;

namespace XorNet.Tests;

public class NeuronGridTests
{
    private static Network Trained(HiddenLayers hidden, ActivationKind activation = ActivationKind.Sigmoid)
    {
        var config = new TrainingConfig { Epochs = 5, Hidden = hidden, Samples = 80, Activation = activation };
        return new Trainer(config, Dataset.GaussianXor(config.Samples, config.Seed)).Run().Network;
    }

    /// <summary>Layer l's h at every cell centre, from one Forward of the whole network (the reference).</summary>
    private static Matrix ForwardH(Network network, int layer, double xMin, double xMax, double yMin, double yMax,
                                   int columns, int rows)
    {
        Workspace ws = network.CreateWorkspace(columns * rows);
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < columns; c++)
            {
                ws.X[r * columns + c, 0] = xMin + (c + 0.5) * (xMax - xMin) / columns;
                ws.X[r * columns + c, 1] = yMin + (r + 0.5) * (yMax - yMin) / rows;
            }
        network.Forward(ws);
        return ws.Layer(layer).h;
    }

    [Theory]
    [InlineData(1, ActivationKind.Sigmoid)]
    [InlineData(2, ActivationKind.Tanh)]
    [InlineData(3, ActivationKind.Relu)]
    public void Maps_AreTheChosenNeuronsActivations_AsForwardComputesThem(int layer, ActivationKind activation)
    {
        Network network = Trained(new HiddenLayers(6, 5, 4), activation);
        int[] neurons = [3, 0];
        var grid = NeuronGrid.Evaluate(network, layer, neurons, (-2, 2.5, -1.5, 3), 17, 9);
        Matrix h = ForwardH(network, layer, -2, 2.5, -1.5, 3, 17, 9);
        Assert.Equal((17, 9, layer), (grid.Columns, grid.Rows, grid.Layer));
        for (int t = 0; t < neurons.Length; t++)
            for (int r = 0; r < 9; r++)
                for (int c = 0; c < 17; c++)
                    Assert.Equal(h[r * 17 + c, neurons[t]], grid.Maps[t][r, c], 1e-12);
    }

    [Fact]
    public void Evaluate_LeavesTheNetworkAsItWas_AndRefusesOutputsAndMissingNeurons()
    {
        Network network = Trained(4);
        double[] before = [.. network.P.Tensors.SelectMany(t => t.Data)];
        NeuronGrid.Evaluate(network, 1, [1, 2], (-1, 1, -1, 1), 5, 5);
        Assert.Equal(before, network.P.Tensors.SelectMany(t => t.Data).ToArray());
        Assert.Throws<ArgumentOutOfRangeException>(() => NeuronGrid.Evaluate(network, 2, [0], (-1, 1, -1, 1), 5, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => NeuronGrid.Evaluate(network, 1, [4], (-1, 1, -1, 1), 5, 5));
    }

    [Fact]
    public void Predict_InAnyBatches_AgreesWithOneForward()
    {
        var data = Dataset.GaussianXor(500, 2);
        Network network = new Trainer(new TrainingConfig { Epochs = 5, Hidden = 4, Samples = 500 }, data).Run().Network;
        var ws = network.CreateWorkspace(500);
        data.X.CopyTo(ws.X);
        network.Forward(ws);
        Assert.Equal(ws.Predictions, InferenceBatch.Predict(network, data.X, chunk: 64));
        Assert.Equal(ws.Predictions, InferenceBatch.Predict(network, data.X));
    }

    [Fact]
    public void BatchRows_ShrinkForWideLayers_SoAWorkspaceStaysSmall()
    {
        Assert.Equal(InferenceBatch.MaxRows, InferenceBatch.Rows([2, 3, 2]));
        int rows = InferenceBatch.Rows([2, 100_000, 2]);
        Assert.InRange(rows, 1, 16);
        Assert.True(5.0 * rows * 100_002 <= InferenceBatch.MaxDoubles);
        Assert.Equal(1, InferenceBatch.Rows([2, 10_000_000, 2]));
    }
}
