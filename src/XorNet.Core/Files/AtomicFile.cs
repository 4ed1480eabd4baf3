using System.Text;

namespace XorNet;

/// <summary>
/// Writes files through a temporary sibling and a rename, so a reader never sees a half-written file. The temporary
/// file has an unpredictable name and is created exclusively (O_CREAT|O_EXCL), so a file or link planted under that
/// name makes the write fail instead of being followed. A target that is a stream (FIFO, device, or a link to one,
/// e.g. /dev/stdout) is written in place: a rename would replace the device node with a plain file.
/// </summary>
public static class AtomicFile
{
    /// <summary>Every temporary file ends so; a run that holds a folder's lock removes leftovers of killed
    /// runs.</summary>
    public const string TempSuffix = ".xornet.tmp";

    public static void WriteAllText(string path, string contents) => WriteAllBytes(path,
        new UTF8Encoding(false).GetBytes(contents));

    public static void WriteAllBytes(string path, byte[] contents) => Write(path, stream => stream.Write(contents));

    /// <summary>Calls write with a new temporary file in the target's folder, then moves it over the target.</summary>
    public static void Write(string path, Action<Stream> write)
    {
        if (FileKind.Of(path) == PathKind.Stream)
        {
            WriteStream(path, write);
            return;
        }
        string tmp = Stage(path, write);
        Move(tmp, path);
    }

    /// <summary>Writes a new temporary sibling of path and returns its name; deleted on failure.</summary>
    public static string Stage(string path, Action<Stream> write)
    {
        string tmp = TempName(path);
        try
        {
            using (var file = new FileStream(tmp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                write(file);
                file.Flush();
            }
            return tmp;
        }
        catch (Exception e) when (OutputFailure.IsWriteError(e))
        {
            TryDelete(tmp);
            throw OutputFailure.From(path, e);
        }
        catch
        {
            TryDelete(tmp);
            throw;
        }
    }

    /// <summary>Renames a staged file over its target (atomic within one file system).</summary>
    public static void Move(string tmp, string path)
    {
        try
        {
            File.Move(tmp, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(tmp);
            throw OutputFailure.From(path, e);
        }
    }

    /// <summary>".NAME.RANDOM.xornet.tmp" beside path: 96 random bits, so no other process or thread can guess
    /// it.</summary>
    public static string TempName(string path)
    {
        string full = Path.GetFullPath(path);
        string random = RandomHex();
        return Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{random}{TempSuffix}");
    }

    /// <summary>
    /// 96 random bits as 24 hex digits: the fully random bytes of a version-4 GUID (all but bytes 6–9, which hold the
    /// version and variant), from the runtime's cryptographically secure source. Not RandomNumberGenerator: that loads
    /// System.Security.Cryptography and OpenSSL, ~10 ms of every run's start for two file names.
    /// </summary>
    public static string RandomHex()
    {
        Span<byte> guid = stackalloc byte[16];
        Guid.NewGuid().TryWriteBytes(guid);
        Span<byte> bits = stackalloc byte[12];
        guid[..6].CopyTo(bits);
        guid[10..].CopyTo(bits[6..]);
        return Convert.ToHexStringLower(bits);
    }

    /// <summary>A FIFO or device is opened as it is (never created, truncated or replaced) and written once.</summary>
    public static void WriteStream(string path, Action<Stream> write)
    {
        try
        {
            using var stream =
                new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, 1, FileOptions.None);
            write(stream);
            stream.Flush();
        }
        catch (Exception e) when (OutputFailure.IsWriteError(e))
        {
            throw OutputFailure.From(path, e);
        }
    }

    public static void TryDelete(string path)
    {
        try { File.Delete(path); }
        // best effort: it is only a leftover
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }
}
