using XorNet.Tensors;

namespace XorNet;

/// <summary>The article's "clipping gradients will control this problem explicitly", as PyTorch does it.</summary>
internal static class GradientClipping
{
    /// <summary>The joint norm √(Σ_tensors Σ_i g_i²) of all the gradients, as if they were one vector.</summary>
    public static double JointNorm(IReadOnlyList<Trainable> tensors)
    {
        double sum = 0;
        for (int i = 0; i < tensors.Count; i++) // indexed loops: a foreach over the interface would allocate per step
            sum += Ops.SquaredSum(tensors[i].Gradient);
        return Math.Sqrt(sum);
    }

    /// <summary>
    /// PyTorch's clip_grad_norm_: when the joint norm exceeds maxNorm, every gradient is scaled by
    /// maxNorm / (norm + 1e-6), so the direction is kept and the length becomes (just under) maxNorm.
    /// Returns the norm before clipping.
    /// </summary>
    public static double ClipByNorm(IReadOnlyList<Trainable> tensors, double maxNorm)
    {
        double norm = JointNorm(tensors);
        double scale = maxNorm / (norm + 1e-6);
        if (scale < 1)
            for (int i = 0; i < tensors.Count; i++)
                Ops.Scale(tensors[i].Gradient, scale, tensors[i].Gradient);
        return norm;
    }

    /// <summary>PyTorch's clip_grad_value_: clamps every gradient entry into [−limit, limit] (this can change the
    /// direction).</summary>
    public static void ClipByValue(IReadOnlyList<Trainable> tensors, double limit)
    {
        for (int i = 0; i < tensors.Count; i++)
            Ops.Clamp(tensors[i].Gradient, limit, tensors[i].Gradient);
    }
}
