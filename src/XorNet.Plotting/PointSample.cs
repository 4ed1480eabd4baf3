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
}
