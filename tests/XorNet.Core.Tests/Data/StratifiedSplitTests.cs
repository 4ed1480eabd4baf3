namespace XorNet.Tests;

public class StratifiedSplitTests
{
    [Fact]
    public void EachClassGivesItsShare_AndTheSetsPartitionThePoints()
    {
        var data = new Dataset(new Tensors.Matrix(100, 2, Enumerable.Range(0, 200).Select(i => (double)i).ToArray()),
                               Enumerable.Range(0, 100).Select(i => i < 80 ? 0 : i < 92 ? 1 : 2).ToArray(), 3);
        var (train, test) = StratifiedSplit.Split(data, 0.25, 7);
        Assert.Equal([20, 3, 2], Enumerable.Range(0, 3).Select(k => test.Labels.Count(l => l == k)));
        Assert.Equal(100, train.Count + test.Count);
        var firsts = train.X.Data.Where((_, i) => i % 2 == 0).Concat(test.X.Data.Where((_, i) => i % 2 == 0)).Order();
        Assert.Equal(Enumerable.Range(0, 100).Select(i => 2.0 * i), firsts);
        Assert.Equal(3, test.Classes);
    }

    [Fact]
    public void SameSeedSameSplit_OtherSeedOtherSplit()
    {
        var data = DataGenerators.Moons(200, 0.1, 1);
        Assert.Equal(StratifiedSplit.Split(data, 0.3, 1).Test.X.Data, StratifiedSplit.Split(data, 0.3, 1).Test.X.Data);
        Assert.NotEqual(StratifiedSplit.Split(data, 0.3, 1).Test.X.Data,
            StratifiedSplit.Split(data, 0.3, 2).Test.X.Data);
    }

    [Fact]
    public void ASplitThatHoldsOutNothing_IsInvalidData() =>
        Assert.Throws<InvalidDataException>(() => StratifiedSplit.Split(DataGenerators.Moons(10, 0, 1), 0.01, 1));
}
