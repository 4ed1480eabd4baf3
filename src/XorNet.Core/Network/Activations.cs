using XorNet.Tensors;

namespace XorNet;

/// <summary>
/// The hidden layer's activation h1 = f(z1) and its derivative dh1/dz1, each written next to the other
/// (micrograd style), with the formulas `xornet explain` prints.
/// </summary>
public abstract class HiddenActivation
{
    public abstract ActivationKind Kind { get; }
    /// <summary>The forward formula, e.g. "σ(z1)".</summary>
    public abstract string Formula { get; }
    /// <summary>The derivative's formula in terms of what Forward cached, e.g. "h1 ⊙ (1 − h1)".</summary>
    public abstract string DerivativeFormula { get; }

    /// <summary>h = f(z), elementwise.</summary>
    public abstract void Forward(Matrix z, Matrix h);

    /// <summary>dh_dz = f′(z), elementwise, computed from the cached z and h = f(z).</summary>
    public abstract void Derivative(Matrix z, Matrix h, Matrix dh_dz);

    /// <summary>dh_dz = f′(z) and dL_dz = dL_dh ⊙ dh_dz: the step of backprop through this layer (fused where it
    /// pays).</summary>
    public virtual void Backward(Matrix z, Matrix h, Matrix dL_dh, Matrix dh_dz, Matrix dL_dz)
    {
        Derivative(z, h, dh_dz);
        Ops.Multiply(dL_dh, dh_dz, dL_dz);
    }

    /// <summary>A unit counts as saturated where f′ is below this share of its largest value.</summary>
    public const double SaturationShare = 0.01;

    /// <summary>
    /// How much of the layer has stopped passing gradient, from a forward cache of N rows: for σ and tanh the
    /// share of the N×O activations whose f′ is below 1 % of its maximum (σ′ &lt; 0.0025, tanh′ &lt; 0.01); for
    /// ReLU the share of the O units that are dead (0 on every row, so no gradient reaches their weights); NaN
    /// when it meets a NaN. Nothing allocated.
    /// </summary>
    public abstract double SaturatedShare(Matrix z, Matrix h);

    /// <summary>
    /// The share of h's entries with h·(1 − h) below the limit (σ′ from σ's output) or, with tanh true, 1 − h²
    /// below it; NaN when an entry is NaN. A plain loop, no delegate: it runs over the whole training set every epoch.
    /// </summary>
    protected static double ShareBelow(Matrix h, double limit, bool tanh)
    {
        ReadOnlySpan<double> v = h.Data;
        int count = 0;
        bool nan = false;
        for (int i = 0; i < v.Length; i++)
        {
            double d = tanh ? 1 - v[i] * v[i] : v[i] * (1 - v[i]);
            count += d < limit ? 1 : 0;
            nan |= double.IsNaN(d);
        }
        return nan ? double.NaN : (double)count / v.Length; // NaN: a blown-up layer has no share to measure
    }

    public static HiddenActivation For(ActivationKind kind) => kind switch
    {
        ActivationKind.Sigmoid => new SigmoidActivation(),
        ActivationKind.Tanh => new TanhActivation(),
        ActivationKind.Relu => new ReluActivation(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown activation."),
    };
}

/// <summary>σ(z) = 1 / (1 + e^−z); σ′ = σ·(1 − σ). The article's choice.</summary>
internal sealed class SigmoidActivation : HiddenActivation
{
    public override ActivationKind Kind => ActivationKind.Sigmoid;
    public override string Formula => "σ(z1)";
    public override string DerivativeFormula => "h1 ⊙ (1 − h1)";
    public override void Forward(Matrix z, Matrix h) => Ops.Sigmoid(z, h);
    public override void Derivative(Matrix z, Matrix h, Matrix dh_dz) => Ops.SigmoidDerivativeFromOutput(h, dh_dz);
    public override void Backward(Matrix z, Matrix h, Matrix dL_dh, Matrix dh_dz,
        Matrix dL_dz) => Ops.MultiplySigmoidDerivative(dL_dh, h, dh_dz, dL_dz);
    public override double SaturatedShare(Matrix z, Matrix h) => ShareBelow(h, SaturationShare * 0.25, tanh: false);
}

/// <summary>tanh(z); tanh′ = 1 − tanh².</summary>
internal sealed class TanhActivation : HiddenActivation
{
    public override ActivationKind Kind => ActivationKind.Tanh;
    public override string Formula => "tanh(z1)";
    public override string DerivativeFormula => "1 − h1²";
    public override void Forward(Matrix z, Matrix h) => Ops.Tanh(z, h);
    public override void Derivative(Matrix z, Matrix h, Matrix dh_dz) => Ops.TanhDerivativeFromOutput(h, dh_dz);
    public override double SaturatedShare(Matrix z, Matrix h) => ShareBelow(h, SaturationShare, tanh: true);
}

/// <summary>max(0, z); its derivative is the step [z &gt; 0] (0 at the kink z = 0, as PyTorch).</summary>
internal sealed class ReluActivation : HiddenActivation
{
    public override ActivationKind Kind => ActivationKind.Relu;
    public override string Formula => "max(0, z1)";
    public override string DerivativeFormula => "[z1 > 0]";
    public override void Forward(Matrix z, Matrix h) => Ops.Relu(z, h);
    public override void Derivative(Matrix z, Matrix h, Matrix dh_dz) => Ops.ReluDerivative(z, dh_dz);

    /// <summary>
    /// The share of units that are 0 (z ≤ 0) on every row: dead, they pass no gradient to their weights.
    /// </summary>
    public override double SaturatedShare(Matrix z, Matrix h)
    {
        int dead = 0;
        for (int c = 0; c < z.Cols; c++)
        {
            bool alive = false;
            for (int r = 0; r < z.Rows && !alive; r++)
            {
                if (double.IsNaN(z[r, c])) return double.NaN; // a blown-up layer: no share to measure
                alive = z[r, c] > 0;
            }
            if (!alive) dead++;
        }
        return (double)dead / z.Cols;
    }
}
