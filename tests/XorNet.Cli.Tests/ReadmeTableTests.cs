using System.Text.RegularExpressions;

namespace XorNet.Cli.Tests;

/// <summary>Every row of README's "Bad input and what XorNet does" table names at least one test, and each named test exists.</summary>
public sealed partial class ReadmeTableTests
{
    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "XorNet.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new DirectoryNotFoundException("XorNet.sln not found above the test binaries");
    }

    private static List<string> Rows(string readme)
    {
        string[] lines = readme.Split('\n');
        int start = Array.FindIndex(lines, l => l.StartsWith("### Bad input and what XorNet does", StringComparison.Ordinal));
        Assert.True(start >= 0, "README has no 'Bad input and what XorNet does' section");
        return [.. lines.Skip(start + 1).TakeWhile(l => !l.StartsWith('#')).Where(l => l.StartsWith('|')).Skip(2)];
    }

    [Fact]
    public void EveryBadInputRow_NamesTestsThatExist()
    {
        string root = RepoRoot();
        var sources = Directory.GetFiles(Path.Combine(root, "tests"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .ToDictionary(f => Path.GetFileNameWithoutExtension(f), File.ReadAllText);
        var rows = Rows(File.ReadAllText(Path.Combine(root, "README.md")));
        Assert.True(rows.Count >= 20, $"only {rows.Count} rows");
        foreach (string row in rows)
        {
            string testColumn = row.TrimEnd().TrimEnd('|').Split('|')[^1];
            var names = TestName().Matches(testColumn).Select(m => (Class: m.Groups[1].Value, Method: m.Groups[2].Value)).ToList();
            Assert.True(names.Count > 0, $"row without a test: {row}");
            foreach (var (cls, method) in names)
            {
                Assert.True(sources.TryGetValue(cls, out string? source), $"no test class {cls} (row: {row})");
                Assert.Matches($@"\b(void|Property)\s+{method}\s*\(", source);
            }
        }
    }

    [GeneratedRegex(@"`(\w+)\.(\w+)`")]
    private static partial Regex TestName();
}
