using XorNet.Tensors;

namespace XorNet;

/// <summary>
/// The parameter tensors of a stack of L dense layers, W1 (D×H1), b1 (1×H1), …, WL (H_{L−1}×K), bL (1×K), or their
/// gradients, which have the same shapes. Layers are numbered from 1 as in the article (W1 is the first).
/// </summary>
public sealed class Parameters
{
    private readonly int[] _widths;
    private readonly Matrix[] _tensors; // W1, b1, W2, b2, …: the article's order

    /// <summary>widths = D, H1, …, K: layer l maps widths[l − 1] inputs to widths[l] outputs.</summary>
    public Parameters(IReadOnlyList<int> widths)
    {
        if (widths.Count < 2) throw new ArgumentException(
            $"Need at least the input and output widths, got {widths.Count}.", nameof(widths));
        _widths = [.. widths];
        _tensors = new Matrix[2 * Layers];
        for (int l = 1; l <= Layers; l++)
        {
            _tensors[2 * l - 2] = new Matrix(_widths[l - 1], _widths[l]);
            _tensors[2 * l - 1] = new Matrix(1, _widths[l]);
        }
    }

    /// <summary>The article's two layers: D inputs, H hidden, K outputs.</summary>
    public Parameters(int inputs, int hidden, int classes) : this([inputs, hidden, classes]) { }

    /// <summary>D, H1, …, K.</summary>
    public IReadOnlyList<int> Widths => _widths;
    /// <summary>L, the number of weight layers (hidden layers + 1).</summary>
    public int Layers => _widths.Length - 1;

    /// <summary>W_l, layer l's weights (widths[l − 1] × widths[l]), l = 1 … L.</summary>
    public Matrix W(int layer) => _tensors[2 * layer - 2];
    /// <summary>b_l, layer l's biases (1 × widths[l]), l = 1 … L.</summary>
    public Matrix b(int layer) => _tensors[2 * layer - 1];

    /// <summary>W1, b1, W2, b2, …, WL, bL: every tensor in the article's order (the order metrics and files
    /// use).</summary>
    public IReadOnlyList<Matrix> Tensors => _tensors;

    /// <summary>"W1", "b1", …, "WL", "bL" for a stack of L layers.</summary>
    public static string[] NamesFor(int layers) =>
        [.. Enumerable.Range(1, layers).SelectMany(l => new[] { $"W{l}", $"b{l}" })];

    /// <summary>The tensors with their names, in the article's order.</summary>
    public IEnumerable<(string Name, Matrix Value)> Named() => NamesFor(Layers).Zip(_tensors);

    /// <summary>New zeroed tensors of the same shapes.</summary>
    public Parameters CloneShape() => new(_widths);

    /// <summary>A copy holding the same values.</summary>
    public Parameters Clone()
    {
        var copy = CloneShape();
        CopyTo(copy);
        return copy;
    }

    public void CopyTo(Parameters destination)
    {
        if (!destination._widths.AsSpan().SequenceEqual(_widths))
            throw new ArgumentException(
                $"Cannot copy parameters of widths {string.Join("-", _widths)} into " +
                $"{string.Join("-", destination._widths)}.", nameof(destination));
        for (int i = 0; i < _tensors.Length; i++)
            _tensors[i].CopyTo(destination._tensors[i]);
    }

    /// <summary>True when the two hold tensors of the same shapes.</summary>
    public bool SameShape(Parameters other) => other._widths.AsSpan().SequenceEqual(_widths);
}
