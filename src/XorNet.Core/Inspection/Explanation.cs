using XorNet.Tensors;

namespace XorNet;

/// <summary>One named quantity of the article's derivation: its formula (which chain-rule product it is) and its value.</summary>
public sealed record ExplainedQuantity(string Section, string Name, string Formula, Matrix Value, string? Note = null)
{
    public bool IsScalar => Value.Rows == 1 && Value.Cols == 1 && Section == Explanation.LossSection;
}

/// <summary>
/// The article in executable form: one forward pass, the loss, one backward pass and one SGD step on a small batch,
/// every intermediate named and written as the chain-rule product that produced it, in the article's order.
/// </summary>
public static class Explanation
{
    public const string ForwardSection = "forward", LossSection = "loss", BackwardSection = "backward", UpdateSection = "update";

    public static IReadOnlyList<ExplainedQuantity> Explain(TwoLayerNetwork net, Workspace ws, Regularization reg, double learningRate)
    {
        var grads = new Parameters(net.D, net.H, net.K);
        net.Forward(ws);
        LossParts loss = net.Loss(ws, reg);
        net.Backward(ws, reg, grads);
        var list = new List<ExplainedQuantity>();
        AddForward(list, net, ws);
        AddLoss(list, net, reg, loss);
        AddBackward(list, net, ws, reg, grads);
        AddUpdate(list, net, grads, learningRate);
        return list;
    }

    private static void AddForward(List<ExplainedQuantity> list, TwoLayerNetwork net, Workspace ws)
    {
        string? bias = net.UseBias ? null : "not used: the network has no biases";
        list.Add(new(ForwardSection, "X", "the input batch", ws.X.Clone()));
        list.Add(new(ForwardSection, "W1", "initial weights, uniform in ±1/√D", net.P.W1.Clone()));
        list.Add(new(ForwardSection, "b1", "initial biases", net.P.b1.Clone(), bias));
        list.Add(new(ForwardSection, "z1", net.UseBias ? "X · W1 + b1" : "X · W1", ws.z1.Clone()));
        list.Add(new(ForwardSection, "h1", net.Activation.Formula, ws.h1.Clone()));
        list.Add(new(ForwardSection, "W2", "initial weights, uniform in ±1/√H", net.P.W2.Clone()));
        list.Add(new(ForwardSection, "b2", "initial biases", net.P.b2.Clone(), bias));
        list.Add(new(ForwardSection, "z2", net.UseBias ? "h1 · W2 + b2" : "h1 · W2", ws.z2.Clone()));
        list.Add(new(ForwardSection, "h2", net.Output.OutputFormula, ws.h2.Clone(), "prediction = argmax of each row"));
        list.Add(new(ForwardSection, "y", "one-hot labels of the batch", ws.Y.Clone()));
    }

    private static void AddLoss(List<ExplainedQuantity> list, TwoLayerNetwork net, Regularization reg, LossParts loss)
    {
        list.Add(new(LossSection, "L_data", net.Output.DataFormula, Scalar(loss.Data)));
        list.Add(new(LossSection, "L_reg", reg.Formula, Scalar(loss.Regularization), "biases are not regularised"));
        list.Add(new(LossSection, "L", "L_data + L_reg", Scalar(loss.Total)));
    }

    private static void AddBackward(List<ExplainedQuantity> list, TwoLayerNetwork net, Workspace ws, Regularization reg, Parameters grads)
    {
        bool ce = net.Output.Kind == LossKind.CrossEntropy;
        string delta2 = ce ? "(h2 − y)/N" : "(dL/dh2 ⊙ dh2/dz2)";
        string delta1 = "(dL/dh1 ⊙ dh1/dz1)";
        list.Add(new(BackwardSection, "dL/dh2", net.Output.dL_dh2Formula, ws.dL_dh2.Clone()));
        list.Add(ce
            ? new(BackwardSection, "dh2/dz2", net.Output.dh2_dz2Formula, SoftmaxJacobian(ws.h2, 0), "shown for the first example")
            : new(BackwardSection, "dh2/dz2", net.Output.dh2_dz2Formula, ws.dh2_dz2.Clone()));
        list.Add(new(BackwardSection, "dL/dz2", ce ? "dL/dh2 · dh2/dz2 = (softmax(z2) − y) / N" : "dL/dh2 ⊙ dh2/dz2", ws.dL_dz2.Clone()));
        list.Add(new(BackwardSection, "dL/dW2", $"h1ᵀ · {delta2}{RegTerm(reg, "W2")}", grads.W2.Clone()));
        list.Add(new(BackwardSection, "dL/db2", $"Σ_rows {delta2}", grads.b2.Clone()));
        list.Add(new(BackwardSection, "dL/dh1", $"{delta2} · W2ᵀ", ws.dL_dh1.Clone()));
        list.Add(new(BackwardSection, "dh1/dz1", net.Activation.DerivativeFormula, ws.dh1_dz1.Clone()));
        list.Add(new(BackwardSection, "dL/dz1", "dL/dh1 ⊙ dh1/dz1", ws.dL_dz1.Clone()));
        list.Add(new(BackwardSection, "dL/dW1", $"Xᵀ · {delta1}{RegTerm(reg, "W1")}", grads.W1.Clone()));
        list.Add(new(BackwardSection, "dL/db1", $"Σ_rows {delta1}", grads.b1.Clone()));
    }

    /// <summary>One plain SGD step θ' = θ − lr·dL/dθ, on a copy so the network itself is left untouched.</summary>
    private static void AddUpdate(List<ExplainedQuantity> list, TwoLayerNetwork net, Parameters grads, double learningRate)
    {
        var updated = new Parameters(net.D, net.H, net.K);
        net.P.CopyTo(updated);
        foreach (var ((name, value), (_, grad)) in updated.Named().Zip(grads.Named()))
        {
            bool trained = net.UseBias || name.StartsWith('W');
            if (trained) Ops.AddScaled(grad, -learningRate, value);
            list.Add(new(UpdateSection, name + "'", trained ? $"{name} − lr · dL/d{name}" : $"{name} (not trained: no biases)", value));
        }
    }

    private static string RegTerm(Regularization reg, string w) =>
        (reg.L2 > 0 ? $" + λ2·{w}/N" : "") + (reg.L1 > 0 ? $" + λ1·sign({w})/N" : "");

    private static Matrix Scalar(double v) => new(1, 1, [v]);

    /// <summary>∂h2_i/∂z2_j = h2_i·(δ_ij − h2_j) for one row of a softmax output: a K×K matrix.</summary>
    public static Matrix SoftmaxJacobian(Matrix h2, int row)
    {
        var j = new Matrix(h2.Cols, h2.Cols);
        for (int a = 0; a < h2.Cols; a++)
            for (int b = 0; b < h2.Cols; b++)
                j[a, b] = h2[row, a] * ((a == b ? 1 : 0) - h2[row, b]);
        return j;
    }
}
