using XorNet.Tensors;

namespace XorNet.Tests;

public class DecisionGridTests
{
    [Fact]
    public void Grid_SpansTheDataPlusMargin_AndAgreesWithPredictions()
    {
        var data = Dataset.GaussianXor(100, 2);
        var result = new Trainer(new TrainingConfig { Epochs = 20, Hidden = 8 }, data).Run();
        var grid = DecisionGrid.Evaluate(result.Network, data.X);
        double xMin = Enumerable.Range(0, 100).Min(i => data.X[i, 0]);
        Assert.Equal(xMin - 0.5, grid.XMin, 12);
        Assert.InRange(grid.Columns, 2, DecisionGrid.MaxCells);

        // Each cell's share is above 0.5 exactly where the network predicts class 1 at the cell centre.
        var ws = result.Network.CreateWorkspace(1);
        double dx = (grid.XMax - grid.XMin) / grid.Columns, dy = (grid.YMax - grid.YMin) / grid.Rows;
        foreach (var (r, c) in new[] { (0, 0), (grid.Rows / 2, grid.Columns / 3), (grid.Rows - 1, grid.Columns - 1) })
        {
            ws.X[0, 0] = grid.XMin + (c + 0.5) * dx;
            ws.X[0, 1] = grid.YMin + (r + 0.5) * dy;
            result.Network.Forward(ws);
            Assert.Equal(ws.Predictions[0] == 1, grid.ClassOneShare[r, c] > 0.5);
            Assert.Equal(ws.Output.h[0, 1] / (ws.Output.h[0, 0] + ws.Output.h[0, 1]), grid.ClassOneShare[r, c], 14);
        }
    }

    [Fact]
    public void AChosenResolution_GivesTheSameCellsAsTheStepGrid_OverTheSamePlane()
    {
        var data = Dataset.GaussianXor(80, 4);
        var network = new Trainer(new TrainingConfig { Epochs = 5, Hidden = 6 }, data).Run().Network;
        DecisionGrid byStep = DecisionGrid.Evaluate(network, data.X, step: 0.05);
        var plane = DecisionGrid.Bounds(data.X);
        Assert.Equal((byStep.XMin, byStep.XMax, byStep.YMin, byStep.YMax), plane);
        DecisionGrid chosen = DecisionGrid.Evaluate(network, plane, byStep.Columns, byStep.Rows);
        Assert.Equal(byStep.ClassOneShare, chosen.ClassOneShare);
        DecisionGrid small = DecisionGrid.Evaluate(network, plane, 7, 3);
        Assert.Equal((7, 3), (small.Columns, small.Rows));
    }

    [Theory]
    [InlineData(3, 700, 700)]
    [InlineData(50, 333, 211)]
    [InlineData(5, 2, 2)]
    public void SigmoidPlane_AgreesWithRowByRowForward(int hidden, int columns, int rows)
    {
        var network = new Network(2, hidden, 2);
        network.Initialize(new Rng(42));
        network.P.b(1).Data[0] = 0.7; // a nonzero bias, so b1 takes part
        double[,] plane = DecisionGrid.Evaluate(network, -3, 2.5, -2, 3, columns, rows);
        double[,] rowByRow = DecisionGrid.EvaluateRowByRow(network, -3, 2.5, -2, 3, columns, rows);
        double worst = rowByRow.Cast<double>().Zip(plane.Cast<double>(), (a, b) => Math.Abs(a - b)).Max();
        Assert.InRange(worst, 0, 1e-13); // the hidden σ may differ by a few ulp (see Ops.SigmoidLayerOverGrid)
        Assert.Equal(plane, DecisionGrid.Evaluate(network, -3, 2.5, -2, 3, columns, rows)); // and it is deterministic
    }

    [Theory]
    [InlineData(ActivationKind.Tanh, LossKind.Mse, 700, 700)]
    [InlineData(ActivationKind.Relu, LossKind.CrossEntropy, 333, 211)]
    public void ChunkedEvaluation_IsBitIdenticalToRowByRow(ActivationKind activation, LossKind loss, int columns,
        int rows)
    {
        var network = new Network(2, 7, 2, activation: activation, loss: loss);
        network.Initialize(new Rng(42));
        double[,] batched = DecisionGrid.Evaluate(network, -3, 2.5, -2, 3, columns, rows);
        double[,] rowByRow = DecisionGrid.EvaluateRowByRow(network, -3, 2.5, -2, 3, columns, rows);
        Assert.Equal(rowByRow.Cast<double>(), batched.Cast<double>()); // chunking and threads change nothing
    }

    [Fact]
    public void SigmoidPlane_WithSoftmaxOutputAndNoBias_AgreesWithForward()
    {
        var network = new Network(2, 6, 2, useBias: false, loss: LossKind.CrossEntropy);
        network.Initialize(new Rng(7));
        double[,] plane = DecisionGrid.Evaluate(network, -2, 2, -2, 2, 90, 40);
        double[,] rowByRow = DecisionGrid.EvaluateRowByRow(network, -2, 2, -2, 2, 90, 40);
        double worst = rowByRow.Cast<double>().Zip(plane.Cast<double>(), (a, b) => Math.Abs(a - b)).Max();
        Assert.InRange(worst, 0, 1e-13);
    }
}
