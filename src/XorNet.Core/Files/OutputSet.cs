
namespace XorNet;

/// <summary>
/// One run's files in one folder, replaced as a set. <see cref="Open"/> locks the folder (a second run into it is
/// refused, naming the holder), removes what killed runs left (temporary files, staging folders) and makes a
/// private staging folder. The run writes its files there; <see cref="Commit"/> then removes the previous run's
/// metrics file and the owned files this run does not write, renames the new files in, and the metrics file last.
/// A run that fails before Commit leaves the previous set untouched; a reader who sees the metrics file sees the
/// files of that run. Files outside the folder (a model saved elsewhere) are staged beside their targets; streams
/// (FIFOs, devices) are written after the files are committed, so a failing stream never costs the files.
/// </summary>
public sealed class OutputSet : IDisposable
{
    public const string LockName = ".xornet.lock", HolderName = ".xornet.holder", ManifestName = ".xornet.files";
    private const string StagingPrefix = ".xornet-staging-";

    private readonly FileStream _lock;
    private readonly List<(string Tmp, string Target)> _files = [];
    private readonly List<(string Target, Action<Stream> Write)> _streams = [];

    public string Folder { get; }

    /// <summary>Where the run writes the files that belong in <see cref="Folder"/>; Commit moves them there.</summary>
    public string Staging { get; }

    private OutputSet(string folder, FileStream lockFile, string staging) => (Folder, _lock, Staging) =
        (folder, lockFile, staging);

    /// <summary>Creates and locks folder; holder says who we are (shown to a run refused because we hold it).</summary>
    public static OutputSet Open(string folder, string holder)
    {
        Guard(folder, () => Directory.CreateDirectory(folder));
        FileStream lockFile = Lock(folder);
        try
        {
            AtomicFile.WriteAllText(Path.Combine(folder, HolderName), holder);
            RemoveLeftovers(folder);
            string staging =
                Path.Combine(folder, StagingPrefix + AtomicFile.RandomHex());
            Guard(staging, () => CreatePrivateFolder(staging));
            return new OutputSet(folder, lockFile, staging);
        }
        catch
        {
            lockFile.Dispose();
            throw;
        }
    }

    /// <summary>A file outside the folder (or a stream): staged beside its target now, moved in by Commit.</summary>
    public void Add(string target, Action<Stream> write)
    {
        if (FileKind.Of(target) == PathKind.Stream)
        {
            _streams.Add((target, write));
            return;
        }
        string folder = Path.GetDirectoryName(Path.GetFullPath(target))!;
        Guard(folder, () => Directory.CreateDirectory(folder));
        _files.Add((AtomicFile.Stage(target, write), target));
    }

    /// <summary>Moves the staged files in, <paramref name="last"/> last; <paramref name="owned"/> names files of
    /// ours.</summary>
    public void Commit(IEnumerable<string> owned, string last)
    {
        var staged = Directory.GetFiles(Staging).Select(Path.GetFileName).OfType<string>()
                              .Where(n => !n.EndsWith(AtomicFile.TempSuffix, StringComparison.Ordinal)).ToList();
        var moves =
            staged.Select(n => (Tmp: Path.Combine(Staging, n), Target: Path.Combine(Folder, n))).Concat(_files)
            .ToList();
        foreach (var (_, target) in moves)
            if (Directory.Exists(target)) throw new OutputFailure(target, "a folder has that name");
        string lastPath = Path.Combine(Folder, last);
        // From here until the last rename the folder has no metrics file: visibly incomplete, never mixed.
        Guard(lastPath, () => File.Delete(lastPath));
        RemoveStale(owned, moves.Select(m => Path.GetFullPath(m.Target)).ToHashSet());
        foreach (var (tmp, target) in moves.Where(m => m.Target != lastPath))
            AtomicFile.Move(tmp, target);
        AtomicFile.WriteAllText(Path.Combine(Folder, ManifestName), string.Join("\n", staged) + "\n");
        foreach (var (tmp, target) in moves.Where(m => m.Target == lastPath))
            AtomicFile.Move(tmp, target);
        _files.Clear();
        foreach (var (target, write) in _streams)
            AtomicFile.WriteStream(target, write);
    }

    /// <summary>The files of ours (listed by the previous run's manifest or owned) that this run does not
    /// write.</summary>
    private void RemoveStale(IEnumerable<string> owned, HashSet<string> written)
    {
        foreach (string name in ReadManifest().Concat(owned).Distinct())
        {
            string path = Path.Combine(Folder, name);
            if (!written.Contains(Path.GetFullPath(path)) && FileKind.Of(path) == PathKind.File)
                Guard(path, () => File.Delete(path));
        }
    }

    /// <summary>A failure inside the staging folder named as the file it was to become.</summary>
    public OutputFailure Explain(OutputFailure e) => e.Path.StartsWith(Staging, StringComparison.Ordinal)
        ? new OutputFailure(Folder + e.Path[Staging.Length..], e.Reason, e)
        : e;

    public void Dispose()
    {
        foreach (var (tmp, _) in _files) AtomicFile.TryDelete(tmp);
        TryDeleteFolder(Staging);
        _lock.Dispose();
    }

    /// <summary>An advisory lock (flock) the kernel drops when the holder dies, so a killed run never blocks the
    /// next.</summary>
    private static FileStream Lock(string folder)
    {
        string path = Path.Combine(folder, LockName);
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e) when (File.Exists(path)
            && e is not FileNotFoundException and not DirectoryNotFoundException)
        {
            string holder = "";
            try { holder = File.ReadAllText(Path.Combine(folder, HolderName)).Trim(); }
            catch (Exception read) when (read is IOException or UnauthorizedAccessException) { }
            throw new OutputFailure(folder,
                $"in use by another xornet run{(holder.Length > 0 ? $" ({holder})" : "")}; " +
                                            "wait for it to finish or choose another folder", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw OutputFailure.From(path, e);
        }
    }

    /// <summary>Temporary files and staging folders of runs that were killed (we hold the lock: none is
    /// live).</summary>
    private static void RemoveLeftovers(string folder)
    {
        foreach (string tmp in Directory.GetFiles(folder, "*" + AtomicFile.TempSuffix))
            AtomicFile.TryDelete(tmp);
        foreach (string staging in Directory.GetDirectories(folder, StagingPrefix + "*"))
            TryDeleteFolder(staging);
    }

    private IEnumerable<string> ReadManifest()
    {
        string path = Path.Combine(Folder, ManifestName);
        if (FileKind.Of(path) != PathKind.File) return [];
        try
        {
            // Only plain names: a manifest can never make us delete outside the folder.
            return File.ReadAllLines(path)
                .Where(n => n.Length > 0 && n == Path.GetFileName(n) && n is not "." and not "..").ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    private static void CreatePrivateFolder(string path)
    {
        if (Directory.Exists(path)) throw new IOException("a staging folder of that name already exists");
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(path);
        else Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    private static void TryDeleteFolder(string path)
    {
        try { if (Directory.Exists(path)) Directory.Delete(path, recursive: true); }
        // best effort: the next run retries
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }

    private static void Guard(string path, Action action)
    {
        try { action(); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw OutputFailure.From(path, e);
        }
    }
}
