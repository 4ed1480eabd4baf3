using System.Text;
using System.Text.Json;

namespace XorNet;

/// <summary>
/// Writes metrics.json: {"config": {...}, "final": {...}, "history": [...], "status": "ok"}. The names are stable
/// (pipelines read them); nothing time-dependent goes in, so the same seed gives byte-identical files.
/// </summary>
public static class MetricsJson
{
    public static string Serialize(TrainingResult result, IReadOnlyList<GateResult>? gates = null)
    {
        gates ??= [];
        string status = result.Status == TrainingStatus.Ok && gates.Any(g => !g.Passed) ? TrainingStatus.GateFailed : result.Status;
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            WriteConfig(w, result.Config);
            w.WriteStartObject("final");
            WriteMetrics(w, result.Final);
            w.WriteEndObject();
            w.WriteStartArray("history");
            foreach (var m in result.History)
            {
                w.WriteStartObject();
                WriteMetrics(w, m);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            if (gates.Count > 0) WriteGates(w, gates);
            w.WriteString("status", status);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteConfig(Utf8JsonWriter w, TrainingConfig c)
    {
        w.WriteStartObject("config");
        w.WriteString("dataset", c.DataPath is null ? c.Dataset : "csv");
        w.WriteNumber("samples", c.Samples);
        w.WriteNumber("hidden", c.Hidden);
        w.WriteNumber("lr", c.LearningRate);
        w.WriteNumber("epochs", c.Epochs);
        w.WriteNumber("batch_size", c.BatchSize);
        w.WriteNumber("l2", c.L2);
        w.WriteNumber("seed", c.Seed);
        w.WriteBoolean("bias", c.UseBias);
        w.WriteString("activation", "sigmoid");
        w.WriteString("loss", "mse");
        WriteDataConfig(w, c);
        w.WriteEndObject();
    }

    private static void WriteGates(Utf8JsonWriter w, IReadOnlyList<GateResult> gates)
    {
        w.WriteStartArray("gates");
        foreach (var g in gates)
        {
            w.WriteStartObject();
            w.WriteString("option", g.Option);
            w.WriteString("metric", g.Metric);
            WriteDouble(w, "threshold", g.Threshold);
            WriteDouble(w, "value", g.Value);
            w.WriteBoolean("passed", g.Passed);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    /// <summary>The data options, written only when not at their defaults so the default run's file stays as it was.</summary>
    private static void WriteDataConfig(Utf8JsonWriter w, TrainingConfig c)
    {
        if (c.DataPath is not null) w.WriteString("data", c.DataPath);
        if (c.Noise != 0) w.WriteNumber("noise", c.Noise);
        if (c.TestSplit != 0) w.WriteNumber("test_split", c.TestSplit);
        if (c.Standardize) w.WriteBoolean("standardize", true);
        if (c.InitPath is not null) w.WriteString("init", c.InitPath);
    }

    private static void WriteMetrics(Utf8JsonWriter w, EpochMetrics m)
    {
        w.WriteNumber("epoch", m.Epoch);
        WriteDouble(w, "loss", m.Loss);
        WriteDouble(w, "train_accuracy", m.TrainAccuracy);
        if (m.TestLoss is double testLoss) WriteDouble(w, "test_loss", testLoss);
        if (m.TestAccuracy is double testAccuracy) WriteDouble(w, "test_accuracy", testAccuracy);
    }

    /// <summary>JSON has no NaN or Infinity: a non-finite value is written as null.</summary>
    private static void WriteDouble(Utf8JsonWriter w, string name, double value)
    {
        if (double.IsFinite(value)) w.WriteNumber(name, value);
        else w.WriteNull(name);
    }
}
