using System.CommandLine;
using static XorNet.Cli.OptionTable;
using System.Globalization;
using System.Text;
using XorNet.Tensors;

namespace XorNet.Cli;

/// <summary>
/// `xornet predict --model FILE (--data FILE.csv | --point x1,x2 …)`: CSV on stdout, one row per point:
/// x1,x2[,label],class,p0..p(K−1); with labels, the accuracy goes to stderr so stdout stays a clean CSV.
/// </summary>
public static class PredictCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var command =
            new Command("predict", "Classify points with a saved model; prints CSV: x1,x2[,label],class,p0,…");
        foreach (Option option in new Option[] { Model, Points, Point })
            command.Options.Add(option);
        command.SetAction(parse => Execute(parse, stdout, stderr));
        return command;
    }

    private static int Execute(ParseResult parse, TextWriter stdout, TextWriter stderr)
    {
        string? dataPath = parse.GetValue(Points);
        string[] points = parse.GetValue(Point) ?? [];
        if ((dataPath is null) == (points.Length == 0))
            throw new UsageException("predict needs exactly one of --data FILE.csv or --point x1,x2");
        var (x, labels) = dataPath is null ? (ParsePoints(points), null) : InputFiles.Points("--data", dataPath);
        string modelPath = parse.GetValue(Model)!;
        SavedModel model = InputFiles.Model("--model", modelPath);
        if (model.Features.D != model.Network.D || x.Cols != 2)
            throw new UsageException($"--model {modelPath}: the model takes {model.Network.D} inputs " +
                                     $"({model.Features}), the points have {x.Cols} columns");
        if (labels is not null && labels.FirstOrDefault(l => l >= model.Network.K, -1) is int bad and >= 0)
            throw new UsageException(
                $"--data {dataPath}: label {bad} is not a class of this {model.Network.K}-class model");
        var prediction = Prediction.Run(model, x);
        stdout.Write(Format(x, labels, prediction));
        if (labels is not null)
            stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"accuracy {prediction.Accuracy(labels):F4} " +
                    $"({prediction.Classes.Where((c, i) => c == labels[i]).Count()} of {labels.Length})"));
        return ExitCodes.Success;
    }

    private static Matrix ParsePoints(string[] points)
    {
        var x = new Matrix(points.Length, 2);
        for (int i = 0; i < points.Length; i++)
        {
            string[] parts = points[i].Split(',', StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || !TryFinite(parts[0], out double x1) || !TryFinite(parts[1], out double x2))
                throw new UsageException($"--point {points[i]}: expected two finite numbers x1,x2");
            (x[i, 0], x[i, 1]) = (x1, x2);
        }
        return x;
    }

    private static bool TryFinite(string s, out double value) =>
        double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    /// <summary>Numbers in shortest round-trip form ("R"), so a reader gets the exact doubles back.</summary>
    public static string Format(Matrix x, int[]? labels, Prediction prediction)
    {
        int k = prediction.Probabilities.Cols;
        string probabilities = string.Join(",", Enumerable.Range(0, k).Select(j => $"p{j}"));
        var text = new StringBuilder($"x1,x2{(labels is null ? "" : ",label")},class,{probabilities}\n");
        for (int i = 0; i < x.Rows; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{x[i, 0]:R},{x[i, 1]:R},");
            if (labels is not null) text.Append(CultureInfo.InvariantCulture, $"{labels[i]},");
            text.Append(CultureInfo.InvariantCulture, $"{prediction.Classes[i]}");
            for (int j = 0; j < k; j++) text.Append(CultureInfo.InvariantCulture,
                $",{prediction.Probabilities[i, j]:R}");
            text.Append('\n');
        }
        return text.ToString();
    }
}
