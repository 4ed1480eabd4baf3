using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;

namespace XorNet.Plotting;

/// <summary>
/// Assembles an animated PNG from ordinary PNG images: the first frame's chunks stay as they are (so a viewer without
/// APNG support shows frame 0), later frames' IDAT payloads are rewrapped as fdAT.
/// Layout: signature, IHDR, acTL, [tEXt], [frame 0's other header chunks], fcTL₀ IDAT…, (fcTLᵢ fdATᵢ…)…, IEND.
/// </summary>
public static class Apng
{
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>A PNG chunk: its four-letter type and its data (length and CRC are implied).</summary>
    public readonly record struct Chunk(string Type, byte[] Data);

    /// <summary>
    /// One frame: a PNG placed at (X, Y) on the canvas, shown for DelayMs. BlendOver draws it over the previous frame
    /// (its transparent pixels keep what was there); otherwise it replaces its rectangle.
    /// </summary>
    public sealed record Frame(byte[] Png, int DelayMs, int X = 0, int Y = 0, bool BlendOver = false);

    /// <summary>Full-canvas frames: frames[i] shown for delaysMs[i] milliseconds; the animation loops
    /// forever.</summary>
    public static byte[] Encode(IReadOnlyList<byte[]> frames, IReadOnlyList<int> delaysMs)
    {
        if (delaysMs.Count != frames.Count) throw new ArgumentException(
            $"{delaysMs.Count} delays for {frames.Count} frames.", nameof(delaysMs));
        return Encode([.. frames.Select((png, i) => new Frame(png, delaysMs[i]))]);
    }

    /// <summary>Frame 0 sets the canvas (it must sit at 0, 0); later frames may be smaller rectangles inside
    /// it.</summary>
    public static byte[] Encode(IReadOnlyList<Frame> frames, string? comment = null)
    {
        if (frames.Count == 0) throw new ArgumentException("An animation needs at least one frame.", nameof(frames));
        if (frames[0].X != 0 || frames[0].Y != 0) throw new ArgumentException("Frame 0 must start at (0, 0).",
            nameof(frames));
        var parsed = frames.Select((f, i) => ReadChunks(f.Png, $"frame {i}")).ToList();
        byte[] ihdr = parsed[0].Single(c => c.Type == "IHDR").Data;
        for (int i = 1; i < parsed.Count; i++) CheckFits(i, frames[i], parsed[i].Single(c => c.Type == "IHDR").Data,
            ihdr);

        using var png = new MemoryStream();
        png.Write(Signature);
        WriteChunk(png, "IHDR", ihdr);
        WriteChunk(png, "acTL", ActL(frames.Count, plays: 0));
        if (comment is not null) WriteChunk(png, "tEXt",
            [.. Encoding.Latin1.GetBytes("Comment"), 0, .. Encoding.Latin1.GetBytes(comment)]);
        foreach (var chunk in parsed[0].TakeWhile(c => c.Type != "IDAT").Where(c => c.Type != "IHDR"))
            WriteChunk(png, chunk.Type, chunk.Data);
        uint sequence = 0;
        for (int i = 0; i < parsed.Count; i++)
        {
            WriteChunk(png, "fcTL", FcTL(sequence++, parsed[i].Single(c => c.Type == "IHDR").Data, frames[i]));
            foreach (var idat in parsed[i].Where(c => c.Type == "IDAT"))
            {
                if (i == 0) WriteChunk(png, "IDAT", idat.Data);
                else WriteChunk(png, "fdAT", [.. BigEndian(sequence++), .. idat.Data]);
            }
        }
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>A later frame must share frame 0's pixel format (IHDR bytes 8..12) and lie inside its canvas.</summary>
    private static void CheckFits(int index, Frame frame, byte[] ihdr, byte[] canvas)
    {
        if (!ihdr.AsSpan(8).SequenceEqual(canvas.AsSpan(8)))
            throw new ArgumentException($"Frame {index} differs from frame 0 in pixel format (IHDR).", "frames");
        long width = BinaryPrimitives.ReadUInt32BigEndian(ihdr), height =
            BinaryPrimitives.ReadUInt32BigEndian(ihdr.AsSpan(4));
        if (frame.X < 0 || frame.Y < 0 || frame.X + width > BinaryPrimitives.ReadUInt32BigEndian(canvas)
            || frame.Y + height > BinaryPrimitives.ReadUInt32BigEndian(canvas.AsSpan(4)))
            throw new ArgumentException(
                $"Frame {index} ({width}×{height} at {frame.X},{frame.Y}) does not fit frame 0's canvas.", "frames");
    }

    /// <summary>acTL: num_frames, num_plays (0 = forever), both uint32.</summary>
    private static byte[] ActL(int frames, uint plays) => [.. BigEndian((uint)frames), .. BigEndian(plays)];

    /// <summary>
    /// fcTL (26 bytes): sequence, width, height, x offset, y offset (uint32); delay num/den (uint16);
    /// dispose op, blend op (byte). Frames are never disposed (the next one draws on top of this one).
    /// </summary>
    private static byte[] FcTL(uint sequence, byte[] ihdr, Frame frame)
    {
        if (frame.DelayMs is < 0 or > ushort.MaxValue) throw new ArgumentOutOfRangeException(nameof(frame),
            $"delay {frame.DelayMs} ms must be 0..65535");
        var data = new byte[26];
        BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(0), sequence);
        ihdr.AsSpan(0, 8).CopyTo(data.AsSpan(4)); // width, height: the first 8 bytes of the frame's IHDR
        BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(12), (uint)frame.X);
        BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(16), (uint)frame.Y);
        BinaryPrimitives.WriteUInt16BigEndian(data.AsSpan(20), (ushort)frame.DelayMs);
        BinaryPrimitives.WriteUInt16BigEndian(data.AsSpan(22), 1000);
        data[24] = 0;                               // APNG_DISPOSE_OP_NONE
        data[25] = frame.BlendOver ? (byte)1 : (byte)0; // APNG_BLEND_OP_OVER or _SOURCE
        return data;
    }

    /// <summary>The chunks of a PNG file, in order, each CRC checked.</summary>
    public static List<Chunk> ReadChunks(ReadOnlySpan<byte> png, string name = "PNG")
    {
        if (png.Length < 8
            || !png[..8].SequenceEqual(Signature)) throw new FormatException($"{name}: not a PNG (bad signature).");
        var chunks = new List<Chunk>();
        int at = 8;
        while (at + 12 <= png.Length)
        {
            int length = checked((int)BinaryPrimitives.ReadUInt32BigEndian(png[at..]));
            if (at + 12
                + length > png.Length) throw new FormatException($"{name}: chunk at byte {at} runs past the end.");
            ReadOnlySpan<byte> typeAndData = png.Slice(at + 4, 4 + length);
            if (Crc32.HashToUInt32(typeAndData) != BinaryPrimitives.ReadUInt32BigEndian(png[(at + 8 + length)..]))
                throw new FormatException($"{name}: bad CRC in chunk at byte {at}.");
            chunks.Add(new Chunk(Encoding.ASCII.GetString(typeAndData[..4]), typeAndData[4..].ToArray()));
            at += 12 + length;
            if (chunks[^1].Type == "IEND") break;
        }
        return chunks;
    }

    /// <summary>length (uint32 BE), type, data, CRC-32 of type + data.</summary>
    private static void WriteChunk(Stream output, string type, byte[] data)
    {
        byte[] typeAndData = [.. Encoding.ASCII.GetBytes(type), .. data];
        output.Write(BigEndian((uint)data.Length));
        output.Write(typeAndData);
        output.Write(BigEndian(Crc32.HashToUInt32(typeAndData)));
    }

    private static byte[] BigEndian(uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        return bytes;
    }
}
