using System.Runtime.CompilerServices;
using XorNet.Tensors;

namespace XorNet;

/// <summary>
/// Runs the reference program's loop: one iteration = one "epoch" of its loop = one step on the batch, the loss it
/// records (the batch's, before the update) checked for divergence every iteration. Accuracy is measured on all
/// points, as the reference does, at the iterations the bounded history keeps. The result is an ordinary
/// <see cref="TrainingResult"/> whose network holds the reference's weights, so every output works as for any run.
/// </summary>
public sealed class ReferenceTrainer
{
    private const int CancelCheckEvery = 4096;

    private readonly TrainingConfig _config;
    private readonly ReferenceProgram _program;
    private readonly Dataset _data;
    private readonly Matrix _targets;
    private readonly ReferenceNetwork _reference;
    private readonly Network _network; // the same weights, XorNet's type: accuracy, pictures, model file
    private readonly Workspace _all;
    private readonly Matrix _allH, _allZ; // the reference's forward pass on all points, for the accuracy
    private readonly int[] _allClasses;
    private readonly int[] _order;
    private readonly Rng _shuffleRng;
    private int _next; // the next row of the shuffled order (the minibatch fix)

    public ReferenceTrainer(TrainingConfig config)
    {
        _config = config;
        _program = config.Reference
            ?? throw new ArgumentException("The config is not a reference run.", nameof(config));
        _data = ReferenceData.Points(config.Samples);
        _targets = _data.OneHot();
        int batch = Math.Min(config.BatchSize, config.Samples);
        _reference = new ReferenceNetwork(_program, config.Hidden.Widths[0], batch, config.L2);
        _network = new Network(2, config.Hidden, 2, _program.Fixed(ReferenceFix.Bias));
        _all = _network.CreateWorkspace(_data.Count);
        _data.X.CopyTo(_all.X);
        (_allH, _allZ) = (new Matrix(_data.Count, config.Hidden.Widths[0]), new Matrix(_data.Count, 2));
        _allClasses = new int[_data.Count];
        _order = Enumerable.Range(0, _data.Count).ToArray();
        _shuffleRng = Rng.ForPurpose(config.Seed, "reference-shuffle");
        _next = _order.Length; // shuffle before the first batch
        if (!_program.Fixed(ReferenceFix.Minibatch)) TakeRows(0); // the bug: the first N rows, every iteration
    }

    /// <summary>Iterations kept in the history besides the bounded spacing (the frames of an animation).</summary>
    public IReadOnlyCollection<int> AlsoKeep { get; init; } = [];

    public Dataset Data => _data;
    public Network Network => _network;
    public ReferenceNetwork Reference => _reference;

    /// <summary>
    /// Runs every iteration (stopping at a blow-up, or between iterations when cancelled), calling onEpoch for each
    /// kept history entry with <see cref="Network"/> holding that iteration's weights. History entry i is the state
    /// after i updates: the loss the reference records at its iteration i, and the accuracy of those weights.
    /// </summary>
    // fully optimised from the first call: a run's 10⁵–10⁶ iterations are this one call, and the methods it calls
    // would otherwise spend their first thousands of iterations in tier 0 (measured: ~0.1 s of a 100,000-iteration run)
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public TrainingResult Run(Action<EpochMetrics>? onEpoch = null, CancellationToken cancel = default)
    {
        var keep = new ReferenceHistory(_config.Epochs);
        var also = new HashSet<int>(AlsoKeep);
        var history = new List<EpochMetrics>();
        var best = new BestWeights(_reference);
        var start = (W1: Ops.SquaredSum(_reference.W1), W2: Ops.SquaredSum(_reference.W2));
        DivergenceDetector? divergence = null;
        StopInfo stop = StopInfo.Completed;
        bool interrupted = false;
        for (int i = 0; i <= _config.Epochs; i++)
        {
            if (i % CancelCheckEvery == 0 && i > 0 && cancel.IsCancellationRequested) { interrupted = true; break; }
            if (_program.Fixed(ReferenceFix.Minibatch)) NextShuffledBatch();
            double loss = _reference.Measure();
            divergence ??= new DivergenceDetector(loss);
            best.Observe(i, loss);
            var verdict = _config.StopOnDivergence && i > 0 ? divergence.Check(i, loss) : null;
            if (verdict is not null || keep.Keeps(i) || (also.Count > 0 && also.Contains(i)))
                Record(history, new(i, loss, Accuracy()), onEpoch);
            if (verdict is not null)
            {
                stop = StopInfo.Diverged(i, "W1", DivergenceMessage(i, verdict, best, start));
                break;
            }
            // the last loss is measured, not learned from
            if (i < _config.Epochs) _reference.Learn(_config.LearningRate);
        }
        AddBest(history, best);
        _reference.CopyTo(_network.P);
        return new TrainingResult(_config, _network, _data,
            TrainingHistory.Of(history, _network.P.Tensors.Count))
        { Stop = stop, Interrupted = interrupted };
    }

    private static void Record(List<EpochMetrics> history, EpochMetrics m, Action<EpochMetrics>? onEpoch)
    {
        history.Add(m);
        onEpoch?.Invoke(m);
    }

    /// <summary>The reference's accuracy on all points (argmax of its softmax of h1·w2), with the current weights
    /// and the reference's own forward pass.</summary>
    private double Accuracy()
    {
        _reference.CopyTo(_network.P); // onEpoch reads this iteration's weights from Network (snapshots, pictures)
        _reference.Predict(_data.X, _allH, _allZ, _allClasses);
        int correct = 0;
        for (int r = 0; r < _allClasses.Length; r++)
            if (_allClasses[r] == _data.Labels[r]) correct++;
        return (double)correct / _allClasses.Length;
    }

    private double AccuracyOfNetwork()
    {
        _network.Forward(_all);
        int correct = 0;
        for (int r = 0; r < _all.N; r++)
            if (_all.Predictions[r] == _data.Labels[r]) correct++;
        return (double)correct / _all.N;
    }

    /// <summary>Puts the lowest-loss iteration into the history when the spacing skipped it.</summary>
    private void AddBest(List<EpochMetrics> history, BestWeights best)
    {
        if (best.Iteration < 0 || history.Any(m => m.Epoch == best.Iteration)) return;
        best.CopyTo(_network.P);
        var m = new EpochMetrics(best.Iteration, best.Loss, AccuracyOfNetwork());
        int at = history.FindIndex(h => h.Epoch > best.Iteration);
        history.Insert(at >= 0 ? at : history.Count, m);
    }

    private void TakeRows(int start)
    {
        ReadOnlySpan<int> rows = _order.AsSpan(start, _reference.N);
        _data.X.TakeRows(rows, _reference.X);
        _targets.TakeRows(rows, _reference.Y);
    }

    /// <summary>The next N rows of a shuffled pass over all points; a new shuffle when fewer than N are left.</summary>
    private void NextShuffledBatch()
    {
        if (_next + _reference.N > _order.Length)
        {
            _shuffleRng.Shuffle(_order);
            _next = 0;
        }
        TakeRows(_next);
        _next += _reference.N;
    }

    private Message DivergenceMessage(int iteration, DivergenceVerdict verdict, BestWeights best,
        (double W1, double W2) start)
    {
        double w1 = Ops.SquaredSum(_reference.W1), w2 = Ops.SquaredSum(_reference.W2);
        var grew = new Message($"Σw1² grew from {start.W1:G4} to {w1:G4}, Σw2² from {start.W2:G4} to {w2:G4}");
        var lowest = new Message($"lowest {best.Loss:G5} at iteration {best.Iteration}");
        var what = new Message(
            $"the reference run diverged at iteration {iteration}: {verdict.Why} ({lowest}); {grew}");
        if (!(_config.L2 > 0) || _program.Fixed(ReferenceFix.L2Gradient)) return what;
        var fix = new Setting(nameof(ReferenceProgram.Fixes), "l2-gradient");
        return new Message(
            $"{what}; the reference's L2 gradient adds the scalar λ·ΣW² to every weight, which grows ΣW²: try {fix}");
    }

    /// <summary>The lowest loss so far, its iteration and its weights (a copy of a few hundred numbers when it
    /// improves).</summary>
    private sealed class BestWeights(ReferenceNetwork net)
    {
        private readonly Parameters _weights = new(net.W1.Rows, net.H, net.W2.Cols);
        public int Iteration { get; private set; } = -1;
        public double Loss { get; private set; } = double.PositiveInfinity;

        /// <summary>Called with the loss of iteration i before its update, while the weights are those it
        /// measured.</summary>
        public void Observe(int i, double loss)
        {
            if (!(loss < Loss)) return;
            (Iteration, Loss) = (i, loss);
            net.CopyTo(_weights);
        }

        public void CopyTo(Parameters p) => _weights.CopyTo(p);
    }
}
