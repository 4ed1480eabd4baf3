using XorNet.Tensors;

namespace XorNet.Tests;

/// <summary>model.npz's 'features': written in order, read back, absent in older files (x1, x2), checked.</summary>
public sealed class ModelFileFeaturesTests
{
    private static SavedModel Sample(FeatureMap features)
    {
        var network = new Network(features.D, 3, 2, true);
        network.Initialize(new Rng(9));
        return new SavedModel(network, Standardizer.Identity(features.D), Standardized: false) { Features = features };
    }

    private static byte[] Bytes(IEnumerable<KeyValuePair<string, NpyArray>> arrays)
    {
        using var stream = new MemoryStream();
        Npz.Write(stream, arrays);
        return stream.ToArray();
    }

    private static SavedModel Read(byte[] bytes) => ModelFile.Read(new MemoryStream(bytes));

    [Fact]
    public void Features_AreAUnicodeVector_InOrder_AndComeBack()
    {
        var features = FeatureMap.Parse("sin_x2,x1x2,x1^2")!;
        var arrays = ModelFile.Arrays(Sample(features)).ToDictionary();
        Assert.Equal(["sin_x2", "x1x2", "x1^2"], (string[])arrays["features"].Values);
        Assert.Equal([3], arrays["features"].Shape);
        Assert.Equal(features, Read(Bytes(arrays)).Features);
    }

    [Fact]
    public void AFileWithoutFeatures_MeansX1X2()
    {
        var arrays = ModelFile.Arrays(Sample(FeatureMap.Plain)).Where(a => a.Key != "features");
        Assert.True(Read(Bytes(arrays)).Features.IsPlain);
    }

    [Fact]
    public void AFileWithoutFeatures_ButThreeInputs_IsRefused()
    {
        var arrays = ModelFile.Arrays(Sample(FeatureMap.Parse("x1,x2,x1x2")!)).Where(a => a.Key != "features");
        var e = Assert.Throws<InvalidDataException>(() => Read(Bytes(arrays)));
        Assert.Contains("'features'", e.Message);
    }

    [Theory]
    [InlineData("x1,x3")]
    [InlineData("x1,x1")]
    [InlineData("x1")]
    public void BadFeatureNames_OrCount_AreRefused_NamingTheArray(string names)
    {
        var arrays = ModelFile.Arrays(Sample(FeatureMap.Plain)).ToDictionary();
        string[] values = names.Split(',');
        arrays["features"] = new NpyArray([values.Length], values);
        var e = Assert.Throws<InvalidDataException>(() => Read(Bytes(arrays)));
        Assert.Contains("array 'features'", e.Message);
        if (values.Length == 2) Assert.Contains($"[{string.Join(", ", values)}]", e.Message); // the names, in full
    }

    [Fact]
    public void Prediction_ComputesTheFeatures_FromTheRawPoints()
    {
        var features = FeatureMap.Parse("x1,x2,x1x2,sin_x1")!;
        var model = Sample(features);
        var points = new Matrix(4, 2);
        new Rng(2).FillUniform(points, -3, 3);
        var prediction = Prediction.Run(model, points);
        var ws = model.Network.CreateWorkspace(4);
        features.Apply(points).CopyTo(ws.X);
        model.Network.Forward(ws);
        for (int i = 0; i < 4; i++)
        {
            double sum = ws.Output.h[i, 0] + ws.Output.h[i, 1];
            Assert.Equal(ws.Output.h[i, 1] / sum, prediction.Probabilities[i, 1], 15);
        }
    }
}
