namespace XorNet;

/// <summary>
/// How an epoch trained: its learning rate and, per parameter tensor (W1, b1, W2, b2), the mean and the largest
/// L2 norm of its minibatch gradients, measured before clipping. Epoch 0 (before training) has none: NaN / null.
/// </summary>
public sealed record EpochDiagnostics(int Epoch, double LearningRate, double[]? MeanGradNorm, double[]? MaxGradNorm)
{
    public static readonly string[] Names = ["W1", "b1", "W2", "b2"];

    public static EpochDiagnostics BeforeTraining { get; } = new(0, double.NaN, null, null);
}

/// <summary>Accumulates the per-tensor gradient norms of one epoch's minibatch steps.</summary>
public sealed class GradientNormStats
{
    private readonly double[] _sum = new double[4], _max = new double[4];
    private int _steps;

    public void Reset()
    {
        Array.Clear(_sum);
        Array.Fill(_max, double.NegativeInfinity);
        _steps = 0;
    }

    /// <summary>Adds one step's gradients; returns their norms in the order of <see cref="EpochDiagnostics.Names"/>.</summary>
    public double[] Add(Parameters grads)
    {
        double[] norms = grads.Named().Select(g => Math.Sqrt(Tensors.Ops.SquaredSum(g.Value))).ToArray();
        for (int i = 0; i < 4; i++)
        {
            _sum[i] += norms[i];
            _max[i] = double.IsNaN(norms[i]) || double.IsNaN(_max[i]) ? double.NaN : Math.Max(_max[i], norms[i]);
        }
        _steps++;
        return norms;
    }

    public EpochDiagnostics Summarize(int epoch, double learningRate) =>
        new(epoch, learningRate, _sum.Select(s => s / _steps).ToArray(), (double[])_max.Clone());
}
