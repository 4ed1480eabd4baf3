using XorNet.Tensors;

namespace XorNet;

/// <summary>The reference program's data and initial weights, drawn from NumPy's legacy RandomState streams.</summary>
public static class ReferenceData
{
    public const uint DataSeed = 0, InitSeed = 2017;

    /// <summary>X = RandomState(0).randn(samples, 2); label = XOR(x1 &gt; 0, x2 &gt; 0).</summary>
    public static Dataset Points(int samples)
    {
        var x = new Matrix(samples, 2);
        new NumPyRandomState(DataSeed).FillGaussian(x);
        var labels = new int[samples];
        for (int i = 0; i < samples; i++)
            labels[i] = (x[i, 0] > 0) ^ (x[i, 1] > 0) ? 1 : 0;
        return new Dataset(x, labels, Classes: 2);
    }

    /// <summary>
    /// np.random.seed(2017); w1 = 2·random((D, H)) − 1, then w2 = 2·random((H, K)) − 1 from the same stream;
    /// then w1 /= √D and w2 /= √H (D = 2 inputs, K = 2 outputs).
    /// </summary>
    public static (Matrix W1, Matrix W2) InitialWeights(int hidden, int inputs = 2, int classes = 2)
    {
        var rs = new NumPyRandomState(InitSeed);
        var w1 = new Matrix(inputs, hidden);
        var w2 = new Matrix(hidden, classes);
        rs.FillDouble(w1);
        rs.FillDouble(w2);
        Uniform(w1, Math.Sqrt(inputs));
        Uniform(w2, Math.Sqrt(hidden));
        return (w1, w2);
    }

    /// <summary>w = (2·w − 1) / root, in NumPy's order: the scaling happens once the array is made.</summary>
    private static void Uniform(Matrix w, double root)
    {
        for (int i = 0; i < w.Length; i++)
            w.Data[i] = (2 * w.Data[i] - 1) / root;
    }
}
