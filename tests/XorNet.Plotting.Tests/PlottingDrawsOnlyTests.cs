using System.Text.RegularExpressions;
using XorNet.Plotting;

namespace XorNet.Plotting.Tests;

/// <summary>
/// Issue 11: the pictures draw what the library computed. XorNet.Plotting never runs a network's Forward, owns no
/// workspace, builds no network and never writes into a network's weights; the library (Inspection) computes.
/// </summary>
public sealed partial class PlottingDrawsOnlyTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("xornet-drawsonly-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>What would let plotting compute or write weights, and why it is refused.</summary>
    private static readonly (Regex Pattern, string Why)[] Forbidden =
    [
        (ForwardCall(), "runs Forward (ask XorNet.Core's DecisionGrid / NeuronGrid / InferenceBatch)"),
        (WorkspaceUse(), "uses a Workspace (only the library evaluates networks)"),
        (NewNetwork(), "builds a network (use Network.WithParameters for a snapshot)"),
        (CopyIntoP(), "copies into a network's parameters"),
        (WriteIntoP(), "writes into a network's weight matrix"),
    ];

    [Fact]
    public void PlottingSources_NeitherRunForwardNorWriteWeights()
    {
        string src = Path.Combine(Root(), "src", "XorNet.Plotting");
        var found = new List<string>();
        var files = Directory.GetFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/obj/")).Order();
        foreach (string file in files)
        {
            string[] lines = File.ReadAllLines(file);
            for (int i = 0; i < lines.Length; i++)
                foreach (var (pattern, why) in Forbidden)
                    if (pattern.IsMatch(StripComment(lines[i])))
                        found.Add($"{Path.GetFileName(file)}:{i + 1} {why}: {lines[i].Trim()}");
        }
        Assert.True(Directory.GetFiles(src, "*.cs").Length > 10, "the plotting sources were not found");
        Assert.True(found.Count == 0, string.Join("\n", found));
    }

    [Theory]
    [InlineData("network.Forward(ws);")]
    [InlineData("Workspace ws = network.CreateWorkspace(80);")]
    [InlineData("var n = new Network(2, 3, 2);")]
    [InlineData("snapshots[i].Parameters.CopyTo(network.P);")]
    [InlineData("result.Network.P.W(1)[0, 0] = 2;")]
    [InlineData("network.P.b(2)[0, k] += 1;")]
    public void TheScan_CatchesEachWayOfComputingOrWriting(string line) =>
        Assert.Contains(Forbidden, f => f.Pattern.IsMatch(line));

    [Theory]
    [InlineData("Matrix w2 = network.P.W(2);")]
    [InlineData("double sum = w2[j, k] == 0 ? 1 : 2;")]
    [InlineData("var network = result.Network.WithParameters(snapshots[i].Parameters);")]
    public void TheScan_LetsReadingThrough(string line) =>
        Assert.DoesNotContain(Forbidden, f => f.Pattern.IsMatch(line));

    [Fact]
    public void EveryPicture_LeavesTheNetworkAndTheSnapshotsAsTheyWere()
    {
        var config = new TrainingConfig { Epochs = 8, Hidden = new HiddenLayers([4, 3]), Samples = 60 };
        var trainer = new Trainer(config, Dataset.GaussianXor(config.Samples, config.Seed));
        var epochs = ParameterSnapshots.EvenlySpacedEpochs(config.Epochs, 3);
        var snapshots = new ParameterSnapshots(trainer.Network, epochs);
        TrainingResult result = trainer.Run(snapshots.Observe);
        double[] trained = Values(result.Network.P);
        double[][] taken = [.. snapshots.Taken.Select(s => Values(s.Parameters))];

        Figures.WriteAll(result, _dir, "t");
        NetworkDiagram.Save(Path.Combine(_dir, "network.png"), result.Network, "t");
        NeuronMaps.Save(Path.Combine(_dir, "neurons.png"), result, "t");
        Animation.RenderFrames(result, snapshots.Taken, "t");

        Assert.Equal(trained, Values(result.Network.P));
        Assert.Equal(taken, [.. snapshots.Taken.Select(s => Values(s.Parameters))]);
    }

    private static double[] Values(Parameters p) => [.. p.Tensors.SelectMany(t => t.Data)];

    private static string StripComment(string line) => line.Split("//")[0];

    private static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "XorNet.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new DirectoryNotFoundException("XorNet.sln not found above the test binaries");
    }

    [GeneratedRegex(@"\.Forward\s*\(")]
    private static partial Regex ForwardCall();

    [GeneratedRegex(@"\bWorkspace\b|CreateWorkspace\s*\(")]
    private static partial Regex WorkspaceUse();

    [GeneratedRegex(@"new\s+(XorNet\.)?Network\s*\(|\bNetwork\s+\w+\s*=\s*new\s*\(")]
    private static partial Regex NewNetwork();

    [GeneratedRegex(@"CopyTo\s*\([^)]*\.P\b")]
    private static partial Regex CopyIntoP();

    [GeneratedRegex(@"\.P\.(W|b)\([^)]*\)\s*\[[^\]]*\]\s*[-+*/]?=(?!=)")]
    private static partial Regex WriteIntoP();
}
