namespace XorNet;

/// <summary>For K ≥ 3: the predicted class and its share h2_max / Σh2 at the centre of each cell of a decision
/// grid.</summary>
public sealed record ClassGrid(int[,] Classes, double[,] Confidence)
{
    /// <summary>
    /// Evaluates the network over the cells of grid (row 0 at the bottom) in batches of
    /// <see cref="InferenceBatch.Rows"/> points, so a wide network's workspace stays small, on each cell centre's
    /// features (x1, x2 when none are given).
    /// </summary>
    public static ClassGrid Evaluate(Network network, DecisionGrid grid, FeatureMap? features = null)
    {
        features ??= FeatureMap.Plain;
        var classes = new int[grid.Rows, grid.Columns];
        var confidence = new double[grid.Rows, grid.Columns];
        int points = grid.Rows * grid.Columns, chunk = Math.Min(InferenceBatch.Rows(network.Widths), points);
        Workspace ws = network.CreateWorkspace(chunk);
        double dx = (grid.XMax - grid.XMin) / grid.Columns, dy = (grid.YMax - grid.YMin) / grid.Rows;
        for (int first = 0; first < points; first += chunk)
        {
            int count = Math.Min(chunk, points - first);
            if (count < ws.N) ws = network.CreateWorkspace(count); // only the last batch is shorter
            for (int i = 0; i < count; i++)
            {
                int r = Math.DivRem(first + i, grid.Columns, out int c);
                features.Fill(ws.X.Row(i), grid.XMin + (c + 0.5) * dx, grid.YMin + (r + 0.5) * dy);
            }
            network.Forward(ws);
            for (int i = 0; i < count; i++)
            {
                int r = Math.DivRem(first + i, grid.Columns, out int c);
                double sum = 0;
                for (int k = 0; k < network.K; k++) sum += ws.Output.h[i, k];
                classes[r, c] = ws.Predictions[i];
                confidence[r, c] = !double.IsFinite(sum) ? double.NaN // no value
                    : sum > 0 ? ws.Output.h[i, ws.Predictions[i]] / sum : 1.0 / network.K;
            }
        }
        return new ClassGrid(classes, confidence);
    }
}
