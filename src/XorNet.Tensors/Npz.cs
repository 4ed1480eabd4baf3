using System.IO.Compression;

namespace XorNet.Tensors;

/// <summary>
/// NumPy's .npz: a zip archive of .npy members, one per named array ("W1" is stored as "W1.npy"). Reads stored
/// or deflated members (numpy.savez / savez_compressed); writes with fixed timestamps so equal arrays give equal files.
/// </summary>
public static class Npz
{
    private static readonly DateTimeOffset FixedTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Every member, by name without ".npy", in archive order. Bad zips and bad members are InvalidDataException.</summary>
    public static IReadOnlyDictionary<string, NpyArray> Read(Stream stream)
    {
        var arrays = new Dictionary<string, NpyArray>();
        using var zip = OpenZip(stream);
        foreach (ZipArchiveEntry entry in zip.Entries)
        {
            if (entry.FullName.EndsWith('/')) continue;
            string name = entry.FullName.EndsWith(".npy", StringComparison.Ordinal) ? entry.FullName[..^4] : entry.FullName;
            try
            {
                using var member = entry.Open();
                arrays[name] = Npy.Read(member);
            }
            catch (InvalidDataException e)
            {
                throw new InvalidDataException($"member '{Printable.Of(entry.FullName)}': {e.Message}", e);
            }
        }
        return arrays;
    }

    public static IReadOnlyDictionary<string, NpyArray> ReadFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Read(stream);
    }

    /// <summary>Writes the arrays as members NAME.npy, deflated when compress is true (as numpy.savez_compressed).</summary>
    public static void Write(Stream stream, IEnumerable<KeyValuePair<string, NpyArray>> arrays, bool compress = false)
    {
        using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var (name, array) in arrays)
        {
            var entry = zip.CreateEntry(name + ".npy", compress ? CompressionLevel.Optimal : CompressionLevel.NoCompression);
            entry.LastWriteTime = FixedTime;
            using var member = entry.Open();
            Npy.Write(member, array);
        }
    }

    public static void WriteFile(string path, IEnumerable<KeyValuePair<string, NpyArray>> arrays, bool compress = false)
    {
        using var stream = File.Create(path);
        Write(stream, arrays, compress);
    }

    private static ZipArchive OpenZip(Stream stream)
    {
        try
        {
            return new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"not a readable .npz (zip) archive: {e.Message}", e);
        }
    }
}
