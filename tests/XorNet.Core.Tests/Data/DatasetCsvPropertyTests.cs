using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using XorNet.Tensors.Tests;

namespace XorNet.Core.Tests;

/// <summary>DatasetCsv given damaged and invented files fails only with InvalidDataException, its documented
/// error.</summary>
public sealed class DatasetCsvPropertyTests
{
    private static readonly byte[][] Valid =
    [
        Encoding.UTF8.GetBytes(DatasetCsv.Format(DataGenerators.Generate("xor", 12, 0, 1))),
        Encoding.UTF8.GetBytes(DatasetCsv.Format(DataGenerators.Generate("spiral", 9, 0.1, 2))),
        "x1,x2\r\n0.5,-1\r\n2,1e-3\r\n"u8.ToArray(),
        "\uFEFFa,b,c\n1.0e+00,2.0e+00,1.0e+00\n3,4,0\n"u8.ToArray(),
    ];

    private static readonly string[] Fields =
        ["0", "1", "2", "-1", "1.5", "1e309", "-1e309", "NaN", "Infinity", "", " ", "x", "2147483648", "1000000",
            "1000001",
         "1e6", "0x10", "١", "-0", "1,5", "\"1\"", "1e-320", "\u0000", "\u001b[31m", "3.0e+00", "  7  "];

    private static readonly string[] LineEnds = ["\n", "\r\n", "\r", "\u2028", "\n\n", ""];

    private static Arbitrary<int> Seeds => Gen.Choose(0, int.MaxValue).ToArbitrary();

    [Property(MaxTest = 3000)]
    public Property MutatedFiles_FailOnlyWithInvalidData() => Prop.ForAll(Seeds, seed =>
        Check(seed, Mutations.Mutate(Valid[seed % Valid.Length], seed)));

    [Property(MaxTest = 3000)]
    public Property RandomRowsAndFields_FailOnlyWithInvalidData() => Prop.ForAll(Seeds, seed =>
        Check(seed, Encoding.UTF8.GetBytes(RandomCsv(new Random(seed)))));

    [Property(MaxTest = 300)]
    public Property RandomBytes_FailOnlyWithInvalidData() => Prop.ForAll(Seeds, seed =>
    {
        var random = new Random(seed);
        return Check(seed, Mutations.RandomBytes(random, random.Next(200)));
    });

    /// <summary>Both readers (labelled for training, points for predict) must keep to the contract.</summary>
    private static Property Check(int seed, byte[] input)
    {
        string? problem =
            Mutations.Unexpected<InvalidDataException>(() => DatasetCsv.ReadLabelled(new MemoryStream(input)))
                          ?? Mutations.Unexpected<InvalidDataException>(
                              () => DatasetCsv.ReadPoints(new MemoryStream(input)));
        return (problem is null).Label($"seed {seed}: {problem}");
    }

    private static string RandomCsv(Random random)
    {
        var text = new StringBuilder();
        int rows = random.Next(8), columns = 1 + random.Next(4);
        for (int r = 0; r <= rows; r++)
        {
            int n = random.Next(6) == 0 ? random.Next(6) : columns; // sometimes a ragged row
            text.Append(string.Join(",", Enumerable.Range(0, n).Select(_ => Fields[random.Next(Fields.Length)])));
            text.Append(LineEnds[random.Next(LineEnds.Length)]);
        }
        return text.ToString();
    }

    [Fact]
    public void BinaryFile_IsRefusedAsNotText()
    {
        var e = Assert.Throws<InvalidDataException>(
            () => DatasetCsv.ReadLabelled(new MemoryStream([0x7f, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, 0])));
        Assert.Contains("not a text file (a zero byte at offset 7)", e.Message);
    }

    [Fact]
    public void InvalidUtf8_IsRefusedAsNotText()
    {
        var e = Assert.Throws<InvalidDataException>(
            () => DatasetCsv.ReadLabelled(new MemoryStream([.. "x1,x2,label\n1,"u8, 0xff, 0xfe])));
        Assert.Contains("not UTF-8 text", e.Message);
    }

    [Fact]
    public void ControlCharactersInAField_AreEscapedInTheMessage()
    {
        var e = Assert.Throws<InvalidDataException>(
            () => DatasetCsv.ReadLabelled(new MemoryStream("x1,x2,label\n\u001b[2J,1,0\n"u8.ToArray())));
        Assert.Equal(@"line 2, column 1: '\u001b[2J' is not a number", e.Message);
    }

    [Fact]
    public void ByteOrderMark_IsIgnored()
    {
        var data = DatasetCsv.ReadLabelled(new MemoryStream("\uFEFFx1,x2,label\n1,2,0\n3,4,1\n"u8.ToArray()));
        Assert.Equal(2, data.Count);
    }

    [Fact]
    public void FileOverTheLimit_IsRefusedBeforeItIsRead()
    {
        var e = Assert.Throws<InvalidDataException>(
            () => DatasetCsv.ReadLabelled(new HugeStream(DatasetCsv.MaxBytes + 1)));
        Assert.Contains("more than the 512 MiB a CSV may have", e.Message);
    }

    /// <summary>Claims a length and fails if anyone reads it: the size check must come first.</summary>
    private sealed class HugeStream(long length) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => true;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get; set; }
        public override int Read(byte[] buffer, int offset,
            int count) => throw new InvalidOperationException("read before the size check");
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
