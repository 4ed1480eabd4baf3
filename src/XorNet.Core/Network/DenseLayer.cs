using XorNet.Tensors;

namespace XorNet;

/// <summary>
/// The brick: a dense layer z = x·W + b, h = f(z), with its Forward and Backward side by side. Each reads only its
/// own input, its parameters and its own <see cref="LayerCache"/> (llm.c's matmul_forward / matmul_backward).
/// The output layer has no f: its nonlinearity belongs to the <see cref="OutputLoss"/>, which fills h and dL_dz.
/// Letters: N rows in the batch, I inputs of this layer (D for the first), O its outputs (its width).
/// </summary>
public sealed class DenseLayer
{
    public DenseLayer(int index, int inputs, int outputs, HiddenActivation? activation, bool useBias)
    {
        (Index, Inputs, Outputs, Activation, UseBias) = (index, inputs, outputs, activation, useBias);
    }

    /// <summary>l in W_l, z_l, h_l: 1 for the first layer.</summary>
    public int Index { get; }
    public int Inputs { get; }
    public int Outputs { get; }
    /// <summary>f for a hidden layer; null for the output layer.</summary>
    public HiddenActivation? Activation { get; }
    public bool UseBias { get; }

    /// <summary>
    /// Weights uniform in [−1, 1) / √fan_in (the article's reference), biases 0; an output layer of more than 50 inputs
    /// starts at ±√50/fan_in (<see cref="WidthScaling"/>). The one place layers are initialised.
    /// </summary>
    public void Initialize(Rng rng, Matrix W, Matrix b)
    {
        rng.FillUniform(W, -1, 1);
        Ops.Scale(W, WidthScaling.InitScale(this), W);
        b.Fill(0);
    }

    /// <summary>x is (N×I), W is (I×O), b is (1×O): fills c.z = x·W + b and, for a hidden layer, c.h = f(z), both
    /// (N×O).</summary>
    public void Forward(Matrix x, Matrix W, Matrix b, LayerCache c)
    {
        // z = x · W + b     (N×I)·(I×O) → (N×O), b broadcast (1×O)
        if (UseBias) Ops.MatMulAddRowVector(x, W, b, c.z);
        else Ops.MatMul(x, W, c.z);                             // z = x · W         (no bias)
        Activation?.Forward(c.z, c.h);                          // h = f(z)          (N×O)   (σ, tanh or ReLU)
    }

    /// <summary>
    /// From c.dL_dh (a hidden layer) or c.dL_dz (the output layer, filled by the loss): fills dL_dz, the gradients
    /// dW (I×O) and db (1×O), and, unless this is the first layer, dL_dx (N×I), the next brick's dL_dh.
    /// </summary>
    public void Backward(Matrix x, Matrix W, LayerCache c, Regularization reg, Matrix dW, Matrix db, Matrix? dL_dx)
    {
        Activation?.Backward(c.z, c.h, c.dL_dh,                 // one pass:
            c.dh_dz,                                            // dh_dz = f′(z)                     (N×O)
            c.dL_dz);                                           // dL_dz = dL_dh ⊙ dh_dz             (N×O)
        Ops.MatMulTransposeA(x, c.dL_dz, dW);                   // dL_dW = xᵀ · dL_dz                (I×O)
        reg.AddGradient(W, c.N, dW);                            //       + λ2·W/N + λ1·sign(W)/N
        if (UseBias) Ops.SumRows(c.dL_dz, db);                  // dL_db = Σ_rows dL_dz              (1×O)
        else db.Fill(0);                                        //       (without biases nothing to learn)
        if (dL_dx is not null) Ops.MatMulTransposeB(c.dL_dz, W, dL_dx); // dL_dx = dL_dz · Wᵀ         (N×I)
    }
}
