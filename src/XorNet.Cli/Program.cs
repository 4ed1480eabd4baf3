using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using XorNet.Plotting;

namespace XorNet.Cli;

public static class Program
{
    public static int Main(string[] args)
    {
        UseInvariantCulture();
        // A run that will draw: the plotting stack's start-up on the other core while the options are parsed and the
        // network trains (TrainJob waits for it before drawing). Only a guess from the words; a wrong one costs CPU.
        if (args is ["train", ..] && !args.Contains("--no-plots")) WarmUp.Start();
        bool[] closed = StandardStreams.Closed();
        var stdout = new GuardedWriter(Console.Out);
        // A failing stderr is ignored (there is nowhere left to say so); a closed one may now be a runtime pipe: never
        // write it.
        var stderr = new GuardedWriter(closed[2] ? TextWriter.Null : Console.Error);
        if (closed[1])
        {
            stderr.WriteLine("xornet: error: stdout is closed; redirect it instead (e.g. >/dev/null)");
            return ExitCodes.IoError;
        }
        using var interrupt = new CancellationTokenSource();
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => StopGracefully(c, interrupt));
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => StopGracefully(c, interrupt));
        int code = Run(args, stdout, stderr, interrupt.Token);
        stdout.Flush();
        if (stdout.Failure is { } failure && code is ExitCodes.Success or ExitCodes.GateFailed or ExitCodes.Diverged)
        {
            stderr.WriteLine($"xornet: error: cannot write to stdout: {failure} (the files written are complete)");
            return ExitCodes.IoError;
        }
        return code;
    }

    /// <summary>
    /// Numbers are read and written the same under every locale (LC_ALL=de_DE would read "--lr 0.5" as 5), also when
    /// DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=0 overrides our runtimeconfig; messages stay English.
    /// </summary>
    public static void UseInvariantCulture()
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.DefaultThreadCurrentUICulture =
            CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
    }

    /// <summary>
    /// The first Ctrl-C / SIGTERM asks the run to stop after the current epoch; a second one ends the process at once
    /// with exit code 130, as the first does, once the terminal is restored (<see cref="LastWords"/>). (Dying of the
    /// signal instead would also end the shell script or `bash -c` that ran xornet, before it could print the code.)
    /// </summary>
    private static void StopGracefully(PosixSignalContext context, CancellationTokenSource interrupt)
    {
        context.Cancel = true;
        if (interrupt.IsCancellationRequested)
        {
            LastWords.Say();
            Environment.Exit(ExitCodes.Interrupted);
        }
        interrupt.Cancel();
    }

    /// <summary>Parses and runs a command line; every failure becomes one line on stderr and a documented exit
    /// code.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancel = default)
    {
        var verbose =
            new Option<bool>("--verbose")
            {
                Description = "Print details (a stack trace) for internal errors",
                Recursive = true
            };
        RootCommand root = CreateRoot(stdout, stderr, cancel);
        root.Options.Add(verbose);
        // No @response-files: a token such as "@/dev/zero" must be a value, not a file to read without bounds.
        ParseResult parsed = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if ((parsed.Errors.Count > 0 ? ParseErrors.Describe(parsed)
            : ParseErrors.CommaInANumber(parsed)) is { } parseError)
        {
            string command = parsed.CommandResult.Command is RootCommand ? "" : " " + parsed.CommandResult.Command.Name;
            stderr.WriteLine($"xornet: error: {parseError} (see xornet{command} --help)");
            return ExitCodes.BadInput;
        }
        try
        {
            return parsed.Invoke(
                new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (UsageException e)
        {
            stderr.WriteLine($"xornet: error: {e.Message.ReplaceLineEndings(" ")}");
            return ExitCodes.BadInput;
        }
        catch (OutputFailure e)
        {
            stderr.WriteLine($"xornet: error: {e.Message.ReplaceLineEndings(" ")}");
            return ExitCodes.IoError;
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
        var root = new RootCommand("xornet: train a small neural network from scratch and watch it learn XOR.\n"
            + ExitCodes.Help);
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
