namespace XorNet.Tensors;

public static partial class Ops
{
    /// <summary>Computes destination[i] = tanh(a[i]).</summary>
    public static void Tanh(Matrix a, Matrix destination)
    {
        RequireSameShape(a, destination, nameof(destination));
        for (int i = 0; i < a.Length; i++)
            destination.Data[i] = Math.Tanh(a.Data[i]);
    }

    /// <summary>Computes destination[i] = 1 − t[i]², tanh's derivative written with its output t = tanh(z).</summary>
    public static void TanhDerivativeFromOutput(Matrix t, Matrix destination)
    {
        RequireSameShape(t, destination, nameof(destination));
        for (int i = 0; i < t.Length; i++)
            destination.Data[i] = 1.0 - t.Data[i] * t.Data[i];
    }

    /// <summary>Computes destination[i] = max(0, a[i]).</summary>
    public static void Relu(Matrix a, Matrix destination)
    {
        RequireSameShape(a, destination, nameof(destination));
        for (int i = 0; i < a.Length; i++)
            destination.Data[i] = a.Data[i] > 0 ? a.Data[i] : 0.0;
    }

    /// <summary>Computes destination[i] = 1 if z[i] &gt; 0 else 0: ReLU's derivative at its input z (0 at the kink z =
    /// 0).</summary>
    public static void ReluDerivative(Matrix z, Matrix destination)
    {
        RequireSameShape(z, destination, nameof(destination));
        for (int i = 0; i < z.Length; i++)
            destination.Data[i] = z.Data[i] > 0 ? 1.0 : 0.0;
    }

    /// <summary>Computes destination[r, c] = e^(a[r,c] − m_r) / Σ_j e^(a[r,j] − m_r), m_r = max_j a[r,j]: a row-wise
    /// softmax that cannot overflow.</summary>
    public static void Softmax(Matrix a, Matrix destination)
    {
        RequireSameShape(a, destination, nameof(destination));
        for (int r = 0; r < a.Rows; r++)
        {
            ReadOnlySpan<double> row = a.Row(r);
            Span<double> dst = destination.Row(r);
            double max = double.NegativeInfinity;
            foreach (double v in row) max = Math.Max(max, v);
            double sum = 0;
            for (int c = 0; c < row.Length; c++)
                sum += dst[c] = Math.Exp(row[c] - max);
            for (int c = 0; c < dst.Length; c++)
                dst[c] /= sum;
        }
    }

    /// <summary>Returns log Σ_c e^(row[c]), computed as m + log Σ_c e^(row[c] − m) so that it cannot
    /// overflow.</summary>
    public static double LogSumExp(ReadOnlySpan<double> row)
    {
        double max = double.NegativeInfinity;
        foreach (double v in row) max = Math.Max(max, v);
        if (double.IsInfinity(max)) return max;
        double sum = 0;
        foreach (double v in row) sum += Math.Exp(v - max);
        return max + Math.Log(sum);
    }
}
