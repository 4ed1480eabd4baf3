using XorNet.Tensors;

namespace XorNet.Plotting;

/// <summary>
/// Which points a picture draws: all of them up to <see cref="MaxShown"/>, beyond that a deterministic stratified
/// sample (every class keeps its share, points evenly spaced within their class), so 200,000 points do not become a
/// blob of markers. The decision grid and every metric still use all points.
/// </summary>
public static class PointSample
{
    public const int MaxShown = 5000;

    /// <summary>Sorted row indices: each class c with n_c points gives round(n_c·max/N) of them (at least
    /// one).</summary>
    public static int[] Stratified(IReadOnlyList<int> labels, int classes, int max = MaxShown)
    {
        if (labels.Count <= max) return [.. Enumerable.Range(0, labels.Count)];
        var byClass = new List<int>[classes];
        for (int k = 0; k < classes; k++) byClass[k] = [];
        for (int i = 0; i < labels.Count; i++) byClass[labels[i]].Add(i);
        var chosen = new List<int>(max + classes);
        foreach (var members in byClass.Where(m => m.Count > 0))
        {
            int take = Math.Max(1, (int)Math.Round((double)members.Count * max / labels.Count));
            for (int t = 0; t < take; t++) chosen.Add(members[(int)((long)t * members.Count / take)]);
        }
        chosen.Sort();
        return [.. chosen];
    }

    /// <summary>
    /// The predicted class of every row of x, in chunks so a wide network over many points stays small; x holds the
    /// points (x1, x2) whose features the network reads (the plain x1, x2: the network's inputs themselves).
    /// </summary>
    public static int[] Predict(Network network, Matrix x, int chunk = 2048, FeatureMap? features = null)
    {
        if (features is { IsPlain: false }) x = features.Apply(x);
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
