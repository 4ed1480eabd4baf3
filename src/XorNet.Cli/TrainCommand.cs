using System.CommandLine;
using XorNet.Cli.Live;
using static XorNet.Cli.OptionTable;

namespace XorNet.Cli;

/// <summary>`xornet train`: parses options into a <see cref="TrainingConfig"/>, trains, writes metrics and
/// plots.</summary>
public static partial class TrainCommand
{
    /// <summary>Train's options, from the one <see cref="OptionTable"/>, in the order --help lists them.</summary>
    private static Option[] Options =>
    [
        Hidden, LearningRate, Epochs, BatchSize, L2, Seed, Samples, NoBias, Out, Json, NoPlots,
        DatasetName, Noise, Data, Features, TestSplit, Standardize, Save,
        Init, MinAccuracy, MaxLoss, Animate, Frames, HistoryCsv, Quiet,
        .. LeverOptions, OptionTable.Live, LiveSeconds, Reference, Fix,
    ];

    public static Command Create(TextWriter stdout, TextWriter stderr, CancellationToken cancel = default)
    {
        var command =
            new Command("train",
            "Train the network (--hidden 3 by default, the article's) and write metrics.json and the plots to --out.");
        foreach (Option option in Options)
            command.Options.Add(option);
        command.SetAction(parse => Execute(ReadConfig(parse), parse, stdout, stderr, cancel));
        return command;
    }

    public static TrainingConfig ReadConfig(ParseResult parse)
    {
        if (ReferenceOptions.Read(parse) is { } program) return ReadReferenceConfig(parse, program);
        var config = new TrainingConfig
        {
            Hidden = OptionTable.ReadHidden(parse),
            LearningRate = parse.GetValue(LearningRate),
            Epochs = parse.GetValue(Epochs),
            BatchSize = parse.GetValue(BatchSize),
            L2 = parse.GetValue(L2),
            Seed = parse.GetValue(Seed),
            Samples = parse.GetValue(Samples),
            UseBias = !parse.GetValue(NoBias),
            Dataset = parse.GetValue(DatasetName)!,
            Noise = parse.GetValue(Noise),
            DataPath = parse.GetValue(Data),
            TestSplit = parse.GetValue(TestSplit),
            Standardize = parse.GetValue(Standardize),
            Features = OptionTable.ReadFeatures(parse),
            InitPath = parse.GetValue(Init),
        };
        config = ReadLevers(parse, config);
        config = Checked(config); // a bad value is named as such first, then an option that would change nothing
        RefuseUnused(parse, config);
        return config;
    }

    /// <summary>An option given on the command line that this config would ignore is refused (it would change
    /// nothing).</summary>
    private static void RefuseUnused(ParseResult parse, TrainingConfig config)
    {
        foreach (Option option in Options)
            if (parse.GetResult(option) is System.CommandLine.Parsing.OptionResult { Implicit: false }
                && OptionTable.FieldOf(option) is { } field && config.Unused(field) is { } problem)
                throw new UsageException(OptionTable.Text(problem));
    }

    public static OutputSettings ReadOutput(ParseResult parse)
    {
        int frames = OptionTable.Checked(parse, Frames);
        bool plots = !parse.GetValue(NoPlots), animate = parse.GetValue(Animate);
        if (animate
            && !plots) throw new UsageException(
            "--animate: cannot animate with --no-plots (which turns every picture off)");
        return new(parse.GetValue(Out)!, parse.GetValue(Json), plots, animate, frames,
            parse.GetValue(Quiet) ? ProgressMode.Quiet : ProgressMode.Lines)
        {
            ModelPath = parse.GetValue(Save),
            LiveSeconds = LiveOptions.Read(parse),
            HistoryCsvPath = parse.GetValue(HistoryCsv),
        };
    }

    public static QualityGates ReadGates(ParseResult parse)
    {
        var gates = new QualityGates(parse.GetValue(MinAccuracy), parse.GetValue(MaxLoss));
        return gates.Validate() is { } problem ? throw new UsageException(OptionTable.Text(problem)) : gates;
    }

    /// <summary>The config, or the first broken rule or the memory refusal as a usage error in option names.</summary>
    internal static TrainingConfig Checked(TrainingConfig config)
    {
        if (config.Validate() is { } problem) throw new UsageException(OptionTable.Text(problem));
        if (ResourceGuard.Check(config) is { } tooBig) throw new UsageException(OptionTable.Text(tooBig));
        return config;
    }

    private static int Execute(TrainingConfig config, ParseResult parse, TextWriter stdout, TextWriter stderr,
        CancellationToken cancel)
    {
        OutputSettings output = ReadOutput(parse);
        QualityGates gates = ReadGates(parse);
        TextWriter log = output.JsonPath == "-" ? stderr : stdout; // `--json -` keeps stdout for the document alone
        output = output with
        {
            Progress =
            ProgressReporter.Choose(output.Progress == ProgressMode.Quiet, log, output.JsonPath)
        };
        if (output.LiveSeconds is double seconds && LiveOptions.CanShow(log, output.JsonPath, stderr))
            return LiveTrain.Run(config, output, gates, seconds, stdout, stderr, cancel);
        if (output.LiveSeconds is not null && output.Progress == ProgressMode.Bar)
            output = output with { Progress = ProgressMode.Lines }; // --live without its view: plain lines, not the bar
        TrainingResult result = TrainJob.Run(config, output, log, stdout, gates, cancel);
        return TrainJob.ExitCode(result, gates, log, stderr);
    }
}
