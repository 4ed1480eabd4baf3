using System.Text;

namespace XorNet.Cli;

/// <summary>
/// Every path a command reads and writes, checked together before any work, so a run never trains for an hour and
/// then fails to write or clobbers something: paths are compared resolved (links followed, "./a/../a" folded), and an
/// output may be neither an input nor another output; a folder where a file goes (or a file where a folder goes) is
/// refused; every name fits the file system; and each folder written into proves writable with an exclusive probe.
/// </summary>
public sealed class OutputPlan
{
    /// <summary>NAME_MAX of Linux file systems, in bytes.</summary>
    public const int NameMax = 255;

    private sealed record Entry(string Owner, string Path, string Resolved, bool Output)
    {
        public string Run { get; init; } = "";

        public string Other => $"{Owner}{(Run.Length > 0 ? $" of the run {Run}" : "")} ({Path})";
    }

    private readonly List<Entry> _entries = [];
    private readonly HashSet<string> _probed = [];

    /// <summary>The run whose paths are being added (compare plans all its runs in one plan); "" for a single
    /// run.</summary>
    public string Run { get; set; } = "";

    /// <summary>A file the command reads (null = not given).</summary>
    public OutputPlan Input(string option, string? path)
    {
        if (path is not null && path.Trim().Length > 0 && Resolve(option, path) is { } resolved)
            Add(new Entry(option, path, resolved, Output: false));
        return this;
    }

    /// <summary>A file the command writes (or, with written false, a file of ours it may remove).</summary>
    public OutputPlan File(string owner, string path, bool folderMayBeCreated = false, bool written = true)
    {
        if (path.Trim().Length == 0) throw new UsageException($"{owner} '{path}': an empty path; must be a file path");
        string resolved = Resolve(owner, path)!;
        PathKind kind = FileKind.Of(path);
        if (written && kind == PathKind.Folder)
            throw new UsageException(
                $"{owner} {path}: is a folder; must be a file path (e.g. {Path.Combine(path, "file")})");
        if (written && kind != PathKind.Stream) CheckWritable(owner, path, resolved, folderMayBeCreated);
        Add(new Entry(owner, path, resolved, Output: true));
        return this;
    }

    /// <summary>A folder the command creates (if needed) and writes into.</summary>
    public OutputPlan Folder(string option, string path)
    {
        if (path.Trim().Length == 0) throw new UsageException($"{option} '{path}': an empty path; must be a folder");
        string resolved = Resolve(option, path)!;
        if (FileKind.Of(path) is PathKind.File or PathKind.Stream)
            throw new UsageException($"{option} {path}: is a file; must be a folder");
        CheckNames(option, path, resolved);
        Probe(option, path, NearestFolder(option, path, resolved));
        return this;
    }

    private void Add(Entry entry)
    {
        entry = entry with { Run = Run };
        if (_entries.FirstOrDefault(e => e.Resolved == entry.Resolved && (e.Output || entry.Output)) is { } other)
        {
            if (entry.Output && other.Output)
                throw new UsageException(
                    $"{entry.Owner} {entry.Path}: is also written by {other.Other}; every output needs its own file");
            throw new UsageException(
                $"{entry.Owner} {entry.Path}: {(entry.Output ? "is the input" : "is also the output")} " +
                $"{other.Other}; " +
                "writing it would destroy the input (choose another file)");
        }
        _entries.Add(entry);
    }

    /// <summary>The absolute path with every link in it followed, so two spellings of one file compare equal.</summary>
    public static string? Resolve(string option, string path)
    {
        string full;
        try { full = Path.GetFullPath(path); }
        catch (ArgumentException e)
        {
            throw new UsageException(
            $"{option} {Tensors.Printable.Of(path)}: not a valid path ({e.Message})");
        }
        if (full.Contains('\0')) throw new UsageException(
            $"{option} {Tensors.Printable.Of(path)}: not a valid path (a NUL character)");
        string resolved = Path.GetPathRoot(full)!;
        foreach (string part in full[resolved.Length..].Split(Path.DirectorySeparatorChar,
            StringSplitOptions.RemoveEmptyEntries))
        {
            resolved = Path.Combine(resolved, part);
            try
            {
                if (new FileInfo(resolved).LinkTarget is not null
                    && new FileInfo(resolved).ResolveLinkTarget(true) is { } target)
                    resolved = target.FullName;
            }
            catch (IOException) { } // a link loop or an unreadable folder: compare what we have
        }
        return resolved;
    }

    private void CheckWritable(string owner, string path, string resolved, bool folderMayBeCreated)
    {
        CheckNames(owner, path, resolved);
        string folder = Path.GetDirectoryName(resolved) ?? "/";
        if (!folderMayBeCreated
            && !Directory.Exists(folder)) throw new UsageException($"{owner} {path}: the folder does not exist");
        Probe(owner, path, NearestFolder(owner, path, folder));
    }

    private static void CheckNames(string owner, string path, string resolved)
    {
        foreach (string part in resolved.Split(Path.DirectorySeparatorChar))
            if (Encoding.UTF8.GetByteCount(part) is var bytes and > NameMax)
                throw new UsageException(
                    $"{owner} {Tensors.Printable.Of(path, 120)}: the name '{Tensors.Printable.Of(part, 40)}' " +
                                         $"is {bytes} bytes, more than the {NameMax} a file name may have");
    }

    /// <summary>Creates and deletes an exclusively created, unpredictably named file: proves we may write
    /// there.</summary>
    private void Probe(string owner, string path, string folder)
    {
        if (!_probed.Add(folder)) return;
        try
        {
            AtomicFile.TryDelete(AtomicFile.Stage(Path.Combine(folder, "probe"), _ => { }));
        }
        catch (OutputFailure e)
        {
            throw new UsageException($"{owner} {path}: cannot write in {folder} ({e.Reason})");
        }
    }

    /// <summary>The deepest existing folder on the way to path (the ones below it will be created).</summary>
    private static string NearestFolder(string option, string path, string resolved)
    {
        string folder = resolved;
        while (!Directory.Exists(folder) && Path.GetDirectoryName(folder) is { } parent)
        {
            if (FileKind.Of(folder) != PathKind.Missing)
                throw new UsageException($"{option} {path}: {folder} is a file, so no folder can be made in it");
            folder = parent;
        }
        return folder;
    }
}
