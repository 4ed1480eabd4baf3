using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace XorNet.Tensors.Tests;

/// <summary>Npy.Read given damaged and invented files fails only with InvalidDataException, its documented
/// error.</summary>
public sealed class NpyPropertyTests
{
    private static readonly byte[][] Valid =
        [.. Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "fixtures"), "*.npy").Order()
            .Select(File.ReadAllBytes)];

    private static readonly string[] Descrs =
        ["<f8", "<f4", "<i8", "<U7", "<U0", "<U99999999999", "|u1", ">f8", "O", "<c16", "<f8'", "", "<U268435456"];
    private static readonly string[] Dims =
        ["0", "1", "2", "3", "7", "2147483647", "2147483648", "-1", "99999999999999999999", "1L", "", " ", "x",
        "46341"];

    private static Arbitrary<int> Seeds => Gen.Choose(0, int.MaxValue).ToArbitrary();

    [Property(MaxTest = 3000)]
    public Property MutatedFixtures_FailOnlyWithInvalidData() => Prop.ForAll(Seeds, seed =>
    {
        byte[] input = Mutations.Mutate(Valid[seed % Valid.Length], seed);
        string? problem = Mutations.Unexpected<InvalidDataException>(() => Npy.Read(new MemoryStream(input)));
        return (problem is null).Label($"seed {seed}: {problem}");
    });

    [Property(MaxTest = 3000)]
    public Property RandomHeadersAndShapes_FailOnlyWithInvalidData() => Prop.ForAll(Seeds, seed =>
    {
        byte[] input = RandomFile(new Random(seed));
        string? problem = Mutations.Unexpected<InvalidDataException>(() => Npy.Read(new MemoryStream(input)));
        return (problem is null).Label($"seed {seed}: {problem}");
    });

    /// <summary>A well-framed .npy (magic, version, length) around a random dict and a random amount of data.</summary>
    private static byte[] RandomFile(Random random)
    {
        string shape =
            string.Join(", ", Enumerable.Range(0, random.Next(4)).Select(_ => Dims[random.Next(Dims.Length)]));
        string dict = random.Next(10) == 0
            ? Encoding.Latin1.GetString(Mutations.RandomBytes(random, random.Next(80)))
            : $"{{'descr': '{Descrs[random.Next(Descrs.Length)]}', 'fortran_order': " +
                $"{(random.Next(8) == 0 ? "True" : "False")}, 'shape': ({shape}{(random.Next(2) == 0 ? "," : "")}), }}";
        byte version = (byte)(random.Next(10) == 0 ? random.Next(256) : 1 + random.Next(3));
        byte[] header = (version == 3 ? Encoding.UTF8 : Encoding.Latin1).GetBytes(dict + "\n");
        var file = new List<byte>([0x93, .. "NUMPY"u8, version, 0]);
        int length = random.Next(6) == 0 ? random.Next() : header.Length; // sometimes a lying header length
        file.AddRange(version == 1 ? BitConverter.GetBytes((ushort)length) : BitConverter.GetBytes(length));
        file.AddRange(header);
        file.AddRange(Mutations.RandomBytes(random, random.Next(200)));
        return [.. file];
    }

    [Fact]
    public void HugeDeclaredShape_IsRefusedWithoutAllocatingIt()
    {
        byte[] input = Header("{'descr': '<f8', 'fortran_order': False, 'shape': (100000, 100000), }");
        var e = Assert.Throws<InvalidDataException>(() => Npy.Read(new MemoryStream(input)));
        Assert.Contains("(100000, 100000)", e.Message);
        Assert.Contains("1 GiB", e.Message);
    }

    [Fact]
    public void ShapeWhoseProductOverflows64Bits_IsRefused()
    {
        // 2^32 · 2^32 wraps to 0 in 64-bit arithmetic: it must not pass as an empty array.
        byte[] input = Header("{'descr': '<f8', 'fortran_order': False, 'shape': (65536, 65536, 65536, 65536), }");
        Assert.Throws<InvalidDataException>(() => Npy.Read(new MemoryStream(input)));
    }

    [Fact]
    public void LargeShapeOverAShortNonSeekableStream_AllocatesAboutWhatArrives()
    {
        // 100 M float64 = 800 MB declared (under the 1 GiB limit), 1 KB present, read through a stream that cannot
        // seek.
        byte[] input =
            [.. Header("{'descr': '<f8', 'fortran_order': False, 'shape': (100000000,), }"), .. new byte[1024]];
        long before = GC.GetAllocatedBytesForCurrentThread();
        var e = Assert.Throws<InvalidDataException>(() => Npy.Read(new ForwardOnlyStream(input)));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Contains("truncated", e.Message);
        Assert.True(allocated < 4 << 20, $"allocated {allocated} bytes for a 1 KB data block");
    }

    [Fact]
    public void LargeShapeOverAShortFile_SaysHowManyBytesArePresent()
    {
        byte[] input =
            [.. Header("{'descr': '<f4', 'fortran_order': False, 'shape': (1000, 1000), }"), .. new byte[12]];
        var e = Assert.Throws<InvalidDataException>(() => Npy.Read(new MemoryStream(input)));
        Assert.Contains("4000000 bytes declared, 12 present", e.Message);
    }

    [Fact]
    public void ControlCharactersInAHeader_AreEscapedInTheMessage()
    {
        var e = Assert.Throws<InvalidDataException>(
            () => Npy.Read(new MemoryStream(Header("{'descr':\n\u001b[31m oops}"))));
        Assert.DoesNotContain('\n', e.Message);
        Assert.DoesNotContain('\u001b', e.Message);
        Assert.Contains(@"\u001b", e.Message);
    }

    private static byte[] Header(string dict)
    {
        byte[] header = Encoding.Latin1.GetBytes(dict + "\n");
        return [0x93, .. "NUMPY"u8, 1, 0, .. BitConverter.GetBytes((ushort)header.Length), .. header];
    }

    /// <summary>A stream that cannot seek or report its length, like a deflated zip member.</summary>
    private sealed class ForwardOnlyStream(byte[] data) : Stream
    {
        private readonly MemoryStream _inner = new(data);
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }
        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
