using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.ExceptionServices;
using XorNet.Plotting;

namespace XorNet.Cli;

/// <summary>
/// `xornet compare --hidden 3,50 [any train option]`: every option given a comma-separated list becomes an axis of a
/// grid; each combination is parsed by `train`'s own parser and run exactly as `train` would run it, in parallel.
/// </summary>
public static class CompareCommand
{
    private static readonly Option<string> Out = new("--out") { Description = "Parent folder: one sub-folder per run, plus comparison.png and compare.json", DefaultValueFactory = _ => "xornet-compare" };
    private static readonly Option<string?> Json = new("--json") { Description = "Also write compare.json to FILE ('-' = stdout, all other output to stderr)" };
    private static readonly Option<int> Parallel = new("--parallel") { Description = "Runs trained at once (default: the number of cores)", DefaultValueFactory = _ => Environment.ProcessorCount };

    /// <summary>A grid point, parsed and validated before anything runs.</summary>
    public sealed record PreparedRun(GridRun Grid, TrainingConfig Config, OutputSettings Output);

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("compare",
            "Train several configurations and compare them. Takes every train option; a comma-separated value makes it an " +
            "axis of a grid (--hidden 3,50 --lr 0.1,1 is four runs). Writes one folder per run, comparison.png and compare.json.")
        {
            TreatUnmatchedTokensAsErrors = false, // the unmatched tokens are train options, checked by train's parser
        };
        foreach (Option option in new Option[] { Out, Json, Parallel })
            command.Options.Add(option);
        command.SetAction(parse => Execute(parse, stdout, stderr));
        return command;
    }

    private static int Execute(ParseResult parse, TextWriter stdout, TextWriter stderr)
    {
        string root = parse.GetValue(Out)!, json = parse.GetValue(Json) ?? "";
        int parallel = parse.GetValue(Parallel);
        if (parallel < 1) throw new UsageException($"--parallel {parallel}: must be ≥ 1");
        var runs = Prepare(parse.UnmatchedTokens, root);
        if (json.Length > 0 && json != "-") OutputFiles.Check("--json", json);
        if (TooBigTogether(runs, parallel) is { } tooBig) throw new UsageException(tooBig);
        TextWriter log = json == "-" ? stderr : stdout;
        bool quiet = runs[0].Output.Progress == ProgressMode.Quiet;
        TrainJob.PrepareOutputFolder(root);
        if (!quiet) log.WriteLine($"xornet compare: {runs.Count} runs, {Math.Min(parallel, runs.Count)} at a time → {root}/");

        var outcomes = RunAll(runs, parallel, quiet ? TextWriter.Null : log);
        string document = CompareReport.Json(outcomes);
        AtomicFile.WriteAllText(Path.Combine(root, "compare.json"), document);
        if (json == "-") stdout.Write(document);
        else if (json.Length > 0) AtomicFile.WriteAllText(json, document);
        if (runs[0].Output.Plots)
            Comparison.Save(Path.Combine(root, "comparison.png"),
                [.. outcomes.Select(o => new ComparedRun(o.Result, o.Run.Grid.Label, TrainJob.Describe(o.Run.Config)))],
                $"xornet compare: {string.Join("  vs  ", runs.Select(r => r.Grid.Label))}");
        log.Write(CompareReport.Table(outcomes));
        return ExitCodes.Success;
    }

    /// <summary>Expands the grid and parses every combination with train's parser; any bad value fails before a run starts.</summary>
    public static IReadOnlyList<PreparedRun> Prepare(IReadOnlyList<string> trainArgs, string root)
    {
        var prepared = new List<PreparedRun>();
        foreach (GridRun grid in GridExpansion.Expand(trainArgs))
        {
            var rootCommand = new RootCommand { TrainCommand.Create(TextWriter.Null, TextWriter.Null) };
            ParseResult parse = rootCommand.Parse(["train", .. grid.Args, "--out", Path.Combine(root, grid.Folder)]);
            try
            {
                if ((parse.Errors.Count > 0 ? ParseErrors.Describe(parse) : ParseErrors.CommaInANumber(parse)) is { } error) throw new UsageException(error);
                if (parse.Action != parse.CommandResult.Command.Action) // --help or --version among the train options hides parse errors
                    throw new UsageException($"compare: {string.Join(" ", grid.Args.Where(a => a is "--help" or "-h" or "-?" or "--version"))} cannot be one of the runs' options (see xornet compare --help)");
                var run = new PreparedRun(grid, TrainCommand.ReadConfig(parse), TrainCommand.ReadOutput(parse));
                TrainJob.CheckInputs(run.Config, run.Output); // a bad --data fails now, not after the first runs have written
                prepared.Add(run);
            }
            catch (UsageException e) when (grid.Label != "run")
            {
                throw new UsageException($"{e.Message} (in the run {grid.Label})");
            }
        }
        if (prepared.Select(p => p.Grid.Folder).Distinct().Count() != prepared.Count)
            throw new UsageException("compare: two runs would share a folder (a value is listed twice)");
        return prepared;
    }

    /// <summary>The runs train `parallel` at a time, so the largest `parallel` of them must fit the memory budget together.</summary>
    private static string? TooBigTogether(IReadOnlyList<PreparedRun> runs, int parallel)
    {
        int atOnce = Math.Min(parallel, runs.Count);
        double bytes = runs.Select(r => (double)ResourceGuard.EstimateBytes(r.Config)).OrderDescending().Take(atOnce).Sum();
        return bytes <= ResourceGuard.BudgetBytes || atOnce == 1 ? null : string.Create(CultureInfo.InvariantCulture,
            $"--parallel {parallel}: {atOnce} runs at once need about {bytes / (1L << 30):F1} GiB together, more than the {ResourceGuard.BudgetBytes >> 30} GiB memory budget; lower --parallel");
    }

    /// <summary>Runs at most `parallel` trainings at once; each is TrainJob.Run, exactly as `train` does it, but silent.</summary>
    private static IReadOnlyList<CompareReport.Outcome> RunAll(IReadOnlyList<PreparedRun> runs, int parallel, TextWriter log)
    {
        var outcomes = new CompareReport.Outcome[runs.Count];
        int finished = 0;
        try
        {
            System.Threading.Tasks.Parallel.For(0, runs.Count, new ParallelOptions { MaxDegreeOfParallelism = parallel }, i =>
            {
                var clock = Stopwatch.StartNew();
                var output = runs[i].Output with { JsonPath = null, Progress = ProgressMode.Quiet };
                TrainingResult result = TrainJob.Run(runs[i].Config, output, TextWriter.Null, TextWriter.Null);
                outcomes[i] = new CompareReport.Outcome(runs[i], result, clock.Elapsed);
                lock (log)
                    log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"  [{++finished}/{runs.Count}] {runs[i].Grid.Label}: train accuracy {result.Final.TrainAccuracy:P1}  loss {result.Final.Loss:F4}  {clock.Elapsed.TotalSeconds:F1}s"));
            });
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw(); // report the first failure as itself (usage → 2)
        }
        return outcomes;
    }
}
