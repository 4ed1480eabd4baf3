namespace XorNet.Cli.Live;

/// <summary>
/// `--live` and `--live-seconds` (rows of the <see cref="OptionTable"/>), and whether the view can be drawn.
/// </summary>
public static class LiveOptions
{
    /// <summary>The seconds the training should play in, or null without --live.</summary>
    public static double? Read(System.CommandLine.ParseResult parse)
    {
        double seconds = OptionTable.Checked(parse, OptionTable.LiveSeconds);
        bool live = parse.GetValue(OptionTable.Live);
        if (!live && parse.GetResult(OptionTable.LiveSeconds) is { Implicit: false })
            throw new UsageException("--live-seconds: only with --live");
        return live ? seconds : null;
    }

    /// <summary>
    /// Why the live view cannot be drawn here (null when it can): it needs stdout to be the terminal, a terminal that
    /// can draw, and stdout free of the JSON document.
    /// </summary>
    public static string? Unavailable(TextWriter log, string? jsonPath)
    {
        if (jsonPath == "-") return "stdout carries the JSON document (--json -)";
        if (!ReferenceEquals(log is GuardedWriter g ? g.Inner : log, Console.Out)
            || Console.IsOutputRedirected) return "stdout is not a terminal";
        string term = Environment.GetEnvironmentVariable("TERM") ?? "";
        if (term is "" or "dumb") return $"TERM={(term == "" ? "(unset)" : term)} cannot draw it";
        return null;
    }

    /// <summary>
    /// Checks that the view can be drawn; if not, says so in one line on stderr (the run goes on with plain
    /// lines).
    /// </summary>
    public static bool CanShow(TextWriter log, string? jsonPath, TextWriter stderr)
    {
        if (Unavailable(log, jsonPath) is not { } reason) return true;
        stderr.WriteLine($"xornet: --live: {reason}; showing plain progress instead");
        return false;
    }
}
