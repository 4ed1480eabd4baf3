using System.CommandLine;
using static XorNet.Cli.OptionTable;
using System.Globalization;

namespace XorNet.Cli;

/// <summary>
/// `xornet gradcheck`: builds the network `train` would build (same model options and seed), runs backward once on
/// the whole data set, and compares every gradient entry with central finite differences.
/// </summary>
public static class GradCheckCommand
{
    public static Command Create(TextWriter stdout)
    {
        var command =
            new Command("gradcheck",
            "Compare backward's gradients with central finite differences on every parameter entry (exit 0 all OK, 1 " +
            "otherwise).");
        foreach (Option option in ModelOptions.All) command.Options.Add(option);
        command.Options.Add(CheckEpsilon);
        command.Options.Add(Tolerance);
        foreach (Option option in ReferenceOptions.All) command.Options.Add(option);
        command.SetAction(parse =>
        {
            if (ReferenceOptions.Read(parse) is { } program)
                return ReferenceInspection.GradCheck(ModelOptions.ReadReference(parse, program),
                    Checked(parse, CheckEpsilon), Checked(parse, Tolerance), stdout);
            TrainingConfig config = ModelOptions.Read(parse);
            return Execute(config, Checked(parse, CheckEpsilon), Checked(parse, Tolerance), stdout);
        });
        return command;
    }

    private static int Execute(TrainingConfig config, double epsilon, double tolerance, TextWriter stdout)
    {
        var run = RunData.Prepare(config);
        config = run.Config; // --data sets the sample count
        if (Work(config) > MaxWork)
            throw new UsageException(string.Create(CultureInfo.InvariantCulture,
                $"--hidden {config.Hidden} with --samples {config.Samples}: gradcheck would need about " +
                    $"{Work(config):0.#e0} multiply-adds, more than its limit of {MaxWork:0e0} (minutes); lower " +
                    $"--hidden or --samples"));
        var (net, ws) = ModelOptions.Build(run, config.Samples);
        IReadOnlyList<GradientCheckRow> rows = GradientCheck.Run(net, ws, config.Regularization, epsilon, tolerance);
        stdout.WriteLine(
            $"xornet gradcheck: {Describe(config)}; {ws.N} examples, ε = " +
            $"{epsilon.ToString(CultureInfo.InvariantCulture)}, tolerance " +
            $"{tolerance.ToString(CultureInfo.InvariantCulture)}");
        stdout.Write(Table(rows));
        stdout.WriteLine(
            "abs error = |backward − finite difference| per entry; rel error = max abs error / the tensor's largest " +
            "|gradient|.");
        int skipped = rows.Sum(r => r.SkippedAtKink);
        if (skipped > 0)
            stdout.WriteLine(
                $"{skipped} entries skipped: their ±ε step crossed a kink within 2ε (ReLU input or L1 weight " +
                "changing sign), where no derivative exists.");
        if (net.Activation.Kind == ActivationKind.Relu)
            stdout.WriteLine(
                string.Create(CultureInfo.InvariantCulture,
                $"nearest ReLU input to its kink: |z| = {GradientCheck.NearestKink(ws):G3}"));
        bool ok = rows.All(r => r.Ok);
        stdout.WriteLine(ok ? "all gradients OK" : "some gradients are NOT OK");
        return ok ? ExitCodes.Success : ExitCodes.GateFailed;
    }

    /// <summary>Refuses checks that would run for hours: about 30 s per 2·10⁹ multiply-adds here, so the limit is a few
    /// minutes.</summary>
    public const double MaxWork = 1e10;

    /// <summary>Four loss evaluations per parameter entry, each a forward pass over every sample (Σ_l
    /// widths[l−1]·widths[l] multiply-adds).</summary>
    private static double Work(TrainingConfig c)
    {
        int[] widths = c.Hidden.WithEnds(2, 2);
        double entries = 0, products = 0;
        for (int l = 1; l < widths.Length; l++)
        {
            products += (double)widths[l - 1] * widths[l];
            entries += ((double)widths[l - 1] + 1) * widths[l];
        }
        return 4 * entries * c.Samples * products;
    }

    public static string Table(IReadOnlyList<GradientCheckRow> rows)
    {
        var sb = new System.Text.StringBuilder();
        sb.AppendLine("parameter  shape     checked  max abs error  max rel error  result");
        foreach (var r in rows)
            sb.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"{r.Name,-9}  {r.Shape,-8}  {r.Checked,7}  {r.MaxAbsError,13:0.00E+00}  {r.MaxRelError,13:0.00E+00} " +
                    $" {(r.Ok ? "OK" : "NOT OK")}"));
        return sb.ToString();
    }

    public static string Describe(TrainingConfig c) => string.Create(CultureInfo.InvariantCulture,
        $"H={c.Hidden} {LeverNames.Of(c.Activation)} hidden, {LeverNames.Of(c.Loss)} loss, l2={c.L2:G} l1={c.L1:G} " +
            $"seed={c.Seed}{(c.UseBias ? "" : " no-bias")}{RunData.Describe(c)}");
}
