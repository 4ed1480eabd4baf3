using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace XorNet.Tensors;

/// <summary>
/// NumPy's .npy format (versions 1.0, 2.0 and 3.0 read; 1.0, or 2.0 for huge headers, written): the magic
/// "\x93NUMPY", a version, a little-endian header length, a Python-dict header padded to 64 bytes, then the raw
/// C-order data. Anything we cannot represent exactly (Fortran order, big-endian, objects) is an InvalidDataException.
/// </summary>
public static partial class Npy
{
    private static readonly byte[] Magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];
    private const int Alignment = 64; // NumPy aligns the data start to 64 bytes since 1.14

    public static NpyArray ReadFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Read(stream);
    }

    internal static void WriteFile(string path, NpyArray array)
    {
        using var stream = File.Create(path);
        Write(stream, array);
    }

    /// <summary>Writes magic, version, header and data; the result loads with numpy.load(allow_pickle=False).</summary>
    public static void Write(Stream stream, NpyArray array)
    {
        string dict = $"{{'descr': '{array.DType}', 'fortran_order': False, 'shape': {array.ShapeText}, }}";
        int preamble = Magic.Length + 2 + 2;
        bool v2 = Padded(dict, preamble) > ushort.MaxValue;
        if (v2) preamble += 2;
        string header = dict.PadRight(Padded(dict, preamble) - 1) + "\n";
        stream.Write(Magic);
        stream.Write([(byte)(v2 ? 2 : 1), 0]);
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(length, (uint)header.Length);
        stream.Write(length[..(v2 ? 4 : 2)]);
        stream.Write(Encoding.ASCII.GetBytes(header));
        stream.Write(DataBytes(array));
    }

    /// <summary>Header length (including the final newline) that makes preamble + header a multiple of 64.</summary>
    private static int Padded(string dict, int preamble)
    {
        int total = preamble + dict.Length + 1;
        return (total + Alignment - 1) / Alignment * Alignment - preamble;
    }

    private static byte[] DataBytes(NpyArray array)
    {
        switch (array.Values)
        {
            case double[] d: return ToBytes<double>(d, 8, (s, v) => BinaryPrimitives.WriteDoubleLittleEndian(s, v));
            case float[] f: return ToBytes<float>(f, 4, (s, v) => BinaryPrimitives.WriteSingleLittleEndian(s, v));
            case long[] l: return ToBytes<long>(l, 8, (s, v) => BinaryPrimitives.WriteInt64LittleEndian(s, v));
            case string[] text:
                int width = int.Parse(array.DType[2..], CultureInfo.InvariantCulture);
                var bytes = new byte[text.Length * width * 4]; // unused code points stay 0, as NumPy pads
                for (int i = 0; i < text.Length; i++)
                    Encoding.UTF32.GetBytes(text[i], 0, text[i].Length, bytes, i * width * 4);
                return bytes;
            default: throw new InvalidOperationException();
        }
    }

    private delegate void Writer<T>(Span<byte> destination, T value);

    private static byte[] ToBytes<T>(T[] values, int size, Writer<T> write)
    {
        var bytes = new byte[values.Length * size];
        for (int i = 0; i < values.Length; i++)
            write(bytes.AsSpan(i * size, size), values[i]);
        return bytes;
    }
}
