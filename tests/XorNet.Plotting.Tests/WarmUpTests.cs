using XorNet.Plotting;

namespace XorNet.Plotting.Tests;

public class WarmUpTests
{
    [Fact]
    public async Task Start_RunsOncePerProcess_AndNeverFaults()
    {
        Task first = WarmUp.Start();
        Assert.Same(first, WarmUp.Start());
        await first.WaitAsync(TimeSpan.FromMinutes(1));
        Assert.Equal(TaskStatus.RanToCompletion, first.Status);
    }
}
