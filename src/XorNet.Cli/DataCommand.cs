using System.CommandLine;
using System.Globalization;
using XorNet.Plotting;

namespace XorNet.Cli;

/// <summary>`xornet data --dataset NAME --samples N --noise X --seed S --out FILE.csv [--plot FILE.png]`: writes a built-in dataset.</summary>
public static class DataCommand
{
    private static readonly Option<string> Name = new("--dataset") { Description = "xor (the article's Gaussian XOR), circle, gauss, spiral or moons", DefaultValueFactory = _ => "xor" };
    private static readonly Option<int> Samples = new("--samples") { Description = "Number of points", DefaultValueFactory = _ => 300 };
    private static readonly Option<double> Noise = new("--noise") { Description = "Playground's 0–0.5 for xor/circle/gauss/spiral, jitter std for moons", DefaultValueFactory = _ => 0 };
    private static readonly Option<long> Seed = new("--seed") { Description = "Seed (the same as train's --seed gives train's points)", DefaultValueFactory = _ => 1 };
    private static readonly Option<string> Out = new("--out") { Description = "CSV file to write (x1,x2,label)", Required = true };
    private static readonly Option<string?> Plot = new("--plot") { Description = "Also draw the points to this PNG" };

    public static Command Create(TextWriter stdout)
    {
        var command = new Command("data", "Write a built-in dataset as CSV (the format `train --data` reads), optionally with a picture.");
        foreach (Option option in new Option[] { Name, Samples, Noise, Seed, Out, Plot })
            command.Options.Add(option);
        command.SetAction(parse => Execute(parse, stdout));
        return command;
    }

    private static int Execute(ParseResult parse, TextWriter stdout)
    {
        var config = new TrainingConfig
        {
            Dataset = parse.GetValue(Name)!,
            Samples = parse.GetValue(Samples),
            Noise = parse.GetValue(Noise),
            Seed = parse.GetValue(Seed),
        };
        if (config.Validate() is { } error) throw new UsageException(error);
        string csv = parse.GetValue(Out)!, png = parse.GetValue(Plot) ?? "";
        var plan = new OutputPlan().File("--out", csv);
        if (parse.GetValue(Plot) is { } plot) plan.File("--plot", plot);
        var data = DataGenerators.Generate(config.Dataset, config.Samples, config.Noise, config.Seed);
        AtomicFile.WriteAllText(csv, DatasetCsv.Format(data));
        if (png.Length > 0)
            Figures.SaveDataPlot(png, data, string.Create(CultureInfo.InvariantCulture,
                $"{config.Dataset}: {config.Samples} points, noise {config.Noise:G}, seed {config.Seed}"));
        stdout.WriteLine($"xornet data: {data.Count} points of {config.Dataset} → {csv}{(png.Length > 0 ? $" and {png}" : "")}");
        return ExitCodes.Success;
    }
}
