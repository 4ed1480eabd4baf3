namespace XorNet.Tensors;

public static partial class Ops
{
    /// <summary>Computes destination[i] = 1 / (1 + e^−a[i]).</summary>
    public static void Sigmoid(Matrix a, Matrix destination)
    {
        RequireSameShape(a, destination, nameof(destination));
        Map<SigmoidOp>(a.Data, destination.Data);
    }

    /// <summary>destination[i] = σ(a[i]) with one division (<see cref="SigmoidPade(double)"/>): the reference
    /// program's σ.</summary>
    public static void SigmoidPade(Matrix a, Matrix destination)
    {
        RequireSameShape(a, destination, nameof(destination));
        Map<SigmoidPadeOp>(a.Data, destination.Data);
    }

    /// <summary>Computes destination[i] = s[i] · (1 − s[i]), the sigmoid's derivative written with its output s =
    /// σ(z).</summary>
    public static void SigmoidDerivativeFromOutput(Matrix s, Matrix destination)
    {
        RequireSameShape(s, destination, nameof(destination));
        Map<SigmoidDerivativeOp>(s.Data, destination.Data);
    }

    /// <summary>Computes destination[i] = e^a[i] (vectorised; the same bits as <see cref="Exp(double)"/> for every
    /// entry).</summary>
    public static void Exp(Matrix a, Matrix destination)
    {
        RequireSameShape(a, destination, nameof(destination));
        Map<ExpOp>(a.Data, destination.Data);
    }

    /// <summary>
    /// σ(x) = 1 / (1 + e^−x), computed without overflow for large |x|, with XorNet's own e^x (see
    /// <see cref="Exp(double)"/>): a matrix's entries and this scalar agree bit for bit on every CPU.
    /// </summary>
    public static double Sigmoid(double x) => VectorExp.Sigmoid(x);

    /// <summary>
    /// σ(x) from a Padé approximant of e^−|x| with one division (half the work of <see cref="Sigmoid(double)"/>),
    /// within about 3 ulp of the library's σ as that one is, but not the same bits; a matrix's entries and this scalar
    /// agree bit for bit on every CPU.
    /// </summary>
    public static double SigmoidPade(double x) => VectorExp.SigmoidPade(x);

    /// <summary>e^x within about 1 ulp, identical on every CPU (libm's exp differs between platforms); below −708 it
    /// gives 0.</summary>
    public static double Exp(double x) => VectorExp.Exp(x);
}
