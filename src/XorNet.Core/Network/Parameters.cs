using XorNet.Tensors;

namespace XorNet;

/// <summary>The four parameter tensors of the two-layer network (or their gradients, which have the same shapes).</summary>
public sealed class Parameters
{
    public Matrix W1 { get; }  // (D×H)
    public Matrix b1 { get; }  // (1×H)
    public Matrix W2 { get; }  // (H×K)
    public Matrix b2 { get; }  // (1×K)

    public Parameters(int inputs, int hidden, int classes)
    {
        W1 = new Matrix(inputs, hidden);
        b1 = new Matrix(1, hidden);
        W2 = new Matrix(hidden, classes);
        b2 = new Matrix(1, classes);
    }

    /// <summary>The tensors with their names, in the article's order.</summary>
    public IEnumerable<(string Name, Matrix Value)> Named()
    {
        yield return ("W1", W1);
        yield return ("b1", b1);
        yield return ("W2", W2);
        yield return ("b2", b2);
    }

    /// <summary>New zeroed tensors of the same shapes.</summary>
    public Parameters CloneShape() => new(W1.Rows, W1.Cols, W2.Cols);

    public void CopyTo(Parameters destination)
    {
        W1.CopyTo(destination.W1);
        b1.CopyTo(destination.b1);
        W2.CopyTo(destination.W2);
        b2.CopyTo(destination.b2);
    }
}
