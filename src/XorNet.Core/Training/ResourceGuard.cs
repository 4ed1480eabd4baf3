namespace XorNet;

/// <summary>
/// Refuses, before anything is allocated, a configuration whose tensors would not fit the memory budget
/// (documented in the README: 4 GiB), instead of letting the machine swap or the process crash.
/// </summary>
public static class ResourceGuard
{
    public const long BudgetBytes = 4L << 30;

    /// <summary>Bytes the run will need: parameters of every layer (×4: values, gradients, optimizer state), data,
    /// workspaces, history.</summary>
    public static long EstimateBytes(TrainingConfig c, int inputs = 2, int classes = 2)
    {
        int[] widths = c.Hidden.WithEnds(inputs, classes);
        double parameters = 0;
        for (int l = 1; l < widths.Length; l++) parameters += ((double)widths[l - 1] + 1) * widths[l]; // W_l and b_l
        // X, one-hot Y, labels, order
        double data = (double)c.Samples * (inputs + classes + 2);
        double perRow = inputs + 5.0 * c.Hidden.TotalNeurons + 6.0 * classes;              // one Workspace row
        double workspaces = perRow * (c.Samples + Math.Min(c.BatchSize, c.Samples) * 2.0 + DecisionGrid.MaxCells);
        // bounded: see TrainingHistory
        double history = 16.0 * (TrainingHistory.DefaultLimit + 3 + TrainingHistory.RecentEpochs);
        return (long)Math.Min(long.MaxValue, 8 * (4 * parameters + data + workspaces + history));
    }

    /// <summary>A one-line refusal with the numbers and the settings to lower, or null when the run fits.</summary>
    public static Message? Check(TrainingConfig c, int inputs = 2, int classes = 2)
    {
        long bytes = EstimateBytes(c, inputs, classes);
        if (bytes <= BudgetBytes) return null;
        Setting hidden = new(nameof(c.Hidden), c.Hidden), samples = new(nameof(c.Samples), c.Samples);
        Setting h = hidden with { Value = null }, n = samples with { Value = null };
        (double gib, long budget) = (bytes / (double)(1L << 30), BudgetBytes >> 30);
        const string Over = "GiB memory budget";
        return new(
            $"{hidden} with {samples} needs about {gib:F1} GiB, more than the {budget} {Over}; lower {h} or {n}");
    }
}
