using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace XorNet.Tensors;

/// <summary>An elementwise operation written for one double and for 4 and 8 lanes, with identical rounding in all
/// three.</summary>
internal interface IUnaryOp
{
    static abstract double Invoke(double x);
    static abstract Vector256<double> Invoke(Vector256<double> x);
    static abstract Vector512<double> Invoke(Vector512<double> x);
}

public static partial class Ops
{
    /// <summary>destination[i] = TOp(x[i]) with the widest vectors the CPU has; the tail goes one element at a time.
    /// Always compiled fully optimised: a short run never leaves tier-0, and tier-0 would not inline TOp.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Map<TOp>(ReadOnlySpan<double> x, Span<double> destination) where TOp : IUnaryOp
    {
        ref double src = ref MemoryMarshal.GetReference(x);
        ref double dst = ref MemoryMarshal.GetReference(destination);
        int i = 0, n = x.Length;
        if (Vector512.IsHardwareAccelerated)
            for (; i <= n - 8; i += 8)
                TOp.Invoke(Vector512.LoadUnsafe(ref src, (nuint)i)).StoreUnsafe(ref dst, (nuint)i);
        if (Vector256.IsHardwareAccelerated)
            for (; i <= n - 4; i += 4)
                TOp.Invoke(Vector256.LoadUnsafe(ref src, (nuint)i)).StoreUnsafe(ref dst, (nuint)i);
        for (; i < n; i++)
            Unsafe.Add(ref dst, i) = TOp.Invoke(Unsafe.Add(ref src, i));
    }

    private readonly struct SigmoidOp : IUnaryOp
    {
        public static double Invoke(double x) => VectorExp.Sigmoid(x);
        public static Vector256<double> Invoke(Vector256<double> x) => VectorExp.Sigmoid(x);
        public static Vector512<double> Invoke(Vector512<double> x) => VectorExp.Sigmoid(x);
    }

    private readonly struct SigmoidPadeOp : IUnaryOp
    {
        public static double Invoke(double x) => VectorExp.SigmoidPade(x);
        public static Vector256<double> Invoke(Vector256<double> x) => VectorExp.SigmoidPade(x);
        public static Vector512<double> Invoke(Vector512<double> x) => VectorExp.SigmoidPade(x);
    }

    private readonly struct ExpOp : IUnaryOp
    {
        public static double Invoke(double x) => VectorExp.Exp(x);
        public static Vector256<double> Invoke(Vector256<double> x) => VectorExp.Exp(x);
        public static Vector512<double> Invoke(Vector512<double> x) => VectorExp.Exp(x);
    }

    /// <summary>s·(1 − s): the rounding of the scalar form, lane by lane.</summary>
    private readonly struct SigmoidDerivativeOp : IUnaryOp
    {
        public static double Invoke(double s) => s * (1.0 - s);
        public static Vector256<double> Invoke(Vector256<double> s) => s * (Vector256<double>.One - s);
        public static Vector512<double> Invoke(Vector512<double> s) => s * (Vector512<double>.One - s);
    }
}

/// <summary>A two-input elementwise operation for one double and for 4 and 8 lanes, with identical rounding in all
/// three.</summary>
internal interface IBinaryOp
{
    static abstract double Invoke(double x, double y);
    static abstract Vector256<double> Invoke(Vector256<double> x, Vector256<double> y);
    static abstract Vector512<double> Invoke(Vector512<double> x, Vector512<double> y);
}

public static partial class Ops
{
    /// <summary>destination[i] = TOp(x[i], y[i]) with the widest vectors the CPU has.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Map<TOp>(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> destination) where TOp
        : IBinaryOp
    {
        ref double xs = ref MemoryMarshal.GetReference(x);
        ref double ys = ref MemoryMarshal.GetReference(y);
        ref double dst = ref MemoryMarshal.GetReference(destination);
        int i = 0, n = x.Length;
        if (Vector512.IsHardwareAccelerated)
            for (; i <= n - 8; i += 8)
                TOp.Invoke(Vector512.LoadUnsafe(ref xs, (nuint)i), Vector512.LoadUnsafe(ref ys, (nuint)i))
                    .StoreUnsafe(ref dst, (nuint)i);
        if (Vector256.IsHardwareAccelerated)
            for (; i <= n - 4; i += 4)
                TOp.Invoke(Vector256.LoadUnsafe(ref xs, (nuint)i), Vector256.LoadUnsafe(ref ys, (nuint)i))
                    .StoreUnsafe(ref dst, (nuint)i);
        for (; i < n; i++)
            Unsafe.Add(ref dst, i) = TOp.Invoke(Unsafe.Add(ref xs, i), Unsafe.Add(ref ys, i));
    }

    private readonly struct AddOp : IBinaryOp
    {
        public static double Invoke(double x, double y) => x + y;
        public static Vector256<double> Invoke(Vector256<double> x, Vector256<double> y) => x + y;
        public static Vector512<double> Invoke(Vector512<double> x, Vector512<double> y) => x + y;
    }

    private readonly struct SubtractOp : IBinaryOp
    {
        public static double Invoke(double x, double y) => x - y;
        public static Vector256<double> Invoke(Vector256<double> x, Vector256<double> y) => x - y;
        public static Vector512<double> Invoke(Vector512<double> x, Vector512<double> y) => x - y;
    }

    private readonly struct MultiplyOp : IBinaryOp
    {
        public static double Invoke(double x, double y) => x * y;
        public static Vector256<double> Invoke(Vector256<double> x, Vector256<double> y) => x * y;
        public static Vector512<double> Invoke(Vector512<double> x, Vector512<double> y) => x * y;
    }

    /// <summary>destination[i] = x[i] + y[i] · s (one rounded multiply, one rounded add: never fused).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void MultiplyAdd(ReadOnlySpan<double> x, ReadOnlySpan<double> y, double s, Span<double> destination)
    {
        ref double xs = ref MemoryMarshal.GetReference(x);
        ref double ys = ref MemoryMarshal.GetReference(y);
        ref double dst = ref MemoryMarshal.GetReference(destination);
        int i = 0, n = x.Length;
        if (Vector512.IsHardwareAccelerated)
            for (var vs = Vector512.Create(s); i <= n - 8; i += 8)
                (Vector512.LoadUnsafe(ref xs, (nuint)i) + Vector512.LoadUnsafe(ref ys, (nuint)i) * vs)
                    .StoreUnsafe(ref dst, (nuint)i);
        if (Vector256.IsHardwareAccelerated)
            for (var vs = Vector256.Create(s); i <= n - 4; i += 4)
                (Vector256.LoadUnsafe(ref xs, (nuint)i) + Vector256.LoadUnsafe(ref ys, (nuint)i) * vs)
                    .StoreUnsafe(ref dst, (nuint)i);
        for (; i < n; i++)
            Unsafe.Add(ref dst, i) = Unsafe.Add(ref xs, i) + Unsafe.Add(ref ys, i) * s;
    }
}
