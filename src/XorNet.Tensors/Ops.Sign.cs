namespace XorNet.Tensors;

public static partial class Ops
{
    /// <summary>Returns Σ_i |a[i]|: the L1 norm of the entries.</summary>
    public static double AbsSum(Matrix a)
    {
        double sum = 0;
        foreach (double v in a.Data)
            sum += Math.Abs(v);
        return sum;
    }

    /// <summary>Computes destination[i] += s · sign(x[i]), with sign(0) = 0: the subgradient of s·Σ|x| that PyTorch and
    /// NumPy use.</summary>
    public static void AddScaledSign(Matrix x, double s, Matrix destination)
    {
        RequireSameShape(x, destination, nameof(destination));
        for (int i = 0; i < x.Length; i++)
            destination.Data[i] += s * Sign(x.Data[i]);
    }

    /// <summary>sign(x) in {−1, 0, 1}; NaN stays NaN (Math.Sign would throw, and a NaN weight must surface as
    /// divergence).</summary>
    public static double Sign(double x) => x > 0 ? 1.0 : x < 0 ? -1.0 : x == 0 ? 0.0 : double.NaN;

    /// <summary>Computes destination[i] = min(max(a[i], −limit), limit).</summary>
    public static void Clamp(Matrix a, double limit, Matrix destination)
    {
        RequireSameShape(a, destination, nameof(destination));
        if (!(limit >= 0)) throw new ArgumentOutOfRangeException(nameof(limit), $"Clamp limit {limit} must be ≥ 0.");
        for (int i = 0; i < a.Length; i++)
            destination.Data[i] = Math.Clamp(a.Data[i], -limit, limit);
    }
}
