using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using XorNet.Tensors;
using XorNet.Tensors.Tests;

namespace XorNet.Core.Tests;

/// <summary>ModelFile given damaged model files (NumPy's and ours) fails only with InvalidDataException, its documented
/// error.</summary>
public sealed class ModelFilePropertyTests
{
    private static readonly byte[][] Valid =
        [File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "fixtures", "model_numpy.npz")), Ours()];

    private static byte[] Ours()
    {
        var network = new Network(2, 3, 2, useBias: true);
        network.Initialize(Rng.ForPurpose(1, "init"));
        var stream = new MemoryStream();
        Npz.Write(stream, ModelFile.Arrays(new SavedModel(network, Standardizer.Identity(2), false)));
        return stream.ToArray();
    }

    [Fact]
    public void TheSeedsAreValidModels()
    {
        foreach (byte[] valid in Valid)
            Assert.Equal(2, ModelFile.Read(new MemoryStream(valid)).Network.D);
    }

    [Property(MaxTest = 2000)]
    public Property MutatedModels_FailOnlyWithInvalidData() => Prop.ForAll(Gen.Choose(0, int.MaxValue).ToArbitrary(),
        seed =>
    {
        byte[] input = Mutations.Mutate(Valid[seed % Valid.Length], seed);
        string? problem = Mutations.Unexpected<InvalidDataException>(() => ModelFile.Read(new MemoryStream(input)));
        return (problem is null).Label($"seed {seed}: {problem}");
    });

    private static readonly NpyArray[] Replacements =
    [
        NpyArray.Scalar(0), NpyArray.Scalar(1), NpyArray.Scalar(2), NpyArray.Scalar(-1), NpyArray.Scalar("sigmoid"),
            NpyArray.Scalar("relu"),
        NpyArray.Vector(), NpyArray.Vector(1, 2), NpyArray.Vector(0, 0, 0), NpyArray.Vector(double.NaN, 1),
            NpyArray.Vector(0, -1),
        NpyArray.FromMatrix(new Matrix(2, 3)), NpyArray.FromMatrix(new Matrix(3, 2)),
            NpyArray.FromMatrix(new Matrix(3, 1)),
        NpyArray.FromMatrix(new Matrix(0, 3)), new([2, 3], new float[6]), new([2, 3], new long[6]),
            new([1, 1, 1], new double[1]),
    ];

    /// <summary>Valid zips of well-formed arrays, but with arrays dropped or swapped for ones of other shapes and
    /// dtypes.</summary>
    [Property(MaxTest = 2000)]
    public Property ModelsWithWrongArrays_FailOnlyWithInvalidData() => Prop.ForAll(Gen.Choose(0, int.MaxValue)
        .ToArbitrary(), seed =>
    {
        var random = new Random(seed);
        var arrays = ModelFile.Arrays(new SavedModel(new Network(2, 3, 2), Standardizer.Identity(2), false)).ToList();
        for (int e = 1 + random.Next(3); e > 0; e--)
        {
            int at = random.Next(arrays.Count);
            if (random.Next(4) == 0) arrays.RemoveAt(at);
            else arrays[at] = new(arrays[at].Key, Replacements[random.Next(Replacements.Length)]);
        }
        var stream = new MemoryStream();
        Npz.Write(stream, arrays);
        stream.Position = 0;
        string? problem = Mutations.Unexpected<InvalidDataException>(() => ModelFile.Read(stream));
        return (problem is null).Label($"seed {seed}: {problem}");
    });
}
