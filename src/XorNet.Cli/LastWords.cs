namespace XorNet.Cli;

/// <summary>
/// What must be undone before a second Ctrl-C / SIGTERM kills the process (the first one only asks the run to stop):
/// the live view's alternate screen and hidden cursor. The actions run on the signal's thread, then the process exits
/// with code 130.
/// </summary>
public static class LastWords
{
    private static readonly List<Action> Actions = [];

    /// <summary>Adds undo until the returned handle is disposed (the normal way out undoes it itself).</summary>
    public static IDisposable Register(Action undo)
    {
        lock (Actions) Actions.Add(undo);
        return new Registration(undo);
    }

    /// <summary>Runs every registered action, newest first; one that fails does not keep the others from it.</summary>
    public static void Say()
    {
        Action[] all;
        lock (Actions) all = [.. Actions];
        for (int i = all.Length - 1; i >= 0; i--)
        {
            try { all[i](); }
            catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException) { }
        }
    }

    private sealed class Registration(Action undo) : IDisposable
    {
        public void Dispose()
        {
            lock (Actions) Actions.Remove(undo);
        }
    }
}
