using XorNet.Tensors;

namespace XorNet;

/// <summary>
/// One parameter tensor's comparison of backward against finite differences. MaxRelError is normwise:
/// max_i |analytic_i − numeric_i| / max_i |analytic_i| (0 for an all-zero gradient matched within 1e-12);
/// MaxEntryRelError is the worst single entry's |a − n| / (|a| + |n|), which rounding noise dominates for entries near
/// 0.
/// </summary>
public sealed record GradientCheckRow(string Name, string Shape, double MaxAbsError, double MaxRelError,
    double MaxEntryRelError,
    int Checked, int SkippedAtKink, bool Ok);

/// <summary>
/// Compares Backward with central differences on every entry of every parameter tensor, in double, on the whole
/// batch in ws. The difference is the fourth-order central one (the five-point stencil)
/// [−L(θ+2ε) + 8·L(θ+ε) − 8·L(θ−ε) + L(θ−2ε)] / 12ε: its truncation error ∝ ε⁴ is negligible at ε = 1e-4, so what is
/// left is rounding (≈ 1e-16·L/ε), and relative errors reach 1e-9 instead of the ≈ 1e-7 of the two-point formula.
/// The pass/fail relative error is normwise (the worst absolute error over the tensor's largest gradient): with 300
/// examples the rounding noise of a difference is ≈ 1e-12, so an entry whose gradient happens to be 1e-6 would show
/// an entrywise error of 1e-6 although backward is exact, while a wrong formula moves the normwise error to ≈ 1.
/// Entries whose ±ε perturbation crosses a kink (a ReLU pre-activation z of any hidden layer changing sign, or an
/// L1-penalised weight changing sign) have no derivative to compare with and are skipped and counted, never silently
/// passed.
/// </summary>
public static class GradientCheck
{
    public const double DefaultEpsilon = 1e-4;
    private const double Tiny = 1e-12; // both gradients below this: treat as equal zeros

    public static IReadOnlyList<GradientCheckRow> Run(Network net, Workspace ws, Regularization reg, double epsilon,
        double tolerance)
    {
        var grads = net.P.CloneShape();
        net.Forward(ws);
        net.Backward(ws, reg, grads);
        bool[] signs = Signs(HiddenSums(ws));
        var gradByName = grads.Named().ToDictionary(g => g.Name, g => g.Value);
        var rows = new List<GradientCheckRow>();
        foreach (var (name, param) in net.P.Named())
            rows.Add(CheckTensor(net, ws, reg, name, param, gradByName[name], signs, epsilon, tolerance));
        net.Forward(ws); // leave the cache as it was
        return rows;
    }

    private static GradientCheckRow CheckTensor(Network net, Workspace ws, Regularization reg, string name,
        Matrix param,
        Matrix analytic, bool[] signs, double epsilon, double tolerance)
    {
        double maxAbs = 0, maxEntryRel = 0, largest = 0;
        int skipped = 0;
        bool weight = name.StartsWith('W');
        for (int i = 0; i < param.Length; i++)
        {
            if (weight && reg.L1 > 0 && Math.Abs(param.Data[i]) <= 2 * epsilon) { skipped++; continue; }
            double? numeric = CentralDifference(net, ws, reg, param, i, epsilon, signs);
            if (numeric is not double n) { skipped++; continue; }
            double a = analytic.Data[i], abs = Math.Abs(a - n);
            double denominator = Math.Abs(a) + Math.Abs(n);
            maxAbs = Math.Max(maxAbs, abs);
            largest = Math.Max(largest, Math.Abs(a));
            maxEntryRel = Math.Max(maxEntryRel, denominator < Tiny ? 0 : abs / denominator);
        }
        double maxRel = largest < Tiny ? (maxAbs < Tiny ? 0 : double.PositiveInfinity) : maxAbs / largest;
        bool ok = maxRel < tolerance && double.IsFinite(maxAbs);
        return new GradientCheckRow(name, param.Shape, maxAbs, maxRel, maxEntryRel, param.Length - skipped, skipped,
            ok);
    }

    /// <summary>The five-point central difference for entry i, or null when a step moved a ReLU input across
    /// 0.</summary>
    private static double? CentralDifference(Network net, Workspace ws, Regularization reg, Matrix param, int i,
        double epsilon, bool[] signs)
    {
        bool relu = net.Activation.Kind == ActivationKind.Relu, crossed = false;
        double saved = param.Data[i];
        double LossAt(double offset)
        {
            param.Data[i] = saved + offset;
            net.Forward(ws);
            crossed |= relu && !SameSigns(HiddenSums(ws), signs);
            return net.Loss(ws, reg).Total;
        }
        double numeric =
            (-LossAt(2 * epsilon) + 8 * LossAt(epsilon) - 8 * LossAt(-epsilon) + LossAt(-2 * epsilon)) / (12 * epsilon);
        param.Data[i] = saved;
        return crossed ? null : numeric;
    }

    /// <summary>The pre-activations z1, …, z_{L−1} of every hidden layer (a ReLU kink can sit in any of
    /// them).</summary>
    private static IEnumerable<double> HiddenSums(Workspace ws) => ws.Layers.SkipLast(1).SelectMany(c => c.z.Data);

    private static bool[] Signs(IEnumerable<double> z) => z.Select(v => v > 0).ToArray();

    private static bool SameSigns(IEnumerable<double> z, bool[] signs)
    {
        int i = 0;
        foreach (double v in z)
            if (v > 0 != signs[i++]) return false;
        return true;
    }

    /// <summary>The smallest |z| over the batch and every hidden layer: how far the nearest ReLU input sits from its
    /// kink.</summary>
    public static double NearestKink(Workspace ws) => HiddenSums(ws).DefaultIfEmpty(double.PositiveInfinity)
        .Min(Math.Abs);
}
