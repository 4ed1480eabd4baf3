namespace XorNet;

/// <summary>
/// The gradient flow of a run as plot-ready series over the kept epochs of its history (so bounded as the history
/// is): per weight layer l = 1 … L the mean gradient norm ‖dL/dW_l‖ and the update ratio ‖ΔW_l‖/‖W_l‖, per hidden
/// layer the saturated (σ, tanh) or dead (ReLU) share. A value not measured at an epoch is NaN (epoch 0 has no
/// gradient and no update; the reference program measures none); a non-finite measurement stays as it was.
/// </summary>
public sealed class GradientFlowSeries
{
    private GradientFlowSeries(double[] epochs, double[][] gradNorm, double[][] updateRatio, double[][] saturation)
        => (Epochs, GradNorm, UpdateRatio, Saturation) = (epochs, gradNorm, updateRatio, saturation);

    /// <summary>The kept epochs, epoch 0 first.</summary>
    public double[] Epochs { get; }
    /// <summary>[l − 1][i]: ‖dL/dW_l‖ at Epochs[i].</summary>
    public double[][] GradNorm { get; }
    /// <summary>[l − 1][i]: ‖ΔW_l‖ / ‖W_l‖ over the epoch Epochs[i].</summary>
    public double[][] UpdateRatio { get; }
    /// <summary>[l − 1][i]: hidden layer l's saturated or dead share after the epoch Epochs[i].</summary>
    public double[][] Saturation { get; }

    public int Layers => GradNorm.Length;

    /// <summary>True when any gradient norm was recorded (not for the reference program's history).</summary>
    public bool HasGradients => GradNorm.Any(s => s.Any(v => !double.IsNaN(v)));

    public static GradientFlowSeries From(TrainingHistory history, int layers)
    {
        EpochDiagnostics?[] rows = [.. history.Select(m => history.DiagnosticsAt(m.Epoch))];
        double[] epochs = [.. history.Select(m => (double)m.Epoch)];
        double[][] Series(int count, Func<EpochDiagnostics, int, double> value) =>
            [.. Enumerable.Range(0, count)
                .Select(l => rows.Select(d => d is null ? double.NaN : value(d, l)).ToArray())];
        return new GradientFlowSeries(epochs,
            Series(layers, (d, l) => d.WeightGradNorm(l + 1)),
            Series(layers, (d, l) => d.UpdateRatio is { } u ? u[l] : double.NaN),
            Series(layers - 1, (d, l) => d.Saturation is { } s ? s[l] : double.NaN));
    }

    public static GradientFlowSeries From(TrainingResult result) => From(result.History, result.Network.P.Layers);
}
