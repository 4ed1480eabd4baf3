using XorNet.Tensors;

namespace XorNet;

/// <summary>
/// One point through the network without letting overflow become NaN, for predictions the plain Forward cannot
/// give (inputs like ±1e308, whose products overflow to ∞ − ∞, or outputs so saturated that every σ underflows
/// to 0): each layer's input row is divided by its largest magnitude s before the product and the sum multiplied
/// back (x·W = s·((x/s)·W)), so a pre-activation can become ±∞ (a saturated unit) but never NaN; an infinite
/// ReLU output keeps only the direction of its infinite units. The probabilities are then normalised in the log
/// domain: softmax of zL for a softmax output, softmax of log σ(zL) for sigmoid outputs (p_k = σ_k / Σ_j σ_j).
/// </summary>
internal static class StableForward
{
    /// <summary>The probabilities of one point (raw x, already standardised as the model expects) into p (K).</summary>
    public static void Probabilities(Network network, ReadOnlySpan<double> x, Span<double> p)
    {
        Parameters w = network.P;
        var a = new Matrix(1, x.Length, x.ToArray());
        for (int l = 1; l < w.Layers; l++) // every hidden layer: z = a · Wl + bl (scaled), a = f(z), ±∞ saturates
        {
            var z = new Matrix(1, w.W(l).Cols);
            Affine(a.Row(0), w.W(l), network.UseBias ? w.b(l).Row(0) : default, z.Row(0));
            a = new Matrix(1, z.Cols);
            network.Activation.Forward(z, a);
        }
        int L = w.Layers;
        Affine(a.Row(0), w.W(L), network.UseBias ? w.b(L).Row(0) : default, p); // zL = a · WL + bL, scaled
        if (network.Output.Kind == LossKind.Mse)
            for (int k = 0; k < p.Length; k++) p[k] = LogSigmoid(p[k]);
        NormalizeExp(p);
    }

    /// <summary>z = s·((a/s)·W) + b with s = max|a| (a/s = the signs of the infinite entries when s = ∞).</summary>
    private static void Affine(ReadOnlySpan<double> a, Matrix weights, ReadOnlySpan<double> bias, Span<double> z)
    {
        double scale = 0;
        foreach (double v in a) scale = Math.Max(scale, Math.Abs(v));
        for (int c = 0; c < z.Length; c++)
        {
            double u = 0;
            for (int i = 0; i < a.Length; i++)
                u += Direction(a[i], scale) * weights[i, c];
            z[c] = (u == 0 ? 0 : scale * u) + (bias.IsEmpty ? 0 : bias[c]);
        }
    }

    private static double Direction(double v, double scale) =>
        double.IsPositiveInfinity(scale) ? (double.IsInfinity(v) ? Math.Sign(v) : 0) : scale == 0 ? 0 : v / scale;

    /// <summary>log σ(z) = −log(1 + e^−z), without overflow for either sign (0 at +∞, −∞ at −∞).</summary>
    public static double LogSigmoid(double z) => z >= 0 ? -Math.Log(1 + Math.Exp(-z)) : z - Math.Log(1 + Math.Exp(z));

    /// <summary>v ← e^(v − max) / Σ e^(v − max); entries equal to an infinite max share it, all −∞ share
    /// evenly.</summary>
    public static void NormalizeExp(Span<double> v)
    {
        double max = double.NegativeInfinity;
        foreach (double x in v) max = Math.Max(max, x);
        double sum = 0;
        for (int k = 0; k < v.Length; k++)
            sum += v[k] = double.IsNegativeInfinity(max) || v[k] == max ? 1 : Math.Exp(v[k] - max);
        for (int k = 0; k < v.Length; k++) v[k] /= sum;
    }
}
