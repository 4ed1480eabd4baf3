using XorNet.Tensors;

namespace XorNet;

/// <summary>
/// What neurons.png draws: the activation h_l[:, Neurons[t]] of chosen neurons of hidden layer l at the centres of a
/// Columns × Rows grid over the plane, Maps[t][r, c] with row 0 at the bottom (YMin), as a decision grid places them.
/// </summary>
public sealed record NeuronGrid(double XMin, double XMax, double YMin, double YMax, int Columns, int Rows, int Layer,
                                int[] Neurons, double[][,] Maps)
{
    /// <summary>
    /// Layers 1 … l − 1 in full, then layer l cut down to the chosen neurons (each h_l column depends only on its
    /// own weights), in chunks of points: a map of 16 neurons of a 100,000-wide first layer costs 16 neurons, not
    /// 100,000. The network is only read: the cut layer's weights are copies. A network on features reads each cell
    /// centre's features (x1, x2 when none are given); the grid stays in the (x1, x2) plane.
    /// </summary>
    public static NeuronGrid Evaluate(Network network, int layer, int[] neurons,
        (double XMin, double XMax, double YMin, double YMax) plane, int columns, int rows, FeatureMap? features = null)
    {
        if (layer < 1 || layer >= network.Layers.Count)
            throw new ArgumentOutOfRangeException(nameof(layer),
                $"Hidden layer {layer} is not in 1 … {network.Layers.Count - 1}.");
        int width = network.Widths[layer];
        if (neurons.Length == 0 || neurons.Any(j => j < 0 || j >= width))
            throw new ArgumentOutOfRangeException(nameof(neurons),
                $"Neurons must be 1 or more of 0 … {width - 1} (layer {layer}).");
        var (w, b) = ChosenColumns(network, layer, neurons);
        var cut = new DenseLayer(layer, network.Widths[layer - 1], neurons.Length, network.Activation, network.UseBias);
        int[] widths = [.. network.Widths.Take(layer), neurons.Length];
        var (xMin, xMax, yMin, yMax) = plane;
        var maps = neurons.Select(_ => new double[rows, columns]).ToArray();
        var cells = new GridCells(xMin, yMin, (xMax - xMin) / columns, (yMax - yMin) / rows, columns,
                                  features ?? FeatureMap.Plain);
        ForwardOverCells(network, widths, cells, rows * columns, (l, x, c) =>
        {
            if (l < layer) network.Layers[l - 1].Forward(x, network.P.W(l), network.P.b(l), c);
            else cut.Forward(x, w, b, c);
        }, (first, h) =>
        {
            for (int i = 0; i < h.Rows; i++)
            {
                int r = Math.DivRem(first + i, columns, out int col);
                for (int t = 0; t < neurons.Length; t++) maps[t][r, col] = h[i, t];
            }
        });
        return new NeuronGrid(xMin, xMax, yMin, yMax, columns, rows, layer, [.. neurons], maps);
    }

    /// <summary>W_l's and b_l's columns of the chosen neurons, as copies.</summary>
    private static (Matrix W, Matrix b) ChosenColumns(Network network, int layer, int[] neurons)
    {
        Matrix w = network.P.W(layer), b = network.P.b(layer);
        var partW = new Matrix(w.Rows, neurons.Length);
        var partB = new Matrix(1, neurons.Length);
        for (int t = 0; t < neurons.Length; t++)
        {
            for (int i = 0; i < w.Rows; i++) partW[i, t] = w[i, neurons[t]];
            partB[0, t] = b[0, neurons[t]];
        }
        return (partW, partB);
    }

    private readonly record struct GridCells(double XMin, double YMin, double Dx, double Dy, int Columns,
                                             FeatureMap Features);

    /// <summary>The cells in chunks of InferenceBatch.Rows points through the layers; read gets the last h.</summary>
    private static void ForwardOverCells(Network network, int[] widths, GridCells g, int points,
        Action<int, Matrix, LayerCache> layerForward, Action<int, Matrix> read)
    {
        int chunk = Math.Min(InferenceBatch.Rows(widths), Math.Max(points, 1));
        var caches = widths.Skip(1).Select(o => new LayerCache(chunk, o)).ToArray();
        var x = new Matrix(chunk, network.D);
        for (int first = 0; first < points; first += chunk)
        {
            int count = Math.Min(chunk, points - first);
            if (count < chunk) // only the last chunk is shorter
                (x, caches) = (new Matrix(count, network.D), [.. widths.Skip(1).Select(o => new LayerCache(count, o))]);
            for (int i = 0; i < count; i++)
            {
                int r = Math.DivRem(first + i, g.Columns, out int c);
                g.Features.Fill(x.Row(i), g.XMin + (c + 0.5) * g.Dx, g.YMin + (r + 0.5) * g.Dy);
            }
            for (int l = 1; l < widths.Length; l++) layerForward(l, l == 1 ? x : caches[l - 2].h, caches[l - 1]);
            read(first, caches[^1].h);
        }
    }
}
