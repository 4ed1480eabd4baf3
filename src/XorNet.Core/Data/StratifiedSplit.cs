using XorNet.Tensors;

namespace XorNet;

/// <summary>A seeded, stratified train/test split: each class gives round(fraction · its count) points to the test
/// set.</summary>
public static class StratifiedSplit
{
    /// <summary>(train, test); every class keeps at least one training point, and the test set is never
    /// empty.</summary>
    public static (Dataset Train, Dataset Test) Split(Dataset data, double fraction, long seed)
    {
        if (!(fraction > 0 && fraction < 1))
            throw new ArgumentOutOfRangeException(nameof(fraction), $"The test fraction {fraction} must be in (0, 1).");
        var rng = Rng.ForPurpose(seed, "split");
        var train = new List<int>();
        var test = new List<int>();
        for (int label = 0; label < data.Classes; label++)
        {
            int[] members = Enumerable.Range(0, data.Count).Where(i => data.Labels[i] == label).ToArray();
            rng.Shuffle(members);
            int held = Math.Min((int)Math.Round(fraction * members.Length, MidpointRounding.AwayFromZero),
                members.Length - 1);
            test.AddRange(members[..held]);
            train.AddRange(members[held..]);
        }
        if (test.Count == 0)
            throw new InvalidDataException($"a test split of {fraction} of {data.Count} points holds out no point");
        train.Sort();
        test.Sort(); // keep the file's order within each set
        return (Take(data, train), Take(data, test));
    }

    private static Dataset Take(Dataset data, List<int> rows) =>
        new(data.X.TakeRows(rows.ToArray()), rows.Select(i => data.Labels[i]).ToArray(), data.Classes);
}
