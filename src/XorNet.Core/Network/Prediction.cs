using XorNet.Tensors;

namespace XorNet;

/// <summary>
/// Per point: the predicted class and the probabilities (N×K): h2 itself for a softmax output, p_k = h2_k / Σ_j h2_j
/// for sigmoid outputs (which need not sum to 1).
/// </summary>
public sealed record Prediction(int[] Classes, Matrix Probabilities)
{
    /// <summary>
    /// Computes the model's features of raw points (x1, x2 per row), standardizes them as the model was trained,
    /// runs Forward, and normalizes h2 to sum 1. A row whose
    /// plain result is not a probability (NaN from overflow, or every σ output underflowed to 0) is evaluated again
    /// with <see cref="StableForward"/>, and its class is the argmax of those probabilities.
    /// </summary>
    public static Prediction Run(SavedModel model, Matrix rawX)
    {
        var ws = model.Network.CreateWorkspace(rawX.Rows);
        Matrix x = model.Scaler.Apply(model.Features.IsPlain ? rawX : model.Features.Apply(rawX));
        x.CopyTo(ws.X);
        model.Network.Forward(ws);
        var classes = (int[])ws.Predictions.Clone();
        var p = model.Network.Output.Kind == LossKind.CrossEntropy
            ? ws.Output.h // softmax rows already sum to 1: dividing again would only add rounding
            : Normalized(ws.Output.h);
        for (int i = 0; i < p.Rows; i++)
        {
            if (IsProbability(p.Row(i))) continue;
            StableForward.Probabilities(model.Network, x.Row(i), p.Row(i));
            classes[i] = ArgMax(p.Row(i));
        }
        return new Prediction(classes, p);
    }

    /// <summary>p_k = h2_k / Σ_j h2_j per row; a row whose sum underflowed is left NaN for the stable path.</summary>
    private static Matrix Normalized(Matrix h2)
    {
        var p = new Matrix(h2.Rows, h2.Cols);
        for (int i = 0; i < p.Rows; i++)
        {
            double sum = 0;
            for (int k = 0; k < p.Cols; k++) sum += h2[i, k];
            for (int k = 0; k < p.Cols; k++) p[i, k] = sum >= MinSum ? h2[i, k] / sum : double.NaN;
        }
        return p;
    }

    /// <summary>Below this the σ outputs are subnormal or 0 and their ratios lose their digits.</summary>
    private const double MinSum = 1e-300;

    private static bool IsProbability(ReadOnlySpan<double> row)
    {
        foreach (double v in row)
            if (!(v >= 0 && v <= 1)) return false;
        return true;
    }

    private static int ArgMax(ReadOnlySpan<double> row)
    {
        int best = 0;
        for (int k = 1; k < row.Length; k++)
            if (row[k] > row[best]) best = k;
        return best;
    }

    /// <summary>Fraction of points whose predicted class equals the label.</summary>
    public double Accuracy(int[] labels) => (double)Classes.Where((c, i) => c == labels[i]).Count() / labels.Length;
}
