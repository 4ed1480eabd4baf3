using XorNet.Tensors;

namespace XorNet.Tests;

public sealed class ModelFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("xornet-model-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "fixtures", name);

    private static SavedModel Sample(bool bias = true)
    {
        var network = new Network(2, 4, 3, bias);
        network.Initialize(new Rng(3));
        if (bias) new Rng(4).FillUniform(network.P.b(2), -1, 1);
        return new SavedModel(network, new Standardizer([0.5, -2], [1.5, 3]), Standardized: true);
    }

    [Fact]
    public void SaveThenLoad_GivesTheSameNetworkAndScaler()
    {
        string path = Path.Combine(_dir, "m.npz");
        var model = Sample();
        ModelFile.Save(path, model);
        var back = ModelFile.Load(path);
        foreach (var ((name, a), (_, b)) in model.Network.P.Named().Zip(back.Network.P.Named()))
            Assert.True(a.Data.SequenceEqual(b.Data), name);
        Assert.Equal((3, true, true), (back.Network.K, back.Network.UseBias, back.Standardized));
        Assert.Equal(model.Scaler.Std, back.Scaler.Std);
        Assert.Equal(File.ReadAllBytes(path), Write(model)); // deterministic bytes
    }

    private byte[] Write(SavedModel model)
    {
        string path = Path.Combine(_dir, "again.npz");
        ModelFile.Save(path, model);
        return File.ReadAllBytes(path);
    }

    [Fact]
    public void LoadsAModelMadeByNumPy_AndPredictsWhatNumPyComputed()
    {
        var model = ModelFile.Load(Fixture("model_numpy.npz"));
        var points = Npy.ReadFile(Fixture("points.npy"));
        var expected = (double[])Npy.ReadFile(Fixture("expected_p.npy")).Values;
        var prediction = Prediction.Run(model, new Matrix(points.Shape[0], 2, (double[])points.Values));
        for (int i = 0; i < expected.Length; i++)
            Assert.Equal(expected[i], prediction.Probabilities.Data[i], 1e-12);
    }

    [Theory]
    [InlineData("W2", "missing array 'W2'")]
    [InlineData("activation", "missing array 'activation'")]
    [InlineData("x_std", "missing array 'x_std'")]
    public void MissingArray(string name, string message) =>
        Assert.Contains(message, LoadError(a => a.Remove(name)));

    [Fact]
    public void WrongDtype() =>
        Assert.Contains("array 'W1' has dtype <i8; expected float64",
            LoadError(a => a["W1"] = new NpyArray([2, 4], new long[8])));

    [Fact]
    public void WrongShape() =>
        Assert.Contains("array 'b1' has shape (5,); expected (4,)",
            LoadError(a => a["b1"] = NpyArray.Vector(new double[5])));

    [Fact]
    public void W2NotMatchingW1() =>
        Assert.Contains("array 'W2' has shape (3, 3); expected (4, 3)",
            LoadError(a => a["W2"] = new NpyArray([3, 3], new double[9])));

    [Fact]
    public void AMemberAModelDoesNotUse_IsNotDecoded()
    {
        var stream = new MemoryStream();
        var arrays = ModelFile.Arrays(Sample()).Append(new("junk", NpyArray.Vector(new double[4])));
        Npz.Write(stream, arrays);
        byte[] bytes = stream.ToArray();
        int at = bytes.AsSpan().IndexOf("junk.npy"u8) + "junk.npy"u8.Length; // the local header's name: the data follow
        bytes[at] = (byte)'X'; // the member's .npy magic is broken
        Assert.Equal(Sample().Network.P.W(2).Data, ModelFile.Read(new MemoryStream(bytes)).Network.P.W(2).Data);
    }

    [Fact]
    public void NonFiniteWeight() =>
        Assert.Contains("NaN or infinite", LoadError(a => ((double[])a["W1"].Values)[0] = double.NaN));

    [Fact]
    public void UnknownActivation() =>
        Assert.Contains("array 'activation' is 'swish'; this xornet knows sigmoid, tanh, relu",
            LoadError(a => a["activation"] = NpyArray.Scalar("swish")));

    [Fact]
    public void UnknownOutput() =>
        Assert.Contains("array 'output' is 'linear'; this xornet knows sigmoid, softmax",
            LoadError(a => a["output"] = NpyArray.Scalar("linear")));

    [Fact]
    public void TruncatedFile_IsInvalidData()
    {
        string path = Path.Combine(_dir, "m.npz");
        ModelFile.Save(path, Sample());
        byte[] bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        Assert.Throws<InvalidDataException>(() => ModelFile.Load(path));
    }

    [Fact]
    public void MissingFile_IsInvalidData() =>
        Assert.Contains("no such file",
            Assert.Throws<InvalidDataException>(() => ModelFile.Load(Path.Combine(_dir, "nope.npz"))).Message);

    private string LoadError(Action<Dictionary<string, NpyArray>> damage)
    {
        var arrays = ModelFile.Arrays(Sample()).ToDictionary();
        damage(arrays);
        string path = Path.Combine(_dir, "damaged.npz");
        Npz.WriteFile(path, arrays);
        return Assert.Throws<InvalidDataException>(() => ModelFile.Load(path)).Message;
    }
}

/// <summary>Every activation × output survives save/load, and predict computes the stored formula, not the
/// article's.</summary>
public sealed class ModelFileLeverTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("xornet-model-levers-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    public static TheoryData<ActivationKind, LossKind> Levers()
    {
        var data = new TheoryData<ActivationKind, LossKind>();
        foreach (var f in Enum.GetValues<ActivationKind>())
            foreach (var loss in Enum.GetValues<LossKind>())
                data.Add(f, loss);
        return data;
    }

    [Theory]
    [MemberData(nameof(Levers))]
    public void SaveThenLoad_KeepsActivationAndOutput_AndPredictsTheStoredFormula(ActivationKind f, LossKind loss)
    {
        var network = new Network(2, 5, 3, true, f, loss);
        network.Initialize(new Rng(11));
        Ops.Scale(network.P.W(1), 3, network.P.W(1)); // large enough that relu's kink and tanh's saturation both matter
        new Rng(12).FillUniform(network.P.b(1), -1, 1);
        string path = Path.Combine(_dir, "m.npz");
        ModelFile.Save(path, new SavedModel(network, new Standardizer([0.25, -1], [2, 0.5]), true));

        var arrays = Npz.ReadFile(path);
        Assert.Equal(LeverNames.Of(f), ((string[])arrays["activation"].Values)[0]);
        Assert.Equal(loss == LossKind.CrossEntropy ? "softmax" : "sigmoid", ((string[])arrays["output"].Values)[0]);
        var back = ModelFile.Load(path);
        Assert.Equal((f, loss), (back.Network.Activation.Kind, back.Network.Output.Kind));

        var x = new Matrix(40, 2);
        new Rng(13).FillUniform(x, -3, 3);
        var p = Prediction.Run(back, x);
        double[,] expected = IndependentForward(arrays, x);
        for (int i = 0; i < x.Rows; i++)
            for (int k = 0; k < 3; k++)
                Assert.Equal(expected[i, k], p.Probabilities[i, k], 1e-14);
    }

    /// <summary>The model.npz formula written out by hand from the arrays alone, as NumPy would evaluate it.</summary>
    private static double[,] IndependentForward(IReadOnlyDictionary<string, NpyArray> a, Matrix x)
    {
        double[] w1 = (double[])a["W1"].Values, b1 = (double[])a["b1"].Values, w2 = (double[])a["W2"].Values, b2 =
            (double[])a["b2"].Values;
        double[] mean = (double[])a["x_mean"].Values, std = (double[])a["x_std"].Values;
        string f = ((string[])a["activation"].Values)[0], g = ((string[])a["output"].Values)[0];
        int d = mean.Length, h = b1.Length, k = b2.Length;
        var p = new double[x.Rows, k];
        for (int i = 0; i < x.Rows; i++)
        {
            var h1 = new double[h];
            for (int j = 0; j < h; j++)
            {
                double z = b1[j];
                for (int c = 0; c < d; c++) z += (x[i, c] - mean[c]) / std[c] * w1[c * h + j];
                h1[j] = f switch { "sigmoid" => 1 / (1 + Math.Exp(-z)), "tanh" => Math.Tanh(z), _ => Math.Max(0, z) };
            }
            var out2 = new double[k];
            for (int m = 0; m < k; m++)
            {
                double z = b2[m];
                for (int j = 0; j < h; j++) z += h1[j] * w2[j * k + m];
                out2[m] = g == "softmax" ? Math.Exp(z) : 1 / (1 + Math.Exp(-z));
            }
            double sum = out2.Sum(); // softmax: Σe^z; sigmoid outputs: predict's normalisation
            for (int m = 0; m < k; m++) p[i, m] = out2[m] / sum;
        }
        return p;
    }
}

public sealed class ModelFileBiasTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("xornet-model-bias-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void NoBiasModel_StoresZeroBiases_EvenIfTheNetworkHoldsOthers()
    {
        var network = new Network(2, 3, 2, useBias: false);
        network.Initialize(new Rng(1));
        network.P.b(1).Fill(0.7); // e.g. copied from an --init model that had biases; Forward ignores them
        var arrays = ModelFile.Arrays(new SavedModel(network, Standardizer.Identity(2), false)).ToDictionary();
        Assert.All((double[])arrays["b1"].Values, v => Assert.Equal(0.0, v));
    }

    [Fact]
    public void NonZeroBiasesWithBiasZero_AreRefused()
    {
        var network = new Network(2, 3, 2, useBias: false);
        var arrays = ModelFile.Arrays(new SavedModel(network, Standardizer.Identity(2), false)).ToDictionary();
        arrays["b2"] = NpyArray.Vector(0.5, 0);
        string path = Path.Combine(_dir, "m.npz");
        Npz.WriteFile(path, arrays);
        Assert.Contains("must be zeros", Assert.Throws<InvalidDataException>(() => ModelFile.Load(path)).Message);
    }
}
