using XorNet.Tensors;

namespace XorNet;

/// <summary>A trained network with the input standardization it was trained behind: what `predict` needs.</summary>
public sealed record SavedModel(Network Network, Standardizer Scaler, bool Standardized)
{
    /// <summary>The inputs the network reads, computed from x1, x2 (a file without 'features' means x1, x2).</summary>
    public FeatureMap Features { get; init; } = FeatureMap.Plain;

    /// <summary>The hidden activation as model.npz names it: sigmoid, tanh or relu.</summary>
    public string Activation => LeverNames.Of(Network.Activation.Kind);

    /// <summary>The output layer as model.npz names it: sigmoid (trained with MSE) or softmax (with
    /// cross-entropy).</summary>
    public string Output => ModelFile.OutputName(Network.Output.Kind);
}

/// <summary>
/// model.npz, format 2: W1 (D×H1), b1 (H1), …, WL (H_{L−1}×K), bL (K) as float64 for the L weight layers, widths
/// (L+1, int64: D, H1, …, K), plus x_mean, x_std (D, float64; 0 and 1 when not standardized), standardize, bias,
/// classes, xornet_format (0-d int64), activation, output (0-d unicode strings) and features (D unicode strings: the
/// inputs computed from x1, x2, see <see cref="FeatureMap"/>; a file without it means x1, x2). No object arrays, so
/// numpy.load(path, allow_pickle=False) opens it, and in NumPy, X the features,
/// h = (X − x_mean)/x_std, then h = f(h·W_l + b_l) for
/// every hidden layer and g(h·WL + bL) for the last is the network, with f = activation (sigmoid, tanh, relu) and
/// g = output (sigmoid, whose output predict divides by its row sum, or softmax, whose output is the probabilities).
/// Format 1 (the two-layer files before depth: W1, b1, W2, b2, no widths) still loads.
/// </summary>
public static class ModelFile
{
    public const long FormatVersion = 2;

    public static void Save(string path, SavedModel model) =>
        AtomicFile.Write(path, stream => Npz.Write(stream, Arrays(model)));

    public static IEnumerable<KeyValuePair<string, NpyArray>> Arrays(SavedModel model)
    {
        var p = model.Network.P;
        // without biases the network ignores them: store zeros so NumPy's formula agrees
        bool bias = model.Network.UseBias;
        for (int l = 1; l <= p.Layers; l++)
        {
            yield return new($"W{l}", NpyArray.FromMatrix(p.W(l)));
            yield return new($"b{l}", NpyArray.Vector(bias ? p.b(l).Data : new double[p.b(l).Length]));
        }
        yield return new("widths", new NpyArray([p.Widths.Count], p.Widths.Select(w => (long)w).ToArray()));
        yield return new("x_mean", NpyArray.Vector(model.Scaler.Mean));
        yield return new("x_std", NpyArray.Vector(model.Scaler.Std));
        yield return new("standardize", NpyArray.Scalar(model.Standardized ? 1 : 0));
        yield return new("bias", NpyArray.Scalar(model.Network.UseBias ? 1 : 0));
        yield return new("classes", NpyArray.Scalar(model.Network.K));
        yield return new("activation", NpyArray.Scalar(model.Activation));
        yield return new("output", NpyArray.Scalar(model.Output));
        yield return new("features", new NpyArray([model.Features.D], model.Features.Names.ToArray()));
        yield return new("xornet_format", NpyArray.Scalar(FormatVersion));
    }

    /// <summary>The output layer each loss trains: σ for MSE (the article's), softmax for cross-entropy.</summary>
    public static string OutputName(LossKind loss) => loss == LossKind.CrossEntropy ? "softmax" : "sigmoid";

    /// <summary>Reads and checks a model file; every problem is an InvalidDataException naming the array.</summary>
    public static SavedModel Load(string path)
    {
        IReadOnlyDictionary<string, NpyArray> a;
        try { a = Npz.ReadFile(path, IsMember); }
        catch (FileNotFoundException) { throw new InvalidDataException("no such file"); }
        var reader = new ModelReader(a);
        return reader.Read();
    }

    /// <summary>As <see cref="Load(string)"/>, from a stream holding the file's bytes.</summary>
    public static SavedModel Read(Stream stream) => new ModelReader(Npz.Read(stream, IsMember)).Read();

    /// <summary>The arrays a model is made of (every layer's W_l and b_l); any other member is not decoded.</summary>
    private static bool IsMember(string name) => Named.Contains(name) || IsLayerArray(name);

    private static readonly HashSet<string> Named =
        [
            "widths", "x_mean", "x_std", "standardize", "bias", "classes", "activation", "output", "xornet_format",
            "features",
        ];

    /// <summary>"W3", "b12": a W or b followed by a layer number (digits only, at most the deepest stack's).</summary>
    private static bool IsLayerArray(string name) =>
        name.Length is >= 2 and <= 4 && (name[0] is 'W' or 'b') && !name.AsSpan(1).ContainsAnyExceptInRange('0', '9');

    private sealed class ModelReader(IReadOnlyDictionary<string, NpyArray> arrays)
    {
        public SavedModel Read()
        {
            string activation = Text("activation"), output = Text("output");
            ActivationKind f = LeverNames.Parse<ActivationKind>(activation)
                ?? throw new InvalidDataException(
                    $"array 'activation' is '{Tensors.Printable.Of(activation)}'; this xornet knows " +
                    $"{string.Join(", ", LeverNames.All<ActivationKind>())}");
            LossKind loss = output switch
            {
                "sigmoid" => LossKind.Mse,
                "softmax" => LossKind.CrossEntropy,
                _ => throw new InvalidDataException(
                    $"array 'output' is '{Tensors.Printable.Of(output)}'; this xornet knows sigmoid, softmax"),
            };
            int[] widths = arrays.ContainsKey("widths") ? Widths() : VersionOneWidths();
            int k = widths[^1];
            if (Integer("classes") != k) throw new InvalidDataException(
                $"array 'classes' says {Integer("classes")} but the last layer has {k} outputs");
            bool bias = Flag("bias");
            // shapes checked before allocating
            double[][] weights = [.. Enumerable.Range(1, widths.Length - 1).Select(l => Matrix(l, widths))];
            var network = new Network(widths[0], new HiddenLayers(widths[1..^1]), k, bias, f, loss);
            for (int l = 1; l < widths.Length; l++)
            {
                weights[l - 1].CopyTo(network.P.W(l).Data);
                Vector($"b{l}", widths[l]).CopyTo(network.P.b(l).Data);
                if (!bias && network.P.b(l).Data.Any(v => v != 0))
                    throw new InvalidDataException($"array 'b{l}' must be zeros when 'bias' is 0");
            }
            int d = widths[0];
            var scaler = new Standardizer(Vector("x_mean", d), Vector("x_std", d));
            if (scaler.Std.Any(s => s <= 0)) throw new InvalidDataException("array 'x_std' must be > 0 everywhere");
            return new SavedModel(network, scaler, Flag("standardize")) { Features = Features(d) };
        }

        /// <summary>The D feature names in the network's input order; x1, x2 when a file has none.</summary>
        private FeatureMap Features(int d)
        {
            if (!arrays.TryGetValue("features", out NpyArray? a)) return d == 2 ? FeatureMap.Plain
                : throw new InvalidDataException($"missing array 'features' (the model takes {d} inputs, not x1, x2)");
            if (a is not { Values: string[] names, Shape.Length: 1 } || names.Length != d)
                throw new InvalidDataException(
                    $"array 'features' must be a unicode vector of {d} names (one per input)");
            return FeatureMap.From(names) ?? throw new InvalidDataException(
                $"array 'features' holds [{string.Join(", ", names.Select(n => Tensors.Printable.Of(n)))}]; " +
                $"names must be distinct, from {string.Join(", ", FeatureMap.Known)}");
        }

        /// <summary>Format 2's widths: D, H1, …, K, each ≥ 1, K ≥ 2, at most 16 hidden layers.</summary>
        private int[] Widths()
        {
            NpyArray a = Get("widths");
            if (a is not { Values: long[] v, Shape.Length: 1 } || v.Length < 2 || v.Length > HiddenLayers.MaxLayers + 2)
                throw new InvalidDataException(
                    $"array 'widths' must be an int64 vector of 2 to {HiddenLayers.MaxLayers + 2} widths (D, " +
                    "hidden…, K)");
            if (v.Any(w => w < 1 || w > HiddenLayers.MaxWidth) || v[^1] < 2)
                throw new InvalidDataException(
                    $"array 'widths' holds [{string.Join(", ", v)}]; widths must be 1 to {HiddenLayers.MaxWidth}, " +
                    "the last ≥ 2");
            return [.. v.Select(w => (int)w)];
        }

        /// <summary>Format 1 had no widths: W1 (D, H) and W2 (H, K) give them.</summary>
        private int[] VersionOneWidths()
        {
            int[] s1 = Get("W1").Shape, s2 = Get("W2").Shape;
            if (s1.Length != 2 || s1[0] < 1 || s1[1] < 1) throw Shape("W1", s1, "(D, H)");
            if (s2.Length != 2 || s2[0] != s1[1] || s2[1] < 2) throw Shape("W2", s2, $"({s1[1]}, K) with K ≥ 2");
            return [s1[0], s1[1], s2[1]];
        }

        /// <summary>W_l, which must be (widths[l − 1], widths[l]).</summary>
        private double[] Matrix(int l, int[] widths)
        {
            double[] values = Floats($"W{l}", out int[] shape);
            if (shape.Length != 2 || shape[0] != widths[l - 1] || shape[1] != widths[l])
                throw Shape($"W{l}", shape, $"({widths[l - 1]}, {widths[l]}) as 'widths' says");
            return values;
        }

        private NpyArray Get(string name) => arrays.TryGetValue(name, out var a) ? a
            : throw new InvalidDataException(
                $"missing array '{name}' (a model needs W1, b1, …, WL, bL, widths, x_mean, x_std, standardize, bias, " +
                "classes, activation, output)");

        private double[] Floats(string name, out int[] shape)
        {
            NpyArray a = Get(name);
            shape = a.Shape;
            double[] values =
                a.AsDoubles()
                ?? throw new InvalidDataException($"array '{name}' has dtype {a.DType}; expected float64");
            if (!values.All(double.IsFinite)) throw new InvalidDataException(
                $"array '{name}' holds a NaN or infinite value");
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
