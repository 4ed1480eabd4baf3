using System.CommandLine;
using static XorNet.Cli.OptionTable;
using System.Globalization;
using XorNet.Plotting;

namespace XorNet.Cli;

/// <summary>`xornet data --dataset NAME --samples N --noise X --seed S --out FILE.csv [--plot FILE.png]`: writes a
/// built-in dataset.</summary>
public static class DataCommand
{
    public static Command Create(TextWriter stdout)
    {
        var command =
            new Command("data",
            "Write a built-in dataset as CSV (the format `train --data` reads), optionally with a picture.");
        foreach (Option option in new Option[] { DatasetName, Samples, Noise, Seed, DataOut, Plot })
            command.Options.Add(option);
        command.SetAction(parse => Execute(parse, stdout));
        return command;
    }

    private static int Execute(ParseResult parse, TextWriter stdout)
    {
        var config = new TrainingConfig
        {
            Dataset = parse.GetValue(DatasetName)!,
            Samples = parse.GetValue(Samples),
            Noise = parse.GetValue(Noise),
            Seed = parse.GetValue(Seed),
        };
        if (config.Validate() is { } problem) throw new UsageException(OptionTable.Text(problem));
        string csv = parse.GetValue(DataOut)!, png = parse.GetValue(Plot) ?? "";
        var plan = new OutputPlan().File("--out", csv);
        if (parse.GetValue(Plot) is { } plot) plan.File("--plot", plot);
        var data = DataGenerators.Generate(config.Dataset, config.Samples, config.Noise, config.Seed);
        AtomicFile.WriteAllText(csv, DatasetCsv.Format(data));
        if (png.Length > 0)
            Figures.SaveDataPlot(png, data, string.Create(CultureInfo.InvariantCulture,
                $"{config.Dataset}: {config.Samples} points, noise {config.Noise:G}, seed {config.Seed}"));
        stdout.WriteLine(
            $"xornet data: {data.Count} points of {config.Dataset} → {csv}{(png.Length > 0 ? $" and {png}" : "")}");
        return ExitCodes.Success;
    }
}
