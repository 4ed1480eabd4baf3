namespace XorNet.Tests;

/// <summary>
/// Bytes a piece of work allocates once warm, measured on a thread of its own: GC.GetAllocatedBytesForCurrentThread
/// counts only that thread, so neither the test runner nor the tests running beside it can add to it.
/// </summary>
internal static class SteadyAllocations
{
    /// <summary>
    /// Runs warmUp once, then work in each of several windows, all on one dedicated thread, and returns the bytes of
    /// each window. Code that allocates per call allocates in every window; a one-off runtime event (the JIT
    /// compiling a method on this thread as it tiers up under load, say) lands in one window at most.
    /// </summary>
    public static long[] Windows(Action warmUp, Action work, int windows = 3)
    {
        var bytes = new long[windows];
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                warmUp();
                for (int w = 0; w < windows; w++)
                {
                    long before = GC.GetAllocatedBytesForCurrentThread();
                    work();
                    bytes[w] = GC.GetAllocatedBytesForCurrentThread() - before;
                }
            }
            catch (Exception e)
            {
                failure = e;
            }
        }, maxStackSize: 16 << 20);
        thread.Start();
        thread.Join();
        if (failure is not null) throw new InvalidOperationException("the measured work failed", failure);
        return bytes;
    }
}
