using XorNet.Tensors;

namespace XorNet;

/// <summary>
/// The network's output over a regular grid of the (x1, x2) plane: what the decision-boundary plot draws. A network
/// on features (<see cref="FeatureMap"/>) is evaluated on the features of each cell's centre; the grid stays in the
/// plane.
/// </summary>
public sealed record DecisionGrid(double XMin, double XMax, double YMin, double YMax, int Columns, int Rows,
    double[,] ClassOneShare)
{
    /// <summary>The largest grid side; the reference's 0.01 step is kept until the data spans more than this.</summary>
    public const int MaxCells = 800;

    /// <summary>
    /// The plotting budget: cells × hidden neurons per grid (each cell costs H sigmoids). 3·10⁸ keeps every grid of
    /// up to ~470 neurons at its full resolution and a grid of any width at about 3 s of one core; a wider network
    /// gets a coarser grid (H = 100000: 54 × 54 cells instead of 110 s and 5 GB of plotting), never fewer than
    /// <see cref="MinCells"/> a side.
    /// </summary>
    public const double MaxNeuronCells = 3e8;

    public const int MinCells = 40;

    /// <summary>A grid spanning the data's range ± margin, evaluated in batches through the network's
    /// Forward.</summary>
    public static DecisionGrid Evaluate(Network network, Matrix x, double margin = 0.5, double step = 0.01,
                                        FeatureMap? features = null) =>
        Evaluate(network, [x], margin, step, features);

    /// <summary>A grid spanning the range of every point set (e.g. the training and the test points) ±
    /// margin.</summary>
    public static DecisionGrid Evaluate(Network network, IReadOnlyList<Matrix> xs, double margin = 0.5,
                                        double step = 0.01, FeatureMap? features = null)
    {
        var (xMin, xMax, yMin, yMax) = Bounds(xs, margin);
        int columns = Cells(xMax - xMin, step), rows = Cells(yMax - yMin, step);
        // the widest layer
        (columns, rows) = WithinBudget(columns, rows, network.Hidden.Widths.DefaultIfEmpty(0).Max());
        return Evaluate(network, (xMin, xMax, yMin, yMax), columns, rows, features);
    }

    /// <summary>The same grid at a resolution the caller chooses (the terminal view: a cell per half-block).</summary>
    public static DecisionGrid Evaluate(
        Network network, (double XMin, double XMax, double YMin, double YMax) plane, int columns, int rows,
        FeatureMap? features = null)
    {
        var (xMin, xMax, yMin, yMax) = plane;
        double[,] share = Evaluate(network, xMin, xMax, yMin, yMax, columns, rows, features);
        return new DecisionGrid(xMin, xMax, yMin, yMax, columns, rows, share);
    }

    /// <summary>The data's range in x1 and x2, widened by margin on each side.</summary>
    public static (double XMin, double XMax, double YMin, double YMax) Bounds(Matrix x, double margin = 0.5) =>
        Bounds([x], margin);

    /// <summary>The range in x1 and x2 of every point set, widened by margin on each side.</summary>
    public static (double XMin, double XMax, double YMin, double YMax) Bounds(IReadOnlyList<Matrix> xs, double margin =
        0.5)
    {
        double xMin = double.MaxValue, xMax = double.MinValue, yMin = double.MaxValue, yMax = double.MinValue;
        foreach (Matrix x in xs)
            for (int i = 0; i < x.Rows; i++)
            {
                xMin = Math.Min(xMin, x[i, 0]); xMax = Math.Max(xMax, x[i, 0]);
                yMin = Math.Min(yMin, x[i, 1]); yMax = Math.Max(yMax, x[i, 1]);
            }
        return (xMin - margin, xMax + margin, yMin - margin, yMax + margin);
    }

    private static int Cells(double span, double step) => Math.Clamp((int)Math.Ceiling(span / step), 2, MaxCells);

    /// <summary>Both sides shrunk by one factor until columns × rows × hidden ≤ <see cref="MaxNeuronCells"/>.</summary>
    public static (int Columns, int Rows) WithinBudget(int columns, int rows, int hidden)
    {
        double cells = (double)columns * rows * hidden;
        if (cells <= MaxNeuronCells) return (columns, rows);
        double shrink = Math.Sqrt(MaxNeuronCells / cells);
        return (Math.Max(Math.Min(columns, MinCells), (int)(columns * shrink)),
            Math.Max(Math.Min(rows, MinCells), (int)(rows * shrink)));
    }

    /// <summary>
    /// share[r, c] = h2₁ / (h2₀ + h2₁) at the centre of cell (r, c), row 0 at the bottom (yMin). The share is above
    /// 0.5 exactly where argmax(h2) predicts class 1, so its 0.5 level is the decision boundary.
    /// One sigmoid hidden layer (the article's network) takes the fused plane evaluation
    /// (<see cref="EvaluateSigmoidPlane"/>); other activations go through Forward in chunks of <see cref="ChunkSize"/>
    /// points. Either way chunks are spread over the cores and every cell is computed alone, so the result does not
    /// depend on the chunking or the thread count.
    /// </summary>
    internal static double[,] Evaluate(Network network, double xMin, double xMax, double yMin, double yMax,
                                       int columns, int rows, FeatureMap? features = null) =>
        (features ?? FeatureMap.Plain).IsPlain && network.D == 2 && network.Layers.Count == 2
            && network.Activation.Kind == ActivationKind.Sigmoid
            ? EvaluateSigmoidPlane(network, xMin, xMax, yMin, yMax, columns, rows)
            : EvaluateChunked(network, xMin, xMax, yMin, yMax, columns, rows, features);

    /// <summary>The general way: cells through Forward in chunks (any hidden activation); every cell bit for bit as
    /// Forward computes it.</summary>
    internal static double[,] EvaluateChunked(Network network, double xMin, double xMax, double yMin, double yMax,
                                              int columns, int rows, FeatureMap? features = null)
    {
        var share = new double[rows, columns];
        int points = rows * columns, size = InferenceBatch.Rows(network.Widths), chunks = (points + size - 1) / size;
        int threads = Math.Min(Threads(points), chunks);
        var cells = new GridCells(xMin, yMin, (xMax - xMin) / columns, (yMax - yMin) / rows, columns,
                                  features ?? FeatureMap.Plain);
        void RunChunks(int t)
        {
            Workspace ws = network.CreateWorkspace(Math.Min(size, points));
            for (int chunk = t; chunk < chunks; chunk += threads)
                EvaluateChunk(network, ws, cells, chunk * size, Math.Min(size, points - chunk * size), share);
        }
        if (threads == 1) RunChunks(0);
        else Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, RunChunks);
        return share;
    }

    /// <summary>
    /// The article's sigmoid hidden layer on the plane: the hidden sums go through
    /// <see cref="Ops.SigmoidLayerOverGrid"/> (no X, z1 or h1 per cell, m + n exps per neuron instead of m·n), then +
    /// b2 and the output layer as in Forward. Bands of rows are spread over the cores; each cell is computed alone, so
    /// the result does not depend on them. Agrees with Forward to ~1e-15 (the hidden σ differs by a few ulp), not bit
    /// for bit.
    /// </summary>
    internal static double[,] EvaluateSigmoidPlane(Network network, double xMin, double xMax, double yMin, double yMax,
        int columns, int rows)
    {
        var share = new double[rows, columns];
        double dx = (xMax - xMin) / columns, dy = (yMax - yMin) / rows;
        var xs = new double[columns];
        var ys = new double[rows];
        // the cell centres, as the chunked path places them
        for (int c = 0; c < columns; c++) xs[c] = xMin + (c + 0.5) * dx;
        for (int r = 0; r < rows; r++) ys[r] = yMin + (r + 0.5) * dy;
        int bandRows = Math.Clamp(BandPoints / columns, 1, rows), bands = (rows + bandRows - 1) / bandRows;
        int threads = Math.Min(Threads(rows * columns), bands);
        Parameters p = network.P;
        Matrix w1 = p.W(1), w2 = p.W(2), b1 = network.UseBias ? p.b(1) : new Matrix(1, w1.Cols);
        void RunBands(int t)
        {
            // one pair per thread
            Matrix full = new(bandRows * columns, network.K), fullH = new(bandRows * columns, network.K);
            for (int band = t; band < bands; band += threads)
            {
                int r0 = band * bandRows, count = Math.Min(bandRows, rows - r0);
                bool last = count < bandRows; // only the grid's last band is shorter
                Matrix z2 = last ? new(count * columns, network.K) : full, h2 =
                    last ? new(count * columns, network.K) : fullH;
                Ops.SigmoidLayerOverGrid(xs, ys.AsSpan(r0, count), w1, b1, w2, z2);   // z2 = σ(X·W1 + b1) · W2
                if (network.UseBias) Ops.AddRowVector(z2, p.b(2), z2);                   //    + b2
                network.Output.Forward(z2, h2);                                         // h2 = σ(z2) (or softmax)
                double[] h = h2.Data;
                for (int r = 0, i = 0; r < count; r++)
                    for (int c = 0; c < columns; c++, i += network.K)
                    {
                        double p0 = h[i], p1 = h[i + 1], sum = p0 + p1;
                        share[r0 + r, c] = Share(p1, sum);
                    }
            }
        }
        if (threads == 1) RunBands(0);
        else Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, RunBands);
        return share;
    }

    /// <summary>p1 / (p0 + p1); 0.5 when both outputs are 0; NaN ("no value") when the outputs are not finite
    /// numbers.</summary>
    private static double Share(double p1, double sum) => !double.IsFinite(sum) ? double.NaN : sum > 0 ? p1 / sum : 0.5;

    /// <summary>Grid points per band of the sigmoid-plane path: its sums (K per point) stay within L2.</summary>
    internal const int BandPoints = 32_768;

    /// <summary>Points per Forward call: enough to amortise a call (fewer for wide layers: InferenceBatch).</summary>
    internal const int ChunkSize = InferenceBatch.MaxRows;

    /// <summary>Threads for a grid of this many points: one per 32k points, at most one per core.</summary>
    internal static int Threads(int points) => Math.Clamp(points / 32_768, 1, Environment.ProcessorCount);

    private readonly record struct GridCells(double XMin, double YMin, double Dx, double Dy, int Columns,
                                             FeatureMap Features);

    private static void EvaluateChunk(Network network, Workspace ws, GridCells g, int first, int count, double[,] share)
    {
        Workspace batch = count == ws.N ? ws : network.CreateWorkspace(count); // only the grid's last chunk is shorter
        for (int i = 0; i < count; i++)
        {
            int r = Math.DivRem(first + i, g.Columns, out int c);
            g.Features.Fill(batch.X.Row(i), g.XMin + (c + 0.5) * g.Dx, g.YMin + (r + 0.5) * g.Dy);
        }
        network.Forward(batch);
        for (int i = 0; i < count; i++)
        {
            int r = Math.DivRem(first + i, g.Columns, out int c);
            double p0 = batch.Output.h[i, 0], p1 = batch.Output.h[i, 1], sum = p0 + p1;
            share[r, c] = Share(p1, sum);
        }
    }

    /// <summary>The first version, one Forward per grid row on one thread: the reference the batched one is timed and
    /// tested against.</summary>
    internal static double[,] EvaluateRowByRow(Network network, double xMin, double xMax, double yMin, double yMax,
        int columns, int rows)
    {
        var share = new double[rows, columns];
        Workspace ws = network.CreateWorkspace(columns);
        double dx = (xMax - xMin) / columns, dy = (yMax - yMin) / rows;
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < columns; c++)
            {
                ws.X[c, 0] = xMin + (c + 0.5) * dx;
                ws.X[c, 1] = yMin + (r + 0.5) * dy;
            }
            network.Forward(ws);
            for (int c = 0; c < columns; c++)
            {
                double p0 = ws.Output.h[c, 0], p1 = ws.Output.h[c, 1], sum = p0 + p1;
                share[r, c] = Share(p1, sum);
            }
        }
        return share;
    }
}
