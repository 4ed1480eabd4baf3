namespace XorNet.Tensors;

public static partial class Ops
{
    /// <summary>Computes destination[i] = 1 / (1 + e^−a[i]).</summary>
    public static void Sigmoid(Matrix a, Matrix destination)
    {
        RequireSameShape(a, destination, nameof(destination));
        for (int i = 0; i < a.Length; i++)
            destination.Data[i] = Sigmoid(a.Data[i]);
    }

    /// <summary>Computes destination[i] = s[i] · (1 − s[i]), the sigmoid's derivative written with its output s = σ(z).</summary>
    public static void SigmoidDerivativeFromOutput(Matrix s, Matrix destination)
    {
        RequireSameShape(s, destination, nameof(destination));
        for (int i = 0; i < s.Length; i++)
            destination.Data[i] = s.Data[i] * (1.0 - s.Data[i]);
    }

    /// <summary>σ(x) = 1 / (1 + e^−x), computed without overflow for large |x|.</summary>
    public static double Sigmoid(double x) =>
        x >= 0 ? 1.0 / (1.0 + Math.Exp(-x)) : Math.Exp(x) / (1.0 + Math.Exp(x));
}
