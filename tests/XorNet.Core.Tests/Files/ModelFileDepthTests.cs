using XorNet.Tensors;

namespace XorNet.Tests;

/// <summary>Format 2: W1, b1, …, WL, bL and the widths; a stack of any depth saves and loads to the same
/// predictions.</summary>
public sealed class ModelFileDepthTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("xornet-model-depth-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("0")]
    [InlineData("3")]
    [InlineData("8x8x4")]
    public void SaveThenLoad_KeepsEveryLayer_AndTheWidths(string hidden)
    {
        var network = new Network(2, HiddenLayers.Parse(hidden)!, 3, true, ActivationKind.Tanh, LossKind.CrossEntropy);
        network.Initialize(new Rng(5));
        foreach (var (_, b) in network.P.Named().Where(t => t.Name[0] == 'b')) new Rng(6).FillUniform(b, -1, 1);
        string path = Path.Combine(_dir, "m.npz");
        ModelFile.Save(path, new SavedModel(network, Standardizer.Identity(2), false));

        var arrays = Npz.ReadFile(path);
        Assert.Equal(2L, ((long[])arrays["xornet_format"].Values)[0]);
        Assert.Equal(network.Widths.Select(w => (long)w), (long[])arrays["widths"].Values);
        var back = ModelFile.Load(path);
        Assert.Equal(network.Hidden, back.Network.Hidden);
        foreach (var ((name, a), (_, b)) in network.P.Named().Zip(back.Network.P.Named()))
            Assert.True(a.Data.SequenceEqual(b.Data), name);
        var x = new Matrix(20, 2);
        new Rng(7).FillNormal(x);
        Assert.Equal(Prediction.Run(new SavedModel(network, Standardizer.Identity(2), false), x).Probabilities.Data,
                     Prediction.Run(back, x).Probabilities.Data);
    }

    private string LoadError(Action<Dictionary<string, NpyArray>> spoil)
    {
        var network = new Network(2, new HiddenLayers(4, 3), 2);
        network.Initialize(new Rng(1));
        var arrays = ModelFile.Arrays(new SavedModel(network, Standardizer.Identity(2), false)).ToDictionary();
        spoil(arrays);
        string path = Path.Combine(_dir, "bad.npz");
        Npz.WriteFile(path, arrays);
        return Assert.Throws<InvalidDataException>(() => ModelFile.Load(path)).Message;
    }

    [Fact]
    public void AWeightNotMatchingTheWidths_IsNamed() =>
        Assert.Contains("array 'W2' has shape (4, 4); expected (4, 3) as 'widths' says",
            LoadError(a => a["W2"] = new NpyArray([4, 4], new double[16])));

    [Fact]
    public void AMissingLayer_IsNamed() =>
        Assert.Contains("missing array 'W3'", LoadError(a => a.Remove("W3")));

    [Fact]
    public void BadWidths_AreRefused()
    {
        Assert.Contains("array 'widths' holds [2, 0, 3, 2]",
            LoadError(a => a["widths"] = new NpyArray([4], new long[] { 2, 0, 3, 2 })));
        Assert.Contains("array 'widths' must be an int64 vector",
            LoadError(a => a["widths"] = NpyArray.Vector(2, 4, 3, 2)));
    }
}
