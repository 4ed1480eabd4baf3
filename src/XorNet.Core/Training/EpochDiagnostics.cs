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

    /// <summary>Weight layers L (W1 … WL).</summary>
    public int Layers => Names.Count / 2;

    /// <summary>
    /// Per weight layer l = 1 … L (index l − 1): ‖W_l after the epoch − W_l before it‖ / ‖W_l before it‖;
    /// null at epoch 0.
    /// </summary>
    public double[]? UpdateRatio { get; init; }

    /// <summary>
    /// Per hidden layer l = 1 … L − 1 (index l − 1), on the whole training set after the epoch (epoch 0: before
    /// training): the share of saturated activations (σ, tanh) or dead units (ReLU), see
    /// <see cref="HiddenActivation.SaturatedShare"/>; null when not measured (the reference program's history) or
    /// when there is no hidden layer.
    /// </summary>
    public double[]? Saturation { get; init; }

    /// <summary>The mean gradient norm of W_l (l = 1 … L) over the epoch's steps; NaN at epoch 0.</summary>
    public double WeightGradNorm(int layer) => MeanGradNorm is null ? double.NaN : MeanGradNorm[2 * (layer - 1)];

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

    private int[]? _bySize; // the tensors' indices from the shortest to the longest
    private readonly double[] _four = new double[4];

    /// <summary>
    /// Σθ² of every tensor, four side by side at a time (each still summed in index order: the same bits), grouped
    /// by length, so that the four sums of a group run together for as long as possible.
    /// </summary>
    private void SquaredSums(IReadOnlyList<Tensors.Matrix> t, double[] sums)
    {
        int[] order = _bySize ??= BySize(t);
        int g = 0;
        for (; g + 4 <= t.Count; g += 4)
        {
            Tensors.Ops.SquaredSums(t[order[g]], t[order[g + 1]], t[order[g + 2]], t[order[g + 3]], _four);
            for (int j = 0; j < 4; j++) sums[order[g + j]] = _four[j];
        }
        for (; g < t.Count; g++) sums[order[g]] = Tensors.Ops.SquaredSum(t[order[g]]);
    }

    // A method of its own: a lambda capturing t would allocate its closure on every call of SquaredSums.
    private static int[] BySize(IReadOnlyList<Tensors.Matrix> t) =>
        [.. Enumerable.Range(0, t.Count).OrderBy(i => t[i].Length)];

    /// <summary>Writes the epoch's mean and largest norms into caller-owned rows (nothing allocated).</summary>
    public void Summarize(Span<double> mean, Span<double> max)
    {
        for (int i = 0; i < _sum.Length; i++)
            (mean[i], max[i]) = (_sum[i] / _steps, _max[i]);
    }
}
