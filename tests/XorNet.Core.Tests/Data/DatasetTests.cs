namespace XorNet.Tests;

public class DatasetTests
{
    [Fact]
    public void GaussianXor_LabelsAreXorOfSigns_AndBalanced()
    {
        var data = Dataset.GaussianXor(2000, 3);
        Assert.Equal((2000, 2, 2), (data.Count, data.Features, data.Classes));
        for (int i = 0; i < data.Count; i++)
            Assert.Equal((data.X[i, 0] > 0) != (data.X[i, 1] > 0) ? 1 : 0, data.Labels[i]);
        Assert.InRange(data.Labels.Average(), 0.45, 0.55);
    }

    [Fact]
    public void GaussianXor_SameSeedSameData_DifferentSeedDifferentData()
    {
        Assert.Equal(Dataset.GaussianXor(50, 9).X.Data, Dataset.GaussianXor(50, 9).X.Data);
        Assert.NotEqual(Dataset.GaussianXor(50, 9).X.Data, Dataset.GaussianXor(50, 10).X.Data);
    }

    [Fact]
    public void OneHot_HasASingleOnePerRowAtTheLabel()
    {
        var data = Dataset.GaussianXor(40, 1);
        var y = data.OneHot();
        for (int i = 0; i < data.Count; i++)
        {
            Assert.Equal(1, y[i, data.Labels[i]]);
            Assert.Equal(1, y.Row(i).ToArray().Sum());
        }
    }
}
