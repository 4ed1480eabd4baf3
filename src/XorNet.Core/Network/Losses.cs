using XorNet.Tensors;

namespace XorNet;

/// <summary>
/// The output layer h2 = g(z2) together with its data loss and the loss's gradient dL/dz2: the two must be chosen
/// together (MSE on sigmoids, or cross-entropy on a softmax), so they live in one type.
/// </summary>
public abstract class OutputLoss
{
    public abstract LossKind Kind { get; }
    public abstract string OutputFormula { get; }
    public abstract string DataFormula { get; }
    public abstract string dL_dh2Formula { get; }
    public abstract string dh2_dz2Formula { get; }
    public abstract string dL_dz2Formula { get; }

    /// <summary>h2 = g(z2) for the (N×K) batch.</summary>
    public abstract void Forward(Matrix z2, Matrix h2);

    /// <summary>The data part of the loss for a batch (after Forward): a mean over its N rows of z2, h2, y
    /// (N×K).</summary>
    public abstract double Data(Matrix z2, Matrix h2, Matrix y);

    /// <summary>Fills dL_dz2 (and the intermediates dL_dh2, dh2_dz2 where they are elementwise) from h2 and y (all
    /// N×K).</summary>
    public abstract void Backward(Matrix h2, Matrix y, Matrix dL_dh2, Matrix dh2_dz2, Matrix dL_dz2);

    public static OutputLoss For(LossKind kind) => kind switch
    {
        LossKind.Mse => new MseLoss(),
        LossKind.CrossEntropy => new CrossEntropyLoss(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown loss."),
    };
}

/// <summary>The article's: h2 = σ(z2), L_data = Σ(y − h2)² / (2N).</summary>
internal sealed class MseLoss : OutputLoss
{
    public override LossKind Kind => LossKind.Mse;
    public override string OutputFormula => "σ(z2)";
    public override string DataFormula => "Σ(y − h2)² / (2N)";
    public override string dL_dh2Formula => "(h2 − y) / N";
    public override string dh2_dz2Formula => "h2 ⊙ (1 − h2)";
    public override string dL_dz2Formula => "dL/dh2 ⊙ dh2/dz2";

    public override void Forward(Matrix z2, Matrix h2) => Ops.Sigmoid(z2, h2);

    public override double Data(Matrix z2, Matrix h2, Matrix y)
    {
        double squaredError = 0;
        for (int i = 0; i < h2.Length; i++)
        {
            double diff = y.Data[i] - h2.Data[i];
            squaredError += diff * diff;
        }
        return squaredError / (2.0 * h2.Rows);
    }

    public override void Backward(Matrix h2, Matrix y, Matrix dL_dh2, Matrix dh2_dz2, Matrix dL_dz2)
    {
        double invN = 1.0 / h2.Rows; // the loss is a mean over the batch, so every data gradient carries 1/N
        Ops.SigmoidMseGradient(h2, y, invN,                     // one pass:
            dL_dh2,                                             // dL_dh2  = (h2 − y) / N            (N×K)
            dh2_dz2,                                            // dh2_dz2 = h2 ⊙ (1 − h2)           (N×K)
            dL_dz2);                                            // dL_dz2  = dL_dh2 ⊙ dh2_dz2        (N×K)
    }
}

/// <summary>
/// h2 = softmax(z2), L_data = −Σ y·log(h2) / N. The softmax's Jacobian is not elementwise, but its product with
/// dL/dh2 collapses to dL/dz2 = (h2 − y)/N, which is what backward uses; dh2_dz2 is left untouched.
/// </summary>
internal sealed class CrossEntropyLoss : OutputLoss
{
    public override LossKind Kind => LossKind.CrossEntropy;
    public override string OutputFormula => "softmax(z2)";
    public override string DataFormula => "−Σ y·log(h2) / N";
    public override string dL_dh2Formula => "−y / (N·h2)";
    public override string dh2_dz2Formula => "diag(h2) − h2ᵀ·h2 per row (K×K, not elementwise)";
    public override string dL_dz2Formula => "(softmax(z2) − y) / N";

    public override void Forward(Matrix z2, Matrix h2) => Ops.Softmax(z2, h2);

    /// <summary>−log softmax(z)_c = logΣe^z − z_c, evaluated from z2 so that a confident wrong answer gives a large
    /// finite loss, not log 0.</summary>
    public override double Data(Matrix z2, Matrix h2, Matrix y)
    {
        double sum = 0;
        for (int r = 0; r < z2.Rows; r++)
        {
            ReadOnlySpan<double> z = z2.Row(r), t = y.Row(r);
            double lse = Ops.LogSumExp(z);
            for (int c = 0; c < z.Length; c++)
                if (t[c] != 0) sum += t[c] * (lse - z[c]);
        }
        return sum / z2.Rows;
    }

    public override void Backward(Matrix h2, Matrix y, Matrix dL_dh2, Matrix dh2_dz2, Matrix dL_dz2)
    {
        double invN = 1.0 / h2.Rows;
        for (int i = 0; i < h2.Length; i++)                     // dL_dh2 = −y / (N·h2), shown by explain only
            dL_dh2.Data[i] = y.Data[i] == 0 ? 0.0 : -y.Data[i] * invN / h2.Data[i];
        Ops.Subtract(h2, y, dL_dz2);
        Ops.Scale(dL_dz2, invN, dL_dz2);                        // dL_dz2 = (h2 − y) / N             (N×K)
    }
}
