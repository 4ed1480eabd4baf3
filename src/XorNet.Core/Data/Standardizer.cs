using XorNet.Tensors;

namespace XorNet;

/// <summary>
/// x' = (x − Mean) / Std per feature, fitted on the training points (population std, as sklearn's StandardScaler;
/// a constant feature gets Std 1). The identity (Mean 0, Std 1) stands for "not standardized" and changes no bit.
/// </summary>
public sealed record Standardizer(double[] Mean, double[] Std)
{
    public bool IsIdentity => Mean.All(m => m == 0) && Std.All(s => s == 1);

    public static Standardizer Identity(int features) => new(new double[features],
        Enumerable.Repeat(1.0, features).ToArray());

    public static Standardizer Fit(Matrix x)
    {
        var mean = new double[x.Cols];
        var std = new double[x.Cols];
        for (int c = 0; c < x.Cols; c++)
        {
            double sum = 0, squares = 0;
            for (int r = 0; r < x.Rows; r++) sum += x[r, c];
            mean[c] = sum / x.Rows;
            for (int r = 0; r < x.Rows; r++) squares += (x[r, c] - mean[c]) * (x[r, c] - mean[c]);
            double sd = Math.Sqrt(squares / x.Rows);
            std[c] = sd > 0 ? sd : 1;
        }
        return new Standardizer(mean, std);
    }

    /// <summary>A new matrix (x − Mean) / Std; the identity returns an exact copy.</summary>
    public Matrix Apply(Matrix x)
    {
        if (x.Cols != Mean.Length)
            throw new ArgumentException(
                $"Input {x.Shape} has {x.Cols} features; the standardizer expects {Mean.Length}.", nameof(x));
        var result = new Matrix(x.Rows, x.Cols);
        for (int r = 0; r < x.Rows; r++)
            for (int c = 0; c < x.Cols; c++)
                result[r, c] = (x[r, c] - Mean[c]) / Std[c];
        return result;
    }

    public Dataset Apply(Dataset data) => data with { X = Apply(data.X) };

    /// <summary>
    /// A network on raw inputs equivalent to this standardizer followed by network (W1' = W1/Std, b1' = b1 −
    /// (Mean/Std)·W1): what the boundary plot evaluates, so it can draw in the data's own coordinates.
    /// </summary>
    public Network Fold(Network network)
    {
        // only W1, b1 change
        var folded =
            new Network(network.D, network.Hidden, network.K, useBias: true, network.Activation.Kind,
            network.Output.Kind);
        network.P.CopyTo(folded.P);
        if (!network.UseBias)
            foreach (var (name, value) in folded.P.Named())
                if (name[0] == 'b') value.Fill(0);
        Matrix w1 = network.P.W(1), foldedW1 = folded.P.W(1), foldedB1 = folded.P.b(1);
        for (int d = 0; d < network.D; d++)
            for (int h = 0; h < w1.Cols; h++)
            {
                foldedW1[d, h] = w1[d, h] / Std[d];
                foldedB1[0, h] -= Mean[d] / Std[d] * w1[d, h];
            }
        return folded;
    }
}
