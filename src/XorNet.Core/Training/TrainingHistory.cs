namespace XorNet;

/// <summary>
/// The run's history in bounded memory, whatever the epoch count: every epoch up to <see cref="Limit"/>, then
/// evenly spaced epochs (the multiples of <see cref="Stride"/>, a power of two doubled whenever more than Limit + 1
/// would be kept, so between Limit/2 and Limit + 1 remain), and always the last epoch and the best one (lowest
/// monitored loss: the test loss with a test split, else the training loss — the epoch early stopping restores).
/// The last <see cref="RecentEpochs"/> epochs are also kept, for the divergence report, but are not listed.
/// As a list it holds the kept epochs in order, epoch 0 first; everything that reads a run's history reads this.
/// Recording an epoch allocates nothing once the stride has grown past 1.
/// </summary>
public sealed class TrainingHistory : IReadOnlyList<EpochMetrics>
{
    /// <summary>Epochs kept one by one before the history thins out: 1000 rows keep metrics.json under ~0.5
    /// MB.</summary>
    public const int DefaultLimit = 1000;

    /// <summary>The divergence report looks back at most <see cref="DivergenceDetector.Patience"/> epochs.</summary>
    public const int RecentEpochs = DivergenceDetector.Patience + 1;

    private readonly int _tensors;
    private readonly List<Row> _sampled;
    private readonly Row[] _recent;   // a ring of the newest epochs, overwritten in place
    private readonly Row _best;
    private bool _hasBest;
    private int _count;               // epochs recorded
    private readonly bool _frozen;
    private List<Row>? _view;         // the listed rows, built on first read after an Add

    /// <param name="tensors">Parameter tensors whose gradient norms are recorded per epoch (W1, b1, …, WL, bL:
    /// 2L).</param>
    /// <param name="limit">Epochs kept one by one (at least 2).</param>
    public TrainingHistory(int tensors, int limit = DefaultLimit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(tensors, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 2);
        (_tensors, Limit) = (tensors, limit);
        _sampled = new List<Row>(Math.Min(limit + 1, 64));
        _recent = [.. Enumerable.Range(0, RecentEpochs).Select(_ => new Row(tensors))];
        _best = new Row(tensors);
    }

    /// <summary>A fixed history of the given rows (see <see cref="Until"/>): nothing more can be added.</summary>
    private TrainingHistory(TrainingHistory source, List<Row> rows) : this(source._tensors, source.Limit)
    {
        (Stride, _frozen, _view, _count) = (source.Stride, true, rows, rows.Count);
        _sampled.AddRange(rows);
        foreach (Row row in rows) ConsiderForBest(row);
    }

    /// <summary>A fixed history of epochs kept elsewhere, in epoch order (the reference program keeps its
    /// own).</summary>
    public static TrainingHistory Of(IEnumerable<EpochMetrics> epochs, int tensors)
    {
        var rows = epochs.Select(m =>
        {
            var row = new Row(tensors);
            row.Set(m, double.NaN, double.NaN, default, default);
            return row;
        }).ToList();
        return new TrainingHistory(new TrainingHistory(tensors), rows);
    }

    public int Limit { get; }

    /// <summary>The spacing of the kept epochs past the first Limit: 1, 2, 4, …</summary>
    public int Stride { get; private set; } = 1;

    /// <summary>The newest epoch recorded.</summary>
    public EpochMetrics Last => _count == 0 ? throw new InvalidOperationException("the history is empty")
        : _frozen ? View[^1].Metrics : Newest.Metrics;

    /// <summary>The epoch with the lowest monitored loss (the first of equals; NaN never counts as better).</summary>
    public EpochMetrics Best => _hasBest ? _best.Metrics : Last;

    /// <summary>The loss early stopping and <see cref="Best"/> compare: the test loss when there is one.</summary>
    public static double MonitoredLoss(EpochMetrics m) => m.TestLoss ?? m.Loss;

    /// <summary>
    /// Records the next epoch (epoch 0 first, then 1, 2, …). meanGradNorm and maxGradNorm hold one norm per tensor,
    /// or are empty before training (epoch 0); learningRate is NaN there. The gradient flow (see
    /// <see cref="EpochDiagnostics.UpdateRatio"/>, <see cref="EpochDiagnostics.Saturation"/>) is optional.
    /// </summary>
    public void Add(EpochMetrics metrics, double learningRate, double weightNorm,
        ReadOnlySpan<double> meanGradNorm = default, ReadOnlySpan<double> maxGradNorm = default) =>
        Add(metrics, learningRate, weightNorm, meanGradNorm, maxGradNorm, default, default);

    /// <param name="updateRatio">One ratio per weight layer (L), or empty (epoch 0).</param>
    /// <param name="saturation">One share per hidden layer (L − 1), or empty when not measured.</param>
    public void Add(EpochMetrics metrics, double learningRate, double weightNorm, ReadOnlySpan<double> meanGradNorm,
        ReadOnlySpan<double> maxGradNorm, ReadOnlySpan<double> updateRatio, ReadOnlySpan<double> saturation)
    {
        if (_frozen) throw new InvalidOperationException("a history made by Until is fixed");
        if (metrics.Epoch != (_count == 0 ? 0 : Newest.Metrics.Epoch + 1))
            throw new ArgumentException(
                $"epoch {metrics.Epoch} recorded after {(_count == 0 ? "none" : Newest.Metrics.Epoch)}");
        Row row = _recent[_count % RecentEpochs];
        row.Set(metrics, learningRate, weightNorm, meanGradNorm, maxGradNorm);
        row.SetFlow(updateRatio, saturation);
        _count++;
        _view = null;
        if (metrics.Epoch / Stride > Limit) Thin();
        if (metrics.Epoch % Stride == 0) _sampled.Add(row.Clone());
        ConsiderForBest(row);
    }

    private static double Rank(EpochMetrics m) => MonitoredLoss(m) is double loss
        && double.IsNaN(loss) ? double.PositiveInfinity : loss;

    private void ConsiderForBest(Row row)
    {
        if (_hasBest && !(Rank(row.Metrics) < Rank(_best.Metrics))) return;
        _best.CopyFrom(row);
        _hasBest = true;
    }

    /// <summary>Doubles the stride and drops the epochs that are no longer its multiples (epoch 0 always
    /// stays).</summary>
    private void Thin()
    {
        Stride *= 2;
        _sampled.RemoveAll(r => r.Metrics.Epoch % Stride != 0);
    }

    public int Count => View.Count;

    /// <summary>The i-th kept epoch (not epoch i: use <see cref="At"/> for that).</summary>
    public EpochMetrics this[int index] => View[index].Metrics;

    public IEnumerator<EpochMetrics> GetEnumerator() => View.Select(r => r.Metrics).GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The metrics of that epoch when it was kept (listed or among the most recent), else null.</summary>
    public EpochMetrics? At(int epoch) => Find(epoch)?.Metrics;

    /// <summary>How that epoch trained (learning rate, gradient and weight norms) when it was kept, else
    /// null.</summary>
    public EpochDiagnostics? DiagnosticsAt(int epoch) => Find(epoch)?.Diagnostics();

    /// <summary>The diagnostics of the listed epochs, in the same order.</summary>
    public IEnumerable<EpochDiagnostics> Diagnostics => View.Select(r => r.Diagnostics());

    /// <summary>The listed epochs up to and including this one, as a history of their own (the animation's "so
    /// far").</summary>
    public TrainingHistory Until(int epoch) => new(this, [.. View.TakeWhile(r => r.Metrics.Epoch <= epoch)]);

    private Row Newest => _recent[(_count - 1) % RecentEpochs];

    private Row? Find(int epoch)
    {
        if (!_frozen)
            for (int i = 0; i < Math.Min(_count, RecentEpochs); i++)
                if (_recent[i].Metrics.Epoch == epoch) return _recent[i];
        int at = View.BinarySearch(Row.Key(epoch), EpochOrder.Instance);
        return at >= 0 ? View[at] : null;
    }

    /// <summary>The sampled epochs plus the best and the last (snapshots of them), in epoch order without
    /// repeats.</summary>
    private List<Row> View => _view ??= BuildView();

    private List<Row> BuildView()
    {
        var rows = new List<Row>(_sampled.Count + 2);
        rows.AddRange(_sampled);
        if (_count == 0) return rows;
        foreach (Row extra in new[] { _best, Newest })
            if (rows.BinarySearch(extra, EpochOrder.Instance) is int at && at < 0) rows.Insert(~at, extra.Clone());
        return rows;
    }

    /// <summary>One epoch's numbers; the norms live in arrays sized once, so the ring rows are rewritten in
    /// place.</summary>
    private sealed class Row
    {
        private readonly double[] _mean, _max, _update, _saturation;
        private bool _hasGradients, _hasUpdate, _hasSaturation;
        private double _learningRate, _weightNorm;

        public Row(int tensors) => (_mean, _max, _update, _saturation) = (new double[tensors], new double[tensors],
            new double[tensors / 2], new double[Math.Max(0, tensors / 2 - 1)]);

        /// <summary>A search key for an epoch.</summary>
        public static Row Key(int epoch) => new(1) { Metrics = new EpochMetrics(epoch, 0, 0) };

        public EpochMetrics Metrics { get; private set; }

        public void Set(EpochMetrics metrics, double learningRate, double weightNorm, ReadOnlySpan<double> mean,
            ReadOnlySpan<double> max)
        {
            (Metrics, _learningRate, _weightNorm, _hasGradients) = (metrics, learningRate, weightNorm, !mean.IsEmpty);
            if (!_hasGradients) return;
            mean.CopyTo(_mean);
            max.CopyTo(_max);
        }

        /// <summary>
        /// The gradient flow: update ratios per weight layer, saturation per hidden layer (each may be empty).
        /// </summary>
        public void SetFlow(ReadOnlySpan<double> update, ReadOnlySpan<double> saturation)
        {
            (_hasUpdate, _hasSaturation) = (!update.IsEmpty, !saturation.IsEmpty);
            if (_hasUpdate) update.CopyTo(_update);
            if (!saturation.IsEmpty) saturation.CopyTo(_saturation);
        }

        public Row CopyFrom(Row other)
        {
            Set(other.Metrics, other._learningRate, other._weightNorm,
                other._hasGradients ? other._mean : default, other._hasGradients ? other._max : default);
            (_hasUpdate, _hasSaturation) = (other._hasUpdate, other._hasSaturation);
            other._update.CopyTo(_update);
            other._saturation.CopyTo(_saturation);
            return this;
        }

        public Row Clone()
        {
            var copy = new Row(_mean.Length);
            copy.CopyFrom(this);
            return copy;
        }

        public EpochDiagnostics Diagnostics() =>
            new(Metrics.Epoch, _learningRate, _hasGradients ? (double[])_mean.Clone() : null,
                _hasGradients ? (double[])_max.Clone() : null)
            {
                WeightNorm = _weightNorm,
                Names = Parameters.NamesFor(_mean.Length / 2),
                UpdateRatio = _hasUpdate ? (double[])_update.Clone() : null,
                Saturation = _hasSaturation ? (double[])_saturation.Clone() : null,
            };
    }

    private sealed class EpochOrder : IComparer<Row>
    {
        public static readonly EpochOrder Instance = new();
        public int Compare(Row? a, Row? b) => a!.Metrics.Epoch.CompareTo(b!.Metrics.Epoch);
    }
}
