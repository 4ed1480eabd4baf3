using System.Text.Json;

namespace XorNet.Tests;

public class TrainerLeverTests
{
    private static TrainingResult Train(TrainingConfig config) =>
        new Trainer(config, Dataset.GaussianXor(config.Samples, config.Seed)).Run();

    [Theory]
    [InlineData(3, 0.16621522025553032, 0.7566666666666667)]
    [InlineData(50, 0.050515554367049395, 0.9666666666666667)]
    public void Defaults_ReproduceTheNumbersOfThePlainSgdTrainer(int hidden, double loss, double accuracy)
    {
        // Measured with the trainer before the levers existed (main at 34aa0cf). The levers at their defaults must not
        // change the run; since then only XorNet's own vectorised exp (within 1 ulp of glibc's) moved the last digits.
        var result = Train(new TrainingConfig { Hidden = hidden });
        Assert.Equal(loss, result.Final.Loss, loss * 1e-12);
        Assert.Equal(accuracy, result.Final.TrainAccuracy);
        Assert.Equal(StopReason.Completed, result.Stop.Reason);
    }

    [Fact]
    public void LateExplosionOfFiftyReluNeurons_IsStoppedAsDiverged_AndClipNormOneTamesIt()
    {
        // The article's 50-neuron figure: it learns, then the loss explodes; clipping the gradient norm to 1 keeps it.
        var config =
            new TrainingConfig
            {
                Hidden = 50,
                Activation = ActivationKind.Relu,
                Loss = LossKind.CrossEntropy,
                LearningRate = 2
            };
        var blowUp = Train(config);
        Assert.Equal(StopReason.Diverged, blowUp.Stop.Reason);
        Assert.True(blowUp.History.Min(m => m.Loss) < blowUp.History[0].Loss / 2,
            "it should have learned before diverging");
        var clipped = Train(config with { ClipNorm = 1 });
        Assert.Equal(StopReason.Completed, clipped.Stop.Reason);
        Assert.True(clipped.Final.TrainAccuracy > 0.95, $"accuracy {clipped.Final.TrainAccuracy}");
    }

    [Fact]
    public void HugeLearningRate_DivergesAtOnce_AndClippingTheStepPreventsIt()
    {
        var blowUp = Train(new TrainingConfig { Hidden = 50, LearningRate = 1000 });
        Assert.Equal(StopReason.Diverged, blowUp.Stop.Reason);
        Assert.Equal(5, blowUp.Stop.Epoch);    // saturated in epoch 1 (loss 0.27 → 0.50), stuck there for 5 epochs
        Assert.Equal(6, blowUp.History.Count); // nothing after the verdict
        Assert.Equal("diverged", blowUp.Status);
        Assert.Contains(
            "training diverged at epoch 5: the loss has stayed far above its best 0.2749 (epoch 0) since epoch 1",
            blowUp.Stop.Message!.ToString());
        // advice as data
        Assert.Contains(nameof(TrainingConfig.LearningRate), blowUp.Stop.Message.Settings.Select(s => s.Field));

        // Clipping bounds a step by lr·c: with c = 1e-3 no step moves the weights by more than 1.
        var clipped = Train(new TrainingConfig { Hidden = 50, LearningRate = 1000, ClipNorm = 1e-3 });
        Assert.Equal(StopReason.Completed, clipped.Stop.Reason);
        Assert.True(clipped.Final.TrainAccuracy > 0.9, $"accuracy {clipped.Final.TrainAccuracy}");
    }

    [Fact]
    public void ExplodingReluCrossEntropy_StopsInTheEpochItExplodes()
    {
        var result =
            Train(new TrainingConfig
            {
                Hidden = 50,
                Activation = ActivationKind.Relu,
                Loss = LossKind.CrossEntropy,
                LearningRate = 1000
            });
        Assert.Equal(1, result.Stop.Epoch);
        Assert.Equal("W1", result.Stop.Parameter);
        Assert.Contains("the loss exploded", result.Stop.Message!.ToString());
    }

    [Fact]
    public void NoDivergenceCheck_TrainsThroughTheBlowUp()
    {
        var result =
            Train(new TrainingConfig { Hidden = 50, LearningRate = 1000, Epochs = 5, StopOnDivergence = false });
        Assert.Equal(6, result.History.Count);
        Assert.Equal("ok", result.Status);
    }

    [Fact]
    public void EarlyStop_KeepsTheBestWeights()
    {
        var config = new TrainingConfig { Hidden = 3, EarlyStop = 3 };
        var result = Train(config);
        Assert.Equal(StopReason.EarlyStopped, result.Stop.Reason);
        Assert.True(result.History.Count < 101);
        double best = result.History.Min(m => m.Loss);
        Assert.Equal(best, result.Final.Loss);
        Assert.Equal(result.Stop.Epoch - 3, result.Final.Epoch);

        var data = Dataset.GaussianXor(config.Samples, config.Seed); // the returned network really is the best one
        var ws = result.Network.CreateWorkspace(data.Count);
        data.X.CopyTo(ws.X);
        data.OneHot().CopyTo(ws.Y);
        result.Network.Forward(ws);
        Assert.Equal(best, result.Network.Loss(ws, config.Regularization).Total);
    }

    [Fact]
    public void History_RecordsEachEpochsLearningRate_AndGradientNorms()
    {
        var result =
            Train(new TrainingConfig { Epochs = 6, LrSchedule = ScheduleKind.Step, LrStepSize = 2, LrGamma = 0.5 });
        Assert.Equal([1, 1, 0.5, 0.5, 0.25, 0.25], result.History.Diagnostics.Skip(1).Select(d => d.LearningRate));
        Assert.All(result.History.Diagnostics.Skip(1),
            d => Assert.All(d.MeanGradNorm!, n => Assert.True(n > 0 && n <= 1)));
        using var doc = JsonDocument.Parse(MetricsJson.Serialize(result));
        var history = doc.RootElement.GetProperty("history");
        Assert.Equal(JsonValueKind.Null, history[0].GetProperty("lr").ValueKind);
        Assert.Equal(0.5, history[3].GetProperty("lr").GetDouble());
        Assert.Equal(result.History.DiagnosticsAt(3)!.MeanGradNorm![2],
            history[3].GetProperty("grad_norm").GetProperty("W2").GetDouble());
        var config = doc.RootElement.GetProperty("config");
        Assert.Equal("step", config.GetProperty("lr_schedule").GetString());
        Assert.Equal(2, config.GetProperty("lr_step_size").GetInt32());
        Assert.Equal(JsonValueKind.Null, config.GetProperty("lr_decay").ValueKind);
    }

    [Theory]
    [InlineData(ActivationKind.Tanh, LossKind.Mse, OptimizerKind.Sgd, 1.0)]
    [InlineData(ActivationKind.Relu, LossKind.CrossEntropy, OptimizerKind.Sgd, 0.3)]
    [InlineData(ActivationKind.Sigmoid, LossKind.Mse, OptimizerKind.Adam, 0.01)]
    [InlineData(ActivationKind.Sigmoid, LossKind.Mse, OptimizerKind.Momentum, 0.1)]
    public void EachLever_LearnsXorWithFiftyNeurons(ActivationKind activation, LossKind loss, OptimizerKind optimizer,
        double lr)
    {
        var result =
            Train(new TrainingConfig
            {
                Hidden = 50,
                Activation = activation,
                Loss = loss,
                Optimizer = optimizer,
                LearningRate = lr
            });
        Assert.Equal(StopReason.Completed, result.Stop.Reason);
        Assert.True(result.Final.TrainAccuracy >= 0.95, $"accuracy {result.Final.TrainAccuracy}");
    }

    [Fact]
    public void L1_PushesWeightsTowardZeroMoreThanNoPenalty()
    {
        double Sum(TrainingResult r) => XorNet.Tensors.Ops.AbsSum(r.Network.P.W(1))
            + XorNet.Tensors.Ops.AbsSum(r.Network.P.W(2));
        var plain = Train(new TrainingConfig { Hidden = 20, L2 = 0, Epochs = 30 });
        var l1 = Train(new TrainingConfig { Hidden = 20, L2 = 0, L1 = 0.05, Epochs = 30 });
        Assert.True(Sum(l1) < 0.8 * Sum(plain), $"Σ|W| {Sum(l1)} vs {Sum(plain)}");
    }
}
