namespace XorNet.Cli.Tests;

/// <summary>System.CommandLine's own errors, rewritten as one line naming the option, the value and the
/// range.</summary>
public sealed class ParseErrorsTests
{
    private static string Error(params string[] args)
    {
        var (code, stdout, stderr) = CliRun.Run(args);
        Assert.Equal(2, code);
        Assert.Empty(stdout);
        return Assert.Single(stderr.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void UnknownOption_IsNamed() =>
        Assert.Equal("xornet: error: --hiden: not an option of xornet train (see xornet train --help)",
            Error("train", "--hiden", "3"));

    [Fact]
    public void NoCommand_ListsTheCommands() =>
        Assert.Equal(
            "xornet: error: no command given; choose one of train, compare, predict, data, gradcheck, explain, " +
            "bench, reproduce (see xornet --help)", Error());

    [Fact]
    public void UnknownCommand_IsNamed() =>
        Assert.Equal(
            "xornet: error: 'trian': not a command; choose one of train, compare, predict, data, gradcheck, explain, " +
            "bench, reproduce (see xornet --help)", Error("trian"));

    [Fact]
    public void MissingValue_NamesTheOptionAndTheRange() =>
        Assert.Equal(
            "xornet: error: --hidden: missing its value; must be widths from input to output such as 3 or 8x8x4 " +
            "(each 1 to 100000, at most 16 layers), or 0 for none (see xornet train --help)",
            Error("train", "--hidden"));

    [Fact]
    public void RepeatedOption_ShowsBothValues() =>
        Assert.StartsWith("xornet: error: --lr 1 2: takes a single value (given 2); must be a finite number > 0",
            Error("train", "--lr", "1", "--lr", "2"));

    [Fact]
    public void MissingRequiredOption_IsNamed() =>
        Assert.Equal(
            "xornet: error: --model: required by xornet predict; must be a model file written by xornet train (see " +
            "xornet predict --help)", Error("predict", "--point", "1,2"));

    [Fact]
    public void ValueGivenToAFlag_IsAStrayValue() => Assert.StartsWith("xornet: error: 'maybe': unexpected value",
        Error("train", "--no-plots", "maybe"));

    [Fact]
    public void SeedBeyond64Bits_NamesTheRange() =>
        Assert.StartsWith(
            $"xornet: error: --seed 99999999999999999999: must be a whole number between 0 and {long.MaxValue}",
            Error("train", "--seed", "99999999999999999999"));

    [Fact]
    public void AtSign_IsAValue_NotAResponseFileToRead()
    {
        // With response files on, "@/dev/zero" would read forever and "@/tmp" crashed the parser with a stack trace.
        Assert.StartsWith("xornet: error: --hidden @/dev/zero: must be", Error("train", "--hidden", "@/dev/zero"));
        Assert.StartsWith("xornet: error: '@/tmp': unexpected value", Error("train", "@/tmp"));
    }

    [Fact]
    public void ControlCharactersInAValue_AreEscaped() =>
        Assert.StartsWith(@"xornet: error: --epochs 1\u000a2\u001b[2J: must be",
            Error("train", "--epochs", "1\n2\u001b[2J"));

    [Fact]
    public void DecimalComma_IsRefused_NotReadAsThousands() =>
        Assert.StartsWith("xornet: error: --lr 0,5: must be a finite number > 0 ('.' for decimals",
            Error("train", "--lr", "0,5"));
}
