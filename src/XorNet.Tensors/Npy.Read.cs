using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace XorNet.Tensors;

public static partial class Npy
{
    /// <summary>The largest data block read (1 GiB): a header declaring more is refused before anything is
    /// allocated.</summary>
    public const long MaxDataBytes = 1L << 30;

    /// <summary>Reads one array; a bad magic, header, dtype, order or a short data block is an
    /// InvalidDataException.</summary>
    public static NpyArray Read(Stream stream)
    {
        Span<byte> start = stackalloc byte[8];
        ReadExactly(stream, start, "the magic and version");
        if (!start[..6].SequenceEqual(Magic))
            throw new InvalidDataException("not a .npy file (the magic \\x93NUMPY is missing)");
        byte major = start[6];
        if (major is < 1 or > 3)
            throw new InvalidDataException(
                $"unsupported .npy format version {major}.{start[7]} (1.0, 2.0 and 3.0 are supported)");
        Span<byte> lengthBytes = stackalloc byte[major == 1 ? 2 : 4];
        ReadExactly(stream, lengthBytes, "the header length");
        long headerLength =
            major == 1 ? BinaryPrimitives.ReadUInt16LittleEndian(lengthBytes)
            : BinaryPrimitives.ReadUInt32LittleEndian(lengthBytes);
        if (headerLength > 1 << 20)
            throw new InvalidDataException($"the .npy header claims {headerLength} bytes, which is not plausible");
        var header = new byte[headerLength];
        ReadExactly(stream, header, "the header");
        string dict = (major == 3 ? Encoding.UTF8 : Encoding.Latin1).GetString(header);
        var (descr, shape) = ParseHeader(dict);
        return new NpyArray(shape, ReadData(stream, descr, shape));
    }

    private static (string Descr, int[] Shape) ParseHeader(string dict)
    {
        var descr = DescrPattern().Match(dict);
        var order = OrderPattern().Match(dict);
        var shape = ShapePattern().Match(dict);
        if (!descr.Success || !order.Success || !shape.Success)
            throw new InvalidDataException($"malformed .npy header: {Printable.Of(dict.Trim())}");
        if (order.Groups[1].Value == "True")
            throw new InvalidDataException(
                "the array is in Fortran order; save it in C order (numpy.ascontiguousarray) first");
        string[] dims =
            shape.Groups[1].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var parsed = new int[dims.Length];
        for (int i = 0; i < dims.Length; i++)
            if (!int.TryParse(dims[i].TrimEnd('L'), NumberStyles.None, CultureInfo.InvariantCulture, out parsed[i]))
                throw new InvalidDataException(
                    $"malformed shape in .npy header: ({Printable.Of(shape.Groups[1].Value)})");
        return (descr.Groups[1].Value, parsed);
    }

    /// <summary>Elements of the shape, refusing (without overflow) any array whose data would exceed
    /// <see cref="MaxDataBytes"/>.</summary>
    private static int Count(int[] shape, int itemSize)
    {
        if (shape.Contains(0)) return 0;
        long count = 1, limit = MaxDataBytes / itemSize;
        foreach (int n in shape)
        {
            count *= n; // count ≤ limit ≤ 2^30 before and n < 2^31, so this cannot overflow
            if (count > limit)
                throw new InvalidDataException(
                    $"the array of shape {NpyArray.Describe(shape)} would need more than the {MaxDataBytes >> 30} " +
                    "GiB XorNet reads");
        }
        return (int)count;
    }

    private static Array ReadData(Stream stream, string descr, int[] shape)
    {
        if (descr.Length > 0 && descr[0] == '>' && descr is not (">u1" or ">i1"))
            throw new InvalidDataException(
                $"dtype '{Printable.Of(descr)}' is big-endian; convert it with " +
                $".astype('<{Printable.Of(descr[1..])}') first");
        string type = descr.TrimStart('<', '|', '=');
        if (type.StartsWith('U')
            && int.TryParse(type[1..], NumberStyles.None, CultureInfo.InvariantCulture, out int width) && width > 0)
            return width <= MaxDataBytes / 4 ? ReadText(stream, width, Count(shape, width * 4))
                : throw new InvalidDataException(
                    $"dtype '{Printable.Of(descr)}': strings of {width} characters are too wide");
        return type switch
        {
            "f8" => FromBytes(stream, Count(shape, 8), 8, "float64", BinaryPrimitives.ReadDoubleLittleEndian),
            "f4" => FromBytes(stream, Count(shape, 4), 4, "float32", BinaryPrimitives.ReadSingleLittleEndian),
            "i8" => FromBytes(stream, Count(shape, 8), 8, "int64", BinaryPrimitives.ReadInt64LittleEndian),
            "O" => throw new InvalidDataException("dtype 'O' (Python objects) needs pickle, which XorNet never loads"),
            _ => throw new InvalidDataException(
                $"unsupported dtype '{Printable.Of(descr)}' (supported: <f8, <f4, <i8, <U)"),
        };
    }

    private delegate T Reader<T>(ReadOnlySpan<byte> source);

    private static T[] FromBytes<T>(Stream stream, int count, int size, string name, Reader<T> read)
    {
        byte[] bytes = ReadData(stream, count * size, $"{count} {name} values");
        var values = new T[count];
        for (int i = 0; i < count; i++)
            values[i] = read(bytes.AsSpan(i * size, size));
        return values;
    }

    private static string[] ReadText(Stream stream, int width, int count)
    {
        byte[] bytes = ReadData(stream, count * width * 4, $"{count} strings of width {width}");
        var values = new string[count];
        for (int i = 0; i < count; i++)
            values[i] = Encoding.UTF32.GetString(bytes, i * width * 4, width * 4).TrimEnd('\0');
        return values;
    }

    /// <summary>
    /// Reads the data block, growing the buffer as bytes arrive: a header that declares a huge shape over a short
    /// file fails as truncated after allocating about what the file holds, not what the header claims.
    /// </summary>
    private static byte[] ReadData(Stream stream, int length, string what)
    {
        if (stream.CanSeek && stream.Length - stream.Position < length)
            throw new InvalidDataException(
                $"the .npy data is truncated (reading {what}: {length} bytes declared, " +
                $"{Math.Max(0, stream.Length - stream.Position)} present)");
        var buffer = new byte[Math.Min(length, InitialChunk)];
        int total = 0;
        while (total < length)
        {
            if (total == buffer.Length) Array.Resize(ref buffer, (int)Math.Min(length, 2L * buffer.Length));
            int n = stream.Read(buffer, total, buffer.Length - total);
            if (n == 0) throw new InvalidDataException($"the .npy data is truncated (reading {what})");
            total += n;
        }
        return buffer;
    }

    private const int InitialChunk = 1 << 16;

    private static void ReadExactly(Stream stream, Span<byte> buffer, string what)
    {
        int total = 0;
        while (total < buffer.Length)
        {
            int n = stream.Read(buffer[total..]);
            if (n == 0) throw new InvalidDataException($"the .npy data is truncated (reading {what})");
            total += n;
        }
    }

    [GeneratedRegex(@"'descr'\s*:\s*'([^']*)'")]
    private static partial Regex DescrPattern();

    [GeneratedRegex(@"'fortran_order'\s*:\s*(True|False)")]
    private static partial Regex OrderPattern();

    [GeneratedRegex(@"'shape'\s*:\s*\(([^)]*)\)")]
    private static partial Regex ShapePattern();
}
