using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace XorNet.Tensors;

/// <summary>
/// e^x written out once, with the same operations for one double, four (Vector256) and eight (Vector512), so every
/// path returns the same bits for the same input, on every CPU and at every position in an array.
/// Method: n = round(x / ln2), r = x − n·ln2 (two-part ln2, |r| ≤ ln2/2), e^r by its Taylor series to r¹³
/// (truncation below 1e-17), e^x = 2^(n−1) · e^r · 2. Error within about 1 ulp of the true value.
/// Inputs below −708 give 0 (the true value is then subnormal, below 3.3e−308); above 709.78, +∞; NaN stays NaN.
/// </summary>
internal static class VectorExp
{
    private const double Log2E = 1.4426950408889634;
    private const double Ln2Hi = 0.6931471805599453;      // ln 2 rounded to double
    private const double Ln2Lo = 2.3190468138462996e-17;  // ln 2 − Ln2Hi
    private const double Shifter = 6755399441055744.0;    // 1.5·2⁵²: adding it rounds to an integer in the low bits
    private const long ShifterBits = 0x4338000000000000;
    private const double Low = -708.0, High = 709.782712893384;

    // Cₖ = 1/k!, the Taylor coefficients of e^r.
    private const double C13 = 1.0 / 6227020800, C12 = 1.0 / 479001600, C11 = 1.0 / 39916800, C10 = 1.0 / 3628800;
    private const double C9 = 1.0 / 362880, C8 = 1.0 / 40320, C7 = 1.0 / 5040, C6 = 1.0 / 720, C5 = 1.0 / 120;
    private const double C4 = 1.0 / 24, C3 = 1.0 / 6, C2 = 1.0 / 2, C1 = 1.0, C0 = 1.0;

    public static double Exp(double x) => Exp(x, mayOverflow: true);

    /// <summary>mayOverflow: false drops the upper clamp and the +∞ case, which the sigmoid's e^−|z| (≤ 1) never needs:
    /// the same bits, less work.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Exp(double x, bool mayOverflow)
    {
        double xc = Math.Max(x, Low);
        if (mayOverflow) xc = Math.Min(xc, High);
        double t = Math.FusedMultiplyAdd(xc, Log2E, Shifter);
        double n = t - Shifter;
        double r = Math.FusedMultiplyAdd(n, -Ln2Hi, xc);
        r = Math.FusedMultiplyAdd(n, -Ln2Lo, r);
        double p = C13;
        p = Math.FusedMultiplyAdd(p, r, C12);
        p = Math.FusedMultiplyAdd(p, r, C11);
        p = Math.FusedMultiplyAdd(p, r, C10);
        p = Math.FusedMultiplyAdd(p, r, C9);
        p = Math.FusedMultiplyAdd(p, r, C8);
        p = Math.FusedMultiplyAdd(p, r, C7);
        p = Math.FusedMultiplyAdd(p, r, C6);
        p = Math.FusedMultiplyAdd(p, r, C5);
        p = Math.FusedMultiplyAdd(p, r, C4);
        p = Math.FusedMultiplyAdd(p, r, C3);
        p = Math.FusedMultiplyAdd(p, r, C2);
        p = Math.FusedMultiplyAdd(p, r, C1);
        p = Math.FusedMultiplyAdd(p, r, C0);
        double scale = BitConverter.Int64BitsToDouble((BitConverter.DoubleToInt64Bits(t) - ShifterBits + 1022) << 52);
        double result = p * scale * 2.0;
        return x < Low ? 0.0 : mayOverflow && x > High ? double.PositiveInfinity : double.IsNaN(x) ? x : result;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Exp(Vector512<double> x) => Exp(x, mayOverflow: true);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> Exp(Vector512<double> x, bool mayOverflow)
    {
        Vector512<double> xc = Vector512.Max(x, Vector512.Create(Low));
        if (mayOverflow) xc = Vector512.Min(xc, Vector512.Create(High));
        Vector512<double> t = Vector512.FusedMultiplyAdd(xc, Vector512.Create(Log2E), Vector512.Create(Shifter));
        Vector512<double> n = t - Vector512.Create(Shifter);
        Vector512<double> r = Vector512.FusedMultiplyAdd(n, Vector512.Create(-Ln2Hi), xc);
        r = Vector512.FusedMultiplyAdd(n, Vector512.Create(-Ln2Lo), r);
        Vector512<double> p = Vector512.Create(C13);
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(C12));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(C11));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(C10));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(C9));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(C8));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(C7));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(C6));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(C5));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(C4));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(C3));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(C2));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(C1));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(C0));
        Vector512<long> bits = Vector512.ShiftLeft(t.AsInt64() - Vector512.Create(ShifterBits - 1022), 52);
        Vector512<double> result = p * bits.AsDouble() * Vector512.Create(2.0);
        result = Vector512.ConditionalSelect(Vector512.LessThan(x, Vector512.Create(Low)), Vector512<double>.Zero,
            result);
        if (mayOverflow)
            result = Vector512.ConditionalSelect(Vector512.GreaterThan(x, Vector512.Create(High)),
                Vector512.Create(double.PositiveInfinity), result);
        return Vector512.ConditionalSelect(Vector512.Equals(x, x), result, x);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Exp(Vector256<double> x) => Exp(x, mayOverflow: true);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Exp(Vector256<double> x, bool mayOverflow)
    {
        Vector256<double> xc = Vector256.Max(x, Vector256.Create(Low));
        if (mayOverflow) xc = Vector256.Min(xc, Vector256.Create(High));
        Vector256<double> t = Vector256.FusedMultiplyAdd(xc, Vector256.Create(Log2E), Vector256.Create(Shifter));
        Vector256<double> n = t - Vector256.Create(Shifter);
        Vector256<double> r = Vector256.FusedMultiplyAdd(n, Vector256.Create(-Ln2Hi), xc);
        r = Vector256.FusedMultiplyAdd(n, Vector256.Create(-Ln2Lo), r);
        Vector256<double> p = Vector256.Create(C13);
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(C12));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(C11));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(C10));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(C9));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(C8));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(C7));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(C6));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(C5));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(C4));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(C3));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(C2));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(C1));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(C0));
        Vector256<long> bits = Vector256.ShiftLeft(t.AsInt64() - Vector256.Create(ShifterBits - 1022), 52);
        Vector256<double> result = p * bits.AsDouble() * Vector256.Create(2.0);
        result = Vector256.ConditionalSelect(Vector256.LessThan(x, Vector256.Create(Low)), Vector256<double>.Zero,
            result);
        if (mayOverflow)
            result = Vector256.ConditionalSelect(Vector256.GreaterThan(x, Vector256.Create(High)),
                Vector256.Create(double.PositiveInfinity), result);
        return Vector256.ConditionalSelect(Vector256.Equals(x, x), result, x);
    }

    /// <summary>σ(x) = 1/(1 + e^−x) as d = 1/(1 + e^−|x|): d for x ≥ 0, e^−|x|·d below, so e^… never
    /// overflows.</summary>
    public static double Sigmoid(double x)
    {
        double e = Exp(-Math.Abs(x), mayOverflow: false), d = 1.0 / (1.0 + e);
        return x >= 0 ? d : e * d;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Sigmoid(Vector512<double> x)
    {
        Vector512<double> e = Exp(-Vector512.Abs(x), mayOverflow: false), d =
            Vector512<double>.One / (Vector512<double>.One + e);
        return Vector512.ConditionalSelect(Vector512.GreaterThanOrEqual(x, Vector512<double>.Zero), d, e * d);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Sigmoid(Vector256<double> x)
    {
        Vector256<double> e = Exp(-Vector256.Abs(x), mayOverflow: false), d =
            Vector256<double>.One / (Vector256<double>.One + e);
        return Vector256.ConditionalSelect(Vector256.GreaterThanOrEqual(x, Vector256<double>.Zero), d, e * d);
    }

    // The [6/6] Padé approximant of e^r: e^r ≈ P(r)/Q(r), P(r) = E(r²) + r·O(r²), Q(r) = P(−r) = E(r²) − r·O(r²);
    // relative error below 2e-19 for |r| ≤ ln2/2.
    private const double E1 = 5.0 / 44, E2 = 1.0 / 792, E3 = 1.0 / 665280, O0 = 0.5, O1 = 1.0 / 66, O2 = 1.0 / 15840;

    /// <summary>
    /// σ with one division: e^−|x| = 2ⁿ·P(r)/Q(r), so σ(x) = Q/(Q + 2ⁿP) for x ≥ 0 and 2ⁿP/(Q + 2ⁿP) below: 7 FMAs
    /// and a division instead of <see cref="Sigmoid(double)"/>'s 16 FMAs and a division, within about 3 ulp of the
    /// library's σ, as the other is. The same operations for 1, 4 and 8 lanes: the same bits on every path. NaN
    /// stays NaN; |x| above 708 gives exactly 0 or 1.
    /// </summary>
    public static double SigmoidPade(double x)
    {
        double xn = -Math.Abs(x), xc = Math.Max(xn, Low);
        double t = Math.FusedMultiplyAdd(xc, Log2E, Shifter);
        double n = t - Shifter;
        double r = Math.FusedMultiplyAdd(n, -Ln2Hi, xc);
        r = Math.FusedMultiplyAdd(n, -Ln2Lo, r);
        double s = r * r;
        double e = Math.FusedMultiplyAdd(Math.FusedMultiplyAdd(Math.FusedMultiplyAdd(E3, s, E2), s, E1), s, 1.0);
        double o = r * Math.FusedMultiplyAdd(Math.FusedMultiplyAdd(O2, s, O1), s, O0);
        double p = e + o, q = e - o;
        double scale = BitConverter.Int64BitsToDouble((BitConverter.DoubleToInt64Bits(t) - ShifterBits + 1023) << 52);
        double sp = xn < Low ? 0.0 : p * scale;
        double result = (x >= 0 ? q : sp) / (q + sp);
        return double.IsNaN(x) ? x : result;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> SigmoidPade(Vector512<double> x)
    {
        Vector512<double> xn = -Vector512.Abs(x), xc = Vector512.Max(xn, Vector512.Create(Low));
        Vector512<double> t = Vector512.FusedMultiplyAdd(xc, Vector512.Create(Log2E), Vector512.Create(Shifter));
        Vector512<double> n = t - Vector512.Create(Shifter);
        Vector512<double> r = Vector512.FusedMultiplyAdd(n, Vector512.Create(-Ln2Hi), xc);
        r = Vector512.FusedMultiplyAdd(n, Vector512.Create(-Ln2Lo), r);
        Vector512<double> s = r * r;
        Vector512<double> e = Vector512.FusedMultiplyAdd(Vector512.FusedMultiplyAdd(Vector512.FusedMultiplyAdd(
            Vector512.Create(E3), s, Vector512.Create(E2)), s, Vector512.Create(E1)), s, Vector512<double>.One);
        Vector512<double> o = r * Vector512.FusedMultiplyAdd(Vector512.FusedMultiplyAdd(Vector512.Create(O2), s,
            Vector512.Create(O1)), s, Vector512.Create(O0));
        Vector512<double> p = e + o, q = e - o;
        Vector512<double> scale =
            Vector512.ShiftLeft(t.AsInt64() - Vector512.Create(ShifterBits - 1023), 52).AsDouble();
        Vector512<double> sp = Vector512.ConditionalSelect(Vector512.LessThan(xn, Vector512.Create(Low)),
            Vector512<double>.Zero, p * scale);
        Vector512<double> result =
            Vector512.ConditionalSelect(Vector512.GreaterThanOrEqual(x, Vector512<double>.Zero), q, sp) / (q + sp);
        return Vector512.ConditionalSelect(Vector512.Equals(x, x), result, x);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> SigmoidPade(Vector256<double> x)
    {
        Vector256<double> xn = -Vector256.Abs(x), xc = Vector256.Max(xn, Vector256.Create(Low));
        Vector256<double> t = Vector256.FusedMultiplyAdd(xc, Vector256.Create(Log2E), Vector256.Create(Shifter));
        Vector256<double> n = t - Vector256.Create(Shifter);
        Vector256<double> r = Vector256.FusedMultiplyAdd(n, Vector256.Create(-Ln2Hi), xc);
        r = Vector256.FusedMultiplyAdd(n, Vector256.Create(-Ln2Lo), r);
        Vector256<double> s = r * r;
        Vector256<double> e = Vector256.FusedMultiplyAdd(Vector256.FusedMultiplyAdd(Vector256.FusedMultiplyAdd(
            Vector256.Create(E3), s, Vector256.Create(E2)), s, Vector256.Create(E1)), s, Vector256<double>.One);
        Vector256<double> o = r * Vector256.FusedMultiplyAdd(Vector256.FusedMultiplyAdd(Vector256.Create(O2), s,
            Vector256.Create(O1)), s, Vector256.Create(O0));
        Vector256<double> p = e + o, q = e - o;
        Vector256<double> scale =
            Vector256.ShiftLeft(t.AsInt64() - Vector256.Create(ShifterBits - 1023), 52).AsDouble();
        Vector256<double> sp = Vector256.ConditionalSelect(Vector256.LessThan(xn, Vector256.Create(Low)),
            Vector256<double>.Zero, p * scale);
        Vector256<double> result =
            Vector256.ConditionalSelect(Vector256.GreaterThanOrEqual(x, Vector256<double>.Zero), q, sp) / (q + sp);
        return Vector256.ConditionalSelect(Vector256.Equals(x, x), result, x);
    }
}
