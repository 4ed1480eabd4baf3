using System.Globalization;

namespace XorNet;

/// <summary>How every console line and picture writes a loss and an accuracy, so they read the same
/// everywhere.</summary>
public static class MetricText
{
    /// <summary>
    /// Four significant digits ("0.1662", "0.01643", "1.234e-5", "1.471e+162"): a loss of 1e-5 never reads "0.0000".
    /// </summary>
    public static string Loss(double loss)
    {
        double size = Math.Abs(loss);
        if (!double.IsFinite(loss) || loss == 0) return loss.ToString(CultureInfo.InvariantCulture);
        return size is >= 1e-3 and < 1e4
            ? loss.ToString("G4", CultureInfo.InvariantCulture)
            : loss.ToString("0.###e+0", CultureInfo.InvariantCulture);
    }

    /// <summary>An accuracy (a share of points) as a percentage with one decimal: "75.7 %".</summary>
    public static string Accuracy(double share) => share.ToString("P1", CultureInfo.InvariantCulture);
}
