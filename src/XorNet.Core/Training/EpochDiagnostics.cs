namespace XorNet;

/// <summary>
/// How an epoch trained: its learning rate and, per parameter tensor (W1, b1, W2, b2), the mean and the largest
/// L2 norm of its minibatch gradients, measured before clipping. Epoch 0 (before training) has none: NaN / null.
/// </summary>
public sealed record EpochDiagnostics(int Epoch, double LearningRate, double[]? MeanGradNorm, double[]? MaxGradNorm)
{
    /// <summary>√(ΣW1² + Σb1² + ΣW2² + Σb2²) after the epoch: the size of the weights, which blow up in a divergence.</summary>
    public double WeightNorm { get; init; } = double.NaN;

    public static readonly string[] Names = ["W1", "b1", "W2", "b2"];

    public static EpochDiagnostics BeforeTraining { get; } = new(0, double.NaN, null, null);
}

/// <summary>Accumulates the per-tensor gradient norms of one epoch's minibatch steps.</summary>
public sealed class GradientNormStats
{
    private readonly double[] _sum = new double[4], _max = new double[4], _last = new double[4];
    private int _steps;

    public void Reset()
    {
        Array.Clear(_sum);
        Array.Fill(_max, double.NegativeInfinity);
        _steps = 0;
    }

    /// <summary>
    /// Adds one step's gradients; returns their norms in the order of <see cref="EpochDiagnostics.Names"/>
    /// (a buffer reused by the next step: copy it to keep it).
    /// </summary>
    public double[] Add(Parameters grads)
    {
        double[] norms = _last;
        Tensors.Ops.SquaredSums(grads.W1, grads.b1, grads.W2, grads.b2, norms);
        for (int i = 0; i < 4; i++) norms[i] = Math.Sqrt(norms[i]);
        for (int i = 0; i < 4; i++)
        {
            _sum[i] += norms[i];
            _max[i] = double.IsNaN(norms[i]) || double.IsNaN(_max[i]) ? double.NaN : Math.Max(_max[i], norms[i]);
        }
        _steps++;
        return norms;
    }

    /// <summary>Writes the epoch's mean and largest norms into caller-owned rows (nothing allocated).</summary>
    public void Summarize(Span<double> mean, Span<double> max)
    {
        for (int i = 0; i < 4; i++)
            (mean[i], max[i]) = (_sum[i] / _steps, _max[i]);
    }
}
