using System.Diagnostics;

namespace XorNet.Cli.Live;

/// <summary>
/// The live view of one or more runs. The runs advance in lockstep: a barrier holds each after its epoch until all
/// have reached it, and then (with every network at rest) one thread draws, paces and reads the keys. Pacing spreads
/// the epochs over the chosen seconds; frames are drawn at most <see cref="FramesPerSecond"/> times a second.
/// </summary>
public sealed class LiveSession : IDisposable
{
    public const int FramesPerSecond = 15;
    private static readonly TimeSpan FrameInterval = TimeSpan.FromSeconds(1.0 / FramesPerSecond);
    private static readonly TimeSpan KeyInterval = TimeSpan.FromMilliseconds(10), Nap = TimeSpan.FromMilliseconds(20);

    private readonly LiveTerminal _terminal;
    private readonly double _seconds;
    private readonly int _maxEpochs;
    private readonly Barrier _lockstep;
    private readonly CancellationTokenSource _stop;
    private readonly Stopwatch _wall = Stopwatch.StartNew(), _paced = Stopwatch.StartNew(), _sinceDraw = new(),
        _sinceKeys = new();
    private readonly ManualResetEventSlim _trained = new();
    private int _left;
    private bool _paused;

    /// <summary>
    /// runs: a title and the epochs of each; seconds: how long the whole training should play
    /// (0 = as fast as it trains).
    /// </summary>
    public LiveSession(LiveTerminal terminal, IReadOnlyList<(string Title, int Epochs)> runs, double seconds,
        CancellationToken cancel)
    {
        _terminal = terminal;
        _seconds = seconds;
        _maxEpochs = runs.Max(r => r.Epochs);
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        _lockstep = new Barrier(runs.Count, _ => Tick());
        Runs = [.. runs.Select(r => new LiveRun(r.Title, r.Epochs, () => _lockstep.SignalAndWait(), Left))];
    }

    /// <summary>A run has finished training: it no longer holds the others back; the last one ends the view.</summary>
    private void Left()
    {
        _lockstep.RemoveParticipant();
        if (Interlocked.Increment(ref _left) == Runs.Count) _trained.Set();
    }

    public IReadOnlyList<LiveRun> Runs { get; }

    /// <summary>Cancelled by Ctrl-C, SIGTERM or the q key: the runs stop after their current epoch.</summary>
    public CancellationToken Token => _stop.Token;

    /// <summary>
    /// Runs train (on a thread of its own) with the view on the alternate screen until every run has finished
    /// training; then the last frame is printed once on the normal screen, where the outputs' summary follows it.
    /// </summary>
    public T Show<T>(Func<T> train)
    {
        Task<T> work = Task.Factory.StartNew(train, TaskCreationOptions.LongRunning);
        CellGrid? last = null;
        _terminal.OnAlternateScreen(() =>
        {
            WaitHandle.WaitAny([_trained.WaitHandle, ((IAsyncResult)work).AsyncWaitHandle]);
            last = Draw(final: true); // every run has left the lockstep: no Tick draws any more
        });
        if (last is not null) _terminal.Print(last);
        return work.GetAwaiter().GetResult();
    }

    /// <summary>Trains run number i with its watcher; it leaves the lockstep however the training ends.</summary>
    public T Train<T>(int i, Func<IRunWatcher, T> train)
    {
        try { return train(Runs[i]); }
        finally { Runs[i].Leave(); }
    }

    public void Dispose()
    {
        _lockstep.Dispose();
        _stop.Dispose();
        _trained.Dispose();
    }

    /// <summary>All runs have finished an epoch: read the keys, wait while paused or ahead of the pace, draw.</summary>
    private void Tick()
    {
        ReadKeys(force: true);
        long epoch = _lockstep.CurrentPhaseNumber; // phase 0 is epoch 0 (before training)
        TimeSpan target = TimeSpan.FromSeconds(_seconds * epoch / _maxEpochs);
        while (!_stop.IsCancellationRequested && (_paused || _paced.Elapsed < target))
        {
            TimeSpan ahead = target - _paced.Elapsed;
            Thread.Sleep(_paused || ahead > Nap ? Nap : ahead > TimeSpan.Zero ? ahead : TimeSpan.Zero);
            ReadKeys(force: false);
            if (_paused) Draw(); // shows the pause, and follows a resize while paused
        }
        if (!_sinceDraw.IsRunning || _sinceDraw.Elapsed >= FrameInterval) Draw();
    }

    private void ReadKeys(bool force)
    {
        if (!force && _sinceKeys.IsRunning && _sinceKeys.Elapsed < KeyInterval) return;
        _sinceKeys.Restart();
        while (_terminal.ReadKey() is { } key)
        {
            if (key.KeyChar is 'q' or 'Q') _stop.Cancel();
            else if (key.KeyChar == ' ') SetPaused(!_paused);
        }
    }

    private void SetPaused(bool paused)
    {
        _paused = paused;
        if (paused) _paced.Stop(); else _paced.Start(); // the pace counts only the time not paused
        Draw();
    }

    private CellGrid Draw(bool final = false)
    {
        var (width, height) = _terminal.Size;
        Area[] tiles = LiveLayout.Tiles(Runs.Count, width, height);
        var states = Runs.Select((run, i) =>
        {
            Area surface = tiles.Length > 0 ? LiveLayout.Surface(tiles[i]) : new Area(0, 0, 1, 1);
            return run.Snapshot(surface.Width, 2 * surface.Height, _wall.Elapsed);
        }).ToList();
        var state = new FrameState(states, _paused, _stop.IsCancellationRequested) { Final = final };
        CellGrid frame = LiveFrame.Render(state, width, height, _terminal.Mode);
        _terminal.Draw(frame);
        _sinceDraw.Restart();
        return frame;
    }
}
