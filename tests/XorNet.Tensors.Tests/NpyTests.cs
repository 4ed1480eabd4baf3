using XorNet.Tensors;

namespace XorNet.Tensors.Tests;

/// <summary>Reads files NumPy wrote (fixtures/make_fixtures.py) and round-trips what we write.</summary>
public class NpyTests
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "fixtures", name);

    private static readonly double[] A = [-0.3125, -0.1875, -0.0625, 0.0625, 0.1875, 0.3125];

    [Theory]
    [InlineData("f8_2x3.npy")]
    [InlineData("f8_2x3_v2.npy")]
    public void ReadsFloat64_Versions1And2(string file)
    {
        var array = Npy.ReadFile(Fixture(file));
        Assert.Equal([2, 3], array.Shape);
        Assert.Equal(A, Assert.IsType<double[]>(array.Values));
    }

    [Fact]
    public void ReadsFloat32_Int64_Scalar_Empty_AndText()
    {
        Assert.Equal([1.5f, -2.25f, 3.0e-3f], Assert.IsType<float[]>(Npy.ReadFile(Fixture("f4_vector.npy")).Values));
        var ints = Npy.ReadFile(Fixture("i8_3x2.npy"));
        Assert.Equal([3, 2], ints.Shape);
        Assert.Equal([1L, -2, 3, 4, -(1L << 40), 1L << 62], Assert.IsType<long[]>(ints.Values));
        var scalar = Npy.ReadFile(Fixture("f8_scalar.npy"));
        Assert.Empty(scalar.Shape);
        Assert.Equal([0.1], Assert.IsType<double[]>(scalar.Values));
        Assert.Equal([0, 2], Npy.ReadFile(Fixture("f8_empty_0x2.npy")).Shape);
        Assert.Equal(["sigmoid"], Assert.IsType<string[]>(Npy.ReadFile(Fixture("u_scalar.npy")).Values));
    }

    [Theory]
    [InlineData("f8_2x3.npy")]
    [InlineData("u_scalar.npy")]
    [InlineData("i8_3x2.npy")]
    [InlineData("f4_vector.npy")]
    public void WritesTheSameBytesAsNumPy(string file)
    {
        var stream = new MemoryStream();
        Npy.Write(stream, Npy.ReadFile(Fixture(file)));
        Assert.Equal(File.ReadAllBytes(Fixture(file)), stream.ToArray());
    }

    [Theory]
    [InlineData("fortran_2x3.npy", "Fortran order")]
    [InlineData("big_endian.npy", "big-endian")]
    [InlineData("complex.npy", "unsupported dtype '<c16'")]
    public void RefusesWhatItCannotRepresent(string file, string reason)
    {
        var e = Assert.Throws<InvalidDataException>(() => Npy.ReadFile(Fixture(file)));
        Assert.Contains(reason, e.Message);
    }

    [Fact]
    public void TruncatedData_AndBadMagic_AreInvalidData()
    {
        byte[] bytes = File.ReadAllBytes(Fixture("f8_2x3.npy"));
        Assert.Contains("truncated",
            Assert.Throws<InvalidDataException>(() => Npy.Read(new MemoryStream(bytes[..^5]))).Message);
        Assert.Contains("magic",
            Assert.Throws<InvalidDataException>(() => Npy.Read(new MemoryStream(bytes[1..]))).Message);
        Assert.Contains("truncated",
            Assert.Throws<InvalidDataException>(() => Npy.Read(new MemoryStream(bytes[..7]))).Message);
    }

    [Fact]
    public void RoundTrip_KeepsEveryBit_AndAlignsDataTo64Bytes()
    {
        var rng = new Rng(20261127);
        var m = new Matrix(7, 5);
        rng.FillNormal(m);
        m[0, 0] = double.NaN; m[0, 1] = double.NegativeInfinity; m[0, 2] = -0.0; m[0, 3] = double.Epsilon;
        var stream = new MemoryStream();
        Npy.Write(stream, NpyArray.FromMatrix(m));
        byte[] bytes = stream.ToArray();
        Assert.Equal(0, (bytes.Length - m.Length * 8) % 64);
        var back = Npy.Read(new MemoryStream(bytes));
        Assert.Equal([7, 5], back.Shape);
        Assert.Equal(m.Data.Select(BitConverter.DoubleToInt64Bits),
            ((double[])back.Values).Select(BitConverter.DoubleToInt64Bits));
    }

    [Fact]
    public void HugeHeader_UsesVersion2()
    {
        var shape = Enumerable.Repeat(1, 30_000).ToArray(); // a 30000-d array of one element: header > 65535 bytes
        var stream = new MemoryStream();
        Npy.Write(stream, new NpyArray(shape, new[] { 2.5 }));
        Assert.Equal(2, stream.ToArray()[6]);
        var back = Npy.Read(new MemoryStream(stream.ToArray()));
        Assert.Equal(30_000, back.Shape.Length);
        Assert.Equal([2.5], Assert.IsType<double[]>(back.Values));
    }

    [Fact]
    public void ValuesThatDoNotFillTheShape_AreRejected() =>
        Assert.Throws<ArgumentException>(() => new NpyArray([2, 2], new double[3]));
}
