namespace XorNet.Tests;

/// <summary>
/// Advice that works: each run below diverged on main (issue 12, item 14), and the settings its divergence message
/// names must each, applied alone to the same run, train it. "Train" means completing without divergence at an accuracy
/// above what chance and a stuck network give: balanced XOR is 50 % by chance, and a network thrown into saturation
/// sits at 49–51 %. The bar is 70 % at 3 neurons (whose defaults reach 75.7 %: no advice can make 3 neurons do much
/// better) and 90 % for the wide networks (which reach 96–98 % at their defaults).
/// </summary>
public class DivergenceAdviceTests
{
    public static TheoryData<string, TrainingConfig, double> Runs => new()
    {
        // Diverged at epoch 5 at 51 % before WidthScaling, and their advice "--lr 0.1" reached 50–58 %.
        { "--hidden 500", new TrainingConfig { Hidden = 500 }, 0.9 },
        { "--hidden 1000", new TrainingConfig { Hidden = 1000 }, 0.9 },
        {
            "--optimizer adam --lr 0.01 --hidden 1000",
            new TrainingConfig { Hidden = 1000, Optimizer = OptimizerKind.Adam, LearningRate = 0.01 }, 0.9
        },
        // Still diverge: their advice must train.
        { "--lr 1000", new TrainingConfig { LearningRate = 1000 }, 0.7 },
        { "--l2 1e6", new TrainingConfig { L2 = 1e6 }, 0.7 },
        { "--hidden 1000 --lr 20", new TrainingConfig { Hidden = 1000, LearningRate = 20 }, 0.9 },
    };

    private static TrainingResult Train(TrainingConfig config) =>
        new Trainer(config, Dataset.GaussianXor(config.Samples, config.Seed)).Run();

    [Theory]
    [MemberData(nameof(Runs))]
    public void EverySettingTheAdviceNames_TrainsTheRun(string run, TrainingConfig config, double bar)
    {
        TrainingResult first = Train(config);
        if (first.Stop.Reason != StopReason.Diverged)
        {
            Assert.True(first.Final.TrainAccuracy >= bar, $"{run} learns only to {first.Final.TrainAccuracy:P1}");
            return;
        }
        IReadOnlyList<Setting> advice = first.Stop.Message!.Settings;
        Assert.NotEmpty(advice);
        foreach (Setting setting in advice)
        {
            TrainingResult followed = Train(Apply(config, setting));
            string what = $"{run} with {setting.Field} {setting.Value} (advised: {first.Stop.Message})";
            Assert.True(followed.Stop.Reason == StopReason.Completed, $"{what} stops: {followed.Stop.Message}");
            double accuracy = followed.Final.TrainAccuracy;
            Assert.True(accuracy >= bar, $"{what} learns only to {accuracy:P1}");
        }
    }

    [Fact]
    public void AHugeL2_IsAdvisedASmallerL2_NotALearningRateThatFreezesTheWeights()
    {
        // On main the advice was "--lr 5E-06": the penalty then shrinks the weights to 0 and accuracy stays at 50 %.
        TrainingResult result = Train(new TrainingConfig { L2 = 1e6 });
        Assert.Equal(StopReason.Diverged, result.Stop.Reason);
        Setting advised = Assert.Single(result.Stop.Message!.Settings);
        Assert.Equal(nameof(TrainingConfig.L2), advised.Field);
        Assert.Equal(0.01, (double)advised.Value!, 1e-15); // lr·λ2/batch ≤ 1e-3 at lr 1, batch 10
        Assert.Contains("overshoots zero (lr·λ2/batch = 1E+05)", result.Stop.Message.ToString());
    }

    [Fact]
    public void AHugeLearningRate_WithTheDefaultL2_IsAdvisedALearningRate_ThoughItsL2StepOvershootsToo()
    {
        // lr·λ2/batch = 1e12·1e-4/10 = 1e7, but at the advised rate the penalty takes only 0.00003 % a step.
        TrainingResult result = Train(new TrainingConfig { LearningRate = 1e12, Epochs = 5 });
        Assert.Equal(StopReason.Diverged, result.Stop.Reason);
        Assert.Equal([nameof(TrainingConfig.LearningRate), nameof(TrainingConfig.ClipNorm)],
            result.Stop.Message!.Settings.Select(s => s.Field));
    }

    /// <summary>The config with one advised setting changed; a setting this test does not know fails it.</summary>
    private static TrainingConfig Apply(TrainingConfig c, Setting s) => s.Field switch
    {
        nameof(TrainingConfig.LearningRate) => c with { LearningRate = (double)s.Value! },
        nameof(TrainingConfig.ClipNorm) => c with { ClipNorm = (double)s.Value! },
        nameof(TrainingConfig.L2) => c with { L2 = (double)s.Value! },
        nameof(TrainingConfig.LrSchedule) =>
            c with { LrSchedule = LeverNames.Parse<ScheduleKind>((string)s.Value!)!.Value },
        _ => throw new ArgumentException($"The advice names {s.Field}, which this test cannot apply yet."),
    };
}
