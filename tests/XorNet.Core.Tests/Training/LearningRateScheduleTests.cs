namespace XorNet.Tests;

public class LearningRateScheduleTests
{
    private static LearningRateSchedule Schedule(ScheduleKind kind, int epochs = 100, int? stepSize = null,
        double? gamma = null, double? decay = null, double? final = null) =>
        LearningRateSchedule.From(new TrainingConfig
        {
            LearningRate = 1.0,
            Epochs = epochs,
            LrSchedule = kind,
            LrStepSize = stepSize,
            LrGamma = gamma,
            LrDecay = decay,
            LrFinal = final,
        });

    [Theory]
    [InlineData(1, 1.0)]
    [InlineData(25, 1.0)]
    [InlineData(26, 0.5)]
    [InlineData(51, 0.25)]
    [InlineData(100, 0.125)]
    public void Step_HalvesEvery25Epochs(int epoch, double expected) =>
        Assert.Equal(expected, Schedule(ScheduleKind.Step).At(epoch));

    [Fact]
    public void Step_WithItsParameters() =>
        Assert.Equal(0.01, Schedule(ScheduleKind.Step, stepSize: 10, gamma: 0.1).At(21), 1e-15); // 0.1^⌊20/10⌋

    [Fact]
    public void Exponential_MultipliesByGammaEachEpoch()
    {
        var s = Schedule(ScheduleKind.Exponential);
        Assert.Equal(1.0, s.At(1));
        Assert.Equal(0.97 * 0.97, s.At(3), 1e-15);
        Assert.Equal(0.8 * 0.8 * 0.8, Schedule(ScheduleKind.Exponential, gamma: 0.8).At(4), 1e-15);
    }

    [Fact]
    public void Inverse_IsLrOverOnePlusKTimesEpochsDone()
    {
        Assert.Equal(0.5, Schedule(ScheduleKind.Inverse).At(11), 1e-15);               // 1/(1 + 0.1·10)
        Assert.Equal(0.25, Schedule(ScheduleKind.Inverse, decay: 1).At(4), 1e-15);    // 1/(1 + 1·3)
    }

    [Fact]
    public void Linear_GoesFromLrToFinalOverTheRun()
    {
        var s = Schedule(ScheduleKind.Linear, epochs: 10);
        Assert.Equal(1.0, s.At(1));
        Assert.Equal(0.7, s.At(4), 1e-15);  // 1 + (0.1 − 1)·3/9
        Assert.Equal(0.1, s.At(10), 1e-15); // default final = lr/10, micrograd's 1.0 → 0.1
        Assert.Equal(0.5, Schedule(ScheduleKind.Linear, epochs: 3, final: 0).At(2), 1e-15);
    }

    [Fact]
    public void Constant_IsTheLearningRate() => Assert.Equal(1.0, Schedule(ScheduleKind.Constant).At(77));

    [Fact]
    public void ParameterOfAnotherSchedule_IsRejected()
    {
        ConfigProblem gamma = new TrainingConfig { LrGamma = 0.5 }.Validate()!;
        Assert.Equal(nameof(TrainingConfig.LrGamma), gamma.Field);
        Assert.Equal("LrGamma: only LrSchedule step or exponential uses it (got constant)", gamma.ToString());
        Assert.Equal(nameof(TrainingConfig.LrStepSize),
            new TrainingConfig { LrSchedule = ScheduleKind.Exponential, LrStepSize = 3 }.Validate()?.Field);
        Assert.Null(new TrainingConfig { LrSchedule = ScheduleKind.Exponential, LrGamma = 0.9 }.Validate());
    }
}
