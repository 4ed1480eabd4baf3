using XorNet.Tensors;

namespace XorNet;

/// <summary>A trained network with the input standardization it was trained behind: what `predict` needs.</summary>
public sealed record SavedModel(TwoLayerNetwork Network, Standardizer Scaler, bool Standardized)
{
    /// <summary>The hidden activation as model.npz names it: sigmoid, tanh or relu.</summary>
    public string Activation => LeverNames.Of(Network.Activation.Kind);

    /// <summary>The output layer as model.npz names it: sigmoid (trained with MSE) or softmax (with cross-entropy).</summary>
    public string Output => ModelFile.OutputName(Network.Output.Kind);
}

/// <summary>
/// model.npz: W1 (D×H), b1 (H), W2 (H×K), b2 (K) as float64, plus x_mean, x_std (D, float64; 0 and 1 when not
/// standardized), standardize, bias, classes, xornet_format (0-d int64) and activation, output (0-d unicode
/// strings). No object arrays, so numpy.load(path, allow_pickle=False) opens it, and in NumPy
/// h2 = g(f(((X − x_mean)/x_std)·W1 + b1)·W2 + b2) is the network, with f = activation (sigmoid, tanh, relu) and
/// g = output (sigmoid, whose h2 predict divides by its row sum, or softmax, whose h2 is already the probabilities).
/// </summary>
public static class ModelFile
{
    public const long FormatVersion = 1;

    public static void Save(string path, SavedModel model) =>
        AtomicFile.Write(path, tmp => Npz.WriteFile(tmp, Arrays(model)));

    public static IEnumerable<KeyValuePair<string, NpyArray>> Arrays(SavedModel model)
    {
        var p = model.Network.P;
        yield return new("W1", NpyArray.FromMatrix(p.W1));
        bool bias = model.Network.UseBias; // without biases the network ignores b1, b2: store zeros so NumPy's formula agrees
        yield return new("b1", NpyArray.Vector(bias ? p.b1.Data : new double[p.b1.Length]));
        yield return new("W2", NpyArray.FromMatrix(p.W2));
        yield return new("b2", NpyArray.Vector(bias ? p.b2.Data : new double[p.b2.Length]));
        yield return new("x_mean", NpyArray.Vector(model.Scaler.Mean));
        yield return new("x_std", NpyArray.Vector(model.Scaler.Std));
        yield return new("standardize", NpyArray.Scalar(model.Standardized ? 1 : 0));
        yield return new("bias", NpyArray.Scalar(model.Network.UseBias ? 1 : 0));
        yield return new("classes", NpyArray.Scalar(model.Network.K));
        yield return new("activation", NpyArray.Scalar(model.Activation));
        yield return new("output", NpyArray.Scalar(model.Output));
        yield return new("xornet_format", NpyArray.Scalar(FormatVersion));
    }

    /// <summary>The output layer each loss trains: σ for MSE (the article's), softmax for cross-entropy.</summary>
    public static string OutputName(LossKind loss) => loss == LossKind.CrossEntropy ? "softmax" : "sigmoid";

    /// <summary>Reads and checks a model file; every problem is an InvalidDataException naming the array.</summary>
    public static SavedModel Load(string path)
    {
        IReadOnlyDictionary<string, NpyArray> a;
        try { a = Npz.ReadFile(path); }
        catch (FileNotFoundException) { throw new InvalidDataException("no such file"); }
        var reader = new ModelReader(a);
        return reader.Read();
    }

    /// <summary>As <see cref="Load(string)"/>, from a stream holding the file's bytes.</summary>
    public static SavedModel Read(Stream stream) => new ModelReader(Npz.Read(stream)).Read();

    private sealed class ModelReader(IReadOnlyDictionary<string, NpyArray> arrays)
    {
        public SavedModel Read()
        {
            string activation = Text("activation"), output = Text("output");
            ActivationKind f = LeverNames.Parse<ActivationKind>(activation)
                ?? throw new InvalidDataException($"array 'activation' is '{Tensors.Printable.Of(activation)}'; this xornet knows {string.Join(", ", LeverNames.All<ActivationKind>())}");
            LossKind loss = output switch
            {
                "sigmoid" => LossKind.Mse,
                "softmax" => LossKind.CrossEntropy,
                _ => throw new InvalidDataException($"array 'output' is '{Tensors.Printable.Of(output)}'; this xornet knows sigmoid, softmax"),
            };
            double[] w1 = Floats("W1", out int[] s1);
            if (s1.Length != 2 || s1[0] < 1 || s1[1] < 1) throw Shape("W1", s1, "(D, H)");
            (int d, int h) = (s1[0], s1[1]);
            double[] w2 = Floats("W2", out int[] s2);
            if (s2.Length != 2 || s2[0] != h || s2[1] < 2) throw Shape("W2", s2, $"({h}, K) with K ≥ 2");
            int k = s2[1];
            if (Integer("classes") != k) throw new InvalidDataException($"array 'classes' says {Integer("classes")} but W2 has {k} columns");
            bool bias = Flag("bias");
            var network = new TwoLayerNetwork(d, h, k, bias, f, loss);
            w1.CopyTo(network.P.W1.Data);
            w2.CopyTo(network.P.W2.Data);
            Vector("b1", h).CopyTo(network.P.b1.Data);
            Vector("b2", k).CopyTo(network.P.b2.Data);
            if (!bias && (network.P.b1.Data.Any(v => v != 0) || network.P.b2.Data.Any(v => v != 0)))
                throw new InvalidDataException("arrays 'b1' and 'b2' must be zeros when 'bias' is 0");
            var scaler = new Standardizer(Vector("x_mean", d), Vector("x_std", d));
            if (scaler.Std.Any(s => s <= 0)) throw new InvalidDataException("array 'x_std' must be > 0 everywhere");
            return new SavedModel(network, scaler, Flag("standardize"));
        }

        private NpyArray Get(string name) => arrays.TryGetValue(name, out var a) ? a
            : throw new InvalidDataException($"missing array '{name}' (a model needs W1, b1, W2, b2, x_mean, x_std, standardize, bias, classes, activation, output)");

        private double[] Floats(string name, out int[] shape)
        {
            NpyArray a = Get(name);
            shape = a.Shape;
            double[] values = a.AsDoubles() ?? throw new InvalidDataException($"array '{name}' has dtype {a.DType}; expected float64");
            if (!values.All(double.IsFinite)) throw new InvalidDataException($"array '{name}' holds a NaN or infinite value");
            return values;
        }

        private double[] Vector(string name, int length)
        {
            double[] values = Floats(name, out int[] shape);
            return shape.Length == 1 && shape[0] == length ? values : throw Shape(name, shape, $"({length},)");
        }

        private long Integer(string name) => Get(name) is { Values: long[] { Length: 1 } v, Shape.Length: 0 } ? v[0]
            : throw new InvalidDataException($"array '{name}' must be a 0-d int64 array");

        private bool Flag(string name) => Integer(name) switch
        {
            0 => false,
            1 => true,
            long v => throw new InvalidDataException($"array '{name}' must be 0 or 1, found {v}"),
        };

        private string Text(string name) => Get(name) is { Values: string[] { Length: 1 } v, Shape.Length: 0 } ? v[0]
            : throw new InvalidDataException($"array '{name}' must be a 0-d unicode string array");

        private static InvalidDataException Shape(string name, int[] shape, string expected) =>
            new($"array '{name}' has shape {NpyArray.Describe(shape)}; expected {expected}");
    }
}
