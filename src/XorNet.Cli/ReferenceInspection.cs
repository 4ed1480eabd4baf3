using System.Globalization;
using System.Text;
using XorNet.Tensors;

namespace XorNet.Cli;

/// <summary>`gradcheck --reference` and `explain --reference`: the reference's gradient, checked and
/// explained.</summary>
public static class ReferenceInspection
{
    /// <summary>Entries of each tensor shown by explain (all of them for small networks).</summary>
    private const int ShownEntries = 6;

    public static int GradCheck(TrainingConfig config, double epsilon, double tolerance, TextWriter stdout)
    {
        if (!(epsilon > 0 && epsilon < 1)) throw new UsageException($"--eps {epsilon}: must be in (0, 1)");
        if (!(tolerance > 0)) throw new UsageException($"--tol {tolerance}: must be > 0");
        var net = new ReferenceTrainer(config).Reference;
        IReadOnlyList<GradientCheckRow> rows = ReferenceGradientCheck.Run(net, epsilon, tolerance);
        stdout.WriteLine(
            Invariant($"xornet gradcheck: {Setting(config)}; the reference's gradient at its initial weights on its ") +
            Invariant($"batch of {net.N}, ε = {epsilon:G}, tolerance {tolerance:G}"));
        stdout.Write(GradCheckCommand.Table(rows));
        stdout.WriteLine(
            "abs error = |reference's gradient − finite difference of the reference's loss|; rel error = max abs " +
            "error / the tensor's largest |gradient|.");
        bool ok = rows.All(r => r.Ok);
        foreach (string cause in Causes(config))
            stdout.WriteLine(cause);
        stdout.WriteLine(ok ? "all gradients OK" : "some gradients are NOT OK: " + string.Join(", ",
            rows.Where(r => !r.Ok).Select(r => Invariant($"{r.Name} off by {r.MaxRelError:G3} of its size"))));
        return ok ? ExitCodes.Success : ExitCodes.GateFailed;
    }

    /// <summary>The bugs that make the check fail, with their size at these weights.</summary>
    private static IEnumerable<string> Causes(TrainingConfig c)
    {
        var p = c.Reference!;
        if (!p.Fixed(ReferenceFix.MeanGradient))
            yield return Invariant(
                $"bug mean-gradient: the data term lacks 1/N, so it is N = {Math.Min(c.BatchSize, c.Samples)} times ") +
                "too large (--fix mean-gradient)";
        if (!p.Fixed(ReferenceFix.L2Gradient) && c.L2 > 0)
            yield return "bug l2-gradient: every entry gets the scalar λ·ΣW² instead of λ·W/N (--fix l2-gradient)";
    }

    public static int Explain(TrainingConfig config, double lr, TextWriter stdout)
    {
        if (!(lr > 0 && double.IsFinite(lr))) throw new UsageException($"--lr {lr}: must be a finite number > 0");
        var net = new ReferenceTrainer(config).Reference;
        var rows = ReferenceExplanation.Compare(net, config.L2);
        var sb = new StringBuilder();
        sb.AppendLine(
            Invariant($"xornet explain: {Setting(config)}; one step of the reference at its initial weights, on its ") +
            Invariant($"batch of N = {net.N}, lr = {lr:G}"));
        sb.AppendLine(
            Invariant($"reference = the reference's dL/dθ; true = XorNet's exact gradient of the same loss Σ(y − ") +
            Invariant($"h2)²/(2N) + λ·(Σw1² + Σw2²)/(2N); step = −lr·gradient"));
        foreach (var row in rows)
            AppendTensor(sb, row, config, lr);
        stdout.Write(sb.ToString());
        return ExitCodes.Success;
    }

    private static void AppendTensor(StringBuilder sb, ReferenceStepComparison row, TrainingConfig c, double lr)
    {
        Matrix difference = row.Difference;
        sb.AppendLine()
            .AppendLine(
            Invariant($"d{row.Name} {row.Reference.Shape}: ‖reference‖ / ‖true‖ = {row.NormRatio:G4}, max ") +
            Invariant($"|difference| {MaxAbs(difference):G3}"));
        if (row.L2Term > 0 && !c.Reference!.Fixed(ReferenceFix.L2Gradient))
            sb.AppendLine(
                Invariant($"  the reference adds λ·Σ{row.Name}² = {row.L2Term:G4} to every entry (true L2 term: ") +
                Invariant($"λ·{row.Name}/N, at most {c.L2 * MaxAbs(c, row) / Math.Min(c.BatchSize, c.Samples):G3})"));
        sb.AppendLine("  entry      reference         true   difference   reference step    true step");
        for (int i = 0; i < Math.Min(ShownEntries, row.Reference.Length); i++)
        {
            var (r, t) = (row.Reference.Data[i], row.True.Data[i]);
            string at = $"[{i / row.Reference.Cols},{i % row.Reference.Cols}]";
            sb.AppendLine(
                Invariant($"  {at,-7} {r,12:+0.000E+00;-0.000E+00} {t,12:+0.000E+00;-0.000E+00} ") +
                Invariant($"{r - t,12:+0.000E+00;-0.000E+00} {-lr * r,16:+0.000E+00;-0.000E+00} ") +
                Invariant($"{-lr * t,12:+0.000E+00;-0.000E+00}"));
        }
        if (row.Reference.Length > ShownEntries) sb.AppendLine(
            Invariant($"  … {row.Reference.Length - ShownEntries} more entries"));
    }

    private static double MaxAbs(Matrix m) => m.Data.Max(Math.Abs);

    /// <summary>The largest |weight| of the tensor the row is about (its initial weights).</summary>
    private static double MaxAbs(TrainingConfig c, ReferenceStepComparison row)
    {
        var (w1, w2) = ReferenceData.InitialWeights(c.Hidden.Widths[0]);
        return MaxAbs(row.Name == "W1" ? w1 : w2);
    }

    private static string Setting(TrainingConfig c)
    {
        var p = c.Reference!;
        string settings = Invariant($"H={c.Hidden} l2={c.L2:G}");
        string figure = p.Figure is { } f ? $"the article's {f.Title} run ({settings})" : settings;
        return $"the reference program, {figure}, bugs fixed: {ReferenceProgram.Describe(p.Fixes)}";
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
