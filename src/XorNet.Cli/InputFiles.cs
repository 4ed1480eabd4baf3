namespace XorNet.Cli;

/// <summary>Reads the files a user names; any problem becomes a one-line UsageException naming option and file.</summary>
public static class InputFiles
{
    public static Dataset Csv(string option, string path) => Read(option, path, DatasetCsv.ReadLabelled);

    public static (Tensors.Matrix X, int[]? Labels) Points(string option, string path) => Read(option, path, DatasetCsv.ReadPoints);

    public static SavedModel Model(string option, string path) => Read(option, path, ModelFile.Load);

    private static T Read<T>(string option, string path, Func<string, T> read)
    {
        try
        {
            return read(path);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            string reason = e is FileNotFoundException or DirectoryNotFoundException ? "no such file" : e.Message;
            throw new UsageException($"{option} {path}: {reason.ReplaceLineEndings(" ")}");
        }
    }
}
