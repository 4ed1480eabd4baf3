using System.Text;
using System.Text.RegularExpressions;

namespace XorNet.Cli.Tests;

/// <summary>Finds the relative links and images of a Markdown page that do not resolve: a file that does not exist,
/// or an anchor <c>#x</c> that names no heading of its page (anchors spelled as GitHub makes them from headings).
/// </summary>
internal static partial class MarkdownLinks
{
    /// <summary>One line per broken link: "page:line: target (reason)".</summary>
    public static List<string> Broken(string pagePath)
    {
        var broken = new List<string>();
        string[] lines = File.ReadAllLines(pagePath);
        bool inFence = false;
        for (int i = 0; i < lines.Length; i++)
        {
            if (lines[i].TrimStart().StartsWith("```", StringComparison.Ordinal)) { inFence = !inFence; continue; }
            if (inFence) continue;
            string prose = CodeSpan().Replace(lines[i], "");
            foreach (Match link in Link().Matches(prose))
            {
                string? problem = Problem(pagePath, link.Groups["target"].Value);
                if (problem is not null) broken.Add($"{Path.GetFileName(pagePath)}:{i + 1}: {problem}");
            }
        }
        return broken;
    }

    private static string? Problem(string pagePath, string target)
    {
        if (SchemeOrMail().IsMatch(target)) return null;
        int hash = target.IndexOf('#');
        string file = hash < 0 ? target : target[..hash];
        string? anchor = hash < 0 ? null : target[(hash + 1)..];
        string resolved = file.Length == 0
            ? pagePath
            : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(pagePath)!, Uri.UnescapeDataString(file)));
        if (!File.Exists(resolved) && !Directory.Exists(resolved)) return $"{target} (no file {file})";
        if (anchor is null) return null;
        if (!resolved.EndsWith(".md", StringComparison.Ordinal)) return $"{target} (anchor in a non-Markdown file)";
        if (Anchors(resolved).Contains(anchor)) return null;
        return $"{target} (no heading #{anchor} in {Path.GetFileName(resolved)})";
    }

    /// <summary>The anchors GitHub gives a page's headings: lower case, punctuation dropped, spaces as '-', and a
    /// repeated heading numbered (-1, -2, …).</summary>
    public static HashSet<string> Anchors(string pagePath)
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        bool inFence = false;
        foreach (string line in File.ReadAllLines(pagePath))
        {
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal)) { inFence = !inFence; continue; }
            Match heading = Heading().Match(line);
            if (inFence || !heading.Success) continue;
            string slug = Slug(heading.Groups["text"].Value);
            string unique = slug;
            for (int n = 1; !anchors.Add(unique); n++) unique = $"{slug}-{n}";
        }
        return anchors;
    }

    public static string Slug(string heading)
    {
        var slug = new StringBuilder();
        foreach (char c in heading.Trim().ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c) || c == '-' || c == '_') slug.Append(c);
            else if (c == ' ') slug.Append('-');
        }
        return slug.ToString();
    }

    [GeneratedRegex(@"!?\[[^\]]*\]\((?<target>[^)\s]+)(\s+""[^""]*"")?\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"`[^`]*`")]
    private static partial Regex CodeSpan();

    [GeneratedRegex(@"^[a-z][a-z0-9+.-]*:", RegexOptions.IgnoreCase)]
    private static partial Regex SchemeOrMail();

    [GeneratedRegex(@"^#{1,6}\s+(?<text>.+?)\s*#*\s*$")]
    private static partial Regex Heading();
}
