namespace XorNet;

/// <summary>
/// Which iterations of a long reference run go into the history: every one up to <see cref="EveryUpTo"/>, then evenly
/// spaced ones (about <see cref="Spaced"/> of them), and always the last; the best is added by the trainer. A run of
/// 10⁶ iterations keeps about 2,000 entries, so memory, metrics.json and the plots stay small.
/// </summary>
internal sealed class ReferenceHistory(int iterations)
{
    public const int EveryUpTo = 1000, Spaced = 1000;

    private readonly int _stride = Math.Max(1, (int)Math.Ceiling((iterations - (double)EveryUpTo) / Spaced));

    /// <summary>True when the metrics after this many iterations are kept.</summary>
    public bool Keeps(int iteration) => iteration <= EveryUpTo || iteration % _stride == 0 || iteration == iterations;
}
