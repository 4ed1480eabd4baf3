namespace XorNet.Cli.Live;

/// <summary>
/// The network's output over the plane at the view's resolution, row 0 at the bottom as in <see cref="DecisionGrid"/>:
/// the class-1 share for two classes, or (K ≥ 3) the predicted class and its confidence.
/// </summary>
public sealed record Surface(double[,] Values, int[,]? Classes = null, int ClassCount = 2)
{
    public int Rows => Values.GetLength(0);
    public int Columns => Values.GetLength(1);
}

/// <summary>The training points in the network's own inputs, with the plane they are drawn on.</summary>
public sealed record PlanePoints(double[] X1, double[] X2, int[] Labels, (double XMin, double XMax, double YMin,
    double YMax) Plane)
{
    public static PlanePoints Of(Dataset data)
    {
        var x1 = new double[data.Count];
        var x2 = new double[data.Count];
        for (int i = 0; i < data.Count; i++) (x1[i], x2[i]) = (data.X[i, 0], data.X[i, 1]);
        return new PlanePoints(x1, x2, data.Labels, DecisionGrid.Bounds(data.X));
    }
}

/// <summary>
/// Everything one tile of the live view shows, as plain data: the renderer is a pure function of it.
/// Ended is null while the run trains, else how it ended ("done", "diverged at epoch 12", ...).
/// </summary>
public sealed record TileState(string Title, int Epochs, IReadOnlyList<EpochMetrics> History, PlanePoints Points)
{
    public Surface? Surface { get; init; }

    /// <summary>The latest epoch's learning rate and per-tensor gradient norms, when the trainer has them.</summary>
    public EpochDiagnostics? Diagnostics { get; init; }

    public string? Ended { get; init; }
    public TimeSpan Elapsed { get; init; }
}

/// <summary>The whole frame: the tiles side by side and the line of keys at the bottom.</summary>
public sealed record FrameState(IReadOnlyList<TileState> Tiles, bool Paused = false, bool Stopping = false)
{
    /// <summary>The frame left on the screen after the run: no line of keys.</summary>
    public bool Final { get; init; }
}
