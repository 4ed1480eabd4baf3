using XorNet.Tensors;

namespace XorNet;

/// <summary>The outcome of a run: the trained network, the history (epoch 0 first) and the training data.</summary>
public sealed record TrainingResult(TrainingConfig Config, TwoLayerNetwork Network, Dataset Data, IReadOnlyList<EpochMetrics> History)
{
    public EpochMetrics Final => History[^1];

    /// <summary>"ok" when every epoch ran; "interrupted" when a cancellation stopped the run early.</summary>
    public string Status { get; init; } = TrainingStatus.Ok;

    /// <summary>The held-out test points, when the run has a test split.</summary>
    public Dataset? Test { get; init; }
}

/// <summary>The values of metrics.json's "status" field.</summary>
public static class TrainingStatus
{
    public const string Ok = "ok";
    public const string Interrupted = "interrupted";
    public const string GateFailed = "gate_failed";
}

/// <summary>Minibatch SGD: each epoch is one shuffled pass over the training points in batches of BatchSize.</summary>
public sealed class Trainer
{
    private readonly TrainingConfig _config;
    private readonly TwoLayerNetwork _network;
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

    public Trainer(TrainingConfig config, Dataset data, Dataset? test = null)
    {
        _config = config;
        _data = data;
        _network = new TwoLayerNetwork(data.Features, config.Hidden, data.Classes, config.UseBias);
        _network.Initialize(Rng.ForPurpose(config.Seed, "init"));
        _shuffleRng = Rng.ForPurpose(config.Seed, "shuffle");
        _targets = data.OneHot();
        _grads = new Parameters(data.Features, config.Hidden, data.Classes);
        int batch = Math.Min(config.BatchSize, data.Count), rest = data.Count % batch;
        _batch = _network.CreateWorkspace(batch);
        _lastBatch = rest == 0 ? null : _network.CreateWorkspace(rest);
        _all = _network.CreateWorkspace(data.Count);
        data.X.CopyTo(_all.X);
        _targets.CopyTo(_all.Y);
        _order = Enumerable.Range(0, data.Count).ToArray();
        if (test is null) return;
        _test = test;
        _testAll = _network.CreateWorkspace(test.Count);
        test.X.CopyTo(_testAll.X);
        test.OneHot().CopyTo(_testAll.Y);
    }

    public TwoLayerNetwork Network => _network;

    /// <summary>
    /// Runs every epoch, calling onEpoch after each (and once for epoch 0, before training). A cancellation is
    /// honoured between epochs: the completed epochs are kept and the result's status is "interrupted".
    /// </summary>
    public TrainingResult Run(Action<EpochMetrics>? onEpoch = null, CancellationToken cancel = default)
    {
        var history = new List<EpochMetrics>(_config.Epochs + 1) { Evaluate(0) };
        onEpoch?.Invoke(history[0]);
        for (int epoch = 1; epoch <= _config.Epochs; epoch++)
        {
            if (cancel.IsCancellationRequested)
                return new TrainingResult(_config, _network, _data, history) { Status = TrainingStatus.Interrupted, Test = _test };
            TrainEpoch();
            history.Add(Evaluate(epoch));
            onEpoch?.Invoke(history[^1]);
        }
        return new TrainingResult(_config, _network, _data, history) { Test = _test };
    }

    /// <summary>One shuffled pass over the data in minibatches, one SGD step per batch.</summary>
    public void TrainEpoch()
    {
        _shuffleRng.Shuffle(_order);
        for (int start = 0; start < _order.Length; start += _batch.N)
        {
            Workspace ws = start + _batch.N <= _order.Length ? _batch : _lastBatch!;
            ReadOnlySpan<int> rows = _order.AsSpan(start, ws.N);
            _data.X.TakeRows(rows, ws.X);
            _targets.TakeRows(rows, ws.Y);
            _network.Forward(ws);
            _network.Backward(ws, _config.L2, _grads);
            _network.Step(_grads, _config.LearningRate);
        }
    }

    /// <summary>Loss (with regularisation, N = the whole set) and accuracy on the whole training set.</summary>
    public EpochMetrics Evaluate(int epoch)
    {
        var (loss, accuracy) = Measure(_all, _data.Labels);
        if (_testAll is null) return new EpochMetrics(epoch, loss, accuracy);
        var (testLoss, testAccuracy) = Measure(_testAll, _test!.Labels);
        return new EpochMetrics(epoch, loss, accuracy) { TestLoss = testLoss, TestAccuracy = testAccuracy };
    }

    private (double Loss, double Accuracy) Measure(Workspace ws, int[] labels)
    {
        _network.Forward(ws);
        double loss = _network.Loss(ws, _config.L2).Total;
        int correct = 0;
        for (int i = 0; i < ws.N; i++)
            if (ws.Predictions[i] == labels[i]) correct++;
        return (loss, (double)correct / ws.N);
    }
}
