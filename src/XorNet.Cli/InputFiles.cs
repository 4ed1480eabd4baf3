namespace XorNet.Cli;

/// <summary>Reads the files a user names; any problem becomes a one-line UsageException naming option and
/// file.</summary>
public static class InputFiles
{
    public static Dataset Csv(string option, string path) => Read(option, path, DatasetCsv.ReadLabelled);

    public static (Tensors.Matrix X, int[]? Labels) Points(string option, string path) => Read(option, path,
        DatasetCsv.ReadPoints);

    public static SavedModel Model(string option, string path) => Read(option, path, ModelFile.Load);

    private static T Read<T>(string option, string path, Func<string, T> read)
    {
        if (path.Trim().Length == 0) throw new UsageException($"{option} '{path}': an empty path; must be a file");
        if (Directory.Exists(path)) throw new UsageException($"{option} {path}: is a folder; must be a file");
        try
        {
            return read(path);
        }
        catch (Exception e)
            when (e is InvalidDataException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            string reason = e switch
            {
                FileNotFoundException or DirectoryNotFoundException => "no such file",
                UnauthorizedAccessException => "permission denied (cannot read it)",
                _ => e.Message,
            };
            throw new UsageException($"{option} {Tensors.Printable.Of(path, 200)}: {reason.ReplaceLineEndings(" ")}");
        }
    }
}
