namespace XorNet.Cli.Tests;

/// <summary>Every line of C# under src/, tests/ and bench/ is at most 120 characters (issue 10; .editorconfig says
/// max_line_length = 120). Characters, not bytes: '→' and 'σ' count one each.</summary>
public sealed class SourceLineLengthTests : IDisposable
{
    private const int MaxLength = 120;
    private readonly string _dir = Directory.CreateTempSubdirectory("xornet-line-length-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void EveryCSharpLine_InSrcTestsAndBench_IsAtMost120Characters()
    {
        string root = RepoFiles.Root();
        var files = new[] { "src", "tests", "bench" }.SelectMany(d => SourceFiles(Path.Combine(root, d))).ToList();
        Assert.Contains(files, f => f.EndsWith(nameof(SourceLineLengthTests) + ".cs", StringComparison.Ordinal));
        var tooLong = files.SelectMany(f => TooLong(f, root)).ToList();
        Assert.True(tooLong.Count == 0, $"{tooLong.Count} lines longer than {MaxLength} characters:\n" +
            string.Join('\n', tooLong));
    }

    [Fact]
    public void ALongLine_IsReportedWithItsFileAndLine_AndWideCharactersCountOnce()
    {
        string sub = Directory.CreateDirectory(Path.Combine(_dir, "src", "bin")).FullName;
        string fits = new string('σ', MaxLength), over = new string('→', MaxLength + 1);
        File.WriteAllText(Path.Combine(_dir, "src", "A.cs"), $"{fits}\n{over}\r\nshort\n");
        File.WriteAllText(Path.Combine(sub, "Generated.cs"), over);
        var files = SourceFiles(Path.Combine(_dir, "src")).ToList();
        Assert.Single(files);
        var tooLong = files.SelectMany(f => TooLong(f, _dir)).ToList();
        Assert.Equal([$"{Path.Combine("src", "A.cs")}:2: {MaxLength + 1} characters"], tooLong);
    }

    /// <summary>The *.cs files under a folder, leaving out build output (bin/, obj/).</summary>
    private static IEnumerable<string> SourceFiles(string folder) =>
        Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
                .Where(f => !Path.GetRelativePath(folder, f).Split(Path.DirectorySeparatorChar)
                    .Any(part => part is "bin" or "obj"))
                .Order(StringComparer.Ordinal)
            : [];

    private static IEnumerable<string> TooLong(string file, string root) =>
        File.ReadAllLines(file)
            .Select((line, i) => (Line: i + 1, line.Length))
            .Where(l => l.Length > MaxLength)
            .Select(l => $"{Path.GetRelativePath(root, file)}:{l.Line}: {l.Length} characters");
}
