using System.Buffers.Binary;
using System.Text;
using SkiaSharp;

namespace XorNet.Plotting.Tests;

/// <summary>
/// An independent APNG reader for tests (its own CRC-32, no code shared with the encoder): checks every chunk's CRC,
/// the chunk order and the fcTL/fdAT sequence numbers, and rebuilds each frame as a standalone PNG.
/// </summary>
public sealed class ApngDecoder
{
    public sealed record Frame(int Width, int Height, int X, int Y, int DelayNumerator, int DelayDenominator,
        byte Dispose, byte Blend, byte[] Png);

    public int DeclaredFrames { get; private init; }
    public int Plays { get; private init; }
    public int CanvasWidth { get; private init; }
    public int CanvasHeight { get; private init; }
    public string? Comment { get; private init; }
    public List<Frame> Frames { get; } = [];

    public static ApngDecoder Decode(byte[] file)
    {
        byte[] signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        if (!file.AsSpan(0, 8).SequenceEqual(signature)) throw new FormatException("bad PNG signature");
        var chunks = new List<(string Type, byte[] Data)>();
        for (int at = 8; at < file.Length;)
        {
            int length = (int)BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(at));
            byte[] typeAndData = file.AsSpan(at + 4, 4 + length).ToArray();
            uint crc = BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(at + 8 + length));
            string type = Encoding.ASCII.GetString(typeAndData, 0, 4);
            if (crc != Crc32(typeAndData)) throw new FormatException($"bad CRC in {type} at byte {at}");
            chunks.Add((type, typeAndData[4..]));
            at += 12 + length;
        }
        if (chunks[0].Type != "IHDR"
            || chunks[^1].Type != "IEND") throw new FormatException("IHDR must come first and IEND last");
        int actl = chunks.FindIndex(c => c.Type == "acTL"), firstIdat = chunks.FindIndex(c => c.Type == "IDAT");
        if (actl < 0 || firstIdat < actl) throw new FormatException("acTL missing or after the first IDAT");
        var text = chunks.FirstOrDefault(c => c.Type == "tEXt").Data;
        var decoder = new ApngDecoder
        {
            DeclaredFrames = (int)BinaryPrimitives.ReadUInt32BigEndian(chunks[actl].Data),
            Plays = (int)BinaryPrimitives.ReadUInt32BigEndian(chunks[actl].Data.AsSpan(4)),
            CanvasWidth = (int)BinaryPrimitives.ReadUInt32BigEndian(chunks[0].Data),
            CanvasHeight = (int)BinaryPrimitives.ReadUInt32BigEndian(chunks[0].Data.AsSpan(4)),
            Comment = text is null ? null : Encoding.Latin1.GetString(text[(Array.IndexOf(text, (byte)0) + 1)..]),
        };
        decoder.ReadFrames(chunks);
        return decoder;
    }

    private void ReadFrames(List<(string Type, byte[] Data)> chunks)
    {
        byte[] ihdr = chunks[0].Data;
        var header =
            chunks.Skip(1).TakeWhile(c => c.Type is not ("IDAT" or "fcTL")).Where(c => c.Type is not ("acTL" or "tEXt"))
            .ToList();
        uint expectedSequence = 0;
        byte[]? fctl = null;
        var payload = new List<byte[]>();
        foreach (var (type, data) in chunks)
        {
            if (type is "fcTL" or "IEND" && fctl is not null)
            {
                Frames.Add(BuildFrame(ihdr, header, fctl, payload));
                payload.Clear();
            }
            if (type == "fcTL")
            {
                Expect(BinaryPrimitives.ReadUInt32BigEndian(data), ref expectedSequence, "fcTL");
                if (data.Length != 26) throw new FormatException($"fcTL is {data.Length} bytes, not 26");
                fctl = data;
            }
            else if (type == "IDAT")
            {
                if (fctl is null || Frames.Count > 0) throw new FormatException("IDAT outside frame 0");
                payload.Add(data);
            }
            else if (type == "fdAT")
            {
                Expect(BinaryPrimitives.ReadUInt32BigEndian(data), ref expectedSequence, "fdAT");
                if (fctl is null || Frames.Count == 0) throw new FormatException("fdAT before a later frame's fcTL");
                payload.Add(data[4..]);
            }
        }
    }

    private static void Expect(uint actual, ref uint expected, string type)
    {
        if (actual != expected) throw new FormatException($"{type} has sequence number {actual}, expected {expected}");
        expected++;
    }

    /// <summary>A standalone PNG of one frame: IHDR with the frame's size, the header chunks, its data as
    /// IDAT.</summary>
    private static Frame BuildFrame(byte[] ihdr, List<(string Type, byte[] Data)> header, byte[] fctl,
        List<byte[]> payload)
    {
        int width = (int)BinaryPrimitives.ReadUInt32BigEndian(fctl.AsSpan(4));
        int height = (int)BinaryPrimitives.ReadUInt32BigEndian(fctl.AsSpan(8));
        byte[] frameIhdr = [.. ihdr];
        fctl.AsSpan(4, 8).CopyTo(frameIhdr);
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        Write(png, "IHDR", frameIhdr);
        foreach (var (type, data) in header) Write(png, type, data);
        Write(png, "IDAT", [.. payload.SelectMany(p => p)]);
        Write(png, "IEND", []);
        return new Frame(width, height, (int)BinaryPrimitives.ReadUInt32BigEndian(fctl.AsSpan(12)),
            (int)BinaryPrimitives.ReadUInt32BigEndian(fctl.AsSpan(16)),
            BinaryPrimitives.ReadUInt16BigEndian(fctl.AsSpan(20)),
                BinaryPrimitives.ReadUInt16BigEndian(fctl.AsSpan(22)), fctl[24], fctl[25], png.ToArray());
    }

    /// <summary>
    /// What a player shows at each frame, as unpremultiplied RGBA pixels (one uint each): every frame drawn at its
    /// offset over the canvas so far, with blend 0 (source) replacing and blend 1 (over) compositing. Dispose op must
    /// be 0 (none).
    /// </summary>
    public List<uint[]> Composite()
    {
        var canvas = new uint[CanvasWidth * CanvasHeight];
        var shown = new List<uint[]>();
        foreach (var frame in Frames)
        {
            if (frame.Dispose != 0) throw new NotSupportedException("only dispose op 0 is used by xornet");
            if (frame.X + frame.Width > CanvasWidth
                || frame.Y + frame.Height > CanvasHeight) throw new FormatException("frame outside the canvas");
            uint[] pixels = Pixels(frame.Png);
            for (int y = 0; y < frame.Height; y++)
                for (int x = 0; x < frame.Width; x++)
                {
                    ref uint target = ref canvas[(frame.Y + y) * CanvasWidth + frame.X + x];
                    target = frame.Blend == 0 ? pixels[y * frame.Width + x] : Over(pixels[y * frame.Width + x], target);
                }
            shown.Add((uint[])canvas.Clone());
        }
        return shown;
    }

    /// <summary>Decodes a PNG to unpremultiplied RGBA, one uint per pixel.</summary>
    public static uint[] Pixels(byte[] png)
    {
        using var codec =
            SKCodec.Create(new MemoryStream(png)) ?? throw new FormatException("frame is not a decodable PNG");
        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        var bytes = new byte[info.BytesSize];
        unsafe
        {
            fixed (byte* p = bytes)
                if (codec.GetPixels(info, (IntPtr)p) != SKCodecResult.Success) throw new FormatException(
                    "frame does not decode");
        }
        var pixels = new uint[info.Width * info.Height];
        Buffer.BlockCopy(bytes, 0, pixels, 0, bytes.Length);
        return pixels;
    }

    /// <summary>The APNG spec's "over" for 8-bit RGBA (exact at alpha 0 and 255, which is what xornet
    /// writes).</summary>
    private static uint Over(uint source, uint destination)
    {
        uint a = source >> 24;
        if (a == 255) return source;
        if (a == 0) return destination;
        uint Mix(int shift) => ((source >> shift & 0xFF) * a
            + (destination >> shift & 0xFF) * (255 - a)) / 255 << shift;
        return Mix(0) | Mix(8) | Mix(16) | Math.Min(255u, a + ((destination >> 24) * (255 - a)) / 255) << 24;
    }

    private static void Write(Stream s, string type, byte[] data)
    {
        byte[] typeAndData = [.. Encoding.ASCII.GetBytes(type), .. data];
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(word, (uint)data.Length);
        s.Write(word);
        s.Write(typeAndData);
        BinaryPrimitives.WriteUInt32BigEndian(word, Crc32(typeAndData));
        s.Write(word);
    }

    /// <summary>CRC-32 as the PNG specification's sample code computes it (polynomial 0xEDB88320, bitwise).</summary>
    public static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        uint crc = 0xFFFFFFFF;
        foreach (byte b in bytes)
        {
            crc ^= b;
            for (int k = 0; k < 8; k++)
                crc = (crc & 1) != 0 ? 0xEDB88320 ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }
}
