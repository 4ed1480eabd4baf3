using XorNet.Tensors;

namespace XorNet.Cli.Tests;

/// <summary>
/// Bad files, bad paths, too-large configurations and internal errors: exit 2 (or 70) with one line, nothing written.
/// The "Bad input and what XorNet does" table in docs/pipelines.md names these tests and the others that cover its
/// rows.
/// </summary>
public sealed class BadInputTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("xornet-bad-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string OutDir => Path.Combine(_dir, "out");

    /// <summary>Runs and checks the bad-input contract: exit 2, nothing on stdout, one line on stderr, no --out
    /// folder.</summary>
    private string BadInput(params string[] args)
    {
        var (code, stdout, stderr) = CliRun.Run(args);
        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.False(Directory.Exists(OutDir));
        string line = Assert.Single(stderr.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("xornet: error: ", line);
        return line;
    }

    [Fact]
    public void BinaryCsv_IsNotText()
    {
        string binary = Path.Combine(_dir, "ls");
        File.WriteAllBytes(binary, [0x7f, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, 0, 0]);
        Assert.Equal(
            $"xornet: error: --data {binary}: not a text file (a zero byte at offset 7); expected a CSV with a " +
            "header line and x1,x2,label rows",
                     BadInput("train", "--data", binary, "--out", OutDir));
    }

    [Theory]
    [InlineData("train", "--data")]
    [InlineData("train", "--init")]
    [InlineData("predict", "--model")]
    public void FolderGivenAsAnInputFile_IsNamed(string command, string option)
    {
        string[] rest = command == "predict" ? ["--point", "1,2"] : ["--out", OutDir];
        Assert.Equal($"xornet: error: {option} {_dir}: is a folder; must be a file",
            BadInput([command, option, _dir, .. rest]));
    }

    [Theory]
    [InlineData("train", "--json")]
    [InlineData("train", "--save")]
    [InlineData("data", "--out")]
    [InlineData("data", "--plot")]
    [InlineData("compare", "--json")]
    public void FolderGivenAsAnOutputFile_IsRefusedBeforeAnyWork(string command, string option)
    {
        string[] rest = command == "data"
            ? option == "--out" ? [] : ["--out", Path.Combine(_dir, "x.csv")]
            : ["--epochs", "1", "--no-plots", "--out", OutDir];
        Assert.StartsWith($"xornet: error: {option} {_dir}: is a folder; must be a file path",
            BadInput([command, option, _dir, .. rest]));
        Assert.False(File.Exists(Path.Combine(_dir, "x.csv")));
    }

    [Theory]
    [InlineData("--out")]
    [InlineData("--json")]
    [InlineData("--save")]
    [InlineData("--data")]
    [InlineData("--init")]
    public void EmptyPath_IsRefused(string option) =>
        Assert.StartsWith($"xornet: error: {option} '': an empty path",
            BadInput(["train", option, "", "--epochs", "1", "--no-plots",
            .. option == "--out" ? [] : new[] { "--out", OutDir }]));

    [Fact]
    public void WrongDtypeInAModel_NamesTheArray()
    {
        string model = Path.Combine(_dir, "m.npz");
        Assert.Equal(0,
            CliRun.Run("train", "--epochs", "1", "--no-plots", "--save", model, "--out", Path.Combine(_dir, "first"))
            .Code);
        var arrays = Npz.ReadFile(model).ToDictionary();
        arrays["W1"] = new NpyArray(arrays["W1"].Shape, new long[arrays["W1"].Values.Length]);
        Npz.WriteFile(model, arrays);
        Assert.Equal($"xornet: error: --model {model}: array 'W1' has dtype <i8; expected float64",
            BadInput("predict", "--model", model, "--point", "1,2"));
    }

    [Fact]
    public void TooLargeConfiguration_IsRefusedWithTheEstimate() =>
        Assert.Equal(
            "xornet: error: --hidden 100000 with --samples 10000000 needs about 37257.5 GiB, more than the 4 GiB " +
            "memory budget; lower --hidden or --samples",
                     BadInput("train", "--hidden", "100000", "--samples", "10000000", "--out", OutDir));

    [Theory]
    [InlineData("gradcheck")]
    [InlineData("explain")]
    public void TooLargeModel_IsRefusedByGradcheckAndExplainToo(string command) =>
        Assert.Contains("more than the 4 GiB memory budget",
            BadInput(command, "--hidden", "100000", "--samples", "10000000"));

    [Fact]
    public void GradcheckThatWouldRunForHours_IsRefused() =>
        Assert.Contains("gradcheck would need about 2.4e10 multiply-adds, more than its limit of 1e10",
            BadInput("gradcheck", "--hidden", "1000"));

    [Fact]
    public void CompareGridOverAThousandRuns_IsRefused() =>
        Assert.Equal(
            "xornet: error: compare: the grid has more than 1000 runs (11 --hidden × 10 --lr × 10 --epochs); at most " +
            "1000",
                     BadInput("compare", "--hidden", "1,2,3,4,5,6,7,8,9,10,11", "--lr", "1,2,3,4,5,6,7,8,9,10",
                         "--epochs", "1,2,3,4,5,6,7,8,9,10", "--out", OutDir));

    [Fact]
    public void CompareRunsThatFitAloneButNotTogether_AskForLessParallelism() =>
        Assert.Equal(
            "xornet: error: --parallel 2: 2 runs at once need about 4.6 GiB together, more than the 4 GiB memory " +
            "budget; lower --parallel",
                     BadInput("compare", "--hidden", "300,301", "--samples", "200000", "--parallel", "2", "--out",
                         OutDir));

    [Fact]
    public void CompareListSyntaxError_IsNamed() =>
        Assert.Equal("xornet: error: --hidden 3,,5: empty value in a comma-separated list",
            BadInput("compare", "--hidden", "3,,5", "--out", OutDir));

    [Fact]
    public void CompareListWithABadValue_NamesTheValueAndTheRun() =>
        Assert.Equal(
            "xornet: error: --hidden abc: must be widths from input to output such as 3 or 8x8x4 (each 1 to 100000, " +
            "at most 16 layers), or 0 for none (in the run hidden=abc)",
                     BadInput("compare", "--hidden", "3,abc", "--out", OutDir));

    [Fact]
    public void UnexpectedFailure_IsExit70_OneLine_AndTheStackTraceOnlyWithVerbose()
    {
        // A stdout that fails (a closed pipe, a full disk) is not bad input: it is the one thing left to report as
        // internal.
        string[] args = ["data", "--samples", "10", "--out", Path.Combine(_dir, "d.csv")];
        var stderr = new StringWriter();
        Assert.Equal(70, Program.Run(args, new FailingWriter(), stderr));
        Assert.Equal("xornet: internal error: IOException: the pipe is closed\n", stderr.ToString());

        var verbose = new StringWriter();
        Assert.Equal(70, Program.Run([.. args, "--verbose"], new FailingWriter(), verbose));
        Assert.Contains("at XorNet.Cli.DataCommand", verbose.ToString());
    }

    private sealed class FailingWriter : StringWriter
    {
        public override void WriteLine(string? value) => throw new IOException("the pipe is closed");
    }
}
