using XorNet.Tensors;

namespace XorNet;

/// <summary>
/// Every intermediate of one forward and backward pass of <see cref="TwoLayerNetwork"/> for a batch of N rows,
/// allocated once per batch size. Forward fills the first group; Backward reads it and fills the second.
/// </summary>
internal sealed class TwoLayerWorkspace
{
    public int N { get; }
    // forward cache
    public Matrix X { get; }        // (N×D) the batch
    public Matrix z1 { get; }       // (N×H)
    public Matrix h1 { get; }       // (N×H)
    public Matrix z2 { get; }       // (N×K)
    public Matrix h2 { get; }       // (N×K)
    // backward intermediates
    public Matrix Y { get; }        // (N×K) one-hot targets of the batch
    public Matrix dL_dh2 { get; }   // (N×K)
    public Matrix dh2_dz2 { get; }  // (N×K)
    public Matrix dL_dz2 { get; }   // (N×K)
    public Matrix dL_dh1 { get; }   // (N×H)
    public Matrix dh1_dz1 { get; }  // (N×H)
    public Matrix dL_dz1 { get; }   // (N×H)
    public int[] Predictions { get; }

    public TwoLayerWorkspace(int n, int inputs, int hidden, int classes)
    {
        N = n;
        X = new Matrix(n, inputs);
        z1 = new Matrix(n, hidden);
        h1 = new Matrix(n, hidden);
        z2 = new Matrix(n, classes);
        h2 = new Matrix(n, classes);
        Y = new Matrix(n, classes);
        dL_dh2 = new Matrix(n, classes);
        dh2_dz2 = new Matrix(n, classes);
        dL_dz2 = new Matrix(n, classes);
        dL_dh1 = new Matrix(n, hidden);
        dh1_dz1 = new Matrix(n, hidden);
        dL_dz1 = new Matrix(n, hidden);
        Predictions = new int[n];
    }
}
