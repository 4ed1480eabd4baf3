using System.Runtime.InteropServices;

namespace XorNet;

/// <summary>What a path names, following links: nothing, a regular file, a folder, or a stream (FIFO, device,
/// socket).</summary>
public enum PathKind { Missing, File, Folder, Stream }

/// <summary>
/// Tells a regular file from a FIFO or device, which .NET's File and Directory classes cannot (both "exist").
/// On Linux this asks statx(2), whose struct is the same on every architecture; elsewhere every file is regular.
/// </summary>
public static partial class FileKind
{
    private const int AtFdCwd = -100, StatxMode = 0x2, ModeOffset = 28, StructSize = 256;
    private const int TypeMask = 0xF000, Regular = 0x8000, Folder = 0x4000;

    public static PathKind Of(string path)
    {
        if (Directory.Exists(path)) return PathKind.Folder;
        if (!File.Exists(path)) return PathKind.Missing;
        if (!OperatingSystem.IsLinux()) return PathKind.File;
        int mode = Mode(path);
        return mode < 0 ? PathKind.File : (mode & TypeMask) switch
        {
            Regular => PathKind.File,
            Folder => PathKind.Folder,
            _ => PathKind.Stream,
        };
    }

    /// <summary>st_mode of the link's final target, or −1 when statx fails.</summary>
    private static unsafe int Mode(string path)
    {
        byte* buffer = stackalloc byte[StructSize];
        try
        {
            return Statx(AtFdCwd, path, 0, StatxMode, buffer) == 0 ? *(ushort*)(buffer + ModeOffset) : -1;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return -1; // a C library without statx (glibc < 2.28): treat the file as regular, as before
        }
    }

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8)]
    private static unsafe partial int Statx(int dirfd, string path, int flags, uint mask, byte* buffer);
}
