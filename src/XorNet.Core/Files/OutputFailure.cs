namespace XorNet;

/// <summary>A file could not be written: which one and why, in words (no exception type names).</summary>
public sealed class OutputFailure(string path, string reason, Exception? inner = null)
    : IOException($"cannot write {path}: {reason}", inner)
{
    public string Path { get; } = path;
    public string Reason { get; } = reason;

    public static OutputFailure From(string path, Exception e) =>
        e as OutputFailure ?? new OutputFailure(path, Describe(e), e);

    /// <summary>
    /// What a failed write throws: IOException (ENOSPC, EIO, …), UnauthorizedAccessException (EACCES, EBADF), and for
    /// EFBIG (a file-size limit) an ArgumentOutOfRangeException from FileStream.
    /// </summary>
    public static bool IsWriteError(Exception e) =>
        e is IOException or UnauthorizedAccessException || e is ArgumentOutOfRangeException { ParamName: "value" };

    /// <summary>The operating system's words ("No space left on device"), without the path .NET appends to
    /// them.</summary>
    public static string Describe(Exception e)
    {
        if (e is UnauthorizedAccessException) return "permission denied";
        if (e is DirectoryNotFoundException) return "the folder does not exist";
        if (e is ArgumentOutOfRangeException) return "File too large (beyond the file system's or the process's " +
            "file-size limit)";
        string message = e.Message.ReplaceLineEndings(" ");
        int path = message.IndexOf(" : '", StringComparison.Ordinal);
        return (path > 0 ? message[..path] : message).Trim().TrimEnd('.');
    }
}
