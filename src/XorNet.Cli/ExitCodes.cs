namespace XorNet.Cli;

/// <summary>The process exit codes, documented in docs/pipelines.md and in --help.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int GateFailed = 1;
    public const int BadInput = 2;
    public const int Diverged = 3;
    public const int Internal = 70;

    /// <summary>An output could not be written: a full disk, a closed stdout, a folder in use by another run (sysexits'
    /// EX_IOERR).</summary>
    public const int IoError = 74;
    public const int Interrupted = 130;

    public const string Help =
        "Exit codes: 0 success, 1 quality gate failed, 2 bad usage or input, 3 training diverged, 70 internal error, " +
        "74 an output could not be written (I/O error), 130 interrupted.";
}

/// <summary>A problem with what the user gave us; reported as one line and exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
