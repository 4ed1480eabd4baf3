namespace XorNet.Cli.Tests;

/// <summary>Every relative link and image in README.md and docs/*.md resolves: the file exists, and an anchor names a
/// heading of its page.</summary>
public sealed class DocsLinkTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("xornet-docs-links-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void EveryRelativeLinkAndImage_InTheReadmeAndTheGuides_Resolves()
    {
        var pages = RepoFiles.MarkdownPages().ToList();
        Assert.Contains(pages, p => p.EndsWith(Path.Combine("docs", "README.md"), StringComparison.Ordinal));
        var broken = pages.SelectMany(MarkdownLinks.Broken).ToList();
        Assert.True(broken.Count == 0, "broken links:\n" + string.Join('\n', broken));
    }

    [Fact]
    public void AMissingFile_AMissingImage_AndAMissingAnchor_AreEachReported()
    {
        File.WriteAllText(Path.Combine(_dir, "other.md"), "# Other page\n\n## `xornet data`: a heading\n");
        File.WriteAllText(Path.Combine(_dir, "page.md"), """
            # Page

            [fine](other.md) [fine too](other.md#xornet-data-a-heading) [here](#page) [web](https://example.com/x)
            [gone](missing.md) ![gone](missing.png) [no such heading](other.md#nothing) [not here](#nowhere)

            ```
            [in a code block](ignored.md)
            ```
            `[in a code span](ignored.md)`
            """);
        var broken = MarkdownLinks.Broken(Path.Combine(_dir, "page.md"));
        Assert.Equal(4, broken.Count);
        Assert.Contains("missing.md (no file missing.md)", broken[0]);
        Assert.Contains("missing.png (no file missing.png)", broken[1]);
        Assert.Contains("other.md#nothing (no heading #nothing in other.md)", broken[2]);
        Assert.Contains("#nowhere (no heading #nowhere in page.md)", broken[3]);
        Assert.All(broken, b => Assert.StartsWith("page.md:4:", b));
    }

    [Theory]
    [InlineData("Models: `model.npz`", "models-modelnpz")]
    [InlineData("Test split, standardization", "test-split-standardization")]
    [InlineData("3 versus 50 hidden neurons", "3-versus-50-hidden-neurons")]
    [InlineData("A `xornet` command", "a-xornet-command")]
    public void Anchors_AreSpelledAsGitHubSpellsThem(string heading, string anchor) =>
        Assert.Equal(anchor, MarkdownLinks.Slug(heading));
}
