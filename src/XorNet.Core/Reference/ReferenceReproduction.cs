using System.Globalization;
using System.Text;
using System.Text.Json;

namespace XorNet;

/// <summary>One run of `reproduce`: an article figure's settings with some bugs fixed.</summary>
public sealed record ReproductionRun(ReferenceFigure Figure, ReferenceFix Fixes)
{
    /// <summary>The folder name: the reference's GIF name, with the fix when there is one.</summary>
    public string Name => Fixes == ReferenceFix.None ? Figure.Name
        : $"{Figure.Name}_fix_{ReferenceProgram.Describe(Fixes).Replace(',', '+')}";

    public TrainingConfig Config(int iterations) => Figure.Config(Fixes, iterations);
}

/// <summary>A row of the table: where the loss was lowest, where it blew up (if it did), how the run ended.</summary>
public sealed record ReproductionRow(string Run, string Fix, int LowestLossIteration, double LowestLoss, int? BlowUp,
    int Iterations, double FinalLoss, double FinalAccuracy)
{
    public static ReproductionRow From(ReproductionRun run, TrainingResult r)
    {
        EpochMetrics lowest = r.History.Where(m => double.IsFinite(m.Loss)).MinBy(m => m.Loss);
        int? blowUp = r.Stop.Reason == StopReason.Diverged ? r.Stop.Epoch : null;
        return new(run.Figure.Name, ReferenceProgram.Describe(run.Fixes), lowest.Epoch, lowest.Loss, blowUp,
            r.History[^1].Epoch, r.History[^1].Loss, r.History[^1].TrainAccuracy);
    }
}

/// <summary>
/// What `xornet reproduce` runs and reports: the article's three figures, then its exploding run with each bug
/// fixed alone and with all four fixed (shared/reference-code.md measured the same with NumPy).
/// </summary>
public static class ReferenceReproduction
{
    public static IReadOnlyList<ReproductionRun> Runs { get; } =
    [
        new(ReferenceFigure.ThreeNeurons, ReferenceFix.None),
        new(ReferenceFigure.Exploding, ReferenceFix.None),
        new(ReferenceFigure.Calm, ReferenceFix.None),
        .. ReferenceProgram.Bugs.Select(b => new ReproductionRun(ReferenceFigure.Exploding, b.Fix)),
        new(ReferenceFigure.Exploding, ReferenceFix.All),
    ];

    public static string Markdown(IReadOnlyList<ReproductionRow> rows)
    {
        var sb = new StringBuilder();
        sb.AppendLine(
            "| run | fix | lowest loss (iteration) | blow-up at iteration | iterations run | final loss | final " +
            "accuracy |");
        sb.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var r in rows)
            sb.AppendLine(
                Invariant($"| {r.Run} | {r.Fix} | {r.LowestLoss:F5} ({r.LowestLossIteration:N0}) | ") +
                Invariant($"{(r.BlowUp is int b ? b.ToString("N0", CultureInfo.InvariantCulture) : "none")} | ") +
                Invariant($"{r.Iterations:N0} | {FormatLoss(r.FinalLoss)} | {r.FinalAccuracy:F3} |"));
        return sb.ToString();
    }

    /// <summary>The table for a terminal: fixed-width columns.</summary>
    public static string Text(IReadOnlyList<ReproductionRow> rows)
    {
        var sb = new StringBuilder();
        int run = rows.Max(r => r.Run.Length), fix = Math.Max(3, rows.Max(r => r.Fix.Length));
        sb.AppendLine(
            $"{"run".PadRight(run)}  {"fix".PadRight(fix)}  lowest loss at   blow-up at  final loss  final accuracy");
        foreach (var r in rows)
            sb.AppendLine(
                Invariant($"{r.Run.PadRight(run)}  {r.Fix.PadRight(fix)}  {r.LowestLoss,7:F5} ") +
                Invariant($"{r.LowestLossIteration,9}  ") +
                Invariant($"{(r.BlowUp?.ToString(CultureInfo.InvariantCulture) ?? "none"),10}  ") +
                Invariant($"{FormatLoss(r.FinalLoss),10}  {r.FinalAccuracy,14:F3}"));
        return sb.ToString();
    }

    public static string Json(IReadOnlyList<ReproductionRow> rows)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartArray();
            foreach (var r in rows)
            {
                w.WriteStartObject();
                w.WriteString("run", r.Run);
                w.WriteString("fix", r.Fix);
                w.WriteNumber("lowest_loss_iteration", r.LowestLossIteration);
                w.WriteNumber("lowest_loss", r.LowestLoss);
                if (r.BlowUp is int b) w.WriteNumber("blow_up_iteration", b);
                else w.WriteNull("blow_up_iteration");
                w.WriteNumber("iterations", r.Iterations);
                if (double.IsFinite(r.FinalLoss)) w.WriteNumber("final_loss", r.FinalLoss);
                else w.WriteNull("final_loss");
                w.WriteNumber("final_accuracy", r.FinalAccuracy);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static string FormatLoss(double loss) => Math.Abs(loss) < 1e6
        ? loss.ToString("F4", CultureInfo.InvariantCulture)
        : loss.ToString("0.###E+0", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
