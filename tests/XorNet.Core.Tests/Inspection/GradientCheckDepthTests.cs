using XorNet.Tensors;

namespace XorNet.Tests;

/// <summary>Backward against central differences on every entry of every layer, for stacks of 0 to 4 hidden
/// layers.</summary>
public class GradientCheckDepthTests
{
    public static TheoryData<int, ActivationKind, LossKind, double, double> EveryDepthAndLever()
    {
        var data = new TheoryData<int, ActivationKind, LossKind, double, double>();
        for (int depth = 0; depth <= 4; depth++)
            foreach (var activation in Enum.GetValues<ActivationKind>())
                foreach (var loss in Enum.GetValues<LossKind>())
                    foreach (var (l2, l1) in new[] { (0.0, 0.0), (0.3, 0.0), (0.0, 0.2), (0.3, 0.2) })
                        data.Add(depth, activation, loss, l2, l1);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryDepthAndLever))]
    public void EveryLayer_AgreesWithCentralDifferences_Below1e7(int depth, ActivationKind activation, LossKind loss,
        double l2, double l1)
    {
        var rng = new Rng((ulong)(20231201 + depth));
        var hidden = new HiddenLayers([.. new[] { 5, 4, 5, 4 }.Take(depth)]);
        var net = new Network(2, hidden, 3, true, activation, loss);
        net.Initialize(rng);
        foreach (var (name, b) in net.P.Named().Where(t => t.Name[0] == 'b')) rng.FillUniform(b, -0.5, 0.5);
        var ws = net.CreateWorkspace(9);
        rng.FillNormal(ws.X);
        for (int i = 0; i < 9; i++) ws.Y[i, i % 3] = 1;

        // ε = 1e-3: a 4-deep sigmoid stack's first-layer gradients have vanished to ~1e-6, where the rounding floor
        // ≈ 1e-16·L/ε of ε = 1e-4 is already 1e-7 of them; the five-point stencil's ε⁴ truncation stays far below.
        var rows = GradientCheck.Run(net, ws, new Regularization(l2, l1), 1e-3, tolerance: 1e-7);
        Assert.Equal(Parameters.NamesFor(depth + 1), rows.Select(r => r.Name));
        foreach (var row in rows)
            Assert.True(row.Ok, $"{row.Name}: max relative error {row.MaxRelError:E2}");
        // kinks are skipped, never passed silently: most entries are still compared
        Assert.True(rows.Sum(r => r.Checked) > rows.Sum(r => r.SkippedAtKink) * 4, "too many entries sat at a kink");
    }
}
