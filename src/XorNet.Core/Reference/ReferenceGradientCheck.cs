using XorNet.Tensors;

namespace XorNet;

/// <summary>
/// The gradient check the reference program never had: its gradient (bugs and all) against five-point central
/// differences of its own loss Σ(y − h2)²/(2N) + λ·(Σw1² + Σw2²)/(2N) on its batch. The missing 1/N makes every
/// entry N times too large; the scalar L2 term adds λ·ΣW² where λ·W/N belongs. Rows as <see cref="GradientCheck"/>'s.
/// </summary>
public static class ReferenceGradientCheck
{
    public static IReadOnlyList<GradientCheckRow> Run(ReferenceNetwork net, double epsilon, double tolerance)
    {
        net.Forward();
        net.Backward();
        var rows = new List<GradientCheckRow>();
        foreach (Trainable t in net.Trainables())
            rows.Add(Check(net, t.Name, t.Value, t.Gradient.Clone(), epsilon, tolerance));
        net.Forward(); // leave the cache as it was
        return rows;
    }

    private static GradientCheckRow Check(ReferenceNetwork net, string name, Matrix param, Matrix analytic,
        double epsilon, double tolerance)
    {
        double maxAbs = 0, maxEntryRel = 0, largest = 0;
        for (int i = 0; i < param.Length; i++)
        {
            double n = CentralDifference(net, param, i, epsilon), a = analytic.Data[i], abs = Math.Abs(a - n);
            maxAbs = Math.Max(maxAbs, abs);
            largest = Math.Max(largest, Math.Abs(a));
            double denominator = Math.Abs(a) + Math.Abs(n);
            maxEntryRel = Math.Max(maxEntryRel, denominator < 1e-12 ? 0 : abs / denominator);
        }
        double maxRel = largest < 1e-12 ? (maxAbs < 1e-12 ? 0 : double.PositiveInfinity) : maxAbs / largest;
        return new GradientCheckRow(name, param.Shape, maxAbs, maxRel, maxEntryRel, param.Length, 0, maxRel < tolerance
            && double.IsFinite(maxAbs));
    }

    /// <summary>[−L(θ+2ε) + 8·L(θ+ε) − 8·L(θ−ε) + L(θ−2ε)] / 12ε for entry i.</summary>
    private static double CentralDifference(ReferenceNetwork net, Matrix param, int i, double epsilon)
    {
        double saved = param.Data[i];
        double LossAt(double offset)
        {
            param.Data[i] = saved + offset;
            net.Forward();
            return net.Loss().Total;
        }
        double numeric =
            (-LossAt(2 * epsilon) + 8 * LossAt(epsilon) - 8 * LossAt(-epsilon) + LossAt(-2 * epsilon)) / (12 * epsilon);
        param.Data[i] = saved;
        return numeric;
    }
}
