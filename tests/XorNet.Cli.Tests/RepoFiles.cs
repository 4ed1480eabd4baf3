namespace XorNet.Cli.Tests;

/// <summary>Finds the repository's files (README, docs, test sources) from the test binaries' folder.</summary>
internal static class RepoFiles
{
    public static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "XorNet.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new DirectoryNotFoundException("XorNet.sln not found above the test binaries");
    }

    /// <summary>README.md and every page under docs/: the documentation a reader follows links through.</summary>
    public static IEnumerable<string> MarkdownPages()
    {
        string root = Root();
        yield return Path.Combine(root, "README.md");
        string docs = Path.Combine(root, "docs");
        foreach (string page in Directory.GetFiles(docs, "*.md", SearchOption.AllDirectories).Order())
            yield return page;
    }
}
