using XorNet.Tensors;

namespace XorNet;

/// <summary>The outcome of a run: the trained network, the bounded history (epoch 0 first) and the training
/// data.</summary>
public sealed record TrainingResult(TrainingConfig Config, Network Network, Dataset Data, TrainingHistory History)
{
    /// <summary>The metrics of the returned network: the last epoch, or the best one when early stopping restored
    /// it.</summary>
    public EpochMetrics Final => Stop.RestoredEpoch is int best ? History.At(best) ?? History.Best : History.Last;

    /// <summary>Why training ended: all epochs done, early stopping, or divergence.</summary>
    public StopInfo Stop { get; init; } = StopInfo.Completed;

    /// <summary>True when a cancellation (Ctrl-C, SIGTERM) stopped the run between epochs.</summary>
    public bool Interrupted { get; init; }

    /// <summary>
    /// metrics.json's status: "interrupted", "diverged" or "ok". A run whose final loss is NaN or infinite diverged
    /// even when the divergence check was off and it trained on through it: never "ok" beside "loss": null.
    /// </summary>
    public string Status => Interrupted ? TrainingStatus.Interrupted
        : Stop.Reason == StopReason.Diverged
            || !double.IsFinite(Final.Loss) ? TrainingStatus.Diverged : TrainingStatus.Ok;

    /// <summary>The divergence report; for a run the check did not stop (it was off), what its final loss
    /// says.</summary>
    public Message DivergenceMessage
    {
        get
        {
            if (Stop.Message is { } message) return message;
            string loss = double.IsNaN(Final.Loss) ? "NaN" : "infinite";
            var check = new Setting(nameof(TrainingConfig.StopOnDivergence));
            return new($"training diverged: the loss is {loss} at epoch {Final.Epoch} ({check} trained on through it)");
        }
    }

    /// <summary>The held-out test points, when the run has a test split.</summary>
    public Dataset? Test { get; init; }
}

/// <summary>The values of metrics.json's "status" field.</summary>
public static class TrainingStatus
{
    public const string Ok = "ok";
    public const string Diverged = "diverged";
    public const string Interrupted = "interrupted";
    public const string GateFailed = "gate_failed";
}

/// <summary>
/// Minibatch training: each epoch is one shuffled pass over the training points in batches of BatchSize, one
/// optimizer step per batch (plain SGD by default), with the learning rate of the epoch's schedule, optional
/// gradient clipping, early stopping, and a divergence check after every epoch.
/// </summary>
public sealed class Trainer
{
    private readonly TrainingConfig _config;
    private readonly Network _network;
    private readonly Dataset _data;
    private readonly Matrix _targets;      // (N×K) one-hot labels of the whole set
    private readonly Parameters _grads;
    private readonly Workspace _batch;     // full-size minibatches
    private readonly Workspace? _lastBatch; // the shorter final batch when BatchSize does not divide N
    private readonly Workspace _all;       // the whole set, for the per-epoch metrics
    private readonly int[] _order;
    private readonly Rng _shuffleRng;
    private readonly Dataset? _test;
    private readonly Workspace? _testAll;  // the test set, for the per-epoch test metrics
    private readonly Regularization _reg;
    private readonly Optimizer _optimizer;
    private readonly LearningRateSchedule _schedule;
    private readonly IReadOnlyList<Trainable> _trainables;
    private readonly GradientNormStats _norms;
    private readonly TrainingHistory _history;
    private readonly double[] _meanNorms, _maxNorms;
    private readonly Matrix[] _weightsBefore;   // W_l at the start of the epoch, for the update ratio
    private readonly double[] _updateRatio;     // per weight layer
    private readonly double[] _saturation;      // per hidden layer, from the latest Evaluate
    private double _epochRate = double.NaN;
    private double[]? _firstStepNorms;
    private double _firstStepJointNorm;
    private int _epoch;

    public Trainer(TrainingConfig config, Dataset data, Dataset? test = null)
    {
        _config = config;
        _data = data;
        _network = new Network(data.Features, config.Hidden, data.Classes, config.UseBias, config.Activation,
            config.Loss);
        _network.Initialize(Rng.ForPurpose(config.Seed, "init"));
        _shuffleRng = Rng.ForPurpose(config.Seed, "shuffle");
        _targets = data.OneHot();
        _grads = _network.P.CloneShape();
        int tensors = _grads.Tensors.Count;
        (_norms, _history) = (new GradientNormStats(tensors), new TrainingHistory(tensors));
        (_meanNorms, _maxNorms) = (new double[tensors], new double[tensors]);
        int layers = _network.P.Layers;
        _weightsBefore = [.. Enumerable.Range(1, layers)
            .Select(l => new Matrix(_network.P.W(l).Rows, _network.P.W(l).Cols))];
        (_updateRatio, _saturation) = (new double[layers], new double[layers - 1]);
        int batch = Math.Min(config.BatchSize, data.Count), rest = data.Count % batch;
        _batch = _network.CreateWorkspace(batch);
        _lastBatch = rest == 0 ? null : _network.CreateWorkspace(rest);
        _all = _network.CreateWorkspace(data.Count);
        data.X.CopyTo(_all.X);
        _targets.CopyTo(_all.Y);
        _order = Enumerable.Range(0, data.Count).ToArray();
        _reg = config.Regularization;
        _optimizer = Optimizer.For(config);
        _schedule = LearningRateSchedule.From(config);
        _trainables = _network.Trainables(_grads, config.Optimizer);
        if (test is null) return;
        _test = test;
        _testAll = _network.CreateWorkspace(test.Count);
        test.X.CopyTo(_testAll.X);
        test.OneHot().CopyTo(_testAll.Y);
    }

    public Network Network => _network;

    /// <summary>The latest epoch's learning rate and gradient norms (epoch 0: none yet), for a live view.</summary>
    public EpochDiagnostics LatestDiagnostics => _history.Count == 0
        ? EpochDiagnostics.BeforeTraining(_network.P.Layers)
        : _history.DiagnosticsAt(_history.Last.Epoch)!;
    /// <summary>The history recorded so far; in Run's onEpoch its Last is the epoch just reported.</summary>
    public TrainingHistory History => _history;

    /// <summary>
    /// Runs every epoch, calling onEpoch after each (and once for epoch 0, before training); stops at once when
    /// training diverges, or early when the monitored loss stops improving (then the best weights are restored).
    /// A cancellation is honoured between epochs: the completed epochs are kept and the result is marked interrupted.
    /// </summary>
    public TrainingResult Run(Action<EpochMetrics>? onEpoch = null, CancellationToken cancel = default)
    {
        EpochMetrics initial = Record(Evaluate(0));
        onEpoch?.Invoke(initial);
        var divergence = new DivergenceDetector(initial.Loss);
        var early = _config.EarlyStop is int patience ? new EarlyStopping(patience, _network.P) : null;
        early?.Observe(0, TrainingHistory.MonitoredLoss(initial), _network.P);
        StopInfo stop = StopInfo.Completed;
        bool interrupted = false;
        for (int epoch = 1; epoch <= _config.Epochs && stop == StopInfo.Completed; epoch++)
        {
            if (cancel.IsCancellationRequested)
            {
                interrupted = true;
                break;
            }
            TrainEpoch();
            EpochMetrics metrics = Record(Evaluate(epoch));
            onEpoch?.Invoke(metrics);
            if (_config.StopOnDivergence && divergence.Check(epoch, metrics.Loss) is { } verdict)
                stop = Diverged(epoch, verdict, divergence.HadLearned);
            else if (early is not null && early.Observe(epoch, TrainingHistory.MonitoredLoss(metrics), _network.P))
                stop = StopInfo.EarlyStopped(epoch, early.BestEpoch, MonitorName);
        }
        if (early is not null && stop.Reason != StopReason.Diverged)
        {
            early.RestoreBest(_network.P);
            stop = stop with { RestoredEpoch = early.BestEpoch, Monitor = MonitorName };
        }
        return new TrainingResult(_config, _network, _data, _history)
        {
            Stop = stop,
            Interrupted = interrupted,
            Test = _test,
        };
    }

    /// <summary>Early stopping watches the test loss when there is a held-out test split, else the training
    /// loss.</summary>
    private string MonitorName => _test is null ? "train_loss" : "test_loss";

    private StopInfo Diverged(int epoch, DivergenceVerdict verdict, bool hadLearned)
    {
        var (parameter, message) =
            DivergenceReport.Build(_config, epoch, verdict, hadLearned, _history.DiagnosticsAt(verdict.SinceEpoch)!,
            _firstStepNorms!, _firstStepJointNorm);
        return StopInfo.Diverged(epoch, parameter, message);
    }

    /// <summary>One shuffled pass over the data in minibatches, one optimizer step per batch.</summary>
    public void TrainEpoch()
    {
        double lr = _schedule.At(++_epoch);
        _norms.Reset();
        for (int l = 1; l <= _weightsBefore.Length; l++) _network.P.W(l).CopyTo(_weightsBefore[l - 1]);
        _shuffleRng.Shuffle(_order);
        for (int start = 0; start < _order.Length; start += _batch.N)
        {
            Workspace ws = start + _batch.N <= _order.Length ? _batch : _lastBatch!;
            ReadOnlySpan<int> rows = _order.AsSpan(start, ws.N);
            _data.X.TakeRows(rows, ws.X);
            _targets.TakeRows(rows, ws.Y);
            Step(ws, lr);
        }
        _norms.Summarize(_meanNorms, _maxNorms);
        MeasureUpdates();
        _epochRate = lr;
    }

    /// <summary>
    /// ‖ΔW_l‖ / ‖W_l‖ over the epoch: how far the epoch's steps moved each layer, relative to its size.
    /// </summary>
    private void MeasureUpdates()
    {
        for (int l = 1; l <= _weightsBefore.Length; l++)
        {
            Matrix before = _weightsBefore[l - 1];
            _updateRatio[l - 1] = Math.Sqrt(Ops.SquaredDistance(_network.P.W(l), before) / Ops.SquaredSum(before));
        }
    }

    /// <summary>
    /// Each hidden layer's saturated (σ, tanh) or dead (ReLU) share, from the forward pass over the training set in ws.
    /// </summary>
    private void MeasureSaturation(Workspace ws)
    {
        for (int l = 1; l <= _saturation.Length; l++)
            _saturation[l - 1] = _network.Activation.SaturatedShare(ws.Layer(l).z, ws.Layer(l).h);
    }

    /// <summary>Adds the epoch to the history with how it trained (epoch 0: no rate, no gradients yet).</summary>
    private EpochMetrics Record(EpochMetrics metrics)
    {
        if (metrics.Epoch == 0) _history.Add(metrics, double.NaN, WeightNorm(), default, default, default, _saturation);
        else _history.Add(metrics, _epochRate, WeightNorm(), _meanNorms, _maxNorms, _updateRatio, _saturation);
        return metrics;
    }

    /// <summary>One optimizer step on the batch in ws (X and Y filled): forward, backward, gradient norms, clipping,
    /// update.</summary>
    internal void Step(Workspace ws, double lr)
    {
        _network.Forward(ws, predict: false);
        _network.Backward(ws, _reg, _grads);
        RecordNorms();
        Clip();
        _optimizer.Step(_trainables, lr);
    }

    /// <summary>√(Σ over every tensor of Σθ²), summed in the tensors' order.</summary>
    private double WeightNorm()
    {
        IReadOnlyList<Matrix> tensors = _network.P.Tensors;
        double sum = 0;
        for (int i = 0; i < tensors.Count; i++) sum += Ops.SquaredSum(tensors[i]);
        return Math.Sqrt(sum);
    }

    /// <summary>Gradient norms before clipping, so the history shows what clipping had to fight.</summary>
    private void RecordNorms()
    {
        double[] norms = _norms.Add(_grads);
        if (_firstStepNorms is not null) return;
        _firstStepNorms = (double[])norms.Clone(); // the first step's gradients are the yardstick for "exploded"
        _firstStepJointNorm = StepNorm(_trainables);
    }

    /// <summary>The first step's length over lr: √Σ (s·‖g‖)² over the tensors (<see cref="WidthScaling"/>).</summary>
    private static double StepNorm(IReadOnlyList<Trainable> tensors)
    {
        double sum = 0;
        foreach (Trainable t in tensors) sum += t.StepScale * t.StepScale * Ops.SquaredSum(t.Gradient);
        return Math.Sqrt(sum);
    }

    private void Clip()
    {
        if (_config.ClipValue is double limit) GradientClipping.ClipByValue(_trainables, limit);
        if (_config.ClipNorm is double maxNorm) GradientClipping.ClipByNorm(_trainables, maxNorm);
    }

    /// <summary>
    /// Loss (with regularisation, N = the whole set) and accuracy on the whole training set; the hidden layers'
    /// saturation from the same forward pass is kept for the history.
    /// </summary>
    public EpochMetrics Evaluate(int epoch)
    {
        var (loss, accuracy) = Measure(_all, _data.Labels);
        MeasureSaturation(_all);
        if (_testAll is null) return new EpochMetrics(epoch, loss, accuracy);
        var (testLoss, testAccuracy) = Measure(_testAll, _test!.Labels);
        return new EpochMetrics(epoch, loss, accuracy) { TestLoss = testLoss, TestAccuracy = testAccuracy };
    }

    private (double Loss, double Accuracy) Measure(Workspace ws, int[] labels)
    {
        _network.Forward(ws);
        double loss = _network.Loss(ws, _reg).Total;
        int correct = 0;
        for (int i = 0; i < ws.N; i++)
            if (ws.Predictions[i] == labels[i]) correct++;
        return (loss, (double)correct / ws.N);
    }
}
