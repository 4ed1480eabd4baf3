using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using XorNet.Cli;

namespace XorNet.Cli.Tests;

/// <summary>Random command lines: whatever a user types, xornet answers with a documented exit code, never 70.</summary>
public sealed class CliPropertyTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("xornet-prop-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly string[] Options =
        ["--hidden", "--lr", "--epochs", "--batch-size", "--l2", "--seed", "--samples", "--no-bias", "--json",
         "--min-accuracy", "--max-loss", "--verbose", "--bogus", "-x", "train", "--"];

    private static readonly string[] Values =
        ["0", "1", "-1", "3", "10", "0.5", "1e-4", "NaN", "Infinity", "-Infinity", "abc", "", "1e309", "99999999999",
         "2147483648", "-", "/dev/null/x.json", "0x10", "1,2", " 5", "٣"];

    private static Arbitrary<string[]> CommandLines() =>
        Gen.ListOf(Gen.OneOf(Gen.Elements(Options), Gen.Elements(Values)))
           .Select(tokens => tokens.ToArray())
           .ToArbitrary();

    [Property(MaxTest = 300)]
    public Property RandomArguments_NeverEndInAnInternalError()
    {
        return Prop.ForAll(CommandLines(), tokens =>
        {
            string[] args = ["train", .. tokens, "--no-plots", "--out", Path.Combine(_dir, "out")];
            var stderr = new StringWriter();
            int code = Program.Run(args, new StringWriter(), stderr);
            bool documented = code is 0 or 1 or 2 or 3;
            bool oneLineOnError = code == 0 || stderr.ToString().Contains("gate failed") || stderr.ToString().Trim().Split('\n').Length == 1;
            return (documented && oneLineOnError).Label($"exit {code} for [{string.Join(' ', args)}]: {stderr}");
        });
    }
}
