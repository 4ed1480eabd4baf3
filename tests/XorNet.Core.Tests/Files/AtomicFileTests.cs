using System.Collections.Concurrent;
using System.Diagnostics;

namespace XorNet.Core.Tests.Files;

/// <summary>Issue 12, items 2 and 5: temporary files are unpredictable, exclusive and never shared; streams stay
/// streams.</summary>
public sealed class AtomicFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("xornet-atomic-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void TempNames_AreUnpredictable_AndNeverSharedBetweenThreads()
    {
        var names = new ConcurrentBag<string>();
        Parallel.For(0, 4000, _ => names.Add(AtomicFile.TempName(Path.Combine(_dir, "metrics.json"))));
        Assert.Equal(4000, names.Distinct().Count());
    }

    [Fact]
    public void RandomHex_Is24LowercaseHexDigits_NoneOfThemFixed()
    {
        string[] names = [.. Enumerable.Range(0, 2000).Select(_ => AtomicFile.RandomHex())];
        Assert.All(names, n => Assert.Matches("^[0-9a-f]{24}$", n));
        for (int i = 0; i < 24; i++) // a GUID's version or variant digit would stay (nearly) fixed in its place
            Assert.True(names.Select(n => n[i]).Distinct().Count() >= 15, $"digit {i} hardly varies");
    }

    [Fact]
    public void ParallelWritesOfOneFile_EachLeaveAWholeFile()
    {
        string path = Path.Combine(_dir, "compare.json");
        Parallel.For(0, 64, i => AtomicFile.WriteAllText(path, new string((char)('a' + i % 26), 10_000)));
        string text = File.ReadAllText(path);
        Assert.Equal(10_000, text.Length);
        Assert.All(text, c => Assert.Equal(text[0], c));
        Assert.Single(Directory.GetFiles(_dir));
    }

    [Fact]
    public async Task AFifoTarget_IsWrittenInPlace_NeverReplacedByARename()
    {
        string fifo = Path.Combine(_dir, "fifo");
        Process.Start("mkfifo", fifo)!.WaitForExit();
        var reader = Task.Run(() => File.ReadAllText(fifo));
        AtomicFile.WriteAllText(fifo, "streamed");
        Assert.Equal("streamed", await reader.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(PathKind.Stream, FileKind.Of(fifo));
    }

    [Fact]
    public void FileKind_TellsFilesFoldersAndDevicesApart()
    {
        string file = Path.Combine(_dir, "f");
        File.WriteAllText(file, "");
        File.CreateSymbolicLink(Path.Combine(_dir, "null-link"), "/dev/null");
        Assert.Equal(PathKind.File, FileKind.Of(file));
        Assert.Equal(PathKind.Folder, FileKind.Of(_dir));
        Assert.Equal(PathKind.Missing, FileKind.Of(Path.Combine(_dir, "none")));
        Assert.Equal(PathKind.Stream, FileKind.Of("/dev/null"));
        Assert.Equal(PathKind.Stream, FileKind.Of(Path.Combine(_dir, "null-link")));
    }

    [Fact]
    public void AFailedWrite_NamesTheTargetAndTheCause_AndLeavesNoTemporaryFile()
    {
        string path = Path.Combine(_dir, "model.npz");
        var e = Assert.Throws<OutputFailure>(
            () => AtomicFile.Write(path, _ => throw new IOException("No space left on device : '/x'")));
        Assert.Equal($"cannot write {path}: No space left on device", e.Message);
        Assert.Empty(Directory.GetFiles(_dir));
    }
}
