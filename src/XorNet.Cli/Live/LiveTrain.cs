namespace XorNet.Cli.Live;

/// <summary>
/// `xornet train --live`: one run in the live view; the summary and the exit code as train gives them.
/// </summary>
public static class LiveTrain
{
    public static int Run(TrainingConfig config, OutputSettings output, QualityGates gates, double seconds,
                          TextWriter stdout, TextWriter stderr, CancellationToken cancel)
    {
        TrainJob.CheckInputs(config, output); // bad input is reported on the normal screen, before the view opens
        var terminal = new LiveTerminal(LiveColors.Detect(Environment.GetEnvironmentVariables()), stdout);
        var log = new StringWriter(); // what train prints waits for the normal screen, below the last frame
        using var session = new LiveSession(terminal, [($"xornet train  {TrainJob.Describe(config)}", config.Epochs)],
            seconds, cancel);
        TrainingResult result = session.Show(() => session.Train(0, watch =>
            TrainJob.Run(config, output with { Progress = ProgressMode.Quiet }, log, stdout, gates, session.Token,
                watch)));
        stdout.Write(log.ToString());
        return TrainJob.ExitCode(result, gates, stdout, stderr);
    }
}
