using System.CommandLine;
using static XorNet.Cli.OptionTable;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace XorNet.Cli;

/// <summary>`xornet bench`: times the kernels on this machine (see <see cref="PerformanceBench"/>) and prints a table
/// or JSON.</summary>
public static class BenchCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var command =
            new Command("bench",
            "Time matmul, training steps and the decision grid, each next to the naive reference, in one run.");
        command.Options.Add(BenchJson);
        command.Options.Add(Quick);
        command.SetAction(parse =>
        {
            bool json = parse.GetValue(BenchJson);
            BenchReport report =
                PerformanceBench.Run(parse.GetValue(Quick),
                json ? null : line => stderr.WriteLine($"  measured {line}"));
            stdout.Write(json ? ToJson(report) : ToTable(report));
            return ExitCodes.Success;
        });
        return command;
    }

    public static string ToTable(BenchReport r)
    {
        var s = new StringWriter(CultureInfo.InvariantCulture);
        s.WriteLine($"xornet bench: {r.Cores} cores, matmul kernel {r.Kernel}, medians");
        s.WriteLine("matmul float64, 1 thread     fast GFLOP/s   naive GFLOP/s   speed-up");
        foreach (var m in r.MatMul)
            s.WriteLine(
                $"  n = {m.N,-24}{m.FastGflops,10:F2}{m.NaiveGflops,16:F2}{m.FastGflops / m.NaiveGflops,10:F1}×");
        s.WriteLine("training step (fwd+bwd+SGD)  fast µs        naive µs        speed-up");
        foreach (var t in r.Steps)
            s.WriteLine($"  H = {t.Hidden,-7} batch = {t.Batch,-8}{t.FastMicroseconds,10:F2}" +
                $"{t.NaiveMicroseconds,16:F2}{t.NaiveMicroseconds / t.FastMicroseconds,10:F1}×");
        s.WriteLine("decision grid                batched ms     row-by-row ms   speed-up");
        foreach (var g in r.Grids)
            s.WriteLine($"  H = {g.Hidden,-3} {g.Columns}×{g.Rows} ({g.Threads} thr){"",-4}{g.FastMilliseconds,10:F2}" +
                $"{g.RowByRowMilliseconds,16:F2}{g.RowByRowMilliseconds / g.FastMilliseconds,10:F1}×");
        return s.ToString();
    }

    public static string ToJson(BenchReport r)
    {
        var doc = new JsonObject
        {
            ["kernel"] = r.Kernel,
            ["cores"] = r.Cores,
            ["matmul"] = new JsonArray(r.MatMul.Select(m => (JsonNode)new JsonObject
            { ["n"] = m.N, ["gflops"] = m.FastGflops, ["naive_gflops"] = m.NaiveGflops }).ToArray()),
            ["train_step"] = new JsonArray(r.Steps.Select(t => (JsonNode)new JsonObject
            {
                ["hidden"] = t.Hidden.ToString(),
                ["batch"] = t.Batch,
                ["us"] = t.FastMicroseconds,
                ["naive_us"] =
                t.NaiveMicroseconds
            }).ToArray()),
            ["grid"] = new JsonArray(r.Grids.Select(g => (JsonNode)new JsonObject
            {
                ["hidden"] = g.Hidden,
                ["columns"] = g.Columns,
                ["rows"] = g.Rows,
                ["threads"] = g.Threads,
                ["ms"] =
                g.FastMilliseconds,
                ["row_by_row_ms"] = g.RowByRowMilliseconds
            }).ToArray()),
        };
        return doc.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }
}
