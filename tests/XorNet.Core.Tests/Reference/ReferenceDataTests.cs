namespace XorNet.Core.Tests.Reference;

/// <summary>The reference's data and initial weights against the NumPy values of shared/reference-code.md.</summary>
public class ReferenceDataTests
{
    [Fact]
    public void Points_AreRandomState0Randn_WithXorLabels()
    {
        Dataset d = ReferenceData.Points(300);
        Assert.Equal(-32.970317655209655, d.X.Data.Sum(), 1e-12);
        Assert.Equal(1.764052345967664, d.X[0, 0]);
        Assert.Equal(-0.17858909208732915, d.X[299, 1]);
        Assert.Equal(142, d.Labels.Count(l => l == 1));
        Assert.Equal(25, d.Labels.Take(50).Count(l => l == 1));
        Assert.Equal([0, 0, 1, 1, 1, 0, 0, 0, 1, 1], d.Labels.Take(10));
    }

    [Fact]
    public void InitialWeights_H3_AreNumPys()
    {
        var (w1, w2) = ReferenceData.InitialWeights(3);
        Assert.Equal([-0.6774645461468192, 0.3776942489991902, -0.0736525254530944], w1.Row(0).ToArray());
        Assert.Equal(-0.5366351936209017, w1[1, 0]);
        Assert.Equal([-0.41491732022266187, -0.30992816293785014], w2.Row(0).ToArray());
        Assert.Equal(0.15231058972412367, w2[2, 1]);
    }

    [Fact]
    public void InitialWeights_H50_AreNumPys()
    {
        var (w1, w2) = ReferenceData.InitialWeights(50);
        Assert.Equal([-0.6774645461468192, 0.3776942489991902, -0.0736525254530944], w1.Row(0)[..3].ToArray());
        Assert.Equal(-0.33588207217184896, w1[1, 0]);
        Assert.Equal([0.10352438868291561, -0.1359925922300885], w2.Row(0).ToArray());
        Assert.Equal(-0.02204372901729126, w2[49, 1]);
    }
}
