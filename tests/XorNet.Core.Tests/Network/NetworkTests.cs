using XorNet.Tensors;

namespace XorNet.Tests;

/// <summary>The stack of bricks: with one hidden layer it is the article's network, bit for bit; deeper it still
/// learns.</summary>
public class NetworkTests
{
    public static TheoryData<ActivationKind, LossKind, bool> EveryLever()
    {
        var data = new TheoryData<ActivationKind, LossKind, bool>();
        foreach (var f in Enum.GetValues<ActivationKind>())
            foreach (var loss in Enum.GetValues<LossKind>())
                foreach (bool bias in new[] { true, false })
                    data.Add(f, loss, bias);
        return data;
    }

    /// <summary>Both networks with the same random weights and the same batch of 7 rows (not a multiple of a
    /// vector).</summary>
    private static (Network Stack, TwoLayerNetwork Article, Workspace Ws, TwoLayerWorkspace ArticleWs) Pair(
        ActivationKind f, LossKind loss, bool bias, int hidden = 5, int classes = 3, int n = 7)
    {
        var rng = new Rng(20230828);
        var article = new TwoLayerNetwork(2, hidden, classes, bias, f, loss);
        article.Initialize(rng);
        if (bias) foreach (var (name, b) in article.P.Named().Where(t => t.Name[0] == 'b')) rng.FillUniform(b, -0.5,
            0.5);
        var stack = new Network(2, hidden, classes, bias, f, loss);
        article.P.CopyTo(stack.P);
        var articleWs = article.CreateWorkspace(n);
        rng.FillNormal(articleWs.X);
        for (int i = 0; i < n; i++) articleWs.Y[i, i % classes] = 1;
        var ws = stack.CreateWorkspace(n);
        articleWs.X.CopyTo(ws.X);
        articleWs.Y.CopyTo(ws.Y);
        return (stack, article, ws, articleWs);
    }

    [Theory]
    [MemberData(nameof(EveryLever))]
    public void OneHiddenLayer_IsTheArticlesNetwork_BitForBit(ActivationKind f, LossKind loss, bool bias)
    {
        var (stack, article, ws, aws) = Pair(f, loss, bias);
        var reg = new Regularization(0.3, 0.01);
        stack.Forward(ws);
        article.Forward(aws);
        Assert.Equal(aws.z1.Data, ws.Layer(1).z.Data);
        Assert.Equal(aws.h1.Data, ws.Layer(1).h.Data);
        Assert.Equal(aws.h2.Data, ws.Output.h.Data);
        Assert.Equal(aws.Predictions, ws.Predictions);
        Assert.Equal(article.Loss(aws, reg), stack.Loss(ws, reg));
        var grads = stack.P.CloneShape();
        var articleGrads = article.P.CloneShape();
        stack.Backward(ws, reg, grads);
        article.Backward(aws, reg, articleGrads);
        foreach (var ((name, g), (_, a)) in grads.Named().Zip(articleGrads.Named()))
            Assert.True(a.Data.AsSpan().SequenceEqual(g.Data), $"{name} differs");
        Assert.Equal(aws.dL_dh1.Data, ws.Layer(1).dL_dh.Data);
        Assert.Equal(aws.dL_dz1.Data, ws.Layer(1).dL_dz.Data);
    }

    [Fact]
    public void OneHiddenLayer_TrainsLikeTheArticlesNetwork_BitForBit_Over100Steps()
    {
        var (stack, article, ws, aws) =
            Pair(ActivationKind.Sigmoid, LossKind.Mse, bias: true, hidden: 50, classes: 2, n: 10);
        var reg = new Regularization(1e-4);
        var grads = stack.P.CloneShape();
        var articleGrads = article.P.CloneShape();
        var rng = new Rng(7);
        for (int step = 0; step < 100; step++)
        {
            rng.FillNormal(aws.X);
            aws.X.CopyTo(ws.X);
            stack.Forward(ws);
            stack.Backward(ws, reg, grads);
            new Sgd().Step(stack.Trainables(grads), 1.0);
            article.Forward(aws);
            article.Backward(aws, reg, articleGrads);
            article.Step(articleGrads, 1.0);
        }
        foreach (var ((name, p), (_, a)) in stack.P.Named().Zip(article.P.Named()))
            Assert.True(a.Data.AsSpan().SequenceEqual(p.Data), $"{name} differs after 100 steps");
    }

    [Fact]
    public void Initialize_DrawsTheSameNumbersAsTheArticlesNetwork()
    {
        var stack = new Network(2, 7, 2);
        var article = new TwoLayerNetwork(2, 7, 2);
        stack.Initialize(new Rng(3));
        article.Initialize(new Rng(3));
        foreach (var ((_, p), (_, a)) in stack.P.Named().Zip(article.P.Named()))
            Assert.Equal(a.Data, p.Data);
    }

    [Fact]
    public void Deep_HasOneBrickPerLayer_NamedW1ToWL()
    {
        var net = new Network(2, new HiddenLayers(8, 8, 4), 3);
        Assert.Equal([2, 8, 8, 4, 3], net.Widths);
        Assert.Equal(4, net.Layers.Count);
        Assert.Null(net.Layers[^1].Activation);      // the output's g belongs to the loss
        Assert.All(net.Layers.SkipLast(1), l => Assert.NotNull(l.Activation));
        Assert.Equal(["W1", "b1", "W2", "b2", "W3", "b3", "W4", "b4"], net.P.Named().Select(t => t.Name));
        Assert.Equal((4, 3), (net.P.W(4).Rows, net.P.W(4).Cols));
        Assert.Equal(["W1", "W2", "W3", "W4"], new Network(2, new HiddenLayers(8, 8, 4), 3, useBias: false)
            .Trainables(net.P.CloneShape()).Select(t => t.Name));
    }

    [Fact]
    public void NoHiddenLayer_IsALinearModel_ThatCannotLearnXor()
    {
        var net = new Network(2, 0, 2);
        Assert.Single(net.Layers);
        var result =
            new Trainer(new TrainingConfig { Hidden = 0, Epochs = 30 }, Dataset.GaussianXor(300, seed: 1)).Run();
        Assert.InRange(result.Final.TrainAccuracy, 0.3, 0.7); // a straight line separates no XOR quadrant pair
    }

    [Fact]
    public void TwoHiddenLayers_LearnXor()
    {
        var result =
            new Trainer(new TrainingConfig { Hidden = new HiddenLayers(8, 8), Epochs = 100 },
            Dataset.GaussianXor(300, seed: 1)).Run();
        Assert.True(result.Final.TrainAccuracy > 0.9, $"train accuracy {result.Final.TrainAccuracy}");
        Assert.Equal(Parameters.NamesFor(3), result.History.DiagnosticsAt(1)!.Names);
        Assert.Equal(6, result.History.DiagnosticsAt(1)!.MeanGradNorm!.Length);
    }

    [Fact]
    public void WithParameters_SharesNothingWithTheOriginal()
    {
        var net = new Network(2, new HiddenLayers(4, 3), 2);
        net.Initialize(new Rng(1));
        var snapshot = net.P.Clone();
        net.P.W(2).Fill(0.5);
        var old = net.WithParameters(snapshot);
        Assert.NotEqual(net.P.W(2).Data, old.P.W(2).Data);
        Assert.Same(snapshot, old.P);
        Assert.Throws<ArgumentException>(() => net.WithParameters(new Parameters(2, 4, 2)));
    }
}
