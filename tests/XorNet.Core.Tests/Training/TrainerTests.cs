using System.Text.Json;

namespace XorNet.Tests;

public class TrainerTests
{
    private static TrainingResult Train(TrainingConfig config) =>
        new Trainer(config, Dataset.GaussianXor(config.Samples, config.Seed)).Run();

    [Fact]
    public void LatestDiagnostics_IsTheLastEpochsRow_AsTheResultRecordsIt()
    {
        var config = new TrainingConfig { Epochs = 3, Hidden = 4, Samples = 40 };
        var trainer = new Trainer(config, Dataset.GaussianXor(40, 1));
        Assert.Null(trainer.LatestDiagnostics.MeanGradNorm); // epoch 0: nothing trained yet
        var seen = new List<EpochDiagnostics>();
        TrainingResult result = trainer.Run(_ => seen.Add(trainer.LatestDiagnostics));
        var recorded = result.History.Diagnostics.ToList();
        Assert.Equal(recorded.Select(d => d.Epoch), seen.Select(d => d.Epoch));
        Assert.Equal(recorded[^1].MeanGradNorm, seen[^1].MeanGradNorm);
    }

    [Fact]
    public void SameSeed_GivesByteIdenticalMetricsJson()
    {
        var config = new TrainingConfig { Epochs = 15, Hidden = 5, Seed = 4 };
        Assert.Equal(MetricsJson.Serialize(Train(config)), MetricsJson.Serialize(Train(config)));
        Assert.NotEqual(MetricsJson.Serialize(Train(config)), MetricsJson.Serialize(Train(config with { Seed = 5 })));
    }

    [Theory]
    [InlineData("3", 10, 300)]
    [InlineData("50", 10, 300)]
    [InlineData("50", 300, 300)]
    [InlineData("8", 10, 53)] // a shorter last batch
    [InlineData("8x8x8", 10, 300)]
    [InlineData("8x8x8", 300, 300)]
    [InlineData("64x64", 10, 53)]
    [InlineData("0", 10, 300)] // no hidden layer: the linear model
    [InlineData("4x4x4x4x4", 7, 60)]
    public void Epochs_AfterTheFirst_AllocateNothing(string hidden, int batch, int samples)
    {
        var config = new TrainingConfig { Hidden = HiddenLayers.Parse(hidden)!, BatchSize = batch, Samples = samples };
        var trainer = new Trainer(config, Dataset.GaussianXor(samples, config.Seed));
        int epoch = 1;
        long[] windows = SteadyAllocations.Windows(
            warmUp: () => Epoch(), // the first epoch may size per-thread scratch buffers
            work: () =>
            {
                for (int i = 0; i < 5; i++) Epoch();
            });
        Assert.True(windows.Min() == 0,
            $"bytes allocated by 5 epochs with their evaluations: {string.Join(", ", windows)}");

        void Epoch()
        {
            trainer.TrainEpoch();
            trainer.Evaluate(epoch++);
        }
    }

    [Fact]
    public void History_StartsAtEpochZero_AndHasOneEntryPerEpoch()
    {
        var result = Train(new TrainingConfig { Epochs = 7, Samples = 53, BatchSize = 10 }); // 53 = 5 batches of 10 + 3
        Assert.Equal(Enumerable.Range(0, 8), result.History.Select(m => m.Epoch));
        Assert.Equal(7, result.Final.Epoch);
    }

    [Fact]
    public void FiftyHiddenNeurons_LearnXor()
    {
        var result = Train(new TrainingConfig { Hidden = 50 });
        Assert.True(result.Final.TrainAccuracy >= 0.93, $"accuracy {result.Final.TrainAccuracy}");
        Assert.True(result.Final.Loss < result.History[0].Loss / 3,
            $"loss {result.History[0].Loss} → {result.Final.Loss}");
    }

    [Fact]
    public void WithoutBiases_XorIsNotLearned()
    {
        // The reference code's network: odd activations around the origin and no bias cannot fit label(x) = label(−x).
        var result = Train(new TrainingConfig { Hidden = 50, UseBias = false });
        Assert.True(result.Final.TrainAccuracy < 0.85, $"accuracy {result.Final.TrainAccuracy}");
    }

    [Fact]
    public void MetricsJson_HasTheStableFields()
    {
        var result = Train(new TrainingConfig { Epochs = 3 });
        using var doc = JsonDocument.Parse(MetricsJson.Serialize(result));
        var root = doc.RootElement;
        Assert.Equal("ok", root.GetProperty("status").GetString());
        Assert.Equal(3, root.GetProperty("config").GetProperty("hidden").GetInt32());
        Assert.Equal(3, root.GetProperty("final").GetProperty("epoch").GetInt32());
        Assert.Equal(result.Final.Loss, root.GetProperty("final").GetProperty("loss").GetDouble());
        Assert.Equal(result.Final.TrainAccuracy, root.GetProperty("final").GetProperty("train_accuracy").GetDouble());
        Assert.Equal(4, root.GetProperty("history").GetArrayLength());
    }

    [Theory]
    [InlineData(-1, nameof(TrainingConfig.Hidden),
        "Hidden -1: must be widths from input to output such as 3 or 8x8x4 (each 1 to 100000, at most 16 layers), or " +
        "0 for none")]
    [InlineData(100_001, nameof(TrainingConfig.Hidden),
        "Hidden 100001: must be widths from input to output such as 3 or 8x8x4 (each 1 to 100000, at most 16 " +
        "layers), or 0 for none")]
    [InlineData(-1.0, nameof(TrainingConfig.LearningRate), "LearningRate -1: must be a finite number > 0")]
    [InlineData(double.NaN, nameof(TrainingConfig.LearningRate), "LearningRate NaN: must be a finite number > 0")]
    public void Validate_NamesTheBadField_ItsValue_AndItsRule(double value, string field, string text)
    {
        var config =
            field == nameof(TrainingConfig.Hidden) ? new TrainingConfig { Hidden = (int)value }
            : new TrainingConfig { LearningRate = value };
        ConfigProblem problem = config.Validate()!;
        Assert.Equal(field, problem.Field);
        Assert.Equal(ConfigRules.For(field), problem.Rule);
        Assert.Equal(text, problem.ToString());
        Assert.Null(new TrainingConfig().Validate());
    }
}

public class TrainerTestSetTests
{
    [Fact]
    public void WithATestSet_EveryEpochHasTestMetrics_MeasuredOnTheTestPoints()
    {
        var (train, test) = StratifiedSplit.Split(DataGenerators.Moons(200, 0.1, 1), 0.25, 1);
        var config = new TrainingConfig { Hidden = 8, Epochs = 30 };
        var result = new Trainer(config, train, test).Run();
        Assert.All(result.History, m => Assert.NotNull(m.TestAccuracy));
        Assert.Same(test, result.Test);
        var ws = result.Network.CreateWorkspace(test.Count);
        test.X.CopyTo(ws.X);
        result.Network.Forward(ws);
        double accuracy = (double)ws.Predictions.Where((p, i) => p == test.Labels[i]).Count() / test.Count;
        Assert.Equal(accuracy, result.Final.TestAccuracy);
        Assert.True(result.Final.TestAccuracy > 0.8, $"test accuracy {result.Final.TestAccuracy}");
        // the test set never trains: the train history equals a run without it
        Assert.Equal(new Trainer(config, train).Run().History.Select(m => m.Loss), result.History.Select(m => m.Loss));
    }

    [Fact]
    public void MetricsJson_HasTestFieldsOnlyWithATestSet()
    {
        var data = DataGenerators.Moons(60, 0.1, 1);
        var config = new TrainingConfig { Epochs = 2, TestSplit = 0.25 };
        var (train, test) = StratifiedSplit.Split(data, 0.25, 1);
        using var with = JsonDocument.Parse(MetricsJson.Serialize(new Trainer(config, train, test).Run()));
        Assert.True(with.RootElement.GetProperty("final").TryGetProperty("test_accuracy", out _));
        Assert.True(with.RootElement.GetProperty("history")[0].TryGetProperty("test_loss", out _));
        Assert.Equal(0.25, with.RootElement.GetProperty("config").GetProperty("test_split").GetDouble());
        using var without =
            JsonDocument.Parse(MetricsJson.Serialize(new Trainer(new TrainingConfig { Epochs = 2 }, data).Run()));
        Assert.False(without.RootElement.GetProperty("final").TryGetProperty("test_accuracy", out _));
        var names = without.RootElement.GetProperty("config").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Empty(names.Intersect(["data", "noise", "test_split", "standardize", "init"]));
        Assert.Contains("dataset", names);
    }
}
