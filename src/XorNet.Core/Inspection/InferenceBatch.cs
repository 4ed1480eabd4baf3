using XorNet.Tensors;

namespace XorNet;

/// <summary>
/// How many points one inference batch holds: up to 4096, fewer for wide layers, so a batch stays ~32 MB.
/// </summary>
public static class InferenceBatch
{
    /// <summary>Doubles one batch may hold: a workspace keeps about five matrices of N × width per layer.</summary>
    public const int MaxDoubles = 1 << 22;

    public const int MaxRows = 4096;

    /// <summary>Rows per batch for a network of these widths (D, H1, …, K): at least 1.</summary>
    public static int Rows(IReadOnlyList<int> widths) =>
        Math.Clamp(MaxDoubles / (5 * Math.Max(1, widths.Skip(1).Sum())), 1, MaxRows);

    /// <summary>
    /// The predicted class (argmax of the output) of every row of x, in batches, so a wide network over many
    /// points stays small.
    /// </summary>
    public static int[] Predict(Network network, Matrix x) => Predict(network, x, Rows(network.Widths));

    /// <summary>
    /// The same for points (x1, x2) of a network on features: each row's features first (the plain x1, x2: the rows
    /// themselves).
    /// </summary>
    public static int[] Predict(Network network, Matrix points, FeatureMap features) =>
        Predict(network, features.IsPlain ? points : features.Apply(points));

    /// <summary>The same with the batch size given (the tests: any batching gives the same classes).</summary>
    public static int[] Predict(Network network, Matrix x, int chunk)
    {
        var predicted = new int[x.Rows];
        Workspace ws = network.CreateWorkspace(Math.Min(chunk, Math.Max(1, x.Rows)));
        for (int first = 0; first < x.Rows; first += chunk)
        {
            int count = Math.Min(chunk, x.Rows - first);
            Workspace batch = count == ws.N ? ws : network.CreateWorkspace(count);
            Array.Copy(x.Data, first * x.Cols, batch.X.Data, 0, count * x.Cols);
            network.Forward(batch);
            Array.Copy(batch.Predictions, 0, predicted, first, count);
        }
        return predicted;
    }
}
