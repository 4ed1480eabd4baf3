using System.Diagnostics;
using System.Runtime.ExceptionServices;

namespace XorNet.Cli.Live;

/// <summary>
/// `xornet compare --live`: every run at once, side by side, advancing together by epoch (paced by the slowest);
/// each run is TrainJob.Run, exactly as `train` runs it, but silent.
/// </summary>
public static class LiveCompare
{
    public static IReadOnlyList<CompareReport.Outcome> Run(IReadOnlyList<CompareCommand.PreparedRun> runs,
        double seconds, TextWriter stdout, IReadOnlyList<(EpochMetrics, Parameters)>[] snapshots,
        CancellationToken cancel)
    {
        var terminal = new LiveTerminal(LiveColors.Detect(Environment.GetEnvironmentVariables()), stdout);
        (string, int)[] tiles =
            [.. runs.Select(r => ($"{r.Grid.Label}  {TrainJob.Describe(r.Config)}", r.Config.Epochs))];
        using var session = new LiveSession(terminal, tiles, seconds, cancel);
        return session.Show(() =>
        {
            var outcomes = new CompareReport.Outcome[runs.Count];
            Task[] tasks = [.. runs.Select((run, i) => Task.Factory.StartNew(
                () => outcomes[i] =
                    session.Train(i, watch => Train(run, watch, taken => snapshots[i] = taken, session.Token)),
                    TaskCreationOptions.LongRunning))];
            try
            {
                Task.WaitAll(tasks);
            }
            catch (AggregateException e) when (e.InnerExceptions.Count > 0)
            {
                // report the first failure as itself (usage → 2)
                ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
            }
            return outcomes;
        });
    }

    private static CompareReport.Outcome Train(CompareCommand.PreparedRun run, IRunWatcher watch,
        Action<IReadOnlyList<(EpochMetrics, Parameters)>> onSnapshots, CancellationToken cancel)
    {
        var clock = Stopwatch.StartNew();
        var output = run.Output with { JsonPath = null, Progress = ProgressMode.Quiet };
        TrainingResult result = TrainJob.Run(run.Config, output, TextWriter.Null, TextWriter.Null, run.Gates, cancel,
            watch, onSnapshots);
        return new CompareReport.Outcome(run, result, clock.Elapsed);
    }
}
