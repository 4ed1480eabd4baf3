using XorNet.Tensors;

namespace XorNet;

/// <summary>Labelled points: X is (N×D), Labels[i] in 0..Classes−1.</summary>
public sealed record Dataset(Matrix X, int[] Labels, int Classes)
{
    public int Count => X.Rows;
    public int Features => X.Cols;

    /// <summary>One-hot targets Y (N×K): Y[i, Labels[i]] = 1.</summary>
    public Matrix OneHot()
    {
        var y = new Matrix(Count, Classes);
        for (int i = 0; i < Count; i++)
            y[i, Labels[i]] = 1.0;
        return y;
    }

    /// <summary>The article's data: N points from a standard normal in 2-D, label = XOR(x1 &gt; 0, x2 &gt;
    /// 0).</summary>
    public static Dataset GaussianXor(int samples, long seed)
    {
        var rng = Rng.ForPurpose(seed, "data");
        var x = new Matrix(samples, 2);
        rng.FillNormal(x);
        var labels = new int[samples];
        for (int i = 0; i < samples; i++)
            labels[i] = (x[i, 0] > 0) ^ (x[i, 1] > 0) ? 1 : 0;
        return new Dataset(x, labels, Classes: 2);
    }
}
