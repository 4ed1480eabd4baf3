using System.CommandLine;

namespace XorNet.Cli.Tests;

/// <summary>
/// Every option of every command, walked from the real command tree: each has a documented range, and a bad value
/// for each exits 2 with one line naming the option and the value (and nothing written).
/// </summary>
public sealed class OptionRangesTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("xornet-ranges-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>An out-of-range or otherwise wrong value for each option; {dir}, {file} and {binary} are made by the
    /// test.</summary>
    public static readonly Dictionary<(string Command, string Option), string> BadValues = new()
    {
        [("train", "--hidden")] = "8xx8",
        [("train", "--features")] = "x1,x3",
        [("train", "--lr")] = "0",
        [("train", "--epochs")] = "10000001",
        [("train", "--batch-size")] = "0",
        [("train", "--l2")] = "-1",
        [("train", "--seed")] = "-1",
        [("train", "--samples")] = "1",
        [("train", "--out")] = "{file}",
        [("train", "--json")] = "{dir}",
        [("train", "--dataset")] = "swiss",
        [("train", "--noise")] = "11",
        [("train", "--data")] = "{binary}",
        [("train", "--test-split")] = "1",
        [("train", "--save")] = "{dir}",
        [("train", "--history-csv")] = "{dir}",
        [("train", "--init")] = "{file}",
        [("train", "--min-accuracy")] = "1.5",
        [("train", "--max-loss")] = "-1",
        [("train", "--frames")] = "1",
        [("train", "--live-seconds")] = "-1",
        [("train", "--activation")] = "swish",
        [("train", "--loss")] = "hinge",
        [("train", "--l1")] = "-1",
        [("train", "--optimizer")] = "rmsprop",
        [("train", "--momentum")] = "1",
        [("train", "--beta1")] = "1",
        [("train", "--beta2")] = "-0.5",
        [("train", "--eps")] = "0",
        [("train", "--lr-schedule")] = "cosine",
        [("train", "--lr-step-size")] = "0",
        [("train", "--lr-gamma")] = "2",
        [("train", "--lr-decay")] = "-1",
        [("train", "--lr-final")] = "-1",
        [("train", "--clip-norm")] = "0",
        [("train", "--clip-value")] = "-1",
        [("train", "--early-stop")] = "0",
        [("compare", "--out")] = "{file}",
        [("compare", "--json")] = "{dir}",
        [("compare", "--parallel")] = "0",
        [("predict", "--model")] = "{dir}",
        [("predict", "--data")] = "{binary}",
        [("predict", "--point")] = "1",
        [("data", "--dataset")] = "swiss",
        [("data", "--samples")] = "10000001",
        [("data", "--noise")] = "-1",
        [("data", "--seed")] = "-1",
        [("data", "--out")] = "{dir}",
        [("data", "--plot")] = "{dir}",
        [("gradcheck", "--hidden")] = "100001",
        [("gradcheck", "--features")] = "x1,x1",
        [("gradcheck", "--activation")] = "swish",
        [("gradcheck", "--loss")] = "hinge",
        [("gradcheck", "--l2")] = "NaN",
        [("gradcheck", "--l1")] = "-1",
        [("gradcheck", "--seed")] = "-1",
        [("gradcheck", "--samples")] = "1",
        [("gradcheck", "--eps")] = "1",
        [("gradcheck", "--tol")] = "0",
        [("gradcheck", "--dataset")] = "swiss",
        [("gradcheck", "--noise")] = "11",
        [("gradcheck", "--data")] = "{binary}",
        [("explain", "--dataset")] = "swiss",
        [("explain", "--noise")] = "-1",
        [("explain", "--data")] = "{binary}",
        [("explain", "--hidden")] = "100001",
        [("explain", "--features")] = "sin",
        [("explain", "--activation")] = "swish",
        [("explain", "--loss")] = "hinge",
        [("explain", "--l2")] = "-1",
        [("explain", "--l1")] = "Infinity",
        [("explain", "--seed")] = "-1",
        [("explain", "--samples")] = "1",
        [("explain", "--batch")] = "301",
        [("explain", "--lr")] = "-1",
        [("train", "--fix")] = "l2",
        [("gradcheck", "--fix")] = "bias",
        [("explain", "--fix")] = "all",
        [("reproduce", "--out")] = "{file}",
        [("reproduce", "--iterations")] = "0",
        [("reproduce", "--frames")] = "1001",
        [("reproduce", "--parallel")] = "0",
    };

    /// <summary>Every option that takes a value, per command, from the command tree `xornet` really runs.</summary>
    private static IEnumerable<(string Command, Option Option)> ValueOptions() =>
        Program.CreateRoot(TextWriter.Null, TextWriter.Null).Subcommands
            .SelectMany(
                c => c.Options.Where(o => o.ValueType != typeof(bool) && o.Name is not ("--help" or "--version"))
                .Select(o => (c.Name, o)));

    [Fact]
    public void EveryOptionThatTakesAValue_HasARange_AndABadValueTested()
    {
        var options = ValueOptions().Select(x => (x.Command, x.Option.Name)).ToHashSet();
        Assert.All(options, o => Assert.NotNull(OptionRanges.For(o.Command, o.Name)));
        Assert.Empty(options.Except(BadValues.Keys)); // an option added without a bad-value case fails here
        Assert.Empty(BadValues.Keys.Except(options));
    }

    public static IEnumerable<object[]> Cases() => BadValues.Select(
        kv => new object[] { kv.Key.Command, kv.Key.Option, kv.Value });

    [Theory]
    [MemberData(nameof(Cases))]
    public void BadValue_ExitsTwo_OneLineNamingOptionAndValue_WritesNothing(string command, string option, string value)
    {
        string outDir = Path.Combine(_dir, "out"), file = Path.Combine(_dir, "file.txt"), binary =
            Path.Combine(_dir, "binary.csv");
        File.WriteAllText(file, "x1,x2,label\n1,2,0\n3,4,1\n");
        File.WriteAllBytes(binary, [0x7f, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, 0, 0, 0]);
        value = value.Replace("{dir}", _dir).Replace("{file}", file).Replace("{binary}", binary);
        var (code, stdout, stderr) = CliRun.Run([command, option, value, .. Required(command, option, outDir)]);
        Assert.Equal(2, code);
        Assert.Empty(stdout);
        string line = Assert.Single(stderr.TrimEnd('\n').Split('\n'));
        Assert.StartsWith($"xornet: error: {option} {value}", line);
        Assert.False(Directory.Exists(outDir));
        Assert.False(File.Exists(outDir + ".csv"));
    }

    public static IEnumerable<object[]> NumericOptions() =>
        from x in ValueOptions()
        let type = Nullable.GetUnderlyingType(x.Option.ValueType) ?? x.Option.ValueType
        where type == typeof(int) || type == typeof(long) || type == typeof(double)
        select new object[] { x.Command, x.Option.Name, type != typeof(double) };

    [Theory]
    [MemberData(nameof(NumericOptions))]
    public void NotANumber_NamesTheOptionTheValueAndTheRange(string command, string option, bool integer)
    {
        // "1,5" is a decimal comma (or a compare list given to train): System.CommandLine alone would read 15.
        string[] values =
            integer ? ["abc", "1,5", "", "0x10", "2.5", "99999999999999999999999"]
            : ["abc", "1,5", "", "0x10", "1e5e5"];
        foreach (string value in values)
        {
            var (code, _, stderr) =
                CliRun.Run([command, option, value, .. Required(command, option, Path.Combine(_dir, "out"))]);
            Assert.Equal(2, code);
            string shown = value.Length == 0 ? "''" : value;
            Assert.StartsWith($"xornet: error: {option} {shown}: must be {OptionRanges.For(command, option)}", stderr);
            Assert.EndsWith($"(see xornet {command} --help)\n", stderr);
        }
    }

    /// <summary>The other options a command needs to get as far as checking this one (never the option under
    /// test).</summary>
    private static string[] Required(string command, string option, string outDir) => command switch
    {
        "train" or "compare" or "reproduce" => option == "--out" ? ["--no-plots"] : ["--no-plots", "--out", outDir],
        "data" => option == "--out" ? [] : ["--out", outDir + ".csv"],
        "predict" => option switch
        {
            "--model" => ["--point", "1,2"],
            "--point" => ["--model", "m.npz"],
            _ => ["--model", "m.npz"]
        },
        _ => [],
    };
}
