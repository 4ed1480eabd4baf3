using System.Text;
using Microsoft.Win32.SafeHandles;

namespace XorNet.Cli;

/// <summary>
/// stdout or stderr as the process writes them: a failed write (closed descriptor, full disk, broken device) never
/// throws into the run or aborts the process; the first failure is kept so the caller can report it and exit 74.
/// </summary>
public sealed class GuardedWriter(TextWriter inner) : TextWriter
{
    /// <summary>Why the first failed write failed, in the operating system's words; null while all went well.</summary>
    public string? Failure { get; private set; }

    /// <summary>The writer this one guards (Console.Out for the real stdout).</summary>
    public TextWriter Inner => inner;

    public override Encoding Encoding => inner.Encoding;
    public override IFormatProvider FormatProvider => inner.FormatProvider;

    public override void Write(char value) => Guard(() => inner.Write(value));
    public override void Write(string? value) => Guard(() => inner.Write(value));
    public override void Write(char[] buffer, int index, int count) => Guard(() => inner.Write(buffer, index, count));
    public override void WriteLine(string? value) => Guard(() => inner.WriteLine(value));
    public override void Flush() => Guard(inner.Flush);

    private void Guard(Action write)
    {
        if (Failure is not null) return; // one failure is enough: later writes would fail the same way
        try
        {
            write();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ObjectDisposedException)
        {
            Failure = OutputFailure.Describe(e.InnerException is IOException inner ? inner : e);
        }
    }
}

/// <summary>The process's descriptors 0–2 as it found them.</summary>
public static class StandardStreams
{
    private static readonly List<SafeFileHandle> Placeholders = [];

    /// <summary>
    /// Which of descriptors 0–2 the process was started without. The runtime may already have put a file of its own
    /// there (its signal pipe took a closed stdout): such a descriptor is close-on-exec, which an inherited one never
    /// is. A free one gets /dev/null, so no file we open later becomes "stdout" and receives the progress lines.
    /// </summary>
    public static bool[] Closed()
    {
        var closed = new bool[3];
        if (!Directory.Exists("/proc/self/fdinfo")) return closed;
        for (int fd = 0; fd < 3; fd++)
        {
            bool free = !IsOpen(fd);
            closed[fd] = free || IsCloseOnExec(fd);
            if (!free) continue;
            // open(2) returns the lowest free descriptor: this one (0..fd−1 are open by now).
            var handle = File.OpenHandle("/dev/null", FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
            if (handle.DangerousGetHandle() == fd) Placeholders.Add(handle);
            else handle.Dispose();
        }
        return closed;
    }

    private static bool IsOpen(int fd)
    {
        try { return new FileInfo($"/proc/self/fd/{fd}").LinkTarget is not null; }
        catch (IOException) { return false; }
    }

    /// <summary>/proc/self/fdinfo/N has "flags: 0…" in octal; O_CLOEXEC is 02000000.</summary>
    private static bool IsCloseOnExec(int fd)
    {
        try
        {
            string? flags =
                File.ReadLines($"/proc/self/fdinfo/{fd}")
                .FirstOrDefault(l => l.StartsWith("flags:", StringComparison.Ordinal));
            return flags is not null && (Convert.ToInt64(flags["flags:".Length..].Trim(), 8) & 0x80000) != 0;
        }
        catch (Exception e) when (e is IOException or FormatException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
