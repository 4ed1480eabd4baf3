using System.Text;
using System.Text.Json;

namespace XorNet;

/// <summary>
/// Writes metrics.json: {"config": {...}, "final": {...}, "history": [...], "status": "ok"}. The names are stable
/// (pipelines read them); nothing time-dependent goes in, so the same seed gives byte-identical files.
/// </summary>
public static class MetricsJson
{
    /// <summary>The document; <paramref name="settingName"/> spells the settings the gates and messages name
    /// (the CLI passes its option names; by default the field names).</summary>
    public static string Serialize(TrainingResult result, IReadOnlyList<GateResult>? gates = null,
        Func<string, string>? settingName = null)
    {
        gates ??= [];
        settingName ??= field => field;
        string status = result.Status == TrainingStatus.Ok
            && gates.Any(g => !g.Passed) ? TrainingStatus.GateFailed : result.Status;
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
                WriteDiagnostics(w, result.History.DiagnosticsAt(m.Epoch));
                w.WriteEndObject();
            }
            w.WriteEndArray();
            WriteGradientFlow(w, GradientFlow.Assess(result), settingName);
            WriteStop(w, result.Stop, settingName);
            if (gates.Count > 0) WriteGates(w, gates, settingName);
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
        WriteHidden(w, c.Hidden);
        w.WriteNumber("lr", c.LearningRate);
        w.WriteNumber("epochs", c.Epochs);
        w.WriteNumber("batch_size", c.BatchSize);
        w.WriteNumber("l2", c.L2);
        w.WriteNumber("seed", c.Seed);
        w.WriteBoolean("bias", c.UseBias);
        w.WriteString("activation", LeverNames.Of(c.Activation));
        w.WriteString("loss", LeverNames.Of(c.Loss));
        WriteLevers(w, c);
        WriteDataConfig(w, c);
        if (c.Reference is { } reference) w.WriteString("reference_fixes", ReferenceProgram.Describe(reference.Fixes));
        w.WriteEndObject();
    }

    /// <summary>"hidden": the width for one hidden layer (as before depth), else the widths as an array ([] for
    /// none).</summary>
    public static void WriteHidden(Utf8JsonWriter w, HiddenLayers hidden)
    {
        if (hidden.Count == 1)
        {
            w.WriteNumber("hidden", hidden.Widths[0]);
            return;
        }
        w.WriteStartArray("hidden");
        foreach (int width in hidden.Widths) w.WriteNumberValue(width);
        w.WriteEndArray();
    }

    /// <summary>The issue-4 levers; a parameter that does not apply to the chosen lever is null.</summary>
    private static void WriteLevers(Utf8JsonWriter w, TrainingConfig c)
    {
        w.WriteNumber("l1", c.L1);
        w.WriteString("optimizer", LeverNames.Of(c.Optimizer));
        WriteOptional(w, "momentum", c.Optimizer == OptimizerKind.Momentum ? c.Momentum : null);
        bool adam = c.Optimizer == OptimizerKind.Adam;
        WriteOptional(w, "beta1", adam ? c.Beta1 : null);
        WriteOptional(w, "beta2", adam ? c.Beta2 : null);
        WriteOptional(w, "eps", adam ? c.AdamEpsilon : null);
        var s = LearningRateSchedule.From(c);
        w.WriteString("lr_schedule", LeverNames.Of(c.LrSchedule));
        WriteOptional(w, "lr_step_size", s.Kind == ScheduleKind.Step ? s.StepSize : null);
        WriteOptional(w, "lr_gamma", s.Kind is ScheduleKind.Step or ScheduleKind.Exponential ? s.Gamma : null);
        WriteOptional(w, "lr_decay", s.Kind == ScheduleKind.Inverse ? s.Decay : null);
        WriteOptional(w, "lr_final", s.Kind == ScheduleKind.Linear ? s.FinalRate : null);
        WriteOptional(w, "clip_norm", c.ClipNorm);
        WriteOptional(w, "clip_value", c.ClipValue);
        WriteOptional(w, "early_stop", c.EarlyStop);
        w.WriteBoolean("stop_on_divergence", c.StopOnDivergence);
    }

    /// <summary>
    /// "lr" (null at epoch 0), "grad_norm": {"W1", "b1", …, "WL", "bL"}, each the mean over the epoch's steps, then
    /// the gradient flow: "update_ratio": {"W1", …, "WL"} and "saturated": {"h1", …} (null when not measured).
    /// </summary>
    private static void WriteDiagnostics(Utf8JsonWriter w, EpochDiagnostics? d)
    {
        if (d is null) return;
        WriteDouble(w, "lr", d.LearningRate);
        WriteDouble(w, "weight_norm", d.WeightNorm);
        WriteNamed(w, "grad_norm", d.MeanGradNorm, i => d.Names[i]);
        WriteNamed(w, "update_ratio", d.UpdateRatio, i => $"W{i + 1}");
        WriteNamed(w, "saturated", d.Saturation, i => $"h{i + 1}");
    }

    /// <summary>
    /// "gradient_flow": {"ratio": median ‖dL/dW1‖/‖dL/dWL‖, "verdict", "message" when not healthy}; none without a
    /// hidden layer.
    /// </summary>
    private static void WriteGradientFlow(Utf8JsonWriter w, GradientFlowReport? flow, Func<string, string> settingName)
    {
        if (flow is null) return;
        w.WriteStartObject("gradient_flow");
        WriteDouble(w, "ratio", flow.Ratio);
        w.WriteString("verdict", flow.Verdict.ToString().ToLowerInvariant());
        if (flow.Advice is not null) w.WriteString("message", flow.Advice.Format(settingName));
        w.WriteEndObject();
    }

    /// <summary>{"name(0)": values[0], …}, or null when there are no values.</summary>
    private static void WriteNamed(Utf8JsonWriter w, string property, double[]? values, Func<int, string> name)
    {
        if (values is null)
        {
            w.WriteNull(property);
            return;
        }
        w.WriteStartObject(property);
        for (int i = 0; i < values.Length; i++)
            WriteDouble(w, name(i), values[i]);
        w.WriteEndObject();
    }

    /// <summary>"stop": {"reason": "completed" | "early-stop" | "diverged", ...} explaining how the run
    /// ended.</summary>
    private static void WriteStop(Utf8JsonWriter w, StopInfo stop, Func<string, string> settingName)
    {
        w.WriteStartObject("stop");
        w.WriteString("reason", stop.Reason switch
        {
            StopReason.EarlyStopped => "early-stop",
            StopReason.Diverged => "diverged",
            _ => "completed",
        });
        if (stop.Epoch is int epoch) w.WriteNumber("epoch", epoch);
        if (stop.RestoredEpoch is int best) w.WriteNumber("best_epoch", best);
        if (stop.Monitor is not null) w.WriteString("monitor", stop.Monitor);
        if (stop.Parameter is not null) w.WriteString("parameter", stop.Parameter);
        if (stop.Message is not null) w.WriteString("message", stop.Message.Format(settingName));
        w.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter w, string name, double? value)
    {
        if (value is double v) WriteDouble(w, name, v);
        else w.WriteNull(name);
    }
    private static void WriteGates(Utf8JsonWriter w, IReadOnlyList<GateResult> gates, Func<string, string> settingName)
    {
        w.WriteStartArray("gates");
        foreach (var g in gates)
        {
            w.WriteStartObject();
            w.WriteString("option", settingName(g.Field));
            w.WriteString("metric", g.Metric);
            WriteDouble(w, "threshold", g.Threshold);
            WriteDouble(w, "value", g.Value);
            w.WriteBoolean("passed", g.Passed);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    /// <summary>The data options, written only when not at their defaults so the default run's file stays as it
    /// was.</summary>
    private static void WriteDataConfig(Utf8JsonWriter w, TrainingConfig c)
    {
        if (c.DataPath is not null) w.WriteString("data", c.DataPath);
        if (c.Noise != 0) w.WriteNumber("noise", c.Noise);
        if (c.TestSplit != 0) w.WriteNumber("test_split", c.TestSplit);
        if (!c.Features.IsPlain)
        {
            w.WriteStartArray("features");
            foreach (string name in c.Features.Names) w.WriteStringValue(name);
            w.WriteEndArray();
        }
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
