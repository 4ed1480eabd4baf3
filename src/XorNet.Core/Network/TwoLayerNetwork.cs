using XorNet.Tensors;

namespace XorNet;

/// <summary>
/// The article's network, kept as the readable reference (<see cref="Network"/> is the stack training uses; a test
/// asserts the two agree bit for bit): h1 = σ(X·W1 + b1), h2 = σ(h1·W2 + b2), prediction = argmax(h2), trained on
/// L = Σ(y − h2)² / (2N) + λ·(ΣW1² + ΣW2²) / (2N).
/// The hidden activation (σ, tanh, ReLU) and the output/loss pair (σ + MSE, softmax + cross-entropy) are levers;
/// the defaults are the article's.
/// Letters: N rows in the batch, D inputs, H hidden neurons, K outputs (classes).
/// </summary>
internal sealed class TwoLayerNetwork
{
    public int D { get; }
    public int H { get; }
    public int K { get; }
    public bool UseBias { get; }
    public Parameters P { get; }
    public HiddenActivation Activation { get; }
    public OutputLoss Output { get; }

    public TwoLayerNetwork(int inputs, int hidden, int classes, bool useBias = true,
        ActivationKind activation = ActivationKind.Sigmoid, LossKind loss = LossKind.Mse)
    {
        if (inputs < 1 || hidden < 1 || classes < 2)
            throw new ArgumentOutOfRangeException(nameof(hidden),
                $"Need D ≥ 1, H ≥ 1, K ≥ 2; got D={inputs}, H={hidden}, K={classes}.");
        (D, H, K, UseBias) = (inputs, hidden, classes, useBias);
        P = new Parameters(inputs, hidden, classes);
        Activation = HiddenActivation.For(activation);
        Output = OutputLoss.For(loss);
    }

    /// <summary>The reference initialisation: weights uniform in [−1, 1) / √fan_in, biases 0.</summary>
    public void Initialize(Rng rng)
    {
        rng.FillUniform(P.W(1), -1, 1);
        Ops.Scale(P.W(1), 1 / Math.Sqrt(D), P.W(1));
        rng.FillUniform(P.W(2), -1, 1);
        Ops.Scale(P.W(2), 1 / Math.Sqrt(H), P.W(2));
        P.b(1).Fill(0);
        P.b(2).Fill(0);
    }

    public TwoLayerWorkspace CreateWorkspace(int n) => new(n, D, H, K);

    /// <summary>Forward pass on ws.X (N×D); fills z1, h1, z2, h2 and the argmax predictions.</summary>
    public void Forward(TwoLayerWorkspace ws)
    {
        // z1 = X · W1 + b1  (N×D)·(D×H) → (N×H), b1 broadcast (1×H)
        if (UseBias) Ops.MatMulAddRowVector(ws.X, P.W(1), P.b(1), ws.z1);
        else Ops.MatMul(ws.X, P.W(1), ws.z1);                     // z1 = X · W1          (no bias)
        Activation.Forward(ws.z1, ws.h1);                       // h1 = σ(z1)           (N×H)   (or tanh, ReLU)
        // z2 = h1 · W2 + b2  (N×H)·(H×K) → (N×K), b2 broadcast (1×K)
        if (UseBias) Ops.MatMulAddRowVector(ws.h1, P.W(2), P.b(2), ws.z2);
        else Ops.MatMul(ws.h1, P.W(2), ws.z2);                    // z2 = h1 · W2         (no bias)
        Output.Forward(ws.z2, ws.h2);                           // h2 = σ(z2)           (N×K)   (or softmax)
        Ops.ArgMaxRows(ws.h2, ws.Predictions);                  // prediction = argmax(h2) per row
    }

    /// <summary>
    /// Backward pass: the exact gradient of <see cref="Loss"/> for the batch in ws (after Forward, with ws.Y set),
    /// written into grads. Reads only the forward cache and walks it in reverse.
    /// </summary>
    public void Backward(TwoLayerWorkspace ws, double lambda, Parameters grads) =>
        Backward(ws, new Regularization(lambda), grads);

    /// <summary>Backward with L2 and/or L1 on the weights (see <see cref="Regularization"/>).</summary>
    public void Backward(TwoLayerWorkspace ws, Regularization reg, Parameters grads)
    {
        Output.Backward(ws.h2, ws.Y, ws.dL_dh2, ws.dh2_dz2, ws.dL_dz2); // dL_dz2  = dL_dh2 ⊙ dh2_dz2   (N×K)
                                                                        //   MSE on σ: (h2 − y)/N ⊙ h2 ⊙ (1 − h2);
                                                                        //   softmax + CE: (h2 − y)/N
        Ops.MatMulTransposeA(ws.h1, ws.dL_dz2, grads.W(2));             // dL_dW2  = h1ᵀ · dL_dz2       (H×K)
        reg.AddGradient(P.W(2), ws.N, grads.W(2));                      //         + λ2·W2/N + λ1·sign(W2)/N
        SumOrZero(ws.dL_dz2, grads.b(2));                               // dL_db2  = Σ_rows dL_dz2      (1×K)
        Ops.MatMulTransposeB(ws.dL_dz2, P.W(2), ws.dL_dh1);             // dL_dh1  = dL_dz2 · W2ᵀ       (N×H)
        Activation.Backward(ws.z1, ws.h1, ws.dL_dh1,                    // one pass:
            ws.dh1_dz1,                                                 // dh1_dz1 = h1 ⊙ (1 − h1)      (N×H)
                                                                        //   (tanh: 1 − h1², ReLU: [z1 > 0])
            ws.dL_dz1);                                                 // dL_dz1  = dL_dh1 ⊙ dh1_dz1   (N×H)
        Ops.MatMulTransposeA(ws.X, ws.dL_dz1, grads.W(1));              // dL_dW1  = Xᵀ · dL_dz1        (D×H)
        reg.AddGradient(P.W(1), ws.N, grads.W(1));                      //         + λ2·W1/N + λ1·sign(W1)/N
        SumOrZero(ws.dL_dz1, grads.b(1));                               // dL_db1  = Σ_rows dL_dz1      (1×H)
    }

    /// <summary>
    /// L = Σ(y − h2)² / (2N) + λ·(ΣW1² + ΣW2²) / (2N) for the batch in ws (after Forward). Biases are not regularised.
    /// </summary>
    public LossParts Loss(TwoLayerWorkspace ws, double lambda) => Loss(ws, new Regularization(lambda));

    /// <summary>The data part of the chosen loss plus the L2/L1 penalty, for the batch in ws (after Forward).</summary>
    public LossParts Loss(TwoLayerWorkspace ws, Regularization reg) =>
        new(Output.Data(ws.z2, ws.h2, ws.Y), reg.Penalty(P, ws.N));

    /// <summary>Plain gradient descent: θ ← θ − lr · dL/dθ for every parameter tensor.</summary>
    public void Step(Parameters grads, double learningRate)
    {
        Ops.AddScaled(grads.W(1), -learningRate, P.W(1));
        Ops.AddScaled(grads.W(2), -learningRate, P.W(2));
        if (!UseBias) return;
        Ops.AddScaled(grads.b(1), -learningRate, P.b(1));
        Ops.AddScaled(grads.b(2), -learningRate, P.b(2));
    }

    /// <summary>The tensors training changes, each with its gradient in grads (the biases only when the network has
    /// them).</summary>
    public IReadOnlyList<Trainable> Trainables(Parameters grads) => UseBias
        ? [new("W1", P.W(1), grads.W(1)), new("b1", P.b(1), grads.b(1)), new("W2", P.W(2), grads.W(2)),
            new("b2", P.b(2), grads.b(2))]
        : [new("W1", P.W(1), grads.W(1)), new("W2", P.W(2), grads.W(2))];

    private void SumOrZero(Matrix dL_dz, Matrix db)
    {
        if (UseBias) Ops.SumRows(dL_dz, db);
        else db.Fill(0); // without biases there is nothing to learn here
    }
}

/// <summary>
/// A parameter tensor θ and its gradient dL/dθ, named as in the article; the optimizer steps it by lr·StepScale
/// (<see cref="WidthScaling"/>: 1 in a network of at most 50 neurons a layer).
/// </summary>
public sealed record Trainable(string Name, Matrix Value, Matrix Gradient, double StepScale = 1);

/// <summary>The loss split as the article writes it: the data term and the L2 regularisation term.</summary>
public readonly record struct LossParts(double Data, double Regularization)
{
    public double Total => Data + Regularization;
}
