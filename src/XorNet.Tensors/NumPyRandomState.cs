namespace XorNet.Tensors;

/// <summary>
/// NumPy's legacy <c>RandomState</c> stream (frozen since NumPy 1.16): the MT19937 generator seeded as
/// <c>np.random.seed(s)</c> does, its 53-bit doubles (<c>random_sample</c>) and its polar Gaussian (<c>randn</c>)
/// with the cached second value. Only for reproducing programs written with NumPy (the article's reference code);
/// XorNet's own runs use <see cref="Rng"/>.
/// </summary>
public sealed class NumPyRandomState
{
    private const int StateSize = 624, Shift = 397;
    private const uint MatrixA = 0x9908b0df, UpperMask = 0x80000000, LowerMask = 0x7fffffff;

    private readonly uint[] _key = new uint[StateSize];
    private int _position;
    private double? _cachedGaussian;

    /// <summary>The state of <c>RandomState(seed)</c> / <c>np.random.seed(seed)</c> for an integer 0 ≤ seed &lt;
    /// 2³².</summary>
    public NumPyRandomState(uint seed)
    {
        _key[0] = seed;
        for (uint i = 1; i < StateSize; i++)
            _key[i] = unchecked(1812433253u * (_key[i - 1] ^ (_key[i - 1] >> 30)) + i);
        _position = StateSize;
    }

    /// <summary>The next tempered 32-bit word of MT19937.</summary>
    public uint NextUInt32()
    {
        if (_position == StateSize) Regenerate();
        uint y = _key[_position++];
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        return y ^ (y >> 18);
    }

    /// <summary>A double in [0, 1) from two words (27 + 26 bits), as <c>random_sample</c>.</summary>
    public double NextDouble()
    {
        uint a = NextUInt32() >> 5, b = NextUInt32() >> 6; // a is drawn first
        return (a * 67108864.0 + b) / 9007199254740992.0;
    }

    /// <summary>A standard normal value by the polar method, as <c>randn</c>: each accepted pair serves two
    /// calls.</summary>
    public double NextGaussian()
    {
        if (_cachedGaussian is double cached)
        {
            _cachedGaussian = null;
            return cached;
        }
        double x1, x2, r2;
        do
        {
            x1 = 2.0 * NextDouble() - 1.0;
            x2 = 2.0 * NextDouble() - 1.0;
            r2 = x1 * x1 + x2 * x2;
        }
        while (r2 >= 1.0 || r2 == 0.0);
        double f = Math.Sqrt(-2.0 * Math.Log(r2) / r2);
        _cachedGaussian = f * x1;
        return f * x2;
    }

    /// <summary>Fills destination in row-major order with <see cref="NextDouble"/>
    /// (<c>random((rows, cols))</c>).</summary>
    public void FillDouble(Matrix destination)
    {
        for (int i = 0; i < destination.Length; i++)
            destination.Data[i] = NextDouble();
    }

    /// <summary>Fills destination in row-major order with <see cref="NextGaussian"/>
    /// (<c>randn(rows, cols)</c>).</summary>
    public void FillGaussian(Matrix destination)
    {
        for (int i = 0; i < destination.Length; i++)
            destination.Data[i] = NextGaussian();
    }

    /// <summary>The next 624 words of the key, computed in place in index order.</summary>
    private void Regenerate()
    {
        for (int i = 0; i < StateSize; i++)
        {
            uint y = (_key[i] & UpperMask) | (_key[(i + 1) % StateSize] & LowerMask);
            _key[i] = _key[(i + Shift) % StateSize] ^ (y >> 1) ^ ((y & 1) != 0 ? MatrixA : 0u);
        }
        _position = 0;
    }
}
