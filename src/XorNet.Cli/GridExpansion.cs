namespace XorNet.Cli;

/// <summary>One combination of a compare grid: its label ("hidden=50 lr=0.1") and the train arguments that make
/// it.</summary>
public sealed record GridRun(string Label, string Folder, IReadOnlyList<string> Args);

/// <summary>
/// Expands command-line arguments in which any option's value may be a comma-separated list ("--hidden 3,50") into
/// every combination (the first list varies slowest). Knows nothing about the options themselves: each combination
/// is later parsed by `train`'s own parser, so options added to `train` work here unchanged. An option whose one value
/// is itself a comma-separated list (the caller names them, e.g. --features) separates its alternatives with '/'.
/// </summary>
public static class GridExpansion
{
    /// <summary>The most runs a grid may have: a typo such as a 50-value list times another is refused, not run for
    /// days.</summary>
    public const int MaxRuns = 1000;

    public static IReadOnlyList<GridRun> Expand(IReadOnlyList<string> args,
                                                IReadOnlyCollection<string>? listValued = null)
    {
        var tokens = SplitEquals(args);
        var axes = new List<(int Index, string Option, string[] Values)>();
        for (int i = 1; i < tokens.Count; i++)
        {
            char separator = listValued?.Contains(tokens[i - 1]) == true ? '/' : ',';
            if (!IsOptionName(tokens[i - 1]) || IsOptionName(tokens[i]) || !tokens[i].Contains(separator)) continue;
            string[] values = tokens[i].Split(separator, StringSplitOptions.TrimEntries);
            if (values.Any(v => v.Length == 0))
            {
                string list = separator == ',' ? "comma" : "'/'";
                throw new UsageException($"{tokens[i - 1]} {tokens[i]}: empty value in a {list}-separated list");
            }
            axes.Add((i, tokens[i - 1], values));
        }
        long count = axes.Aggregate(1L, (n, axis) => Math.Min(n * axis.Values.Length, MaxRuns + 1L));
        if (count > MaxRuns)
            throw new UsageException(
                $"compare: the grid has more than {MaxRuns} runs " +
                $"({string.Join(" × ", axes.Select(a => $"{a.Values.Length} {a.Option}"))}); at most {MaxRuns}");
        var runs = new List<GridRun>();
        foreach (int[] choice in Combinations(axes.Select(a => a.Values.Length).ToArray()))
        {
            var runArgs = tokens.ToArray();
            for (int a = 0; a < axes.Count; a++) runArgs[axes[a].Index] = axes[a].Values[choice[a]];
            var parts =
                axes.Select((axis, a) => (Name: axis.Option.TrimStart('-'), Value: axis.Values[choice[a]])).ToList();
            string label = parts.Count == 0 ? "run" : string.Join(" ", parts.Select(p => $"{p.Name}={p.Value}"));
            string folder =
                parts.Count == 0 ? "run" : string.Join("_", parts.Select(p => $"{p.Name}-{SafeName(p.Value)}"));
            runs.Add(new GridRun(label, folder, runArgs));
        }
        return runs;
    }

    /// <summary>"--opt=value" becomes "--opt", "value" so both spellings expand the same way.</summary>
    private static List<string> SplitEquals(IReadOnlyList<string> args) =>
        [.. args.SelectMany(a => IsOptionName(a) && a.Contains('=') ? a.Split('=', 2) : [a])];

    /// <summary>"--hidden" or "-q" is a name; "-1" or "-0.5,1" is a (negative) value.</summary>
    private static bool IsOptionName(string token) =>
        token.StartsWith('-') && token.Length > 1 && !char.IsDigit(token[1]) && token[1] != '.';

    /// <summary>Every index vector of a grid with the given sizes, last axis fastest.</summary>
    private static IEnumerable<int[]> Combinations(int[] sizes)
    {
        var choice = new int[sizes.Length];
        while (true)
        {
            yield return (int[])choice.Clone();
            int a = sizes.Length - 1;
            while (a >= 0 && ++choice[a] == sizes[a]) choice[a--] = 0;
            if (a < 0) yield break;
        }
    }

    private static string SafeName(string value) =>
        new([.. value.Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '+' ? c : '_')]);
}
