using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace XorNet.Tensors.Tests;

/// <summary>Npz.Read given damaged archives fails only with InvalidDataException, its documented error.</summary>
public sealed class NpzPropertyTests
{
    private static readonly byte[][] Valid = [.. new[] { "stored.npz", "deflated.npz", "truncated.npz" }
        .Select(name => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "fixtures", name))), WrittenByUs()];

    private static Arbitrary<int> Seeds => Gen.Choose(0, int.MaxValue).ToArbitrary();

    private static byte[] WrittenByUs()
    {
        var stream = new MemoryStream();
        Npz.Write(stream,
            [new("W1", NpyArray.FromMatrix(new Matrix(2, 3))), new("classes", NpyArray.Scalar(2)),
            new("activation", NpyArray.Scalar("sigmoid"))], compress: true);
        return stream.ToArray();
    }

    [Property(MaxTest = 3000)]
    public Property MutatedArchives_FailOnlyWithInvalidData() => Prop.ForAll(Seeds, seed =>
    {
        byte[] input = Mutations.Mutate(Valid[seed % Valid.Length], seed);
        string? problem = Mutations.Unexpected<InvalidDataException>(() => Npz.Read(new MemoryStream(input)));
        return (problem is null).Label($"seed {seed}: {problem}");
    });

    [Property(MaxTest = 500)]
    public Property RandomBytes_FailOnlyWithInvalidData() => Prop.ForAll(Seeds, seed =>
    {
        var random = new Random(seed);
        byte[] input = Mutations.RandomBytes(random, random.Next(300));
        if (input.Length >= 4 && random.Next(2) == 0) "PK\u0003\u0004"u8.CopyTo(input); // a zip's local header magic
        string? problem = Mutations.Unexpected<InvalidDataException>(() => Npz.Read(new MemoryStream(input)));
        return (problem is null).Label($"seed {seed}: {problem}");
    });
}
