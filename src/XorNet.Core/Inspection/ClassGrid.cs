namespace XorNet;

/// <summary>For K ≥ 3: the predicted class and its share h2_max / Σh2 at the centre of each cell of a decision
/// grid.</summary>
public sealed record ClassGrid(int[,] Classes, double[,] Confidence)
{
    /// <summary>
    /// Evaluates the network over the cells of grid (row 0 at the bottom), one row of cells per Forward, on each
    /// cell centre's features (x1, x2 when none are given).
    /// </summary>
    public static ClassGrid Evaluate(Network network, DecisionGrid grid, FeatureMap? features = null)
    {
        features ??= FeatureMap.Plain;
        var classes = new int[grid.Rows, grid.Columns];
        var confidence = new double[grid.Rows, grid.Columns];
        Workspace ws = network.CreateWorkspace(grid.Columns);
        double dx = (grid.XMax - grid.XMin) / grid.Columns, dy = (grid.YMax - grid.YMin) / grid.Rows;
        for (int r = 0; r < grid.Rows; r++)
        {
            for (int c = 0; c < grid.Columns; c++)
                features.Fill(ws.X.Row(c), grid.XMin + (c + 0.5) * dx, grid.YMin + (r + 0.5) * dy);
            network.Forward(ws);
            for (int c = 0; c < grid.Columns; c++)
            {
                double sum = 0;
                for (int k = 0; k < network.K; k++) sum += ws.Output.h[c, k];
                classes[r, c] = ws.Predictions[c];
                // NaN: no value
                confidence[r, c] =
                    !double.IsFinite(sum) ? double.NaN : sum > 0 ? ws.Output.h[c, ws.Predictions[c]] / sum
                    : 1.0 / network.K;
            }
        }
        return new ClassGrid(classes, confidence);
    }
}
