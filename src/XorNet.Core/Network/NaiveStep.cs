using XorNet.Tensors;

namespace XorNet;

/// <summary>
/// The training step written the plain way, for `xornet bench` to time next to the fast one: triple-loop
/// <see cref="Ops.MatMulNaive"/>, transposes materialised, a fresh array for every intermediate (as NumPy does).
/// Same math as <see cref="Network"/> Forward + Backward + SGD for sigmoid layers and MSE, at any depth.
/// </summary>
internal sealed class NaiveStep(Network network, Workspace batch)
{
    public void Run(double lambda, double learningRate)
    {
        Parameters p = network.P;
        int n = batch.X.Rows, layers = p.Layers;
        var h = new Matrix[layers + 1];
        h[0] = batch.X;
        for (int l = 1; l <= layers; l++)
            h[l] = Map(AddRow(Product(h[l - 1], p.W(l)), p.b(l)), Ops.Sigmoid);         // h_l = σ(h_{l−1}·W_l + b_l)
        Matrix dL_dz = Zip(h[layers], batch.Y, (o, y) => (o - y) / n * o * (1 - o));    // (N×K)
        for (int l = layers; l >= 1; l--)
        {
            Matrix dL_dW = Zip(Product(Transpose(h[l - 1]), dL_dz), p.W(l), (g, w) => g + lambda * w / n);
            Matrix dL_db = ColumnSums(dL_dz);
            if (l > 1)
                // before W_l changes
                dL_dz = Zip(Product(dL_dz, Transpose(p.W(l))), h[l - 1], (g, o) => g * o * (1 - o));
            Update(p.W(l), dL_dW, learningRate);
            Update(p.b(l), dL_db, learningRate);
        }
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
