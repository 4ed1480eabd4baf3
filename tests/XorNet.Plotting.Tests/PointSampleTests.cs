using XorNet.Plotting;

namespace XorNet.Plotting.Tests;

public sealed class PointSampleTests
{
    [Fact]
    public void UpToTheLimit_EveryPointIsShown()
    {
        int[] labels = [.. Enumerable.Range(0, 300).Select(i => i % 2)];
        Assert.Equal(Enumerable.Range(0, 300), PointSample.Stratified(labels, 2));
    }

    [Fact]
    public void BeyondTheLimit_EachClassKeepsItsShare_Deterministically()
    {
        // 200,000 points, classes of 10 %, 30 % and 60 %.
        int[] labels = [.. Enumerable.Range(0, 200_000).Select(i => i % 10 == 0 ? 0 : i % 10 <= 3 ? 1 : 2)];
        int[] shown = PointSample.Stratified(labels, 3);
        Assert.InRange(shown.Length, PointSample.MaxShown - 3, PointSample.MaxShown + 3);
        Assert.Equal([500, 1500, 3000], Enumerable.Range(0, 3).Select(k => shown.Count(i => labels[i] == k)));
        Assert.Equal(shown.Order(), shown);
        Assert.Equal(shown.Length, shown.Distinct().Count());
        Assert.Equal(shown, PointSample.Stratified(labels, 3));
    }

    [Fact]
    public void ATinyClass_IsNeverDroppedFromTheSample()
    {
        int[] labels = [.. Enumerable.Range(0, 50_000).Select(i => i == 7 ? 1 : 0)];
        int[] shown = PointSample.Stratified(labels, 2, 1000);
        Assert.Contains(7, shown);
    }
}
