using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.ExceptionServices;
using static XorNet.Cli.OptionTable;

namespace XorNet.Cli;

/// <summary>
/// `xornet reproduce`: the article's three figure runs with its reference program, then its exploding run with each
/// bug fixed alone and with all fixed; every run is `train --reference --animate` in a folder of its own, and the
/// table of what happened is printed and written as table.md and table.json.
/// </summary>
public static class ReproduceCommand
{
    public static Command Create(TextWriter stdout, CancellationToken cancel = default)
    {
        var command =
            new Command("reproduce",
            "Re-run the article's reference program for its three figures, then remove its bugs one at a time; write " +
            "pictures and a table.");
        foreach (Option option in new Option[] { ReproduceOut, Iterations, Frames, NoPlots,
            ParallelRuns }) command.Options.Add(option);
        command.SetAction(parse =>
        {
            // checked even with --no-plots
            int iterations = Checked(parse, Iterations), frames = Checked(parse, Frames);
            return Execute(parse.GetValue(ReproduceOut)!, iterations, parse.GetValue(NoPlots) ? null : frames,
                Checked(parse, ParallelRuns), stdout, cancel);
        });
        return command;
    }

    /// <summary>frames null: no pictures at all (--no-plots).</summary>
    private static int Execute(string outDir, int iterations, int? frames, int parallel, TextWriter stdout,
        CancellationToken cancel)
    {
        new OutputPlan().Folder("--out", outDir); // checked before any run
        using var files = OutputSet.Open(outDir, Invariant($"pid {Environment.ProcessId}, xornet reproduce"));
        var clock = Stopwatch.StartNew();
        var runs = ReferenceReproduction.Runs;
        stdout.WriteLine(
            Invariant($"xornet reproduce: {runs.Count} runs of the reference program, up to {iterations} iterations ") +
            Invariant($"each, {Math.Min(parallel, runs.Count)} at once → {outDir}/"));
        var results = RunAll(runs, iterations, frames, parallel, outDir, stdout, cancel);
        if (results.Any(r => r is null || r.Interrupted))
        {
            stdout.WriteLine("interrupted: the finished runs' folders are complete; no table was written");
            return ExitCodes.Interrupted;
        }
        var rows = runs.Zip(results, (run, r) => ReproductionRow.From(run, r!)).ToList();
        AtomicFile.WriteAllText(Path.Combine(files.Staging, "table.md"), ReferenceReproduction.Markdown(rows));
        AtomicFile.WriteAllText(Path.Combine(files.Staging, "table.json"), ReferenceReproduction.Json(rows));
        files.Commit(["table.md", "table.json"], "table.json"); // together, the JSON last
        stdout.WriteLine();
        stdout.Write(ReferenceReproduction.Text(rows));
        stdout.WriteLine(
            Invariant($"done in {clock.Elapsed.TotalSeconds:F1}s → {outDir}/table.md, {outDir}/table.json and one ") +
            Invariant($"folder per run (metrics.json{(frames is null ? "" : ", summary.png, training.png")})"));
        return ExitCodes.Success;
    }

    /// <summary>Each run as `train --reference --animate --quiet` would do it, the longest first, `parallel` at a
    /// time.</summary>
    private static TrainingResult?[] RunAll(IReadOnlyList<ReproductionRun> runs, int iterations, int? frames,
        int parallel, string outDir,
        TextWriter log, CancellationToken cancel)
    {
        var results = new TrainingResult?[runs.Count];
        int[] order =
            [.. Enumerable.Range(0, runs.Count).OrderByDescending(i => runs[i].Figure.Hidden * ExpectedShare(runs[i]))];
        int next = -1;
        void Worker()
        {
            for (int k; (k = Interlocked.Increment(ref next)) < order.Length && !cancel.IsCancellationRequested;)
            {
                int i = order[k];
                var clock = Stopwatch.StartNew();
                var output =
                    new OutputSettings(Path.Combine(outDir, runs[i].Name), Plots: frames is not null,
                    Animate: frames is not null,
                    Frames: frames ?? OutputSettings.DefaultFrames, Progress: ProgressMode.Quiet);
                results[i] =
                    TrainJob.Run(runs[i].Config(iterations), output, TextWriter.Null, TextWriter.Null, cancel: cancel);
                lock (log) log.WriteLine(
                    Invariant($"  {runs[i].Name}: {Summary(results[i]!)}  {clock.Elapsed.TotalSeconds:F1}s"));
            }
        }
        try
        {
            Task.WaitAll([.. Enumerable.Range(0, Math.Min(parallel, runs.Count)).Select(_ => Task.Run(Worker))]);
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
        return results;
    }

    /// <summary>Runs that blow up stop early (shared/reference-code.md); start the ones that go the distance
    /// first.</summary>
    private static double ExpectedShare(ReproductionRun run) =>
        run.Figure == ReferenceFigure.Exploding && !run.Fixes.HasFlag(ReferenceFix.L2Gradient)
            && run.Fixes != ReferenceFix.All ? 0.1 : 1;

    private static string Summary(TrainingResult r) =>
        (r.Stop.Reason == StopReason.Diverged
            ? Invariant($"blew up at iteration {r.Stop.Epoch}")
            : Invariant($"{r.Final.Epoch} iterations")) +
        Invariant($", loss {TrainJob.FormatLoss(r.Final.Loss)}, accuracy {r.Final.TrainAccuracy:F3}");

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
