using System.Text.Json;

namespace XorNet.Tests;

public class TrainerTests
{
    private static TrainingResult Train(TrainingConfig config) =>
        new Trainer(config, Dataset.GaussianXor(config.Samples, config.Seed)).Run();

    [Fact]
    public void SameSeed_GivesByteIdenticalMetricsJson()
    {
        var config = new TrainingConfig { Epochs = 15, Hidden = 5, Seed = 4 };
        Assert.Equal(MetricsJson.Serialize(Train(config)), MetricsJson.Serialize(Train(config)));
        Assert.NotEqual(MetricsJson.Serialize(Train(config)), MetricsJson.Serialize(Train(config with { Seed = 5 })));
    }

    [Theory]
    [InlineData(3, 10, 300)]
    [InlineData(50, 10, 300)]
    [InlineData(50, 300, 300)]
    [InlineData(8, 10, 53)] // a shorter last batch
    public void Epochs_AfterTheFirst_AllocateNothing(int hidden, int batch, int samples)
    {
        var config = new TrainingConfig { Hidden = hidden, BatchSize = batch, Samples = samples };
        var trainer = new Trainer(config, Dataset.GaussianXor(samples, config.Seed));
        trainer.TrainEpoch(); // the first epoch may size per-thread scratch buffers
        trainer.Evaluate(1);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int epoch = 2; epoch <= 6; epoch++)
        {
            trainer.TrainEpoch();
            trainer.Evaluate(epoch);
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
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
        Assert.True(result.Final.Loss < result.History[0].Loss / 3, $"loss {result.History[0].Loss} → {result.Final.Loss}");
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
    [InlineData(0, "--hidden")]
    [InlineData(-1.0, "--lr")]
    public void Validate_NamesTheBadOption(double value, string option)
    {
        var config = option == "--hidden" ? new TrainingConfig { Hidden = (int)value } : new TrainingConfig { LearningRate = value };
        Assert.StartsWith(option, config.Validate());
        Assert.Null(new TrainingConfig().Validate());
    }
}
