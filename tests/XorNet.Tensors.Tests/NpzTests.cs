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

    private static MemoryStream Archive(params (string Name, NpyArray Array)[] members)
    {
        var stream = new MemoryStream();
        Npz.Write(stream, members.Select(m => new KeyValuePair<string, NpyArray>(m.Name, m.Array)), compress: true);
        stream.Position = 0;
        return stream;
    }

    [Fact]
    public void TheMembers_CountTogether_AgainstTheLimit()
    {
        NpyArray kilobyte = NpyArray.Vector(new double[128]); // 1024 bytes of data, deflated to almost nothing
        Assert.Equal(2, Npz.Read(Archive(("a", kilobyte), ("b", kilobyte)), maxBytes: 4096).Count);
        var e = Assert.Throws<InvalidDataException>(
            () => Npz.Read(Archive(("a", kilobyte), ("b", kilobyte)), maxBytes: 1500));
        Assert.Contains("member 'b.npy': the archive's members decode to more than the 1500 bytes XorNet reads",
            e.Message);
    }

    [Fact]
    public void MembersNotWanted_AreNotDecoded()
    {
        var stream = new MemoryStream();
        using (var zip =
            new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var w = zip.CreateEntry("a.npy").Open()) Npy.Write(w, NpyArray.Scalar(7));
            using (var junk = zip.CreateEntry("junk.npy").Open()) junk.Write("not an array"u8);
        }
        stream.Position = 0;
        var arrays = Npz.Read(stream, wanted: name => name == "a");
        Assert.Equal(["a"], arrays.Keys);
        stream.Position = 0;
        Assert.Throws<InvalidDataException>(() => Npz.Read(stream));
    }

    [Fact]
    public void AnEndlessPipe_StopsAtTheLimit()
    {
        var e = Assert.Throws<InvalidDataException>(() => Npz.Read(new EndlessZeros(), maxBytes: 1 << 20));
        Assert.Equal("the file holds more than the 1 MiB XorNet reads", e.Message);
    }

    /// <summary>A pipe that never ends (CanSeek false, every read returns zeros).</summary>
    private sealed class EndlessZeros : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }
        public override int Read(byte[] buffer, int offset, int count)
        {
            Array.Clear(buffer, offset, count);
            return count;
        }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
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
