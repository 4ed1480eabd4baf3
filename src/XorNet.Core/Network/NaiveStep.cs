using XorNet.Tensors;

namespace XorNet;

/// <summary>
/// The training step written the plain way, for `xornet bench` to time next to the fast one: triple-loop
/// <see cref="Ops.MatMulNaive"/>, transposes materialised, a fresh array for every intermediate (as NumPy does).
/// Same math as <see cref="TwoLayerNetwork"/> Forward + Backward + Step.
/// </summary>
internal sealed class NaiveStep(TwoLayerNetwork network, Workspace batch)
{
    public void Run(double lambda, double learningRate)
    {
        Parameters p = network.P;
        Matrix X = batch.X, Y = batch.Y;
        int n = X.Rows;
        Matrix h1 = Map(AddRow(Product(X, p.W1), p.b1), Ops.Sigmoid);                     // (N×H)
        Matrix h2 = Map(AddRow(Product(h1, p.W2), p.b2), Ops.Sigmoid);                    // (N×K)
        Matrix dL_dz2 = Zip(h2, Y, (h, y) => (h - y) / n * h * (1 - h));                  // (N×K)
        Matrix dL_dW2 = Zip(Product(Transpose(h1), dL_dz2), p.W2, (g, w) => g + lambda * w / n);
        Matrix dL_dh1 = Product(dL_dz2, Transpose(p.W2));                                // (N×H)
        Matrix dL_dz1 = Zip(dL_dh1, h1, (g, h) => g * h * (1 - h));
        Matrix dL_dW1 = Zip(Product(Transpose(X), dL_dz1), p.W1, (g, w) => g + lambda * w / n);
        Update(p.W1, dL_dW1, learningRate);
        Update(p.b1, ColumnSums(dL_dz1), learningRate);
        Update(p.W2, dL_dW2, learningRate);
        Update(p.b2, ColumnSums(dL_dz2), learningRate);
    }

    private static Matrix Product(Matrix a, Matrix b)
    {
        var c = new Matrix(a.Rows, b.Cols);
        Ops.MatMulNaive(a, b, c);
        return c;
    }

    private static Matrix Transpose(Matrix a)
    {
        var t = new Matrix(a.Cols, a.Rows);
        for (int r = 0; r < a.Rows; r++)
            for (int c = 0; c < a.Cols; c++)
                t[c, r] = a[r, c];
        return t;
    }

    private static Matrix AddRow(Matrix a, Matrix row)
    {
        var m = new Matrix(a.Rows, a.Cols);
        for (int r = 0; r < m.Rows; r++)
            for (int c = 0; c < m.Cols; c++)
                m[r, c] = a[r, c] + row[0, c];
        return m;
    }

    private static Matrix Map(Matrix a, Func<double, double> f) => Zip(a, a, (x, _) => f(x));

    private static Matrix Zip(Matrix a, Matrix b, Func<double, double, double> f)
    {
        var c = new Matrix(a.Rows, a.Cols);
        for (int i = 0; i < c.Length; i++)
            c.Data[i] = f(a.Data[i], b.Data[i]);
        return c;
    }

    private static Matrix ColumnSums(Matrix a)
    {
        var s = new Matrix(1, a.Cols);
        for (int r = 0; r < a.Rows; r++)
            for (int c = 0; c < a.Cols; c++)
                s[0, c] += a[r, c];
        return s;
    }

    private static void Update(Matrix theta, Matrix gradient, double learningRate)
    {
        for (int i = 0; i < theta.Length; i++)
            theta.Data[i] -= learningRate * gradient.Data[i];
    }
}
