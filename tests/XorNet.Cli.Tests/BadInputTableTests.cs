using System.Text.RegularExpressions;

namespace XorNet.Cli.Tests;

/// <summary>Every row of the "Bad input and what XorNet does" table in docs/pipelines.md names at least one test,
/// and each named test exists.</summary>
public sealed partial class BadInputTableTests
{
    private const string Heading = "## Bad input and what XorNet does";

    private static List<string> Rows(string page)
    {
        string[] lines = page.Split('\n');
        int start = Array.FindIndex(lines, l => l.StartsWith(Heading, StringComparison.Ordinal));
        Assert.True(start >= 0, $"docs/pipelines.md has no '{Heading}' section");
        return [.. lines.Skip(start + 1).TakeWhile(l => !l.StartsWith('#')).Where(l => l.StartsWith('|')).Skip(2)];
    }

    [Fact]
    public void EveryBadInputRow_NamesTestsThatExist()
    {
        string root = RepoFiles.Root();
        var sources = Directory.GetFiles(Path.Combine(root, "tests"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .ToDictionary(f => Path.GetFileNameWithoutExtension(f), File.ReadAllText);
        var rows = Rows(File.ReadAllText(Path.Combine(root, "docs", "pipelines.md")));
        Assert.True(rows.Count >= 20, $"only {rows.Count} rows");
        foreach (string row in rows)
        {
            string testColumn = row.TrimEnd().TrimEnd('|').Split('|')[^1];
            var names = TestName().Matches(testColumn)
                .Select(m => (Class: m.Groups[1].Value, Method: m.Groups[2].Value)).ToList();
            Assert.True(names.Count > 0, $"row without a test: {row}");
            foreach (var (cls, method) in names)
            {
                Assert.True(sources.TryGetValue(cls, out string? source), $"no test class {cls} (row: {row})");
                Assert.Matches($@"\b(void|Task|Property)\s+{method}\s*\(", source);
            }
        }
    }

    [GeneratedRegex(@"`(\w+)\.(\w+)`")]
    private static partial Regex TestName();
}
