using XorNet.Tensors;

namespace XorNet.Tests;

/// <summary>
/// Backward against central differences on every entry of every layer, for stacks of 0 to 4 hidden layers:
/// every activation × loss × regulariser (none, L2, L1, both) below a normwise relative error of 1e-7.
/// </summary>
public class GradientCheckDepthTests
{
    private const double Epsilon = 1e-3;
    /// <summary>No weight closer to L1's kink at 0 than this: 100 times the five-point stencil's reach 2ε.</summary>
    private const double WeightMargin = 100 * 2 * Epsilon;

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

    /// <summary>
    /// 9 points, 2 inputs, hidden widths 5, 4, 5, 4 (the first <paramref name="depth"/>), 3 classes; random non-zero
    /// biases; every weight moved WeightMargin further from 0 (keeping its sign), so L1's |W| has a derivative
    /// everywhere the stencil looks and no entry is skipped for it.
    /// </summary>
    private static (Network Net, Workspace Ws) Problem(int depth, ActivationKind activation, LossKind loss)
    {
        var rng = new Rng((ulong)(20231201 + depth));
        var hidden = new HiddenLayers([.. new[] { 5, 4, 5, 4 }.Take(depth)]);
        var net = new Network(2, hidden, 3, true, activation, loss);
        net.Initialize(rng);
        foreach (var (name, value) in net.P.Named())
        {
            if (name[0] == 'b') rng.FillUniform(value, -0.5, 0.5);
            else for (int i = 0; i < value.Length; i++) value.Data[i] += Math.CopySign(WeightMargin, value.Data[i]);
        }
        var ws = net.CreateWorkspace(9);
        rng.FillNormal(ws.X);
        for (int i = 0; i < 9; i++) ws.Y[i, i % 3] = 1;
        return (net, ws);
    }

    [Theory]
    [MemberData(nameof(EveryDepthAndLever))]
    public void EveryLayer_AgreesWithCentralDifferences_Below1e7(
        int depth, ActivationKind activation, LossKind loss, double l2, double l1)
    {
        var (net, ws) = Problem(depth, activation, loss);
        var weights = Enumerable.Range(1, depth + 1).SelectMany(l => net.P.W(l).Data);
        Assert.All(weights, w => Assert.True(Math.Abs(w) > WeightMargin));

        // ε = 1e-3: a 4-deep sigmoid stack's first-layer gradients have vanished to ~1e-6, where the rounding floor
        // ≈ 1e-16·L/ε of ε = 1e-4 is already 1e-7 of them; the five-point stencil's ε⁴ truncation stays far below.
        var rows = GradientCheck.Run(net, ws, new Regularization(l2, l1), Epsilon, tolerance: 1e-7);
        Assert.Equal(Parameters.NamesFor(depth + 1), rows.Select(r => r.Name));
        foreach (var row in rows)
        {
            Assert.True(row.Ok, $"{row.Name}: max relative error {row.MaxRelError:E2}");
            Assert.True(row.MaxRelError < 1e-7, $"{row.Name}: max relative error {row.MaxRelError:E2}");
        }
        int entries = net.P.Tensors.Sum(t => t.Length);
        Assert.Equal(entries, rows.Sum(r => r.Checked + r.SkippedAtKink));
        if (activation != ActivationKind.Relu)
            Assert.Equal(0, rows.Sum(r => r.SkippedAtKink)); // smooth layers, weights away from L1's kink: all compared
        else // a ReLU input within reach of 0 is skipped, never passed silently: most entries are still compared
            Assert.True(rows.Sum(r => r.Checked) > rows.Sum(r => r.SkippedAtKink) * 4, "too many entries at a kink");
    }
}
