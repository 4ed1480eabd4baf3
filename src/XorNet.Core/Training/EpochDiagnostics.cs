namespace XorNet;

/// <summary>
/// How an epoch trained: its learning rate and, per parameter tensor (W1, b1, …, WL, bL, see <see cref="Names"/>),
/// the mean and the largest L2 norm of its minibatch gradients, measured before clipping. Epoch 0 (before training)
/// has none: NaN / null.
/// </summary>
public sealed record EpochDiagnostics(int Epoch, double LearningRate, double[]? MeanGradNorm, double[]? MaxGradNorm)
{
    /// <summary>√(Σ over every tensor of Σθ²) after the epoch: the size of the weights, which blow up in a
    /// divergence.</summary>
    public double WeightNorm { get; init; } = double.NaN;

    /// <summary>The tensors' names, in the order of the norms: W1, b1, W2, b2 for the article's network.</summary>
    public IReadOnlyList<string> Names { get; init; } = Parameters.NamesFor(2);

    public static EpochDiagnostics BeforeTraining(int layers) => new(0, double.NaN, null, null)
    {
        Names =
        Parameters.NamesFor(layers)
    };
}

/// <summary>Accumulates the per-tensor gradient norms of one epoch's minibatch steps.</summary>
internal sealed class GradientNormStats(int tensors)
{
    private readonly double[] _sum = new double[tensors], _max = new double[tensors], _last = new double[tensors];
    private int _steps;

    /// <summary>For the article's four tensors W1, b1, W2, b2.</summary>
    public GradientNormStats() : this(4) { }

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
        SquaredSums(grads.Tensors, norms);
        for (int i = 0; i < norms.Length; i++) norms[i] = Math.Sqrt(norms[i]);
        for (int i = 0; i < norms.Length; i++)
        {
            _sum[i] += norms[i];
            _max[i] = double.IsNaN(norms[i]) || double.IsNaN(_max[i]) ? double.NaN : Math.Max(_max[i], norms[i]);
        }
        _steps++;
        return norms;
    }

    /// <summary>Σθ² of every tensor, four side by side at a time (each still summed in index order: the same
    /// bits).</summary>
    private static void SquaredSums(IReadOnlyList<Tensors.Matrix> t, double[] sums)
    {
        int i = 0;
        for (; i + 4 <= t.Count; i += 4)
            Tensors.Ops.SquaredSums(t[i], t[i + 1], t[i + 2], t[i + 3], sums.AsSpan(i, 4));
        for (; i < t.Count; i++) sums[i] = Tensors.Ops.SquaredSum(t[i]);
    }

    /// <summary>Writes the epoch's mean and largest norms into caller-owned rows (nothing allocated).</summary>
    public void Summarize(Span<double> mean, Span<double> max)
    {
        for (int i = 0; i < _sum.Length; i++)
            (mean[i], max[i]) = (_sum[i] / _steps, _max[i]);
    }
}
