namespace XorNet.Tests;

public class DataGeneratorsTests
{
    [Theory]
    [InlineData("xor")]
    [InlineData("circle")]
    [InlineData("gauss")]
    [InlineData("spiral")]
    [InlineData("moons")]
    public void EveryDataset_HasNPoints_TwoBalancedClasses_AndIsSeeded(string name)
    {
        var data = DataGenerators.Generate(name, 301, 0.1, 4);
        Assert.Equal((301, 2, 2), (data.Count, data.Features, data.Classes));
        Assert.InRange(data.Labels.Count(l => l == 1), 120, 181);
        Assert.Equal(data.X.Data, DataGenerators.Generate(name, 301, 0.1, 4).X.Data);
        Assert.NotEqual(data.X.Data, DataGenerators.Generate(name, 301, 0.1, 5).X.Data);
    }

    [Fact]
    public void Xor_WithoutNoise_IsTheArticlesGaussianXor()
    {
        var data = DataGenerators.Generate("xor", 200, 0, 3);
        Assert.Equal(Dataset.GaussianXor(200, 3).X.Data, data.X.Data);
        Assert.Equal(Dataset.GaussianXor(200, 3).Labels, data.Labels);
    }

    [Fact]
    public void Xor_Noise_KeepsThePoints_AndFlipsSomeLabelsNearTheAxes()
    {
        var clean = DataGenerators.Xor(1000, 0, 3);
        var noisy = DataGenerators.Xor(1000, 0.3, 3);
        Assert.Equal(clean.X.Data, noisy.X.Data);
        int[] flipped = Enumerable.Range(0, 1000).Where(i => clean.Labels[i] != noisy.Labels[i]).ToArray();
        Assert.InRange(flipped.Length, 20, 400);
        // shift ≤ 3·0.3
        Assert.All(flipped, i => Assert.True(Math.Min(Math.Abs(clean.X[i, 0]), Math.Abs(clean.X[i, 1])) <= 0.9));
    }

    [Fact]
    public void Circle_WithoutNoise_Class1InsideRadius2_5_Class0InTheRing()
    {
        var data = DataGenerators.Circle(400, 0, 1);
        for (int i = 0; i < data.Count; i++)
        {
            double r = Math.Sqrt(data.X[i, 0] * data.X[i, 0] + data.X[i, 1] * data.X[i, 1]);
            if (data.Labels[i] == 1) Assert.InRange(r, 0, 2.5);
            else Assert.InRange(r, 3.5, 5);
        }
    }

    [Fact]
    public void Gauss_ClassMeansNearPlusMinusTwo()
    {
        var data = DataGenerators.Gauss(2000, 0, 1);
        double Mean(int label, int col) => Enumerable.Range(0, data.Count).Where(i => data.Labels[i] == label)
            .Average(i => data.X[i, col]);
        Assert.InRange(Mean(1, 0), 1.9, 2.1);
        Assert.InRange(Mean(0, 1), -2.1, -1.9);
    }

    [Fact]
    public void Spiral_WithoutNoise_StaysWithinRadius5_AndArmsAreOpposite()
    {
        var data = DataGenerators.Spiral(100, 0, 1);
        for (int i = 0; i < data.Count; i++)
            Assert.True(data.X[i, 0] * data.X[i, 0] + data.X[i, 1] * data.X[i, 1] <= 25 + 1e-9);
        Assert.Equal(-data.X[10, 0], data.X[60, 0], 12); // point i of arm 0 is point i of arm 1 turned by π
    }

    [Fact]
    public void Moons_WithoutNoise_LieOnTheTwoHalfCircles()
    {
        var data = DataGenerators.Moons(50, 0, 1);
        for (int i = 0; i < data.Count; i++)
        {
            double cx = data.Labels[i] == 0 ? 0 : 1, cy = data.Labels[i] == 0 ? 0 : 0.5;
            Assert.Equal(1.0, Math.Sqrt(Math.Pow(data.X[i, 0] - cx, 2) + Math.Pow(data.X[i, 1] - cy, 2)), 12);
        }
    }

    [Fact]
    public void UnknownName_Throws() => Assert.Throws<ArgumentException>(
        () => DataGenerators.Generate("swiss", 10, 0, 1));
}
