using System.CommandLine;
using static XorNet.Cli.OptionTable;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.ExceptionServices;
using XorNet.Cli.Live;
using XorNet.Plotting;

namespace XorNet.Cli;

/// <summary>
/// `xornet compare --hidden 3,50 [any train option]`: every option given a comma-separated list becomes an axis of a
/// grid; each combination is parsed by `train`'s own parser and run exactly as `train` would run it, in parallel.
/// A diverged run or a failed gate does not stop the others; the exit code is the worst of the runs' (130 interrupted,
/// 3 diverged, 1 gate failed, 0).
/// </summary>
public static class CompareCommand
{
    /// <summary>A grid point, parsed and validated before anything runs.</summary>
    public sealed record PreparedRun(GridRun Grid, TrainingConfig Config, OutputSettings Output)
    {
        /// <summary>The run's --min-accuracy/--max-loss, checked as train checks them.</summary>
        public QualityGates Gates { get; init; } = new();
    }

    public static Command Create(TextWriter stdout, TextWriter stderr, CancellationToken cancel = default)
    {
        var command = new Command("compare",
            "Train several configurations and compare them. Takes every train option; a comma-separated value " +
            "makes it an axis of a grid (--hidden 3,50 --lr 0.1,1 is four runs; --features separates its lists " +
            "by '/'). " +
            "Writes one folder per run, comparison.png and compare.json. " +
            "Exit code: the worst run's (130 interrupted, 3 a run diverged, 1 a run failed a gate, else 0).")
        {
            TreatUnmatchedTokensAsErrors = false, // the unmatched tokens are train options, checked by train's parser
        };
        foreach (Option option in new Option[] { CompareOut, CompareJson, ParallelRuns })
            command.Options.Add(option);
        command.SetAction(parse => Execute(parse, stdout, stderr, cancel));
        return command;
    }

    private static int Execute(ParseResult parse, TextWriter stdout, TextWriter stderr, CancellationToken cancel)
    {
        string root = parse.GetValue(CompareOut)!, json = parse.GetValue(CompareJson) ?? "";
        int parallel = Checked(parse, ParallelRuns);
        var plan = new OutputPlan().Folder("--out", root);
        foreach (string name in OwnedNames) plan.File("--out", Path.Combine(root, name), folderMayBeCreated: true);
        if (json.Length > 0 && json != "-") plan.File("--json", json);
        var runs = Prepare(parse.UnmatchedTokens, root, plan);
        TextWriter log = json == "-" ? stderr : stdout;
        double? live = runs[0].Output.LiveSeconds is { } s && LiveOptions.CanShow(log, json, stderr) ? s : null;
        if (live is not null) parallel = runs.Count; // the live view trains every run at once, in lockstep
        if (TooBigTogether(runs, parallel) is { } tooBig) throw new UsageException(tooBig);
        bool quiet = runs[0].Output.Progress == ProgressMode.Quiet;
        using var files =
            OutputSet.Open(root,
            $"pid {Environment.ProcessId} since {DateTime.UtcNow:HH:mm:ss} UTC, xornet compare of {runs.Count} runs");
        if (!quiet) log.WriteLine(
            $"xornet compare: {runs.Count} runs, {Math.Min(parallel, runs.Count)} at a time → {root}/");

        var snapshots = new IReadOnlyList<(EpochMetrics, Parameters)>[runs.Count];
        var outcomes = live is double seconds ? LiveCompare.Run(runs, seconds, stdout, snapshots, cancel)
            : RunAll(runs, parallel, quiet ? TextWriter.Null : log, snapshots, cancel);
        string document = CompareReport.Json(outcomes);
        try
        {
            WriteOutputs(files, runs[0].Output, outcomes, snapshots, document, json);
        }
        catch (OutputFailure e)
        {
            throw files.Explain(e);
        }
        if (json == "-") stdout.Write(document); // after the files: a failing stdout never costs them
        log.Write(CompareReport.Table(outcomes));
        return ExitCode(outcomes, log, stderr);
    }

    /// <summary>The files compare writes in --out beside the runs' folders.</summary>
    private static readonly string[] OwnedNames =
        ["compare.json", "comparison.png", "comparison-curves.png", "comparison.gif"];

    /// <summary>
    /// compare.json, comparison.png (a row per run), comparison-curves.png (the curves overlaid) and, animating,
    /// comparison.gif, committed together (compare.json last), and the --json copy.
    /// </summary>
    private static void WriteOutputs(OutputSet files, OutputSettings output,
        IReadOnlyList<CompareReport.Outcome> outcomes,
                                     IReadOnlyList<(EpochMetrics, Parameters)>[] snapshots, string document,
                                         string json)
    {
        AtomicFile.WriteAllText(Path.Combine(files.Staging, "compare.json"), document);
        if (json.Length > 0 && json != "-") files.Add(json,
            stream => stream.Write(System.Text.Encoding.UTF8.GetBytes(document)));
        var started = outcomes.Select((o, i) => (o, i)).Where(p => p.o.Result is not null).Select(p =>
            new ComparedRun(p.o.Result!, p.o.Run.Grid.Label, TrainJob.Describe(p.o.Run.Config))
            {
                Gates = p.o.Run.Gates,
                Snapshots = snapshots[p.i] ?? [],
            }).ToList();
        if (output.Plots && started.Count > 0) WritePictures(files.Staging, started, output.Animate);
        files.Commit(OwnedNames, "compare.json");
    }

    /// <summary>comparison.png, comparison-curves.png and, animating, comparison.gif, drawn side by side.</summary>
    private static void WritePictures(string root, IReadOnlyList<ComparedRun> runs, bool animate)
    {
        string heading = $"xornet compare: {string.Join("  vs  ", runs.Select(r => r.Label))}";
        var pictures = new List<Action>
        {
            () => Comparison.Save(Path.Combine(root, "comparison.png"), runs, heading),
            () => ComparisonCurves.Save(Path.Combine(root, "comparison-curves.png"), runs, heading),
        };
        if (animate)
            pictures.Add(
                () => AtomicFile.WriteAllBytes(Path.Combine(root, "comparison.gif"), ComparisonAnimation.Render(runs)));
        try
        {
            System.Threading.Tasks.Parallel.Invoke([.. pictures]);
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            ExceptionDispatchInfo.Capture(e.Flatten().InnerExceptions[0]).Throw();
        }
    }

    /// <summary>The worst outcome decides, in train's order: interrupted 130, any run diverged 3, any gate failed 1,
    /// else 0.</summary>
    private static int ExitCode(IReadOnlyList<CompareReport.Outcome> outcomes, TextWriter log, TextWriter stderr)
    {
        if (outcomes.Any(o => o.Result is null || o.Result.Interrupted))
        {
            int notStarted = outcomes.Count(o => o.Result is null);
            log.WriteLine(
                "interrupted: every started run stopped after its current epoch and wrote its " +
                $"files{(notStarted > 0 ? $"; {notStarted} of {outcomes.Count} runs were not started" : "")}");
            return ExitCodes.Interrupted;
        }
        var diverged = outcomes.Where(o => o.Result!.Status == TrainingStatus.Diverged).ToList();
        foreach (var o in diverged)
            stderr.WriteLine($"xornet: run {o.Run.Grid.Label}: {Text(o.Result!.DivergenceMessage)}");
        if (diverged.Count > 0) return ExitCodes.Diverged;
        var failed =
            outcomes.SelectMany(o => o.Run.Gates.Check(o.Result!.Final).Where(g => !g.Passed).Select(g => (o, g)))
            .ToList();
        foreach (var (o, gate) in failed)
            log.WriteLine($"gate failed in run {o.Run.Grid.Label}: {Text(gate.Describe())}");
        return failed.Count > 0 ? ExitCodes.GateFailed : ExitCodes.Success;
    }

    /// <summary>Expands the grid and parses every combination with train's parser; any bad value fails before a run
    /// starts.</summary>
    public static IReadOnlyList<PreparedRun> Prepare(IReadOnlyList<string> trainArgs, string root, OutputPlan? plan =
        null)
    {
        var prepared = new List<PreparedRun>();
        foreach (GridRun grid in GridExpansion.Expand(trainArgs, OptionTable.ListValued))
            InRun(grid, () =>
            {
                var rootCommand = new RootCommand { TrainCommand.Create(TextWriter.Null, TextWriter.Null) };
                ParseResult parse =
                    rootCommand.Parse(["train", .. grid.Args, "--out", Path.Combine(root, grid.Folder)]);
                if ((parse.Errors.Count > 0 ? ParseErrors.Describe(parse)
                    : ParseErrors.CommaInANumber(parse)) is { } error) throw new UsageException(error);
                // --help or --version among the train options hides parse errors
                if (parse.Action != parse.CommandResult.Command.Action)
                    throw new UsageException(
                        "compare: " +
                        $"{string.Join(" ", grid.Args.Where(a => a is "--help" or "-h" or "-?" or "--version"))} " +
                        "cannot be one of the runs' options (see xornet compare --help)");
                prepared.Add(
                    new PreparedRun(grid, TrainCommand.ReadConfig(parse), TrainCommand.ReadOutput(parse))
                    {
                        Gates =
                    TrainCommand.ReadGates(parse)
                    });
            });
        if (prepared.Select(p => p.Grid.Folder).Distinct().Count() != prepared.Count)
            throw new UsageException("compare: two runs would share a folder (a value is listed twice)");
        var saves = prepared.Select(p => p.Output.ModelPath).OfType<string>().ToList();
        if (saves.Count > 1 && saves.Distinct().Count() != saves.Count)
            throw new UsageException(
                $"--save {saves[0]}: every run would write this one file; leave --save out (each run keeps model.npz " +
                "in its folder)");
        if (prepared.Count > 1 && prepared[0].Output.HistoryCsvPath is { } csv)
            throw new UsageException(
                $"--history-csv {csv}: every run would write this one file; it is for a single train run");
        // Every run's paths in one plan, before the first run: a bad --data, an over-long folder name or one file
        // written by two runs (in any spelling) fails now, not after the first runs have written.
        plan ??= new OutputPlan();
        foreach (var run in prepared)
            InRun(run.Grid, () =>
            {
                plan.Run = run.Grid.Label == "run" ? "" : run.Grid.Label;
                TrainJob.CheckInputs(run.Config, run.Output, plan);
            });
        return prepared;
    }

    private static void InRun(GridRun grid, Action action)
    {
        try
        {
            action();
        }
        catch (UsageException e) when (grid.Label != "run")
        {
            throw new UsageException($"{e.Message} (in the run {grid.Label})");
        }
    }

    /// <summary>The runs train `parallel` at a time, so the largest `parallel` of them must fit the memory budget
    /// together.</summary>
    private static string? TooBigTogether(IReadOnlyList<PreparedRun> runs, int parallel)
    {
        int atOnce = Math.Min(parallel, runs.Count);
        double bytes =
            runs.Select(r => (double)ResourceGuard.EstimateBytes(r.Config)).OrderDescending().Take(atOnce).Sum();
        return bytes <= ResourceGuard.BudgetBytes || atOnce == 1 ? null : string.Create(CultureInfo.InvariantCulture,
            $"--parallel {parallel}: {atOnce} runs at once need about {bytes / (1L << 30):F1} GiB together, more " +
                $"than the {ResourceGuard.BudgetBytes >> 30} GiB memory budget; lower --parallel");
    }

    /// <summary>
    /// Runs at most `parallel` trainings at once, started in grid order; each is TrainJob.Run, exactly as `train` does
    /// it, but silent. A cancellation stops the running ones after their current epoch and starts no more (Result
    /// null).
    /// </summary>
    private static IReadOnlyList<CompareReport.Outcome> RunAll(IReadOnlyList<PreparedRun> runs, int parallel,
        TextWriter log,
        IReadOnlyList<(EpochMetrics, Parameters)>[] snapshots, CancellationToken cancel)
    {
        var outcomes = runs.Select(r => new CompareReport.Outcome(r, null, TimeSpan.Zero)).ToArray();
        int next = -1, finished = 0, failed = 0;
        void Worker()
        {
            for (int i; (i = Interlocked.Increment(ref next)) < runs.Count && !cancel.IsCancellationRequested
                && Volatile.Read(ref failed) == 0;)
            {
                var clock = Stopwatch.StartNew();
                var output = runs[i].Output with { JsonPath = null, Progress = ProgressMode.Quiet };
                try
                {
                    int run = i;
                    TrainingResult result =
                        TrainJob.Run(runs[i].Config, output, TextWriter.Null, TextWriter.Null, runs[i].Gates, cancel,
                                                         onSnapshots: taken => snapshots[run] = taken);
                    outcomes[i] = new CompareReport.Outcome(runs[i], result, clock.Elapsed);
                    lock (log) log.WriteLine(
                        $"  [{++finished}/{runs.Count}] {runs[i].Grid.Label}: {Summary(result)}  " +
                        $"{clock.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture)}s");
                }
                catch
                {
                    Interlocked.Exchange(ref failed, 1); // start no more runs; the failure is reported below
                    throw;
                }
            }
        }
        try
        {
            Task.WaitAll([.. Enumerable.Range(0, Math.Min(parallel, runs.Count)).Select(_ => Task.Run(Worker))]);
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            // report the first failure as itself (usage → 2)
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
        return outcomes;
    }

    private static string Summary(TrainingResult r) => string.Create(CultureInfo.InvariantCulture,
        $"{(r.Status == TrainingStatus.Ok ? "" : $"{r.Status} at epoch {r.Final.Epoch}, ")}train accuracy " +
            $"{r.Final.TrainAccuracy:P1}  loss {TrainJob.FormatLoss(r.Final.Loss)}");
}
