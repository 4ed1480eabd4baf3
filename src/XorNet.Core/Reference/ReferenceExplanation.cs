using XorNet.Tensors;

namespace XorNet;

/// <summary>One tensor's step as the reference takes it, next to the step the true gradient would take.</summary>
public sealed record ReferenceStepComparison(string Name, Matrix Reference, Matrix True, double L2Term)
{
    /// <summary>Reference − true, entry by entry.</summary>
    public Matrix Difference
    {
        get
        {
            var d = new Matrix(Reference.Rows, Reference.Cols);
            Ops.Subtract(Reference, True, d);
            return d;
        }
    }

    /// <summary>‖reference‖ / ‖true‖: about N when only the missing 1/N differs.</summary>
    public double NormRatio => Math.Sqrt(Ops.SquaredSum(Reference) / Ops.SquaredSum(True));
}

/// <summary>
/// Explaining a reference run: the reference's gradient on its batch next to XorNet's exact gradient of the same loss
/// (<see cref="TwoLayerNetwork.Backward(Workspace, Regularization, Parameters)"/> on the same weights and rows).
/// </summary>
public static class ReferenceExplanation
{
    public static IReadOnlyList<ReferenceStepComparison> Compare(ReferenceNetwork net, double lambda)
    {
        net.Forward();
        net.Backward();
        var xornet = new TwoLayerNetwork(net.X.Cols, net.H, net.Y.Cols, net.HasBias);
        net.CopyTo(xornet.P);
        var ws = xornet.CreateWorkspace(net.N);
        net.X.CopyTo(ws.X);
        net.Y.CopyTo(ws.Y);
        var grads = new Parameters(net.X.Cols, net.H, net.Y.Cols);
        xornet.Forward(ws);
        xornet.Backward(ws, new Regularization(lambda), grads);
        var truth = grads.Named().ToDictionary(g => g.Name, g => g.Value);
        return [.. net.Trainables().Select(t => new ReferenceStepComparison(t.Name, t.Gradient.Clone(), truth[t.Name],
            t.Name.StartsWith('W') ? lambda * Ops.SquaredSum(t.Value) : 0))];
    }
}
