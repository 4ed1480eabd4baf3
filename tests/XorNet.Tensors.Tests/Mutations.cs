namespace XorNet.Tensors.Tests;

/// <summary>
/// Damages a valid file the ways real files get damaged: flipped bits, overwritten, inserted and deleted bytes,
/// truncation, repeated blocks. Seeded: FsCheck supplies the seed, so a failure names the exact input.
/// </summary>
public static class Mutations
{
    public static byte[] Mutate(byte[] valid, int seed)
    {
        var random = new Random(seed);
        var bytes = new List<byte>(valid);
        int edits = 1 + random.Next(4);
        for (int e = 0; e < edits && bytes.Count > 0; e++)
        {
            int at = random.Next(bytes.Count);
            switch (random.Next(6))
            {
                case 0: bytes[at] ^= (byte)(1 << random.Next(8)); break;
                case 1: bytes[at] = (byte)random.Next(256); break;
                case 2: bytes.InsertRange(at, RandomBytes(random, 1 + random.Next(16))); break;
                case 3: bytes.RemoveRange(at, Math.Min(bytes.Count - at, 1 + random.Next(16))); break;
                case 4: bytes.RemoveRange(at, bytes.Count - at); break; // truncate
                default:
                    bytes.InsertRange(at,
                    bytes.GetRange(at, Math.Min(bytes.Count - at, 1 + random.Next(64)))); break;
            }
        }
        return [.. bytes];
    }

    public static byte[] RandomBytes(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }

    /// <summary>Null when reading succeeded or failed with the documented exception; otherwise what went
    /// wrong.</summary>
    public static string? Unexpected<TDocumented>(Action read) where TDocumented : Exception
    {
        try
        {
            read();
            return null;
        }
        catch (TDocumented e)
        {
            return e.Message.Any(char.IsControl) ? $"message has control characters (not one clean line): {e.Message}"
                : null;
        }
        catch (Exception e)
        {
            return $"{e.GetType().Name}: {e.Message}";
        }
    }
}
