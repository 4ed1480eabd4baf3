using System.Diagnostics;

namespace XorNet.Cli.Tests;

/// <summary>
/// Issue 12, items 1–3 and 5: every input and output path is resolved and checked before any work; an output never
/// overwrites an input or another output, never follows a planted link, never replaces a stream, and never lands
/// on an occupied name.
/// </summary>
public sealed class OutputPlanTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("xornet-plan-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string At(string name) => Path.Combine(_dir, name);

    private string Points()
    {
        string csv = At("pts.csv");
        Assert.Equal(0, CliRun.Run("data", "--samples", "40", "--out", csv).Code);
        return csv;
    }

    [Theory]
    [InlineData("{dir}/pts.csv")]
    [InlineData("{dir}/sub/../pts.csv")]
    [InlineData("{dir}/./pts.csv")]
    [InlineData("{dir}/link.csv")]
    public void Save_OverTheTrainingData_InAnySpelling_IsRefusedBeforeAnyWork(string spelling)
    {
        string csv = Points();
        Directory.CreateDirectory(At("sub"));
        File.CreateSymbolicLink(At("link.csv"), csv);
        byte[] before = File.ReadAllBytes(csv);
        var (code, stdout, stderr) = CliRun.Run("train", "--data", csv, "--epochs", "1", "--no-plots",
                                                "--save", spelling.Replace("{dir}", _dir), "--out", At("out"));
        Assert.Equal(2, code);
        Assert.Contains("is the input --data", stderr);
        Assert.DoesNotContain("xornet train:", stdout); // refused before training
        Assert.Equal(before, File.ReadAllBytes(csv));
        Assert.Single(stderr.TrimEnd().Split('\n'));
    }

    [Theory]
    [InlineData("--save", "summary.png")]
    [InlineData("--save", "metrics.json")]
    [InlineData("--json", "model.npz")]
    [InlineData("--json", "metrics.json")]
    [InlineData("--save", "training.png")] // not drawn by this run, but a file of ours that a rerun replaces
    public void AnOutputNamingAnotherOutput_IsRefused(string option, string name)
    {
        string outDir = At("out");
        Directory.CreateDirectory(outDir);
        var (code, _, stderr) =
            CliRun.Run("train", "--epochs", "1", option, Path.Combine(outDir, name), "--out", outDir);
        Assert.Equal(2, code);
        Assert.Contains("is also written by --out", stderr);
        Assert.Empty(Directory.GetFiles(outDir));
    }

    [Fact]
    public void Data_WithPlotEqualToOut_IsRefused()
    {
        var (code, _, stderr) = CliRun.Run("data", "--out", At("d.csv"), "--plot", Path.Combine(_dir, ".", "d.csv"));
        Assert.Equal(2, code);
        Assert.Contains("--plot", stderr);
        Assert.False(File.Exists(At("d.csv")));
    }

    [Theory]
    [InlineData("model.npz")]
    [InlineData("metrics.json")]
    [InlineData("summary.png")]
    [InlineData("neurons.png")]
    [InlineData("gradients.png")]
    public void AFolderAtAnOutputName_IsRefusedBeforeTraining(string name)
    {
        string outDir = At("out");
        Directory.CreateDirectory(Path.Combine(outDir, name));
        var (code, stdout, stderr) = CliRun.Run("train", "--epochs", "1", "--out", outDir);
        Assert.Equal(2, code);
        Assert.Contains($"{name}: is a folder", stderr);
        Assert.DoesNotContain("xornet train:", stdout);
    }

    [Fact]
    public void LinksPlantedAtTheOldPredictableTempNames_AreNeverFollowed()
    {
        // Before: the probe ".xornet-write-test-<pid>" and ".<name>.<pid>.tmp" were opened with create/truncate, so a
        // link planted there by another user made a root run truncate (or fill) the file it points to.
        string victim = At("victim.txt"), outDir = At("out");
        File.WriteAllText(victim, "precious");
        Directory.CreateDirectory(outDir);
        int pid = Environment.ProcessId;
        foreach (string name in new[] { $".xornet-write-test-{pid}", $".metrics.json.{pid}.tmp",
            $".model.npz.{pid}.tmp" })
            File.CreateSymbolicLink(Path.Combine(outDir, name), victim);
        Assert.Equal(0, CliRun.Run("train", "--epochs", "1", "--no-plots", "--out", outDir).Code);
        Assert.Equal("precious", File.ReadAllText(victim));
    }

    [Fact]
    public async Task JsonToALinkToAFifo_IsWrittenAsAStream_AndTheLinkStays()
    {
        string fifo = At("fifo"), link = At("json-link");
        Process.Start("mkfifo", fifo)!.WaitForExit();
        File.CreateSymbolicLink(link, fifo);
        var reader = Task.Run(() => File.ReadAllText(fifo)); // a FIFO opened for writing waits for its reader
        var (code, _, stderr) = CliRun.Run("train", "--epochs", "2", "--no-plots", "--json", link, "--out", At("out"));
        string written = await reader.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(code == 0, stderr);
        Assert.Contains("\"status\": \"ok\"", written);
        Assert.NotNull(new FileInfo(link).LinkTarget); // not replaced by a plain file
        Assert.Equal(PathKind.Stream, FileKind.Of(fifo));
    }

    [Fact]
    public void Compare_OneSaveInTwoSpellings_IsRefusedBeforeTheFirstRun()
    {
        string model = At("m.npz");
        var (code, _, stderr) =
            CliRun.Run("compare", "--save", $"{model},{Path.Combine(_dir, ".", "m.npz")}", "--epochs", "1",
                                           "--no-plots", "--out", At("cmp"));
        Assert.Equal(2, code);
        Assert.Contains("is also written by --save of the run", stderr);
        Assert.False(File.Exists(model));
        Assert.False(Directory.Exists(At("cmp")));
    }

    [Fact]
    public void Compare_AnOverLongFolderName_FailsBeforeTheFirstRun()
    {
        // The run's folder is named after the value: a long (valid) --data path makes a name longer than 255 bytes.
        string csv = Points(), deep = _dir;
        for (int i = 0; i < 3; i++) deep =
            Directory.CreateDirectory(Path.Combine(deep, new string((char)('a' + i), 100))).FullName;
        File.Copy(csv, Path.Combine(deep, "b.csv"));
        var (code, _, stderr) = CliRun.Run("compare", "--data", $"{csv},{Path.Combine(deep, "b.csv")}", "--epochs", "1",
                                           "--no-plots", "--out", At("cmp"));
        Assert.Equal(2, code);
        Assert.Contains("more than the 255", stderr);
        Assert.False(Directory.Exists(At("cmp"))); // run 1 was not written
    }
}
