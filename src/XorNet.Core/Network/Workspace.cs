using XorNet.Tensors;

namespace XorNet;

/// <summary>
/// One dense layer's part of the forward cache and of the backward intermediates, for a batch of N rows and the
/// layer's O outputs. Forward fills z and h; Backward reads them and fills dL_dh, dh_dz, dL_dz.
/// </summary>
public sealed class LayerCache(int n, int outputs)
{
    public int N { get; } = n;
    public Matrix z { get; } = new(n, outputs);       // (N×O) x·W + b
    public Matrix h { get; } = new(n, outputs);       // (N×O) f(z), or the output g(z) for the last layer
    public Matrix dL_dh { get; } = new(n, outputs);   // (N×O)
    public Matrix dh_dz { get; } = new(n, outputs);   // (N×O) f′(z) (unused by a softmax output)
    public Matrix dL_dz { get; } = new(n, outputs);   // (N×O) dL_dh ⊙ dh_dz, the "δ" every gradient of the layer reuses
}

/// <summary>
/// Every intermediate of one forward and backward pass of a <see cref="Network"/> for a batch of N rows, allocated once
/// per batch size: the batch X and its targets Y, one <see cref="LayerCache"/> per layer, and the predictions.
/// </summary>
public sealed class Workspace
{
    private readonly LayerCache[] _layers;

    public Workspace(int n, IReadOnlyList<int> widths)
    {
        N = n;
        X = new Matrix(n, widths[0]);
        Y = new Matrix(n, widths[^1]);
        _layers = [.. widths.Skip(1).Select(w => new LayerCache(n, w))];
        Predictions = new int[n];
    }

    public int N { get; }
    public Matrix X { get; }        // (N×D) the batch
    public Matrix Y { get; }        // (N×K) one-hot targets of the batch
    public int[] Predictions { get; }

    /// <summary>The caches of layers 1 … L, in forward order.</summary>
    public IReadOnlyList<LayerCache> Layers => _layers;

    /// <summary>Layer l's cache, l = 1 … L (so Layer(1).z is the article's z1).</summary>
    public LayerCache Layer(int layer) => _layers[layer - 1];

    /// <summary>The output layer's cache: Output.h is the network's output (the article's h2).</summary>
    public LayerCache Output => _layers[^1];

    /// <summary>The input of layer l: X for the first, the previous layer's h otherwise.</summary>
    public Matrix InputOf(int layer) => layer == 1 ? X : _layers[layer - 2].h;
}
