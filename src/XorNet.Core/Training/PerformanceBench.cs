using System.Diagnostics;
using XorNet.Tensors;

namespace XorNet;

/// <summary>One matrix-product size: GFLOP/s of the fast kernel and of the naive triple loop, one thread
/// each.</summary>
public sealed record MatMulTiming(int N, double FastGflops, double NaiveGflops);

/// <summary>
/// Microseconds per SGD step (forward + backward + update) for one stack of hidden layers and batch size.
/// </summary>
public sealed record StepTiming(HiddenLayers Hidden, int Batch, double FastMicroseconds, double NaiveMicroseconds);

/// <summary>Milliseconds to evaluate a Columns×Rows decision grid, the batched way and the old row-by-row
/// way.</summary>
public sealed record GridTiming(int Hidden, int Columns, int Rows, double FastMilliseconds, double RowByRowMilliseconds,
    int Threads);

public sealed record BenchReport(string Kernel, int Cores, IReadOnlyList<MatMulTiming> MatMul,
    IReadOnlyList<StepTiming> Steps, IReadOnlyList<GridTiming> Grids);

/// <summary>
/// The numbers behind `xornet bench`: every measurement is the median of several timed samples, each sample long
/// enough (≥ 20 ms) for the clock to be exact, after a warm-up that lets the JIT reach its final code.
/// </summary>
public static class PerformanceBench
{
    public static readonly int[] MatMulSizes = [32, 128, 512, 1024];

    /// <summary>
    /// The stacks whose step is timed: the article's 3 and 50 neurons, and two deeper ones (2→8→8→8→2, 2→64→64→2).
    /// </summary>
    public static readonly HiddenLayers[] StepStacks = [3, 50, new(8, 8, 8), new(64, 64)];

    public static BenchReport Run(bool quick = false, Action<string>? progress = null)
    {
        int samples = quick ? 3 : 7;
        var matmul = new List<MatMulTiming>();
        foreach (int n in quick ? MatMulSizes[..2] : MatMulSizes)
        {
            matmul.Add(MeasureMatMul(n, samples));
            progress?.Invoke($"matmul n={n}");
        }
        var steps = new List<StepTiming>();
        foreach (HiddenLayers hidden in StepStacks)
            foreach (int batch in new[] { 10, 300 })
            {
                steps.Add(MeasureStep(hidden, batch, samples));
                progress?.Invoke($"step H={hidden} batch={batch}");
            }
        var grids = new List<GridTiming>();
        foreach (int hidden in new[] { 3, 50 })
        {
            grids.Add(MeasureGrid(hidden, quick ? 200 : 700, samples));
            progress?.Invoke($"grid H={hidden}");
        }
        return new BenchReport(Ops.MatMulKernelName, Environment.ProcessorCount, matmul, steps, grids);
    }

    /// <summary>
    /// The median seconds per call of action, timed in samples of enough calls to last ≥ 20 ms, after ≥ 300 ms of
    /// warm-up: tiered compilation swaps in optimised code only after ~100 ms of calls, and we time the final code.
    /// </summary>
    public static double SecondsPerCall(Action action, int samples)
    {
        long calls = 1;
        var clock = Stopwatch.StartNew();
        var warmUp = Stopwatch.StartNew();
        while (true)
        {
            clock.Restart();
            for (long i = 0; i < calls; i++) action();
            if (clock.Elapsed.TotalMilliseconds >= 20 && warmUp.Elapsed.TotalMilliseconds >= 300) break;
            if (clock.Elapsed.TotalMilliseconds < 20) calls *= 2;
        }
        var times = new double[samples];
        for (int s = 0; s < samples; s++)
        {
            clock.Restart();
            for (long i = 0; i < calls; i++) action();
            times[s] = clock.Elapsed.TotalSeconds / calls;
        }
        Array.Sort(times);
        return times[samples / 2];
    }

    private static MatMulTiming MeasureMatMul(int n, int samples)
    {
        var rng = new Rng(20230828);
        Matrix a = new(n, n), b = new(n, n), c = new(n, n);
        rng.FillUniform(a, -1, 1);
        rng.FillUniform(b, -1, 1);
        double flops = 2.0 * n * n * n;
        int saved = Ops.MaxMatMulThreads;
        Ops.MaxMatMulThreads = 1;
        try
        {
            double fast = SecondsPerCall(() => Ops.MatMul(a, b, c), samples);
            double naive = SecondsPerCall(() => Ops.MatMulNaive(a, b, c), n >= 1024 ? 1 : samples);
            return new MatMulTiming(n, flops / fast / 1e9, flops / naive / 1e9);
        }
        finally
        {
            Ops.MaxMatMulThreads = saved;
        }
    }

    /// <summary>
    /// The step `xornet train` takes per minibatch (<see cref="Trainer.Step"/>: forward, backward with L2, the gradient
    /// norms kept for metrics.json, plain SGD), on the first rows of the data, against the naive step without the
    /// norms.
    /// </summary>
    private static StepTiming MeasureStep(HiddenLayers hidden, int batch, int samples)
    {
        var data = Dataset.GaussianXor(300, seed: 1);
        var trainer = new Trainer(new TrainingConfig { Hidden = hidden, BatchSize = batch, L2 = 1e-4, Seed = 1 }, data);
        Network network = trainer.Network;
        Workspace ws = network.CreateWorkspace(batch);
        int[] rows = Enumerable.Range(0, batch).ToArray();
        data.X.TakeRows(rows, ws.X);
        data.OneHot().TakeRows(rows, ws.Y);
        // A small rate keeps the weights (and so the work) steady over many steps.
        double fast = SecondsPerCall(() => trainer.Step(ws, 1e-3), samples);
        var naive = new NaiveStep(network, ws);
        double slow = SecondsPerCall(() => naive.Run(1e-4, 1e-3), samples);
        return new StepTiming(hidden, batch, fast * 1e6, slow * 1e6);
    }

    private static GridTiming MeasureGrid(int hidden, int side, int samples)
    {
        var data = Dataset.GaussianXor(300, seed: 1);
        var network = new Network(data.Features, hidden, data.Classes);
        network.Initialize(Rng.ForPurpose(1, "init"));
        double fast = SecondsPerCall(() => DecisionGrid.Evaluate(network, -3, 3, -3, 3, side, side), samples);
        double rowByRow =
            SecondsPerCall(() => DecisionGrid.EvaluateRowByRow(network, -3, 3, -3, 3, side, side),
            Math.Min(samples, 3));
        return new GridTiming(hidden, side, side, fast * 1e3, rowByRow * 1e3, DecisionGrid.Threads(side * side));
    }
}
