using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace XorNet.Cli;

/// <summary>
/// `--reference` and `--fix` (train, gradcheck, explain): run the article's reference program instead of XorNet's
/// network. Options the reference cannot honour are refused by name; options the user did not give take the values
/// of one of the article's figures.
/// </summary>
public static class ReferenceOptions
{
    public static IEnumerable<Option> All => [OptionTable.Reference, OptionTable.Fix];

    /// <summary>The reference run asked for, or null without --reference; refuses --fix without it and unknown
    /// bugs.</summary>
    public static ReferenceProgram? Read(ParseResult parse)
    {
        string? fix = parse.GetValue(OptionTable.Fix);
        if (!parse.GetValue(OptionTable.Reference))
            return fix is null ? null
                : throw new UsageException(
                $"--fix {fix}: only with --reference (XorNet's own network has none of these bugs)");
        if (fix is null) return new ReferenceProgram();
        var (fixes, unknown) = ReferenceProgram.Parse(fix);
        if (unknown is not null)
            throw new UsageException(
                $"--fix {fix}: unknown bug '{unknown}' (choose " +
                $"{string.Join(", ", ReferenceProgram.Bugs.Select(b => b.Name))} or all)");
        return new ReferenceProgram(fixes);
    }

    /// <summary>True when the user wrote the option (not a default).</summary>
    public static bool Given(ParseResult parse,
        Option option) => parse.GetResult(option) is OptionResult { Implicit: false };

    /// <summary>Refuses the first given option of the list: the reference has one data set, one init and plain
    /// SGD.</summary>
    public static void RefuseUnhonoured(ParseResult parse, IEnumerable<Option> unhonoured)
    {
        if (unhonoured.FirstOrDefault(o => Given(parse, o)) is { } option)
            throw new UsageException($"--reference cannot honour {option.Name}: {Why(option.Name)}");
    }

    private static string Why(string option) => option switch
    {
        "--data" or "--dataset" or "--noise" or "--seed" =>
            "the reference's data is RandomState(0).randn(--samples, 2) and its weights come from seed 2017",
        "--test-split" => "the reference measures accuracy on all its points and holds none out",
        "--standardize" or "--init" => "the reference starts from its own raw data and initial weights",
        _ => "the reference is the article's sigmoid + MSE network trained by plain gradient descent (see --fix)",
    };

    /// <summary>
    /// The reference run's config: H, lr, λ and iterations the user gave, the figure's values for those not given
    /// (all four not given: the figure itself), the first --batch-size rows (default 50) of --samples points.
    /// </summary>
    public static TrainingConfig Configure(ReferenceProgram program, ReferenceFigure figure, TrainingConfig given,
        (bool Hidden, bool Lr, bool L2, bool Epochs, bool Batch) wrote)
    {
        bool anyGiven = wrote.Hidden || wrote.Lr || wrote.L2 || wrote.Epochs;
        var config = given with
        {
            Hidden = wrote.Hidden ? given.Hidden : figure.Hidden,
            LearningRate = wrote.Lr ? given.LearningRate : figure.LearningRate,
            L2 = wrote.L2 ? given.L2 : figure.L2,
            Epochs = wrote.Epochs ? given.Epochs : ReferenceFigure.Iterations,
            BatchSize = wrote.Batch ? given.BatchSize : ReferenceProgram.DefaultBatchSize,
            UseBias = program.Fixed(ReferenceFix.Bias),
            Reference = program with { Figure = anyGiven ? null : figure },
        };
        TrainCommand.Checked(config);
        if (config.BatchSize > config.Samples)
            throw new UsageException(
                Invariant($"--batch-size {config.BatchSize}: the reference trains on the first rows, at most ") +
                Invariant($"--samples ({config.Samples})"));
        return config;
    }

    /// <summary>The first line of a reference run: which figure's settings, or the settings given; the fixes.</summary>
    public static string Describe(TrainingConfig c)
    {
        var program = c.Reference!;
        string settings = Invariant($"H={c.Hidden} lr={c.LearningRate:G} l2={c.L2:G} iterations={c.Epochs}");
        string figure = program.Figure is { } f ? $"the article's {f.Title} figure settings ({settings})" : settings;
        string batch = program.Fixed(ReferenceFix.Minibatch)
            ? Invariant($"shuffled batches of {c.BatchSize} of {c.Samples} points")
            : Invariant($"the first {c.BatchSize} of {c.Samples} points");
        return $"the reference program, {figure}, {batch}, bugs fixed: {ReferenceProgram.Describe(program.Fixes)}";
    }

    /// <summary>The pictures' subtitle.</summary>
    public static string PlotTitle(TrainingConfig c) =>
        Invariant($"reference H={c.Hidden} lr={c.LearningRate:G} l2={c.L2:G} iterations={c.Epochs}, fixed: ") +
        ReferenceProgram.Describe(c.Reference!.Fixes);

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
