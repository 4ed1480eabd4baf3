using System.CommandLine;
using System.Runtime.InteropServices;

namespace XorNet.Cli;

public static class Program
{
    public static int Main(string[] args)
    {
        using var interrupt = new CancellationTokenSource();
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => StopGracefully(c, interrupt));
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => StopGracefully(c, interrupt));
        return Run(args, Console.Out, Console.Error, interrupt.Token);
    }

    /// <summary>The first Ctrl-C / SIGTERM asks the run to stop after the current epoch; a second one kills it.</summary>
    private static void StopGracefully(PosixSignalContext context, CancellationTokenSource interrupt)
    {
        if (interrupt.IsCancellationRequested) return; // default action: terminate now
        context.Cancel = true;
        interrupt.Cancel();
    }

    /// <summary>Parses and runs a command line; every failure becomes one line on stderr and a documented exit code.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancel = default)
    {
        var verbose = new Option<bool>("--verbose") { Description = "Print details (a stack trace) for internal errors", Recursive = true };
        RootCommand root = CreateRoot(stdout, stderr, cancel);
        root.Options.Add(verbose);
        // No @response-files: a token such as "@/dev/zero" must be a value, not a file to read without bounds.
        ParseResult parsed = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if ((parsed.Errors.Count > 0 ? ParseErrors.Describe(parsed) : ParseErrors.CommaInANumber(parsed)) is { } parseError)
        {
            string command = parsed.CommandResult.Command is RootCommand ? "" : " " + parsed.CommandResult.Command.Name;
            stderr.WriteLine($"xornet: error: {parseError} (see xornet{command} --help)");
            return ExitCodes.BadInput;
        }
        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (UsageException e)
        {
            stderr.WriteLine($"xornet: error: {e.Message.ReplaceLineEndings(" ")}");
            return ExitCodes.BadInput;
        }
        catch (Exception e)
        {
            stderr.WriteLine($"xornet: internal error: {e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")}");
            if (parsed.GetValue(verbose)) stderr.WriteLine(e);
            return ExitCodes.Internal;
        }
    }

    /// <summary>Every command, as `xornet --help` lists them (tests walk this tree to check every option).</summary>
    public static RootCommand CreateRoot(TextWriter stdout, TextWriter stderr, CancellationToken cancel = default)
    {
        var root = new RootCommand("xornet: train a small neural network from scratch and watch it learn XOR.\n" + ExitCodes.Help);
        root.Subcommands.Add(TrainCommand.Create(stdout, stderr, cancel));
        root.Subcommands.Add(CompareCommand.Create(stdout, stderr, cancel));
        root.Subcommands.Add(PredictCommand.Create(stdout, stderr));
        root.Subcommands.Add(DataCommand.Create(stdout));
        root.Subcommands.Add(GradCheckCommand.Create(stdout));
        root.Subcommands.Add(ExplainCommand.Create(stdout));
        root.Subcommands.Add(BenchCommand.Create(stdout, stderr));
        root.Subcommands.Add(ReproduceCommand.Create(stdout, cancel));
        return root;
    }
}
