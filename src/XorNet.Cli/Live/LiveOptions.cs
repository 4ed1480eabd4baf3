using System.CommandLine;
using System.Globalization;

namespace XorNet.Cli.Live;

/// <summary>`--live` and `--live-seconds`, shared by train and (through train's parser) compare.</summary>
public static class LiveOptions
{
    public const double DefaultSeconds = 8;

    public static readonly Option<bool> Live = new("--live")
    {
        Description = "Watch it learn in the terminal: the decision surface, the curves and the status, redrawn as it trains (keys: q stop, space pause)",
    };

    public static readonly Option<double> Seconds = new("--live-seconds")
    {
        Description = "With --live: play the whole training in about this many seconds (0 = as fast as it trains)",
        DefaultValueFactory = _ => DefaultSeconds,
    };

    public static IEnumerable<Option> All => [Live, Seconds];

    /// <summary>The seconds the training should play in, or null without --live.</summary>
    public static double? Read(ParseResult parse)
    {
        double seconds = parse.GetValue(Seconds);
        if (!(seconds >= 0 && seconds <= 86_400))
            throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"--live-seconds {seconds}: must be between 0 and 86400"));
        if (!parse.GetValue(Live) && parse.GetResult(Seconds) is { Implicit: false })
            throw new UsageException("--live-seconds: only with --live");
        return parse.GetValue(Live) ? seconds : null;
    }

    /// <summary>
    /// Why the live view cannot be drawn here (null when it can): it needs stdout to be the terminal, a terminal that
    /// can draw, and stdout free of the JSON document.
    /// </summary>
    public static string? Unavailable(TextWriter log, string? jsonPath)
    {
        if (jsonPath == "-") return "stdout carries the JSON document (--json -)";
        if (!ReferenceEquals(log, Console.Out) || Console.IsOutputRedirected) return "stdout is not a terminal";
        string term = Environment.GetEnvironmentVariable("TERM") ?? "";
        if (term is "" or "dumb") return $"TERM={(term == "" ? "(unset)" : term)} cannot draw it";
        return null;
    }

    /// <summary>Checks that the view can be drawn; if not, says so in one line on stderr (the run goes on with plain lines).</summary>
    public static bool CanShow(TextWriter log, string? jsonPath, TextWriter stderr)
    {
        if (Unavailable(log, jsonPath) is not { } reason) return true;
        stderr.WriteLine($"xornet: --live: {reason}; showing plain progress instead");
        return false;
    }
}
