using XorNet.Tensors;

namespace XorNet;

/// <summary>
/// Per point: the predicted class and the probabilities (N×K): h2 itself for a softmax output, p_k = h2_k / Σ_j h2_j
/// for sigmoid outputs (which need not sum to 1).
/// </summary>
public sealed record Prediction(int[] Classes, Matrix Probabilities)
{
    /// <summary>Standardizes raw points as the model was trained, runs Forward, and normalizes h2 to sum 1.</summary>
    public static Prediction Run(SavedModel model, Matrix rawX)
    {
        var ws = model.Network.CreateWorkspace(rawX.Rows);
        model.Scaler.Apply(rawX).CopyTo(ws.X);
        model.Network.Forward(ws);
        if (model.Network.Output.Kind == LossKind.CrossEntropy) // softmax rows already sum to 1: dividing again would only add rounding
            return new Prediction((int[])ws.Predictions.Clone(), ws.Output.h);
        var p = new Matrix(rawX.Rows, model.Network.K);
        for (int i = 0; i < p.Rows; i++)
        {
            double sum = 0;
            for (int k = 0; k < p.Cols; k++) sum += ws.Output.h[i, k];
            for (int k = 0; k < p.Cols; k++) p[i, k] = ws.Output.h[i, k] / sum; // sigmoid outputs are > 0, so sum > 0
        }
        return new Prediction((int[])ws.Predictions.Clone(), p);
    }

    /// <summary>Fraction of points whose predicted class equals the label.</summary>
    public double Accuracy(int[] labels) => (double)Classes.Where((c, i) => c == labels[i]).Count() / labels.Length;
}
