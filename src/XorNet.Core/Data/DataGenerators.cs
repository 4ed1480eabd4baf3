using XorNet.Tensors;

namespace XorNet;

/// <summary>
/// The built-in 2-D datasets. xor is the article's Gaussian XOR (<see cref="Dataset.GaussianXor"/>); circle, gauss
/// and spiral follow TensorFlow Playground's definitions (noise 0–0.5 = its 0–50%); moons follows sklearn's
/// make_moons (noise = standard deviation of Gaussian jitter). Class 1 is Playground's positive (+1) class.
/// </summary>
public static class DataGenerators
{
    public static readonly string[] Names = ["xor", "circle", "gauss", "spiral", "moons"];

    /// <summary>The named dataset with N points; noise 0 gives xor exactly as Dataset.GaussianXor.</summary>
    public static Dataset Generate(string name, int samples, double noise, long seed) => name switch
    {
        "xor" => Xor(samples, noise, seed),
        "circle" => Circle(samples, noise, seed),
        "gauss" => Gauss(samples, noise, seed),
        "spiral" => Spiral(samples, noise, seed),
        "moons" => Moons(samples, noise, seed),
        _ => throw new ArgumentException($"Unknown dataset '{name}' (known: {string.Join(", ", Names)}).",
            nameof(name)),
    };

    /// <summary>
    /// Gaussian XOR; with noise, each label is read at the point shifted by U(−3, 3)·noise per coordinate (Playground's
    /// rule, scaled to the data's ±3σ extent) from a separate stream, so the points stay those of noise 0.
    /// </summary>
    public static Dataset Xor(int samples, double noise, long seed)
    {
        var data = Dataset.GaussianXor(samples, seed);
        if (noise == 0) return data;
        var rng = Rng.ForPurpose(seed, "noise");
        for (int i = 0; i < samples; i++)
        {
            double x = data.X[i, 0] + rng.Uniform(-3, 3) * noise, y = data.X[i, 1] + rng.Uniform(-3, 3) * noise;
            data.Labels[i] = (x > 0) ^ (y > 0) ? 1 : 0;
        }
        return data;
    }

    /// <summary>Playground's circle: class 1 uniform in radius [0, 2.5), class 0 in the ring [3.5, 5); labels read at
    /// the point + U(−5, 5)·noise.</summary>
    public static Dataset Circle(int samples, double noise, long seed)
    {
        var rng = Rng.ForPurpose(seed, "data");
        var b = new Builder(samples);
        for (int i = 0; i < samples; i++)
        {
            bool inner = i < samples - samples / 2;
            double r = inner ? rng.Uniform(0, 2.5) : rng.Uniform(3.5, 5), angle = rng.Uniform(0, 2 * Math.PI);
            double x = r * Math.Sin(angle), y = r * Math.Cos(angle);
            double nx = x + rng.Uniform(-5, 5) * noise, ny = y + rng.Uniform(-5, 5) * noise;
            b.Add(x, y, Math.Sqrt(nx * nx + ny * ny) < 2.5 ? 1 : 0);
        }
        return b.Build();
    }

    /// <summary>Playground's gauss: class 1 around (2, 2), class 0 around (−2, −2), variance 0.5 + 7·noise (0.5 to
    /// 4).</summary>
    public static Dataset Gauss(int samples, double noise, long seed)
    {
        var rng = Rng.ForPurpose(seed, "data");
        double sd = Math.Sqrt(0.5 + noise / 0.5 * 3.5);
        var b = new Builder(samples);
        for (int i = 0; i < samples; i++)
        {
            int label = i < samples - samples / 2 ? 1 : 0;
            double centre = label == 1 ? 2 : -2;
            b.Add(centre + sd * rng.Normal(), centre + sd * rng.Normal(), label);
        }
        return b.Build();
    }

    /// <summary>Playground's spiral: two arms r = 5·i/n, t = 3.5π·i/n (+π for class 0), each coordinate jittered by
    /// U(−1, 1)·noise.</summary>
    public static Dataset Spiral(int samples, double noise, long seed)
    {
        var rng = Rng.ForPurpose(seed, "data");
        var b = new Builder(samples);
        int positives = samples - samples / 2;
        foreach (var (label, count, deltaT) in new[] { (1, positives, 0.0), (0, samples / 2, Math.PI) })
            for (int i = 0; i < count; i++)
            {
                double r = 5.0 * i / count, t = 1.75 * i / count * 2 * Math.PI + deltaT;
                b.Add(r * Math.Sin(t) + rng.Uniform(-1, 1) * noise, r * Math.Cos(t) + rng.Uniform(-1, 1) * noise,
                    label);
            }
        return b.Build();
    }

    /// <summary>sklearn's make_moons: class 0 on the upper half circle, class 1 on the lower one shifted by (1, −0.5),
    /// plus N(0, noise²) jitter.</summary>
    public static Dataset Moons(int samples, double noise, long seed)
    {
        var rng = Rng.ForPurpose(seed, "data");
        var b = new Builder(samples);
        int outer = samples / 2, inner = samples - outer;
        for (int i = 0; i < outer; i++)
        {
            double t = outer == 1 ? 0 : Math.PI * i / (outer - 1);
            b.Add(Math.Cos(t) + noise * rng.Normal(), Math.Sin(t) + noise * rng.Normal(), 0);
        }
        for (int i = 0; i < inner; i++)
        {
            double t = inner == 1 ? 0 : Math.PI * i / (inner - 1);
            b.Add(1 - Math.Cos(t) + noise * rng.Normal(), 1 - Math.Sin(t) - 0.5 + noise * rng.Normal(), 1);
        }
        return b.Build();
    }

    private sealed class Builder(int samples)
    {
        private readonly Matrix _x = new(samples, 2);
        private readonly int[] _labels = new int[samples];
        private int _count;

        public void Add(double x1, double x2, int label)
        {
            (_x[_count, 0], _x[_count, 1], _labels[_count]) = (x1, x2, label);
            _count++;
        }

        public Dataset Build() => new(_x, _labels, Classes: 2);
    }
}
