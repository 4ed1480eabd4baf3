namespace XorNet.Tests;

public class WidthScalingTests
{
    private static DenseLayer Hidden(int index, int inputs, int outputs) =>
        new(index, inputs, outputs, HiddenActivation.For(ActivationKind.Sigmoid), useBias: true);

    private static DenseLayer Output(int inputs) => new(2, inputs, 2, activation: null, useBias: true);

    [Theory]
    [InlineData(3)]
    [InlineData(50)]
    public void UpToFiftyNeurons_NothingChanges(int h)
    {
        foreach (OptimizerKind optimizer in Enum.GetValues<OptimizerKind>())
        {
            Assert.Equal(1, WidthScaling.StepScale(Hidden(1, 2, h), optimizer));
            Assert.Equal(1, WidthScaling.StepScale(Hidden(2, h, h), optimizer));
            Assert.Equal(1, WidthScaling.StepScale(Output(h), optimizer));
        }
        Assert.Equal(1 / Math.Sqrt(h), WidthScaling.InitScale(Output(h))); // the very same double: the same weights
        Assert.Equal(1 / Math.Sqrt(2), WidthScaling.InitScale(Hidden(1, 2, h)));
    }

    [Fact]
    public void AWideOutputLayer_StepsAndStartsOneOverFanInSmaller_AndTheFirstLayerStepsLongerUnderSgdOnly()
    {
        Assert.Equal(0.05, WidthScaling.StepScale(Output(1000), OptimizerKind.Sgd), 1e-15);
        Assert.Equal(0.05, WidthScaling.StepScale(Output(1000), OptimizerKind.Adam), 1e-15);
        Assert.Equal(Math.Sqrt(50) / 1000, WidthScaling.InitScale(Output(1000)), 1e-15);
        Assert.Equal(20, WidthScaling.StepScale(Hidden(1, 2, 1000), OptimizerKind.Sgd), 1e-12);
        Assert.Equal(20, WidthScaling.StepScale(Hidden(1, 2, 1000), OptimizerKind.Momentum), 1e-12);
        Assert.Equal(1, WidthScaling.StepScale(Hidden(1, 2, 1000), OptimizerKind.Adam));
        Assert.Equal(1, WidthScaling.StepScale(Hidden(2, 1000, 1000), OptimizerKind.Sgd));
        Assert.Equal(0.05, WidthScaling.StepScale(Hidden(2, 1000, 1000), OptimizerKind.Adam), 1e-15);
        Assert.Equal(1 / Math.Sqrt(1000), WidthScaling.InitScale(Hidden(2, 1000, 1000))); // hidden layers: as before
    }

    [Fact]
    public void TheTrainersTensors_CarryTheirLayersStepScale()
    {
        var network = new Network(2, 1000, 2);
        IReadOnlyList<Trainable> tensors = network.Trainables(network.P.CloneShape(), OptimizerKind.Sgd);
        Assert.Equal(["W1", "b1", "W2", "b2"], tensors.Select(t => t.Name));
        Assert.Equal([20, 20, 0.05, 0.05], tensors.Select(t => Math.Round(t.StepScale, 12)));
        Assert.All(network.Trainables(network.P.CloneShape()), t => Assert.Equal(1, t.StepScale));
    }
}
