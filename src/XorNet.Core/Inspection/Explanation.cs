using XorNet.Tensors;

namespace XorNet;

/// <summary>One named quantity of the article's derivation: its formula (which chain-rule product it is) and its
/// value.</summary>
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
    public const string ForwardSection = "forward", LossSection = "loss", BackwardSection = "backward", UpdateSection =
        "update";

    public static IReadOnlyList<ExplainedQuantity> Explain(Network net, Workspace ws, Regularization reg,
        double learningRate)
    {
        var grads = net.P.CloneShape();
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

    /// <summary>X, then per layer W_l, b_l, z_l = h_{l−1}·W_l + b_l, h_l = f(z_l) (the last: the output g), then
    /// y.</summary>
    private static void AddForward(List<ExplainedQuantity> list, Network net, Workspace ws)
    {
        string? bias = net.UseBias ? null : "not used: the network has no biases";
        int last = net.Layers.Count;
        list.Add(new(ForwardSection, "X", "the input batch", ws.X.Clone()));
        for (int l = 1; l <= last; l++)
        {
            LayerCache c = ws.Layer(l);
            list.Add(new(ForwardSection, $"W{l}", $"initial weights, uniform in ±1/√{FanIn(net, l)}",
                net.P.W(l).Clone()));
            list.Add(new(ForwardSection, $"b{l}", "initial biases", net.P.b(l).Clone(), bias));
            list.Add(new(ForwardSection, $"z{l}", net.UseBias ? $"{Input(l)} · W{l} + b{l}" : $"{Input(l)} · W{l}",
                c.z.Clone()));
            list.Add(l < last
                ? new(ForwardSection, $"h{l}", Hidden(net.Activation.Formula, l), c.h.Clone())
                : new(ForwardSection, $"h{l}", Out(net.Output.OutputFormula, l), c.h.Clone(),
                    "prediction = argmax of each row"));
        }
        list.Add(new(ForwardSection, "y", "one-hot labels of the batch", ws.Y.Clone()));
    }

    private static void AddLoss(List<ExplainedQuantity> list, Network net, Regularization reg, LossParts loss)
    {
        list.Add(new(LossSection, "L_data", Out(net.Output.DataFormula, net.Layers.Count), Scalar(loss.Data)));
        list.Add(new(LossSection, "L_reg", reg.FormulaFor(net.Layers.Count), Scalar(loss.Regularization),
            "biases are not regularised"));
        list.Add(new(LossSection, "L", "L_data + L_reg", Scalar(loss.Total)));
    }

    /// <summary>The output's dL/dh, dh/dz, dL/dz; then, from the last layer down, dL/dW_l, dL/db_l and the step into
    /// layer l − 1.</summary>
    private static void AddBackward(List<ExplainedQuantity> list, Network net, Workspace ws, Regularization reg,
        Parameters grads)
    {
        bool ce = net.Output.Kind == LossKind.CrossEntropy;
        int last = net.Layers.Count;
        LayerCache output = ws.Output;
        string L = $"{last}";
        list.Add(new(BackwardSection, $"dL/dh{L}", Out(net.Output.dL_dh2Formula, last), output.dL_dh.Clone()));
        list.Add(ce
            ? new(BackwardSection, $"dh{L}/dz{L}", Out(net.Output.dh2_dz2Formula, last), SoftmaxJacobian(output.h, 0),
                "shown for the first example")
            : new(BackwardSection, $"dh{L}/dz{L}", Out(net.Output.dh2_dz2Formula, last), output.dh_dz.Clone()));
        list.Add(new(BackwardSection, $"dL/dz{L}",
            ce ? $"dL/dh{L} · dh{L}/dz{L} = (softmax(z{L}) − y) / N" : $"dL/dh{L} ⊙ dh{L}/dz{L}",
            output.dL_dz.Clone()));
        for (int l = last; l >= 1; l--)
        {
            string delta = l < last ? $"(dL/dh{l} ⊙ dh{l}/dz{l})" : ce ? $"(h{L} − y)/N" : $"(dL/dh{L} ⊙ dh{L}/dz{L})";
            list.Add(new(BackwardSection, $"dL/dW{l}", $"{Input(l)}ᵀ · {delta}{RegTerm(reg, $"W{l}")}",
                grads.W(l).Clone()));
            list.Add(new(BackwardSection, $"dL/db{l}", $"Σ_rows {delta}", grads.b(l).Clone()));
            if (l == 1) break;
            int p = l - 1;
            string? reused = last > 2 ? $"reuses dL/dz{l}, computed once for dL/dW{l}" : null;
            list.Add(new(BackwardSection, $"dL/dh{p}", $"{delta} · W{l}ᵀ", ws.Layer(p).dL_dh.Clone(), reused));
            list.Add(new(BackwardSection, $"dh{p}/dz{p}", Hidden(net.Activation.DerivativeFormula, p),
                ws.Layer(p).dh_dz.Clone()));
            list.Add(new(BackwardSection, $"dL/dz{p}", $"dL/dh{p} ⊙ dh{p}/dz{p}", ws.Layer(p).dL_dz.Clone()));
        }
    }

    /// <summary>One plain SGD step θ' = θ − lr·dL/dθ, on a copy so the network itself is left untouched.</summary>
    private static void AddUpdate(List<ExplainedQuantity> list, Network net, Parameters grads, double learningRate)
    {
        var updated = net.P.Clone();
        foreach (var ((name, value), (_, grad)) in updated.Named().Zip(grads.Named()))
        {
            bool trained = net.UseBias || name.StartsWith('W');
            if (trained) Ops.AddScaled(grad, -learningRate, value);
            list.Add(new(UpdateSection, name + "'",
                trained ? $"{name} − lr · dL/d{name}" : $"{name} (not trained: no biases)", value));
        }
    }

    /// <summary>X for the first layer, h_{l−1} after it.</summary>
    private static string Input(int l) => l == 1 ? "X" : $"h{l - 1}";

    /// <summary>D for the first layer; H for the article's one hidden layer, H_{l−1} in a deeper stack.</summary>
    private static string FanIn(Network net, int l) => l == 1 ? "D" : net.Layers.Count == 2 ? "H" : $"H{l - 1}";

    /// <summary>An activation's formula (written for layer 1: z1, h1) for hidden layer l.</summary>
    private static string Hidden(string formula, int l) => formula.Replace("z1", $"z{l}").Replace("h1", $"h{l}");

    /// <summary>An output formula (written for the article's h2, z2) for an output layer numbered l.</summary>
    private static string Out(string formula, int l) => formula.Replace("z2", $"z{l}").Replace("h2", $"h{l}");

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
