namespace XorNet;

/// <summary>
/// How an epoch trained: its learning rate and, per parameter tensor (W1, b1, …, WL, bL, see <see cref="Names"/>),
/// the mean and the largest L2 norm of its minibatch gradients, measured before clipping. Epoch 0 (before training)
/// has none: NaN / null.
/// </summary>
public sealed record EpochDiagnostics(int Epoch, double LearningRate, double[]? MeanGradNorm, double[]? MaxGradNorm)
{
    /// <summary>√(Σ over every tensor of Σθ²) after the epoch: the size of the weights, which blow up in a divergence.</summary>
    public double WeightNorm { get; init; } = double.NaN;

    /// <summary>The tensors' names, in the order of the norms: W1, b1, W2, b2 for the article's network.</summary>
    public IReadOnlyList<string> Names { get; init; } = Parameters.NamesFor(2);

    public static EpochDiagnostics BeforeTraining(int layers) => new(0, double.NaN, null, null) { Names = Parameters.NamesFor(layers) };
}

/// <summary>Accumulates the per-tensor gradient norms of one epoch's minibatch steps.</summary>
public sealed class GradientNormStats(int tensors)
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

    /// <summary>Σθ² of every tensor, four side by side at a time (each still summed in index order: the same bits).</summary>
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

/// <summary>
/// Every epoch's <see cref="EpochDiagnostics"/>, kept in arrays sized once for the run (epochs + 1 rows), so that
/// recording an epoch allocates nothing; the records are built when someone reads them.
/// </summary>
public sealed class DiagnosticsLog(int capacity, int layers = 2)
{
    private readonly int _tensors = 2 * layers;
    private readonly string[] _names = Parameters.NamesFor(layers);
    private double[] _lr = new double[capacity], _weightNorm = new double[capacity];
    private double[] _mean = new double[capacity * 2 * layers], _max = new double[capacity * 2 * layers];

    public int Count { get; private set; }

    /// <summary>Epoch 0: no learning rate, no gradients yet, only the initial weights' norm.</summary>
    public void AddBeforeTraining(double weightNorm)
    {
        EnsureRow();
        (_lr[Count], _weightNorm[Count]) = (double.NaN, weightNorm);
        Count++;
    }

    public void Add(GradientNormStats stats, double learningRate, double weightNorm)
    {
        EnsureRow();
        stats.Summarize(_mean.AsSpan(Count * _tensors, _tensors), _max.AsSpan(Count * _tensors, _tensors));
        (_lr[Count], _weightNorm[Count]) = (learningRate, weightNorm);
        Count++;
    }

    public EpochDiagnostics this[int row] => row == 0
        ? EpochDiagnostics.BeforeTraining(_names.Length / 2) with { WeightNorm = _weightNorm[0], Names = _names }
        : new EpochDiagnostics(row, _lr[row], _mean.AsSpan(row * _tensors, _tensors).ToArray(), _max.AsSpan(row * _tensors, _tensors).ToArray())
        { WeightNorm = _weightNorm[row], Names = _names };

    public EpochDiagnostics[] ToArray() => Enumerable.Range(0, Count).Select(row => this[row]).ToArray();

    /// <summary>Only a caller that trains past the planned epochs makes the arrays grow.</summary>
    private void EnsureRow()
    {
        if (Count < _lr.Length) return;
        int rows = Math.Max(4, 2 * _lr.Length);
        Array.Resize(ref _lr, rows);
        Array.Resize(ref _weightNorm, rows);
        Array.Resize(ref _mean, rows * _tensors);
        Array.Resize(ref _max, rows * _tensors);
    }
}
