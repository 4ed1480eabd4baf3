using XorNet.Tensors;

namespace XorNet;

/// <summary>
/// The penalty on every weight matrix (never the biases): L_reg = λ2·Σ_l ΣW_l²/(2N) + λ1·Σ_l Σ|W_l|/N, so that
/// dL_reg/dW = λ2·W/N + λ1·sign(W)/N. The L2 part is the article's; L1 uses the subgradient sign(0) = 0.
/// </summary>
public readonly record struct Regularization(double L2, double L1 = 0)
{
    /// <summary>The article's two-layer spelling; <see cref="FormulaFor"/> names the weights of any depth.</summary>
    public string Formula => FormulaFor(2);

    /// <summary>The penalty written out for a stack of L weight layers, e.g. "λ2·(ΣW1² + ΣW2² + ΣW3²) /
    /// (2N)".</summary>
    public string FormulaFor(int layers)
    {
        string Sum(string term) => layers == 1 ? term.Replace("{l}", "1")
            : "(" + string.Join(" + ", Enumerable.Range(1, layers).Select(l => term.Replace("{l}", $"{l}"))) + ")";
        string l2 = $"λ2·{Sum("ΣW{l}²")} / (2N)", l1 = $"λ1·{Sum("Σ|W{l}|")} / N";
        return (L2 > 0, L1 > 0) switch
        {
            (_, false) => l2,
            (false, true) => l1,
            (true, true) => $"{l2} + {l1}",
        };
    }

    /// <summary>L_reg for a batch of n rows.</summary>
    public double Penalty(Parameters p, int n)
    {
        double squares = 0, absolutes = 0;
        for (int l = 1; l <= p.Layers; l++) squares += Ops.SquaredSum(p.W(l));
        double penalty = L2 * squares / (2.0 * n);
        if (L1 <= 0) return penalty;
        for (int l = 1; l <= p.Layers; l++) absolutes += Ops.AbsSum(p.W(l));
        return penalty + L1 * absolutes / n;
    }

    /// <summary>dW += λ2·W/n + λ1·sign(W)/n.</summary>
    public void AddGradient(Matrix w, int n, Matrix dW)
    {
        double invN = 1.0 / n;
        if (L2 > 0) Ops.AddScaled(w, L2 * invN, dW); // adding 0·W changes nothing but the time
        if (L1 > 0) Ops.AddScaledSign(w, L1 * invN, dW);
    }
}
