namespace XorNet.Cli;

/// <summary>
/// What every option accepts, in words: the "must be …" half of a message about a bad value, also for values
/// System.CommandLine cannot even convert ("--hidden abc", "--seed 99999999999999999999"). The ranges are the ones
/// <see cref="TrainingConfig.Validate"/> and the commands enforce; a test checks every option of every command has one.
/// </summary>
public static class OptionRanges
{
    private static readonly Dictionary<string, string> Common = new()
    {
        ["--hidden"] = "widths from input to output such as 3 or 8x8x4 (each 1 to 100000, at most 16 layers), or 0 for none",
        ["--lr"] = "a finite number > 0",
        ["--epochs"] = "a whole number between 1 and 10000000",
        ["--batch-size"] = "a whole number ≥ 1",
        ["--l2"] = "a finite number ≥ 0",
        ["--l1"] = "a finite number ≥ 0",
        ["--seed"] = $"a whole number between 0 and {long.MaxValue}",
        ["--samples"] = "a whole number between 2 and 10000000",
        ["--noise"] = "a number between 0 and 10",
        ["--test-split"] = "a number ≥ 0 and < 1",
        ["--dataset"] = OneOf(DataGenerators.Names),
        ["--data"] = "a CSV file (header, then x1,x2,label rows)",
        ["--out"] = "a folder that can be created and written",
        ["--json"] = "a file path, or - for stdout",
        ["--save"] = "a file path in an existing folder",
        ["--init"] = "a model file written by xornet train",
        ["--min-accuracy"] = "a number between 0 and 1",
        ["--max-loss"] = "a finite number ≥ 0",
        ["--frames"] = "a whole number between 2 and 1000",
        ["--activation"] = OneOf(LeverNames.All<ActivationKind>()),
        ["--loss"] = OneOf(LeverNames.All<LossKind>()),
        ["--optimizer"] = OneOf(LeverNames.All<OptimizerKind>()),
        ["--momentum"] = "a number in [0, 1)",
        ["--beta1"] = "a number in [0, 1)",
        ["--beta2"] = "a number in [0, 1)",
        ["--eps"] = "a finite number > 0",
        ["--lr-schedule"] = OneOf(LeverNames.All<ScheduleKind>()),
        ["--lr-step-size"] = "a whole number ≥ 1",
        ["--lr-gamma"] = "a number in (0, 1]",
        ["--lr-decay"] = "a finite number ≥ 0",
        ["--lr-final"] = "a finite number ≥ 0",
        ["--clip-norm"] = "a finite number > 0",
        ["--clip-value"] = "a finite number > 0",
        ["--early-stop"] = "a whole number ≥ 1",
        ["--parallel"] = "a whole number ≥ 1",
        ["--model"] = "a model file written by xornet train",
        ["--point"] = "one or more points x1,x2 (two finite numbers each)",
        ["--plot"] = "a PNG file path in an existing folder",
        ["--tol"] = "a number > 0",
        ["--batch"] = "a whole number between 1 and --samples",
    };

    private static readonly Dictionary<(string Command, string Option), string> PerCommand = new()
    {
        [("gradcheck", "--eps")] = "a number in (0, 1)",
        [("data", "--out")] = "a CSV file path in an existing folder",
        [("predict", "--data")] = "a CSV file (header, then x1,x2 or x1,x2,label rows)",
        [("compare", "--out")] = "a folder that can be created and written (one sub-folder per run)",
    };

    /// <summary>The accepted values of an option of a command, or null for flags (which take no value).</summary>
    public static string? For(string command, string option) =>
        PerCommand.TryGetValue((command, option), out string? range) ? range : Common.GetValueOrDefault(option);

    private static string OneOf(IEnumerable<string> names) => $"one of {string.Join("|", names)}";
}
