namespace XorNet.Cli.Live;

/// <summary>
/// One run as the live view follows it: its history so far, and its surface at the view's resolution.
/// </summary>
public sealed class LiveRun(string title, int epochs, Action arrive, Action leave) : IRunWatcher
{
    /// <summary>
    /// At most about <see cref="KeptEpochs"/> epochs are kept (every stride-th, and the latest), whatever the
    /// run's length.
    /// </summary>
    public const int KeptEpochs = 1 << 16;
    private readonly int _stride = Math.Max(1, epochs / KeptEpochs);
    private readonly List<EpochMetrics> _history = new(Math.Min(epochs + 1, KeptEpochs + 2));
    private Trainer? _trainer;
    private PlanePoints? _points;
    private FeaturePlane? _plane;
    private Surface? _surface;
    private (int Epoch, int Columns, int Rows, string? Ended) _surfaceKey = (-1, 0, 0, null);
    private string? _ended;
    private int _left;

    public int Epochs => epochs;

    public void Started(Trainer trainer, Dataset train, FeaturePlane? plane = null) =>
        (_trainer, _points, _plane) = (trainer, PlanePoints.Of(plane?.Points ?? train), plane);

    public void Epoch(EpochMetrics metrics)
    {
        // An epoch off the stride was kept only while it was the latest.
        if (_history.Count > 0 && _history[^1].Epoch % _stride != 0) _history.RemoveAt(_history.Count - 1);
        _history.Add(metrics);
        arrive();
    }

    public void Finished(TrainingResult? result)
    {
        _ended = result is null ? "failed" : Describe(result);
        Leave();
    }

    /// <summary>Leaves the lockstep once, however the run ends (also when it never started).</summary>
    public void Leave()
    {
        _ended ??= "not started";
        if (Interlocked.Exchange(ref _left, 1) == 0) leave();
    }

    /// <summary>
    /// The tile's state now, with the surface evaluated at columns × pixelRows (again only when it changed).
    /// </summary>
    public TileState Snapshot(int columns, int pixelRows, TimeSpan elapsed)
    {
        int epoch = _history.Count == 0 ? -1 : _history[^1].Epoch;
        if (_trainer is { } trainer && _points is not null && (epoch, columns, pixelRows, _ended) != _surfaceKey)
        {
            _surface = _plane is { } p
                ? Evaluate(p.InPlane(trainer.Network), _points.Plane, columns, pixelRows, p.Features)
                : Evaluate(trainer.Network, _points.Plane, columns, pixelRows);
            _surfaceKey = (epoch, columns, pixelRows, _ended);
        }
        return new TileState(title, epochs, _history, _points ?? Empty)
        {
            Surface = _surface,
            Diagnostics = _trainer is null || _history.Count == 0 ? null : _trainer.LatestDiagnostics,
            Ended = _ended,
            Elapsed = elapsed,
        };
    }

    /// <summary>
    /// The plane through the library's own evaluation, the one boundary.png uses (with its fast path); a network on
    /// features reads each cell centre's features.
    /// </summary>
    public static Surface Evaluate(Network network, (double, double, double, double) plane, int columns,
        int rows, FeatureMap? features = null)
    {
        DecisionGrid grid = DecisionGrid.Evaluate(network, plane, Math.Max(columns, 1), Math.Max(rows, 1), features);
        if (network.K <= 2) return new Surface(grid.ClassOneShare);
        ClassGrid regions = ClassGrid.Evaluate(network, grid, features);
        return new Surface(regions.Confidence, regions.Classes, network.K);
    }

    private static string Describe(TrainingResult r) =>
        r.Interrupted ? "interrupted"
        : r.Stop.Reason == StopReason.Diverged ? $"diverged at epoch {r.Stop.Epoch}"
        : r.Stop.Reason == StopReason.EarlyStopped ? $"early stop at epoch {r.Stop.Epoch}, best {r.Stop.RestoredEpoch}"
        : "done";

    private static readonly PlanePoints Empty = new([], [], [], (0, 1, 0, 1));
}
