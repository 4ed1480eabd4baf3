namespace XorNet.Tensors.Tests;

/// <summary>Every test vector of NumPy 1.24.2's legacy RandomState recorded in shared/reference-code.md.</summary>
public class NumPyRandomStateTests
{
    [Theory]
    [InlineData(0u, new uint[] { 2357136044, 2546248239, 3071714933, 3626093760, 2588848963, 3684848379 })]
    [InlineData(2017u, new uint[] { 90023483, 3575031817, 3294541254, 3093533325, 1923800874, 3674136968 })]
    public void FirstWords_AreNumPys(uint seed, uint[] expected)
    {
        var rs = new NumPyRandomState(seed);
        Assert.Equal(expected, expected.Select(_ => rs.NextUInt32()).ToArray());
    }

    [Fact]
    public void RandomSample_Seed0_IsNumPys_BitForBit()
    {
        var rs = new NumPyRandomState(0);
        Assert.Equal(0x3fe18fe1565f12a8UL, Bits(rs.NextDouble()));
        Assert.Equal(0x3fe6e2d4cf608733UL, Bits(rs.NextDouble()));
        Assert.Equal(0.6027633760716439, rs.NextDouble());
        Assert.Equal(0.5448831829968969, rs.NextDouble());
    }

    [Fact]
    public void Random_Seed2017_IsNumPys_BitForBit()
    {
        var rs = new NumPyRandomState(2017);
        Assert.Equal(0x3f957698ea8b5400UL, Bits(rs.NextDouble()));
        Assert.Equal(0x3fe88bd6bae18e4aUL, Bits(rs.NextDouble()));
        Assert.Equal(0.44791979980060215, rs.NextDouble());
        Assert.Equal(0.12054161556730447, rs.NextDouble());
    }

    [Fact]
    public void Randn_300x2_Seed0_IsNumPys()
    {
        var x = new Matrix(300, 2);
        new NumPyRandomState(0).FillGaussian(x);
        Assert.Equal(0x3ffc398ef3e5cfa5UL, Bits(x[0, 0]));
        Assert.Equal(0x3fd99c2cfacc8953UL, Bits(x[0, 1]));
        Assert.Equal([0.9787379841057392, 2.240893199201458], x.Row(1).ToArray());
        Assert.Equal([1.8675579901499675, -0.977277879876411], x.Row(2).ToArray());
        Assert.Equal([0.9500884175255894, -0.1513572082976979], x.Row(3).ToArray());
        Assert.Equal(0xbfedc3d791d01e52UL, Bits(x[299, 0]));
        Assert.Equal(0xbfc6dc01e2f7fd16UL, Bits(x[299, 1]));
        Assert.Equal(-32.970317655209655, x.Data.Sum(), 1e-12);
    }

    [Fact]
    public void Randn_RejectsPairsOutsideTheUnitCircle_395PairsFor600Values()
    {
        // 300 accepted pairs of 395 drawn: the 600 values use 790 doubles, 1580 words; the next word is the 1581st.
        var used = new NumPyRandomState(0);
        used.FillGaussian(new Matrix(300, 2));
        var fresh = new NumPyRandomState(0);
        for (int i = 0; i < 2 * 2 * 395; i++) fresh.NextUInt32();
        Assert.Equal(fresh.NextUInt32(), used.NextUInt32());
    }

    [Fact]
    public void Randn_CachesTheSecondValueOfAPair_AcrossOtherDraws()
    {
        // NumPy: rs = RandomState(5); rs.randn(), rs.random_sample(), rs.randn(), rs.random_sample()
        var rs = new NumPyRandomState(5);
        Assert.Equal(0.44122748688504143, rs.NextGaussian());
        Assert.Equal(0.20671915533942642, rs.NextDouble()); // the third double: the first pair used two
        Assert.Equal(-0.33087015189408764, rs.NextGaussian()); // the cached half of the first pair
        Assert.Equal(0.9186109079379216, rs.NextDouble());
    }

    [Fact]
    public void Regeneration_After624Words_ContinuesNumPysStream()
    {
        // NumPy: RandomState(0).randint(0, 2**32, 630, dtype=np.uint64)[623:627]
        var rs = new NumPyRandomState(0);
        for (int i = 0; i < 623; i++) rs.NextUInt32();
        Assert.Equal([3791854820u, 341544762u, 1076416385u, 384842097u],
            Enumerable.Range(0, 4).Select(_ => rs.NextUInt32()));
    }

    private static ulong Bits(double v) => (ulong)BitConverter.DoubleToInt64Bits(v);
}
