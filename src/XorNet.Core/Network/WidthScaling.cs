namespace XorNet;

/// <summary>
/// Lets a wide network learn as a 50-neuron one does: µP (Yang &amp; Hu, "Tensor Programs V", table 3) anchored at
/// <see cref="Anchor"/> neurons, so a layer with at most 50 inputs and outputs starts and steps exactly as before.
/// Why: a step on the output weights moves each output by lr·Σ_j h_j·dL/dz_j, a sum over all H hidden neurons whose
/// sigmoids all sit near 0.5 and so add up; at H = 500 and lr 1 the first steps saturate the output sigmoid, and
/// training stalls at 50 % (measured; lr 0.1 stalls too, because then the hidden neurons hardly learn). µP divides the
/// output layer's step by its fan-in, starts its weights at 1/fan_in instead of 1/√fan_in, and (for SGD and momentum,
/// whose step grows with the gradient) multiplies the first layer's step by its fan-out, so the hidden neurons still
/// learn behind small output weights. Adam's step does not grow with the gradient: its first layer keeps its step and
/// its hidden-to-hidden layers step 1/fan_in shorter. Measured on the five datasets at widths 3 … 1000 (docs/train.md).
/// </summary>
public static class WidthScaling
{
    /// <summary>The width up to which nothing changes: the article's larger network (its figures: 3 and 50).</summary>
    public const int Anchor = 50;

    /// <summary>The factor the uniform [−1, 1) weights are scaled by: 1/√fan_in; √50/fan_in for wide outputs.</summary>
    public static double InitScale(DenseLayer layer) =>
        IsOutput(layer) && layer.Inputs > Anchor ? Math.Sqrt(Anchor) / layer.Inputs : 1 / Math.Sqrt(layer.Inputs);

    /// <summary>The factor the learning rate is multiplied by for the layer's weights and biases (1 to 50).</summary>
    public static double StepScale(DenseLayer layer, OptimizerKind optimizer)
    {
        bool adam = optimizer == OptimizerKind.Adam;
        if (IsOutput(layer)) return Shrink(layer.Inputs);          // Δz = lr·Σ_j h_j·g_j adds up over fan_in neurons
        if (layer.Index == 1) return adam ? 1 : Grow(layer.Outputs); // the features learn behind √50/H output weights
        return adam ? Shrink(layer.Inputs) : 1;                      // Adam moves each of fan_in weights by ≈ lr
    }

    private static bool IsOutput(DenseLayer layer) => layer.Activation is null;
    private static double Shrink(int fanIn) => fanIn > Anchor ? (double)Anchor / fanIn : 1;
    private static double Grow(int fanOut) => fanOut > Anchor ? fanOut / (double)Anchor : 1;
}
