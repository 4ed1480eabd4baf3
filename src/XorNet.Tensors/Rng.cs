namespace XorNet.Tensors;

/// <summary>
/// A seeded random generator (xoshiro256**, seeded through SplitMix64) whose stream is fixed by this code alone,
/// so a seed gives the same numbers on every machine and .NET version.
/// </summary>
public sealed class Rng
{
    private ulong _s0, _s1, _s2, _s3;
    private double? _spareNormal;

    public Rng(ulong seed)
    {
        ulong x = seed;
        _s0 = SplitMix64(ref x);
        _s1 = SplitMix64(ref x);
        _s2 = SplitMix64(ref x);
        _s3 = SplitMix64(ref x);
    }

    /// <summary>An independent generator for a named purpose (data, init, shuffle) derived from one user
    /// seed.</summary>
    public static Rng ForPurpose(long seed, string purpose)
    {
        ulong h = 1469598103934665603UL; // FNV-1a over the purpose, mixed with the seed
        foreach (char ch in purpose)
            h = (h ^ ch) * 1099511628211UL;
        return new Rng(unchecked((ulong)seed ^ h));
    }

    public ulong NextULong()
    {
        ulong result = RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextULong() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [low, high).</summary>
    public double Uniform(double low, double high) => low + (high - low) * NextDouble();

    /// <summary>Uniform integer in [0, n), without modulo bias.</summary>
    public int NextInt(int n)
    {
        if (n <= 0)
            throw new ArgumentOutOfRangeException(nameof(n), $"Upper bound {n} must be positive.");
        ulong bound = (ulong)n, limit = ulong.MaxValue - ulong.MaxValue % bound;
        ulong r;
        do r = NextULong(); while (r >= limit);
        return (int)(r % bound);
    }

    /// <summary>Standard normal N(0, 1) by the Box–Muller transform.</summary>
    public double Normal()
    {
        if (_spareNormal is double spare)
        {
            _spareNormal = null;
            return spare;
        }
        double u1 = 1.0 - NextDouble(), u2 = NextDouble(); // u1 in (0, 1]: log is finite
        double radius = Math.Sqrt(-2.0 * Math.Log(u1));
        _spareNormal = radius * Math.Sin(2 * Math.PI * u2);
        return radius * Math.Cos(2 * Math.PI * u2);
    }

    /// <summary>Fills destination with uniform values in [low, high).</summary>
    public void FillUniform(Matrix destination, double low, double high)
    {
        for (int i = 0; i < destination.Length; i++)
            destination.Data[i] = Uniform(low, high);
    }

    /// <summary>Fills destination with standard normal values.</summary>
    public void FillNormal(Matrix destination)
    {
        for (int i = 0; i < destination.Length; i++)
            destination.Data[i] = Normal();
    }

    /// <summary>Fisher–Yates shuffle in place.</summary>
    public void Shuffle(Span<int> values)
    {
        for (int i = values.Length - 1; i > 0; i--)
        {
            int j = NextInt(i + 1);
            (values[i], values[j]) = (values[j], values[i]);
        }
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));

    private static ulong SplitMix64(ref ulong x)
    {
        ulong z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
