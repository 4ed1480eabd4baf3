using System.Text.Json;
using XorNet.Cli;

namespace XorNet.Cli.Tests;

public sealed class BenchCommandTests
{
    [Fact]
    public void QuickJson_ReportsEveryMeasurement_NextToItsReference()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = Program.Run(["bench", "--quick", "--json"], stdout, stderr);
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(stdout.ToString()); // stdout holds the document alone
        JsonElement root = doc.RootElement;
        Assert.Equal([32, 128], root.GetProperty("matmul").EnumerateArray().Select(m => m.GetProperty("n").GetInt32()));
        foreach (JsonElement m in root.GetProperty("matmul").EnumerateArray())
            Assert.True(m.GetProperty("gflops").GetDouble() > 0 && m.GetProperty("naive_gflops").GetDouble() > 0);
        Assert.Equal(["3/10", "3/300", "50/10", "50/300", "8x8x8/10", "8x8x8/300", "64x64/10", "64x64/300"],
            root.GetProperty("train_step").EnumerateArray()
                .Select(t => $"{t.GetProperty("hidden").GetString()}/{t.GetProperty("batch").GetInt32()}"));
        foreach (JsonElement t in root.GetProperty("train_step").EnumerateArray())
            Assert.True(t.GetProperty("us").GetDouble() > 0 && t.GetProperty("naive_us").GetDouble() > 0);
        Assert.Equal(2, root.GetProperty("grid").GetArrayLength());
        Assert.False(string.IsNullOrEmpty(root.GetProperty("kernel").GetString()));
    }

    [Fact]
    public void Table_NamesEachSection()
    {
        var report =
            new BenchReport("k", 2, [new MatMulTiming(32, 10, 1)], [new StepTiming(3, 10, 1, 4)],
            [new GridTiming(3, 700, 700, 5, 20, 2)]);
        string table = BenchCommand.ToTable(report);
        Assert.Contains("matmul", table);
        Assert.Contains("10.0×", table); // 10 GFLOP/s against 1
        Assert.Contains("4.0×", table);  // 1 µs against 4
        Assert.Contains("700×700", table);
    }
}
