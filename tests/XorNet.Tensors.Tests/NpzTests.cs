using XorNet.Tensors;

namespace XorNet.Tensors.Tests;

public class NpzTests
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "fixtures", name);

    [Fact]
    public void ReadsNumPySavez_Stored()
    {
        var arrays = Npz.ReadFile(Fixture("stored.npz"));
        Assert.Equal(["W", "n"], arrays.Keys.Order());
        Assert.Equal([2, 3], arrays["W"].Shape);
        Assert.Equal(0.3125, ((double[])arrays["W"].Values)[5]);
        Assert.Equal([7L], Assert.IsType<long[]>(arrays["n"].Values));
    }

    [Fact]
    public void ReadsNumPySavezCompressed_Deflated()
    {
        var arrays = Npz.ReadFile(Fixture("deflated.npz"));
        Assert.Equal(-0.3125, ((double[])arrays["W"].Values)[0]);
        Assert.Equal([1.5f, -2.25f, 3.0e-3f], Assert.IsType<float[]>(arrays["v"].Values));
    }

    [Fact]
    public void TruncatedArchive_IsInvalidData() =>
        Assert.Throws<InvalidDataException>(() => Npz.ReadFile(Fixture("truncated.npz")));

    [Fact]
    public void NotAZip_IsInvalidData()
    {
        var e = Assert.Throws<InvalidDataException>(() => Npz.Read(new MemoryStream("hello"u8.ToArray())));
        Assert.Contains("npz", e.Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void RoundTrip_StoredAndDeflated_AndIsDeterministic(bool compress)
    {
        var arrays = new Dictionary<string, NpyArray>
        {
            ["W1"] = NpyArray.FromMatrix(Matrix.FromRows(new double[,] { { 1.0 / 3, -2 }, { 1e-300, 5e300 } })),
            ["b1"] = NpyArray.Vector(0.25, -0.5),
            ["classes"] = NpyArray.Scalar(3),
            ["activation"] = NpyArray.Scalar("sigmoid"),
        };
        byte[] first = Write(arrays, compress), second = Write(arrays, compress);
        Assert.Equal(first, second);
        var back = Npz.Read(new MemoryStream(first));
        Assert.Equal(arrays.Keys, back.Keys);
        foreach (var (name, array) in arrays)
        {
            Assert.Equal(array.Shape, back[name].Shape);
            Assert.Equal(array.Values, back[name].Values);
        }
    }

    private static byte[] Write(Dictionary<string, NpyArray> arrays, bool compress)
    {
        var stream = new MemoryStream();
        Npz.Write(stream, arrays, compress);
        return stream.ToArray();
    }
}
