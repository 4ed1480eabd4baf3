using XorNet.Tensors;

namespace XorNet;

/// <summary>
/// The penalty on the weights (never the biases): L_reg = λ2·(ΣW1² + ΣW2²)/(2N) + λ1·(Σ|W1| + Σ|W2|)/N, so that
/// dL_reg/dW = λ2·W/N + λ1·sign(W)/N. The L2 part is the article's; L1 uses the subgradient sign(0) = 0.
/// </summary>
public readonly record struct Regularization(double L2, double L1 = 0)
{
    public string Formula => (L2 > 0, L1 > 0) switch
    {
        (_, false) => "λ2·(ΣW1² + ΣW2²) / (2N)",
        (false, true) => "λ1·(Σ|W1| + Σ|W2|) / N",
        (true, true) => "λ2·(ΣW1² + ΣW2²) / (2N) + λ1·(Σ|W1| + Σ|W2|) / N",
    };

    /// <summary>L_reg for a batch of n rows.</summary>
    public double Penalty(Parameters p, int n)
    {
        double penalty = L2 * (Ops.SquaredSum(p.W1) + Ops.SquaredSum(p.W2)) / (2.0 * n);
        if (L1 > 0) penalty += L1 * (Ops.AbsSum(p.W1) + Ops.AbsSum(p.W2)) / n;
        return penalty;
    }

    /// <summary>dW += λ2·W/n + λ1·sign(W)/n.</summary>
    public void AddGradient(Matrix w, int n, Matrix dW)
    {
        double invN = 1.0 / n;
        if (L2 > 0) Ops.AddScaled(w, L2 * invN, dW); // adding 0·W changes nothing but the time
        if (L1 > 0) Ops.AddScaledSign(w, L1 * invN, dW);
    }
}
