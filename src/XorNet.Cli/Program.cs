using System.CommandLine;

namespace XorNet.Cli;

public static class Program
{
    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    /// <summary>Parses and runs a command line; every failure becomes one line on stderr and a documented exit code.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("xornet: train a small neural network from scratch and watch it learn XOR.\n" + ExitCodes.Help);
        root.Subcommands.Add(TrainCommand.Create(stdout, stderr));
        root.Subcommands.Add(BenchCommand.Create(stdout, stderr));
        ParseResult parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            stderr.WriteLine($"xornet: error: {parsed.Errors[0].Message} (see xornet --help)");
            return ExitCodes.BadInput;
        }
        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (UsageException e)
        {
            stderr.WriteLine($"xornet: error: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (Exception e)
        {
            stderr.WriteLine($"xornet: internal error: {e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")}");
            return ExitCodes.Internal;
        }
    }
}
