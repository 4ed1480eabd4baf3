using XorNet.Tensors;

namespace XorNet;

/// <summary>
/// A stack of <see cref="DenseLayer"/> bricks, D → H1 → … → K, and the output/loss on top: every hidden layer has
/// the same activation f, the last layer's output is g (σ or softmax) chosen with the loss. With one hidden layer
/// it is the article's network, and computes exactly what <see cref="TwoLayerNetwork"/> computes, bit for bit.
/// Letters: N rows in the batch, D inputs, K outputs (classes), L weight layers (hidden layers + 1).
/// </summary>
public sealed class Network
{
    private readonly DenseLayer[] _layers;

    public Network(int inputs, HiddenLayers hidden, int classes, bool useBias = true,
        ActivationKind activation = ActivationKind.Sigmoid, LossKind loss = LossKind.Mse)
        : this(hidden, new Parameters(hidden.WithEnds(inputs, classes)), useBias, activation, loss) { }

    private Network(HiddenLayers hidden, Parameters p, bool useBias, ActivationKind activation, LossKind loss)
    {
        int[] widths = [.. p.Widths];
        if (widths[0] < 1 || widths[^1] < 2 || widths.Any(w => w < 1))
            throw new ArgumentOutOfRangeException(nameof(hidden),
                $"Need D ≥ 1, widths ≥ 1, K ≥ 2; got {string.Join(" → ", widths)}.");
        (Hidden, P, UseBias) = (hidden, p, useBias);
        Activation = HiddenActivation.For(activation);
        Output = OutputLoss.For(loss);
        _layers = [.. Enumerable.Range(1, p.Layers).Select(l =>
            new DenseLayer(l, widths[l - 1], widths[l], l < p.Layers ? Activation : null, useBias))];
    }

    public int D => P.Widths[0];
    public int K => P.Widths[^1];
    public HiddenLayers Hidden { get; }
    /// <summary>D, H1, …, K.</summary>
    public IReadOnlyList<int> Widths => P.Widths;
    /// <summary>The bricks, layer 1 first.</summary>
    public IReadOnlyList<DenseLayer> Layers => _layers;
    public bool UseBias { get; }
    public Parameters P { get; }
    public HiddenActivation Activation { get; }
    public OutputLoss Output { get; }

    /// <summary>The same network (shapes, activation, loss) holding the given parameters, e.g. a training
    /// snapshot.</summary>
    public Network WithParameters(Parameters p)
    {
        if (!p.SameShape(P)) throw new ArgumentException(
            $"Parameters of widths {string.Join("-", p.Widths)} do not fit {string.Join("-", Widths)}.", nameof(p));
        return new Network(Hidden, p, UseBias, Activation.Kind, Output.Kind);
    }

    /// <summary>Every layer initialised by its brick, layer 1 first (one stream of random numbers).</summary>
    public void Initialize(Rng rng)
    {
        for (int l = 1; l <= _layers.Length; l++)
            _layers[l - 1].Initialize(rng, P.W(l), P.b(l));
    }

    public Workspace CreateWorkspace(int n) => new(n, P.Widths);

    /// <summary>
    /// Forward pass on ws.X (N×D): every layer's z and h, the output h = g(z_L) (N×K) and, unless predict is false
    /// (a training step needs no predictions), the argmax predictions.
    /// </summary>
    public void Forward(Workspace ws, bool predict = true)
    {
        for (int l = 1; l <= _layers.Length; l++)
            _layers[l - 1].Forward(ws.InputOf(l), P.W(l), P.b(l), ws.Layer(l)); // z_l = h_{l−1}·W_l + b_l, h_l = f(z_l)
        LayerCache output = ws.Output;
        Output.Forward(output.z, output.h);                     // h_L = σ(z_L)      (N×K)   (or softmax)
        if (predict) Ops.ArgMaxRows(output.h, ws.Predictions);  // prediction = argmax(h_L) per row
    }

    /// <summary>
    /// Backward pass: the exact gradient of <see cref="Loss"/> for the batch in ws (after Forward, with ws.Y set),
    /// written into grads. The loss gives dL/dz_L; then the layers in the exact reverse order of Forward.
    /// </summary>
    public void Backward(Workspace ws, Regularization reg, Parameters grads)
    {
        LayerCache output = ws.Output;
        Output.Backward(output.h, ws.Y, output.dL_dh, output.dh_dz, output.dL_dz); // dL_dz_L (N×K), 1/N inside
        for (int l = _layers.Length; l >= 1; l--)
        {
            Matrix? dL_dx = l == 1 ? null : ws.Layer(l - 1).dL_dh; // the input X needs no gradient
            _layers[l - 1].Backward(ws.InputOf(l), P.W(l), ws.Layer(l), reg, grads.W(l), grads.b(l), dL_dx);
        }
    }

    /// <summary>The data part of the chosen loss plus the L2/L1 penalty on every weight matrix, for the batch in ws
    /// (after Forward).</summary>
    public LossParts Loss(Workspace ws, Regularization reg) =>
        new(Output.Data(ws.Output.z, ws.Output.h, ws.Y), reg.Penalty(P, ws.N));

    /// <summary>
    /// The tensors training changes, each with its gradient in grads (the biases only when the network has them) and
    /// the step scale of its layer (<see cref="WidthScaling"/> for the optimizer; 1 without one).
    /// </summary>
    public IReadOnlyList<Trainable> Trainables(Parameters grads, OptimizerKind? optimizer = null) =>
        [.. P.Named().Zip(grads.Tensors).Select((t, i) => (t.First, Gradient: t.Second, Layer: _layers[i / 2]))
            .Where(t => UseBias || t.First.Name[0] == 'W')
            .Select(t => new Trainable(t.First.Name, t.First.Value, t.Gradient,
                optimizer is { } o ? WidthScaling.StepScale(t.Layer, o) : 1))];

    /// <summary>"2 → 8 → 8 → 2".</summary>
    public string Describe() => string.Join(" → ", Widths);
}
