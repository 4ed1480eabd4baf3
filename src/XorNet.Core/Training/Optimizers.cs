using XorNet.Tensors;

namespace XorNet;

/// <summary>
/// Turns gradients into a step: θ ← θ − lr·s·update(dL/dθ), s the tensor's <see cref="Trainable.StepScale"/> (1 but in
/// layers wider than 50). Keeps its own state (velocities, moments) per tensor.
/// </summary>
public abstract class Optimizer
{
    public abstract void Step(IReadOnlyList<Trainable> tensors, double learningRate);

    public static Optimizer For(TrainingConfig c) => c.Optimizer switch
    {
        OptimizerKind.Sgd => new Sgd(),
        OptimizerKind.Momentum => new Momentum(c.Momentum),
        OptimizerKind.Adam => new Adam(c.Beta1, c.Beta2, c.AdamEpsilon),
        _ => throw new ArgumentOutOfRangeException(nameof(c), c.Optimizer, "Unknown optimizer."),
    };

    /// <summary>One zeroed buffer per tensor, created on the first step.</summary>
    protected static Matrix[] Zeros(IReadOnlyList<Trainable> tensors) =>
        tensors.Select(t => new Matrix(t.Value.Rows, t.Value.Cols)).ToArray();
}

/// <summary>Plain gradient descent, the article's: θ ← θ − lr·g.</summary>
internal sealed class Sgd : Optimizer
{
    public override void Step(IReadOnlyList<Trainable> tensors, double learningRate)
    {
        for (int i = 0; i < tensors.Count; i++) // an indexed loop: a foreach over the interface allocates per step
            Ops.AddScaled(tensors[i].Gradient, -learningRate * tensors[i].StepScale, tensors[i].Value);
    }
}

/// <summary>Heavy-ball momentum as PyTorch writes it: v ← μ·v + g, θ ← θ − lr·v (v starts at 0).</summary>
public sealed class Momentum(double mu) : Optimizer
{
    private Matrix[]? _velocity;

    public override void Step(IReadOnlyList<Trainable> tensors, double learningRate)
    {
        _velocity ??= Zeros(tensors);
        for (int i = 0; i < tensors.Count; i++)
        {
            Matrix v = _velocity[i];
            Ops.Scale(v, mu, v);
            Ops.AddScaled(tensors[i].Gradient, 1.0, v);           // v = μ·v + g
            Ops.AddScaled(v, -learningRate * tensors[i].StepScale, tensors[i].Value); // θ = θ − lr·s·v
        }
    }
}

/// <summary>
/// Adam (Kingma &amp; Ba): m ← β1·m + (1−β1)·g, v ← β2·v + (1−β2)·g², θ ← θ − lr·m̂ / (√v̂ + ε) with the
/// bias corrections m̂ = m / (1 − β1^t), v̂ = v / (1 − β2^t), t = 1, 2, … counting steps.
/// </summary>
public sealed class Adam(double beta1, double beta2, double epsilon) : Optimizer
{
    private Matrix[]? _m, _v;
    private int _t;

    public override void Step(IReadOnlyList<Trainable> tensors, double learningRate)
    {
        _m ??= Zeros(tensors);
        _v ??= Zeros(tensors);
        _t++;
        double correction1 = 1 - Math.Pow(beta1, _t), correction2 = 1 - Math.Pow(beta2, _t);
        for (int i = 0; i < tensors.Count; i++)
        {
            Span<double> theta = tensors[i].Value.Data, m = _m[i].Data, v = _v[i].Data;
            ReadOnlySpan<double> g = tensors[i].Gradient.Data;
            double lr = learningRate * tensors[i].StepScale;
            for (int j = 0; j < theta.Length; j++)
            {
                m[j] = beta1 * m[j] + (1 - beta1) * g[j];
                v[j] = beta2 * v[j] + (1 - beta2) * g[j] * g[j];
                theta[j] -= lr * (m[j] / correction1) / (Math.Sqrt(v[j] / correction2) + epsilon);
            }
        }
    }
}
