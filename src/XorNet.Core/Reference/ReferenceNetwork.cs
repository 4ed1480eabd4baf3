using System.Runtime.CompilerServices;
using XorNet.Tensors;

namespace XorNet;

/// <summary>
/// The reference program's network and its one iteration, in its order (shared/reference-code.md):
/// h1 = σ(X_b·w1), h2 = σ(h1·w2), the loss recorded before the update, its gradient with the bugs not fixed,
/// then w2 −= lr·dL_dw2 before w1 −= lr·dL_dw1. Letters: N rows of the batch, D = 2 inputs, H hidden, K = 2 outputs.
/// Each bug the <see cref="ReferenceProgram"/> fixes turns one term into the true gradient of the same loss.
/// </summary>
public sealed class ReferenceNetwork
{
    private readonly ReferenceProgram _program;
    private readonly double _lambda;

    public int N { get; }
    public int H { get; }
    public Matrix W1 { get; }       // (D×H)
    public Matrix W2 { get; }       // (H×K)
    public Matrix b1 { get; }       // (1×H) used only with the bias fix
    public Matrix b2 { get; }       // (1×K)
    // the batch and the forward cache
    public Matrix X { get; }        // (N×D)
    public Matrix Y { get; }        // (N×K) one-hot
    public Matrix h1 { get; }       // (N×H)
    public Matrix z2 { get; }       // (N×K)
    public Matrix h2 { get; }       // (N×K)
    // the backward pass
    public Matrix dL_dh2 { get; }   // (N×K)
    public Matrix dh2_dz2 { get; }  // (N×K)
    public Matrix dL_dz2 { get; }   // (N×K)
    public Matrix dL_dz1 { get; }   // (N×H)
    public Matrix dL_dw1 { get; }   // (D×H)
    public Matrix dL_dw2 { get; }   // (H×K)
    public Matrix dL_db1 { get; }   // (1×H)
    public Matrix dL_db2 { get; }   // (1×K)
    private readonly Matrix _w2T, _dL_dw2T; // (K×H) w2 and its gradient transposed, for the one-pass kernels

    public ReferenceNetwork(ReferenceProgram program, int hidden, int batch, double lambda)
    {
        const int inputs = 2, classes = 2; // the reference's XOR: D = 2, K = 2
        (_program, _lambda, N, H) = (program, lambda, batch, hidden);
        (W1, W2) = ReferenceData.InitialWeights(hidden, inputs, classes);
        (b1, b2) = (new Matrix(1, hidden), new Matrix(1, classes));
        (X, Y) = (new Matrix(batch, inputs), new Matrix(batch, classes));
        (h1, z2, h2) = (new Matrix(batch, hidden), new Matrix(batch, classes), new Matrix(batch, classes));
        (dL_dh2, dh2_dz2, dL_dz2) =
            (new Matrix(batch, classes), new Matrix(batch, classes), new Matrix(batch, classes));
        dL_dz1 = new Matrix(batch, hidden);
        (_w2T, _dL_dw2T) = (new Matrix(classes, hidden), new Matrix(classes, hidden));
        (dL_dw1, dL_dw2) = (new Matrix(inputs, hidden), new Matrix(hidden, classes));
        (dL_db1, dL_db2) = (new Matrix(1, hidden), new Matrix(1, classes));
    }

    public bool HasBias => _program.Fixed(ReferenceFix.Bias);

    private double _sumW1, _sumW2; // Σw1², Σw2² of the weights the last Measure saw

    /// <summary>One iteration on the batch in X, Y: <see cref="Measure"/>, then <see cref="Learn"/>; returns the
    /// loss.</summary>
    public double Iterate(double learningRate)
    {
        double loss = Measure();
        Learn(learningRate);
        return loss;
    }

    /// <summary>Forward and the loss, as the reference records it: before the update.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double Measure()
    {
        Forward();
        (_sumW1, _sumW2) = (Ops.SquaredSum(W1), Ops.SquaredSum(W2)); // the loss and the gradient see the same sums
        return SplitLoss(_sumW1, _sumW2).Total;
    }

    /// <summary>Backward and the update, after <see cref="Measure"/> on the same weights.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Learn(double learningRate)
    {
        Backward(_sumW1, _sumW2);
        Update(learningRate);
    }

    /// <summary>h1 = σ(X·w1 [+ b1]), h2 = σ(h1·w2 [+ b2]), σ with one division (<see cref="Ops.SigmoidPade(double)"/>,
    /// NumPy's 1/(1 + np.exp(−z)) within a few ulp, as XorNet's other σ is).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Forward()
    {
        if (HasBias) Ops.MatMulAddRowVector(X, W1, b1, h1);     // z1 = X · w1 + b1        (N×D)·(D×H) → (N×H)
        else Ops.MatMul(X, W1, h1);                             // z1 = X · w1             (kept in h1's memory)
        Ops.SigmoidPade(h1, h1);                                // h1 = σ(z1)
        Transpose(W2, _w2T);
        Ops.MatMulTwoOutputs(h1, _w2T, z2);                     // z2 = h1 · w2            (N×H)·(H×K) → (N×K)
        if (HasBias) Ops.AddRowVector(z2, b2, z2);              //      + b2
        Ops.SigmoidPade(z2, h2);                                // h2 = σ(z2)
    }

    /// <summary>
    /// The class of each row of x with the current weights, as the reference measures it: argmax of a softmax of
    /// h1·w2 [+ b2], i.e. of z2 itself (the first on a tie), h1 = σ(x·w1 [+ b1]); the forward pass on x instead of the
    /// batch, through scratch h (rows×H) and z (rows×2), leaving the batch's cache as it was. (Argmax of h2 = σ(z2)
    /// is the same class until σ rounds both outputs to 1.)
    /// </summary>
    public void Predict(Matrix x, Matrix h, Matrix z, Span<int> classes)
    {
        if (HasBias) Ops.MatMulAddRowVector(x, W1, b1, h);
        else Ops.MatMul(x, W1, h);
        Ops.SigmoidPade(h, h);
        Transpose(W2, _w2T);
        Ops.MatMulTwoOutputs(h, _w2T, z);
        if (HasBias) Ops.AddRowVector(z, b2, z);
        Ops.ArgMaxRows(z, classes);
    }

    /// <summary>L = Σ(y − h2)² / (2N) + λ·(Σw1² + Σw2²) / (2N), for the batch after <see cref="Forward"/>.</summary>
    public LossParts Loss() => SplitLoss(Ops.SquaredSum(W1), Ops.SquaredSum(W2));

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private LossParts SplitLoss(double sumW1, double sumW2)
    {
        double squares = 0;
        for (int i = 0; i < h2.Length; i++)
        {
            double e = Y.Data[i] - h2.Data[i];
            squares += e * e;
        }
        return new LossParts(squares / (2.0 * N), _lambda * (sumW1 + sumW2) / (2.0 * N));
    }

    /// <summary>The reference's gradient after <see cref="Forward"/>, with the fixed bugs replaced by the true
    /// terms.</summary>
    public void Backward() => Backward(Ops.SquaredSum(W1), Ops.SquaredSum(W2));

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Backward(double sumW1, double sumW2)
    {
        double dataScale = _program.Fixed(ReferenceFix.MeanGradient) ? 1.0 / N : 1.0; // the bug: no 1/N
        // dL_dh2 = −(y − h2) [/N], dh2_dz2 = h2 ⊙ (1 − h2), dL_dz2 = dL_dh2 ⊙ dh2_dz2   (N×K)
        Ops.SigmoidMseGradient(h2, Y, dataScale, dL_dh2, dh2_dz2, dL_dz2);
        // in one pass over the rows: dL_dw2 = h1ᵀ · dL_dz2 (H×K), dL_dh1 = dL_dz2 · w2ᵀ (N×H),
        // dh1_dz1 = h1 ⊙ (1 − h1), dL_dz1 = dL_dh1 ⊙ dh1_dz1, dL_dw1 = Xᵀ · dL_dz1 (D×H)
        Ops.SigmoidLayerBackwardTwoByTwo(X, h1, dL_dz2, _w2T, dL_dz1, dL_dw1, _dL_dw2T);
        Transpose(_dL_dw2T, dL_dw2);
        AddL2(W2, sumW2, dL_dw2);                                          // dL_dw2 += λ·Σw2² (bug) or λ·w2/N
        AddL2(W1, sumW1, dL_dw1);                                          // dL_dw1 += λ·Σw1² (bug) or λ·w1/N
        if (!HasBias) return;
        Ops.SumRows(dL_dz2, dL_db2);                                       // dL_db2 = Σ_rows dL_dz2               (1×K)
        Ops.SumRows(dL_dz1, dL_db1);                                       // dL_db1 = Σ_rows dL_dz1               (1×H)
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Transpose(Matrix a, Matrix destination)
    {
        ReadOnlySpan<double> from = a.Data;
        Span<double> to = destination.Data;
        int rows = a.Rows, cols = a.Cols;
        for (int c = 0, k = 0; c < cols; c++)
            for (int r = 0; r < rows; r++, k++)
                to[k] = from[r * cols + c];
    }

    /// <summary>The bug adds the scalar λ·ΣW² to every entry; the true derivative of λ·ΣW²/(2N) is λ·W/N.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddL2(Matrix w, double sumOfSquares, Matrix dW)
    {
        if (_lambda == 0) return;
        if (_program.Fixed(ReferenceFix.L2Gradient)) Ops.AddScaled(w, _lambda / N, dW);
        else Ops.AddScalar(dW, _lambda * sumOfSquares, dW);
    }

    /// <summary>w2 += −lr·dL_dw2, then w1 += −lr·dL_dw1 (then the biases, when fixed in).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Update(double learningRate)
    {
        Ops.AddScaled(dL_dw2, -learningRate, W2);
        Ops.AddScaled(dL_dw1, -learningRate, W1);
        if (!HasBias) return;
        Ops.AddScaled(dL_db2, -learningRate, b2);
        Ops.AddScaled(dL_db1, -learningRate, b1);
    }

    /// <summary>The tensors the run trains, named as XorNet names them.</summary>
    public IReadOnlyList<Trainable> Trainables() => HasBias
        ? [new("W1", W1, dL_dw1), new("b1", b1, dL_db1), new("W2", W2, dL_dw2), new("b2", b2, dL_db2)]
        : [new("W1", W1, dL_dw1), new("W2", W2, dL_dw2)];

    /// <summary>Copies the weights into XorNet's network of the same shape (for pictures, model files,
    /// accuracy).</summary>
    public void CopyTo(Parameters p)
    {
        W1.CopyTo(p.W(1));
        W2.CopyTo(p.W(2));
        b1.CopyTo(p.b(1));
        b2.CopyTo(p.b(2));
    }
}
