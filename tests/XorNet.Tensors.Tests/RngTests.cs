using XorNet.Tensors;

namespace XorNet.Tensors.Tests;

public class RngTests
{
    [Fact]
    public void SameSeed_SameStream_DifferentSeed_DifferentStream()
    {
        var a = new Rng(42);
        var b = new Rng(42);
        var c = new Rng(43);
        var xs = Enumerable.Range(0, 100).Select(_ => a.NextULong()).ToArray();
        Assert.Equal(xs, Enumerable.Range(0, 100).Select(_ => b.NextULong()).ToArray());
        Assert.NotEqual(xs, Enumerable.Range(0, 100).Select(_ => c.NextULong()).ToArray());
    }

    [Fact]
    public void Purposes_GiveIndependentStreams()
    {
        Assert.NotEqual(Rng.ForPurpose(1, "data").NextULong(), Rng.ForPurpose(1, "init").NextULong());
        Assert.Equal(Rng.ForPurpose(1, "data").NextULong(), Rng.ForPurpose(1, "data").NextULong());
    }

    [Fact]
    public void Uniform_StaysInRange_WithMeanNearCentre()
    {
        var rng = new Rng(7);
        var m = new Matrix(1, 100_000);
        rng.FillUniform(m, -1, 1);
        Assert.All(m.Data, v => Assert.InRange(v, -1, 1 - 1e-16));
        Assert.InRange(Ops.Sum(m) / m.Length, -0.01, 0.01);
        Assert.InRange(Ops.SquaredSum(m) / m.Length, 1 / 3.0 - 0.01, 1 / 3.0 + 0.01); // variance of U(−1, 1)
    }

    [Fact]
    public void Normal_HasZeroMeanAndUnitVariance()
    {
        var rng = new Rng(11);
        var m = new Matrix(1, 200_000);
        rng.FillNormal(m);
        double mean = Ops.Sum(m) / m.Length, variance = Ops.SquaredSum(m) / m.Length - mean * mean;
        Assert.InRange(mean, -0.01, 0.01);
        Assert.InRange(variance, 0.98, 1.02);
        Assert.InRange(m.Data.Count(v => v > 0) / (double)m.Length, 0.49, 0.51);
    }

    [Fact]
    public void Shuffle_IsAPermutation()
    {
        var values = Enumerable.Range(0, 50).ToArray();
        new Rng(3).Shuffle(values);
        Assert.Equal(Enumerable.Range(0, 50), values.Order());
        Assert.NotEqual(Enumerable.Range(0, 50), values);
    }

    [Fact]
    public void NextInt_CoversTheRangeOnly()
    {
        var rng = new Rng(5);
        var seen = new bool[7];
        for (int i = 0; i < 1000; i++)
            seen[rng.NextInt(7)] = true;
        Assert.All(seen, Assert.True);
        Assert.Throws<ArgumentOutOfRangeException>(() => rng.NextInt(0));
    }
}
