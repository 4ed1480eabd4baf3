using System.Text.Json;

namespace XorNet.Cli.Tests;

/// <summary>The one table: every rule of the core has its option, and the core's data reads as option text.</summary>
public sealed class OptionTableTests
{
    public static IEnumerable<object[]> RuledFields() => ConfigRules.Fields.Select(f => new object[] { f });

    [Theory]
    [MemberData(nameof(RuledFields))]
    public void EveryRuleOfTheCore_HasAnOption_WhoseRangeIsTheRulesWords(string field)
    {
        string option = OptionTable.NameOf(field);
        Assert.StartsWith("--", option);
        Assert.Equal(ConfigRules.For(field)!.Text, OptionRanges.For("train", option));
    }

    [Fact]
    public void AProblem_ReadsAsTheOption_TheValue_AndTheRule()
    {
        Assert.Equal(
            "--hidden 8x0: must be widths from input to output such as 3 or 8x8x4 (each 1 to 100000, at most 16 " +
            "layers), or 0 for none",
                     OptionTable.Text(new TrainingConfig { Hidden = new HiddenLayers(8, 0) }.Validate()!));
        Assert.Equal("--lr-gamma: only --lr-schedule step or exponential uses it (got constant)",
                     OptionTable.Text(new TrainingConfig { LrGamma = 0.5 }.Validate()!));
        Assert.Equal("--early-stop 0: must be a whole number ≥ 1 (epochs without improvement)",
                     OptionTable.Text(new TrainingConfig { EarlyStop = 0 }.Validate()!));
        Assert.Equal("--min-accuracy 1.5: must be a number between 0 and 1",
                     OptionTable.Text(new QualityGates(MinAccuracy: 1.5).Validate()!));
    }

    [Fact]
    public void GatesInMetricsJson_AreNamedByTheirOptions()
    {
        var config = new TrainingConfig { Epochs = 1, Samples = 20 };
        var result = new Trainer(config, DataGenerators.Generate("xor", 20, 0, 1)).Run();
        var gates = new QualityGates(MinAccuracy: 1.0, MaxLoss: 10).Check(result.Final);
        using var doc = JsonDocument.Parse(MetricsJson.Serialize(result, gates, OptionTable.NameOf));
        var names = doc.RootElement.GetProperty("gates").EnumerateArray()
            .Select(g => g.GetProperty("option").GetString());
        Assert.Equal(["--min-accuracy", "--max-loss"], names);
        Assert.Contains(" --min-accuracy 1", OptionTable.Text(gates[0].Describe()));
    }
}
