using System.Globalization;

namespace XorNet;

/// <summary>How the gradient reached the first layer: vanishing, exploding, or healthy.</summary>
public enum FlowVerdict { Healthy, Vanishing, Exploding }

/// <summary>
/// The gradient flow of a run in one number: the median over the trained epochs of ‖dL/dW1‖ / ‖dL/dWL‖ (each the
/// epoch's mean over its steps), with the verdict and, when it is not healthy, what to try.
/// </summary>
public sealed record GradientFlowReport(double Ratio, FlowVerdict Verdict, double PerLayerFactor, Message? Advice);

/// <summary>
/// Decides whether the gradients vanished or exploded on the way down the stack. Measured on XOR and spiral with
/// hidden widths 8x8x8x8x8 (docs/gradient-flow.md): with σ the ratio is about 3e-4 (each σ layer passes at most
/// σ′ = 0.25 of the gradient) and accuracy stays at chance; tanh brings it to 1–5 and learns (XOR 1.00,
/// spiral 0.71); two σ layers (8x8) keep it at 0.28 and learn XOR (0.96). ReLU at the default lr 1 diverged on XOR.
/// </summary>
public static class GradientFlow
{
    /// <summary>Below 1/100 the gradients vanish, above 100 they explode.</summary>
    public const double Threshold = 100;

    /// <summary>The verdict for a run with at least one hidden layer and trained epochs; null otherwise.</summary>
    public static GradientFlowReport? Assess(TrainingResult result) =>
        Assess(result.Config, result.History.Diagnostics, result.Network.Hidden);

    public static GradientFlowReport? Assess(TrainingConfig config, IEnumerable<EpochDiagnostics> epochs,
        HiddenLayers hidden)
    {
        if (hidden.Count == 0) return null;
        EpochDiagnostics[] trained = [.. epochs.Where(d => d.MeanGradNorm is not null)];
        double[] layerRatios = [.. Enumerable.Range(1, hidden.Count).Select(l => MedianRatio(trained, l))];
        double ratio = layerRatios[0];
        if (double.IsNaN(ratio)) return null;
        double factor = Math.Pow(ratio, 1.0 / hidden.Count); // per hidden layer the gradient passes through
        FlowVerdict verdict = ratio < 1 / Threshold ? FlowVerdict.Vanishing
            : ratio > Threshold ? FlowVerdict.Exploding : FlowVerdict.Healthy;
        Message? advice = verdict == FlowVerdict.Healthy ? null
            : Advise(config, hidden, verdict, ratio, factor, layerRatios);
        return new GradientFlowReport(ratio, verdict, factor, advice);
    }

    /// <summary>
    /// The median over the epochs of ‖dL/dW_l‖ / ‖dL/dW_L‖ (finite, positive ratios only); NaN if none.
    /// </summary>
    private static double MedianRatio(EpochDiagnostics[] epochs, int layer)
    {
        double[] ratios = [.. epochs.Select(d => d.WeightGradNorm(layer) / d.WeightGradNorm(d.Layers))
            .Where(r => double.IsFinite(r) && r > 0).Order()];
        return ratios.Length == 0 ? double.NaN : ratios[ratios.Length / 2];
    }

    /// <summary>The sentence: by how much, and the measured remedies as settings.</summary>
    private static Message Advise(TrainingConfig c, HiddenLayers hidden, FlowVerdict verdict, double ratio,
        double factor, double[] layerRatios)
    {
        int layers = hidden.Count + 1;
        string how = verdict == FlowVerdict.Vanishing ? "vanishing" : "exploding";
        string size = Invariant(
            $"‖dL/dW1‖ is {ratio:G2}× ‖dL/dW{layers}‖ (median over the epochs, {factor:G2}× per hidden layer)");
        Setting? fewer = Fewer(hidden, layerRatios);
        string limit = verdict == FlowVerdict.Vanishing ? "1/100" : "100";
        if (verdict == FlowVerdict.Vanishing && c.Activation == ActivationKind.Sigmoid)
        {
            Setting tanh = new(nameof(c.Activation), LeverNames.Of(ActivationKind.Tanh));
            const string Why = "σ′ ≤ 0.25 shrinks the gradient at every layer, tanh′ ≤ 1 does not";
            if (fewer is null) return new($"the gradients are {how}: {size}. Try {tanh} ({Why})");
            Message orFewer = new($"or fewer layers: {fewer} keeps the ratio above {limit}");
            return new($"the gradients are {how}: {size}. Try {tanh} ({Why}), {orFewer}");
        }
        if (fewer is not null)
            return new($"the gradients are {how}: {size}. Try fewer layers: {fewer} keeps the ratio within {limit}");
        Setting clip = new(nameof(c.ClipNorm), 1.0);
        return verdict == FlowVerdict.Vanishing
            ? new($"the gradients are {how}: {size}")
            : new($"the gradients are {how}: {size}. Try {clip:G3}");
    }

    /// <summary>
    /// The top hidden layers of the stack (next to the output), as many as still got a gradient within [1/100, 100]
    /// of the last layer's: hidden layer l's weights W_l (l = 1 … H) have layerRatios[l − 1], so keeping the top k
    /// makes W_(H+1−k) the new first layer (at least one layer, fewer than now). Null for a single hidden layer.
    /// Measured: 8x8x8x8x8 σ on XOR has W4/W6 ≈ 0.016 and W3/W6 ≈ 0.0025, so two stay; 8x8 σ then has 0.28.
    /// </summary>
    public static Setting? Fewer(HiddenLayers hidden, IReadOnlyList<double> layerRatios)
    {
        if (hidden.Count <= 1) return null;
        int keep = 1;
        for (int k = 2; k < hidden.Count; k++)
        {
            double r = layerRatios[hidden.Count - k];
            if (!(r >= 1 / Threshold && r <= Threshold)) break;
            keep = k;
        }
        var top = new HiddenLayers([.. hidden.Widths.Skip(hidden.Count - keep)]);
        return new Setting(nameof(TrainingConfig.Hidden), top);
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
