using BenchmarkDotNet.Attributes;
using XorNet.Tensors;

namespace XorNet.Benchmarks;

/// <summary>One SGD step (Forward + Backward + Step) of the article's network, and the elementwise kernels it spends
/// time in.</summary>
[MemoryDiagnoser]
public class TrainingBenchmarks
{
    private Network _network = null!;
    private Workspace _ws = null!;
    private Parameters _grads = null!;

    [Params(3, 50)]
    public int Hidden { get; set; }

    [Params(10, 300)]
    public int Batch { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var data = Dataset.GaussianXor(300, seed: 1);
        _network = new Network(data.Features, Hidden, data.Classes);
        _network.Initialize(Rng.ForPurpose(1, "init"));
        _ws = _network.CreateWorkspace(Batch);
        int[] rows = Enumerable.Range(0, Batch).ToArray();
        data.X.TakeRows(rows, _ws.X);
        data.OneHot().TakeRows(rows, _ws.Y);
        _grads = new Parameters(data.Features, Hidden, data.Classes);
        _network.Forward(_ws);
    }

    [Benchmark]
    public void Step()
    {
        _network.Forward(_ws);
        _network.Backward(_ws, new Regularization(1e-4), _grads);
        foreach (var (theta, g) in _network.P.Tensors.Zip(_grads.Tensors)) Ops.AddScaled(g, -1e-3, theta);
    }

    [Benchmark]
    public void Sigmoid() => Ops.Sigmoid(_ws.Layer(1).z, _ws.Layer(1).h);

    [Benchmark]
    public void SigmoidDerivative() => Ops.SigmoidDerivativeFromOutput(_ws.Layer(1).h, _ws.Layer(1).dh_dz);
}
