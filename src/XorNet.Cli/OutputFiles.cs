namespace XorNet.Cli;

/// <summary>
/// Checks a file-valued output option (--json, --save, --plot, data's --out) before any work starts, so a run never
/// trains for an hour and then fails to write: not empty, not a folder, and (unless the caller creates it) in a
/// folder that exists and can be written.
/// </summary>
public static class OutputFiles
{
    public static void Check(string option, string path, bool folderMustExist = true)
    {
        if (path.Trim().Length == 0) throw new UsageException($"{option} '{path}': an empty path; must be a file path");
        if (Directory.Exists(path)) throw new UsageException($"{option} {path}: is a folder; must be a file path (e.g. {Path.Combine(path, "file")})");
        string folder;
        try { folder = Path.GetDirectoryName(Path.GetFullPath(path)) ?? "/"; }
        catch (ArgumentException e) { throw new UsageException($"{option} {Tensors.Printable.Of(path)}: not a valid path ({e.Message})"); }
        if (!folderMustExist) return;
        if (!Directory.Exists(folder)) throw new UsageException($"{option} {path}: the folder does not exist");
        try
        {
            string probe = Path.Combine(folder, $".xornet-write-test-{Environment.ProcessId}");
            File.WriteAllText(probe, "");
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{option} {path}: cannot write in {folder} ({e.Message})");
        }
    }
}
