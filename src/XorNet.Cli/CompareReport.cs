using System.Globalization;
using System.Text;
using System.Text.Json;

namespace XorNet.Cli;

/// <summary>compare.json and the console table, both read from each run's own metrics.json (so new fields show
/// up).</summary>
public static class CompareReport
{
    /// <summary>A run and how it ended; Result is null for a run an interruption kept from starting.</summary>
    public sealed record Outcome(CompareCommand.PreparedRun Run, TrainingResult? Result, TimeSpan Time)
    {
        public string MetricsPath => Path.Combine(Run.Output.OutDir, "metrics.json");
    }

    /// <summary>
    /// {"runs": [{"label", "folder", "config", "final", "status", "seconds"}, ...]}, in grid order; status is the run's
    /// metrics.json status (ok, diverged, interrupted, gate_failed), or not_started (label and status only).
    /// </summary>
    public static string Json(IReadOnlyList<Outcome> outcomes)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteStartArray("runs");
            foreach (var o in outcomes)
            {
                w.WriteStartObject();
                w.WriteString("label", o.Run.Grid.Label);
                if (o.Result is null)
                {
                    w.WriteString("status", NotStarted);
                    w.WriteEndObject();
                    continue;
                }
                using var metrics = JsonDocument.Parse(File.ReadAllText(o.MetricsPath));
                w.WriteString("folder", o.Run.Output.OutDir);
                foreach (string name in new[] { "config", "final", "status" })
                    if (metrics.RootElement.TryGetProperty(name, out var value))
                    {
                        w.WritePropertyName(name);
                        value.WriteTo(w);
                    }
                w.WriteNumber("seconds", Math.Round(o.Time.TotalSeconds, 3));
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    public const string NotStarted = "not_started";

    /// <summary>
    /// One row per run: configuration, final loss, train/test accuracy ("–" when the run has no test split), epochs,
    /// time and status (ok, diverged, interrupted, gate_failed, not_started).
    /// </summary>
    public static string Table(IReadOnlyList<Outcome> outcomes)
    {
        var rows = new List<string[]> { new[] { "run", "final loss", "train acc", "test acc", "epochs", "time",
            "status" } };
        foreach (var o in outcomes)
        {
            if (o.Result is null)
            {
                rows.Add([o.Run.Grid.Label, "–", "–", "–", "–", "–", NotStarted]);
                continue;
            }
            using var metrics = JsonDocument.Parse(File.ReadAllText(o.MetricsPath));
            JsonElement final = metrics.RootElement.GetProperty("final");
            rows.Add([o.Run.Grid.Label, Number(final, "loss", MetricText.Loss),
                Number(final, "train_accuracy", MetricText.Accuracy),
                      Number(final, "test_accuracy", MetricText.Accuracy),
                          Number(final, "epoch", v => v.ToString("F0", CultureInfo.InvariantCulture)),
                      o.Time.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture) + "s",
                      metrics.RootElement.GetProperty("status").GetString()!]);
        }
        int[] widths = [.. Enumerable.Range(0, rows[0].Length).Select(c => rows.Max(r => r[c].Length))];
        var text = new StringBuilder();
        foreach (var row in rows)
            text.AppendLine(
                string.Join("  ", row.Select((cell, c) => c == 0 ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c])))
                .TrimEnd());
        return text.ToString();
    }

    private static string Number(JsonElement obj, string name, Func<double, string> format) =>
        obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number
            ? format(v.GetDouble())
            : "–";
}
