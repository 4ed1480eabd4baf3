using BenchmarkDotNet.Attributes;
using XorNet.Tensors;

namespace XorNet.Benchmarks;

/// <summary>C = A·B for square float64 matrices on one thread: the blocked FMA kernel next to the naive triple
/// loop.</summary>
[MemoryDiagnoser]
public class MatMulBenchmarks
{
    private Matrix _a = null!, _b = null!, _c = null!;

    [Params(32, 128, 512)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Rng(20230828);
        (_a, _b, _c) = (new Matrix(N, N), new Matrix(N, N), new Matrix(N, N));
        rng.FillUniform(_a, -1, 1);
        rng.FillUniform(_b, -1, 1);
        Ops.MaxMatMulThreads = 1;
    }

    [Benchmark(Baseline = true)]
    public void Naive() => Ops.MatMulNaive(_a, _b, _c);

    [Benchmark]
    public void Fast() => Ops.MatMul(_a, _b, _c);

    [Benchmark]
    public void TransposeA() => Ops.MatMulTransposeA(_a, _b, _c);

    [Benchmark]
    public void TransposeB() => Ops.MatMulTransposeB(_a, _b, _c);
}
