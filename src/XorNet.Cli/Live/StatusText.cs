using System.Globalization;
using System.Text;

namespace XorNet.Cli.Live;

/// <summary>
/// A tile's status: epoch/total, learning rate, loss, train (and test) accuracy, gradient norms, time.
/// </summary>
public static class StatusText
{
    public static IEnumerable<string> Parts(TileState s)
    {
        if (s.History.Count == 0) yield break;
        EpochMetrics m = s.History[^1];
        yield return $"epoch {m.Epoch}/{s.Epochs}";
        if (s.Diagnostics is { } d && !double.IsNaN(d.LearningRate)) yield return Invariant($"lr {d.LearningRate:G4}");
        yield return $"loss {TrainJob.FormatLoss(m.Loss)}";
        yield return $"train {LiveFrame.Percent(m.TrainAccuracy)}";
        if (m.TestAccuracy is double test) yield return $"test {LiveFrame.Percent(test)}";
        if (s.Diagnostics is { MeanGradNorm: { } norms } g) yield return "|∇| " + GradientNorms(norms, g.Names);
        yield return Clock(s.Elapsed);
        if (s.Ended is { } ended) yield return ended;
    }

    /// <summary>The parts packed into at most lines lines of width characters; what does not fit is left out.</summary>
    public static string[] Lines(TileState s, int width, int lines)
    {
        var result = new List<StringBuilder> { new() };
        foreach (string part in Parts(s))
        {
            StringBuilder line = result[^1];
            if (line.Length > 0 && line.Length + 2 + part.Length > width)
            {
                if (result.Count == lines) continue; // a later, shorter part may still fit
                result.Add(line = new StringBuilder());
            }
            if (line.Length + (line.Length > 0 ? 2 : 0) + part.Length > width) continue;
            line.Append(line.Length > 0 ? "  " : "").Append(part);
        }
        return [.. result.Select(b => b.ToString())];
    }

    /// <summary>"W1 0.12 b1 0.031 W2 0.4 b2 0.1": the epoch's mean minibatch gradient norm of each tensor.</summary>
    private static string GradientNorms(double[] norms, IReadOnlyList<string> names) => string.Join(" ",
        norms.Select((n, i) =>
        Invariant($"{(i < names.Count ? names[i] : $"#{i}")} {n:G2}")));

    private static string Clock(TimeSpan t) => $"{(int)t.TotalMinutes}:{t.Seconds:00}";

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
