using System.IO.Compression;

namespace XorNet.Tensors;

/// <summary>
/// NumPy's .npz: a zip archive of .npy members, one per named array ("W1" is stored as "W1.npy"). Reads stored
/// or deflated members (numpy.savez / savez_compressed); writes with fixed timestamps so equal arrays give equal files.
/// </summary>
public static class Npz
{
    private static readonly DateTimeOffset FixedTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// The most bytes read from an archive (1 GiB): its own size when it has to be buffered (a pipe), and its
    /// members decoded, all of them together (so a small file of deflated zeros cannot fill the memory).
    /// </summary>
    public const long MaxBytes = Npy.MaxDataBytes;

    /// <summary>
    /// The members, by name without ".npy", in archive order; only those wanted are decoded (all when wanted is null).
    /// Bad zips, bad members and archives over maxBytes are InvalidDataException.
    /// </summary>
    public static IReadOnlyDictionary<string,
        NpyArray> Read(Stream stream, Func<string, bool>? wanted = null, long maxBytes = MaxBytes)
    {
        var arrays = new Dictionary<string, NpyArray>();
        using var seekable = stream.CanSeek ? null : Buffer(stream, maxBytes);
        using var zip = OpenZip(seekable ?? stream);
        var decoded = new ReadBudget(maxBytes, "the archive's members decode to");
        foreach (ZipArchiveEntry entry in zip.Entries)
        {
            if (entry.FullName.EndsWith('/')) continue;
            string name =
                entry.FullName.EndsWith(".npy", StringComparison.Ordinal) ? entry.FullName[..^4] : entry.FullName;
            if (wanted is not null && !wanted(name)) continue;
            try
            {
                using var member = new BoundedReadStream(entry.Open(), decoded);
                arrays[name] = Npy.Read(member);
            }
            catch (InvalidDataException e)
            {
                throw new InvalidDataException($"member '{Printable.Of(entry.FullName)}': {e.Message}", e);
            }
        }
        return arrays;
    }

    public static IReadOnlyDictionary<string, NpyArray> ReadFile(string path, Func<string, bool>? wanted = null)
    {
        using var stream = File.OpenRead(path);
        return Read(stream, wanted);
    }

    /// <summary>A zip is read from its end, so a pipe is copied to memory first: at most maxBytes of it.</summary>
    private static MemoryStream Buffer(Stream stream, long maxBytes)
    {
        var copy = new MemoryStream();
        new BoundedReadStream(stream, new ReadBudget(maxBytes, "the file holds"), leaveOpen: true).CopyTo(copy);
        copy.Position = 0;
        return copy;
    }

    /// <summary>Writes the arrays as members NAME.npy, deflated when compress is true (as
    /// numpy.savez_compressed).</summary>
    public static void Write(Stream stream, IEnumerable<KeyValuePair<string, NpyArray>> arrays, bool compress = false)
    {
        using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var (name, array) in arrays)
        {
            var entry =
                zip.CreateEntry(name + ".npy", compress ? CompressionLevel.Optimal : CompressionLevel.NoCompression);
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
