using XorNet.Tensors;

namespace XorNet.Tests;

/// <summary>The feature map: each name's value, the user's order, the plain map's bits, refusals, gradients.</summary>
public sealed class FeatureMapTests
{
    /// <summary>Each feature written out independently of FeatureMap, as docs/features.md gives it in NumPy.</summary>
    private static double Expected(string name, double x1, double x2) => name switch
    {
        "x1" => x1,
        "x2" => x2,
        "x1^2" => Math.Pow(x1, 2),
        "x2^2" => Math.Pow(x2, 2),
        "x1x2" => x1 * x2,
        "sin_x1" => Math.Sin(x1),
        "sin_x2" => Math.Sin(x2),
        _ => throw new ArgumentException(name),
    };

    private static Matrix Points(int n, ulong seed)
    {
        var x = new Matrix(n, 2);
        new Rng(seed).FillUniform(x, -5, 5);
        return x;
    }

    [Fact]
    public void EveryFeature_IsItsFormula_OfEachPoint()
    {
        var points = Points(50, 20261201);
        var map = FeatureMap.From(FeatureMap.Known)!;
        Matrix f = map.Apply(points);
        Assert.Equal((50, 7), (f.Rows, f.Cols));
        for (int i = 0; i < points.Rows; i++)
            for (int j = 0; j < 7; j++)
                Assert.Equal(Expected(FeatureMap.Known[j], points[i, 0], points[i, 1]), f[i, j], 15);
    }

    [Fact]
    public void Columns_FollowTheUsersOrder()
    {
        var points = Points(20, 7);
        string[] order = ["sin_x2", "x1x2", "x1", "x2^2"];
        var map = FeatureMap.From(order)!;
        Assert.Equal(order, map.Names);
        Assert.Equal(4, map.D);
        Assert.Equal("sin_x2,x1x2,x1,x2^2", map.ToString());
        Matrix f = map.Apply(points);
        for (int i = 0; i < points.Rows; i++)
            for (int j = 0; j < order.Length; j++)
                Assert.Equal(Expected(order[j], points[i, 0], points[i, 1]), f[i, j], 15);
        Assert.NotEqual(map, FeatureMap.Parse("x1x2,sin_x2,x1,x2^2")); // same names, another order: other inputs
    }

    [Fact]
    public void Plain_IsX1X2_AndCopiesThePointsBitForBit()
    {
        var points = Points(30, 11);
        Assert.True(FeatureMap.Parse("x1,x2")!.IsPlain);
        Assert.False(FeatureMap.Parse("x2,x1")!.IsPlain);
        Assert.Equal(points.Data, FeatureMap.Plain.Apply(points).Data);
    }

    [Theory]
    [InlineData("x1,x3")]
    [InlineData("x1,x1")]
    [InlineData("x1,x2,X1X2")]
    [InlineData("")]
    [InlineData("x1,,x2")]
    public void UnknownRepeatedOrEmpty_IsRefused(string text)
    {
        Assert.Null(FeatureMap.Parse(text));
        Assert.NotNull(ConfigProblem.Check(nameof(TrainingConfig.Features), text));
    }

    [Fact]
    public void TheRule_ListsEveryValidName()
    {
        string words = ConfigRules.For(nameof(TrainingConfig.Features))!.Text;
        foreach (string name in FeatureMap.Known) Assert.Contains(name, words);
    }

    [Fact]
    public void Apply_WantsTwoColumns()
    {
        var e = Assert.Throws<ArgumentException>(() => FeatureMap.Plain.Apply(new Matrix(3, 3)));
        Assert.Contains("(3×3)", e.Message);
    }

    [Theory]
    [InlineData(0, ActivationKind.Sigmoid, LossKind.Mse)]
    [InlineData(3, ActivationKind.Tanh, LossKind.CrossEntropy)]
    [InlineData(5, ActivationKind.Relu, LossKind.Mse)]
    public void Gradients_OnFeatures_AgreeWithCentralDifferences(int hidden, ActivationKind activation, LossKind loss)
    {
        var map = FeatureMap.From(FeatureMap.Known)!;
        var rng = new Rng(20261202);
        var net = new Network(map.D, hidden, 2, true, activation, loss);
        net.Initialize(rng);
        var ws = net.CreateWorkspace(12);
        map.Apply(Points(12, 5)).CopyTo(ws.X);
        for (int i = 0; i < 12; i++) ws.Y[i, i % 2] = 1;
        var rows = GradientCheck.Run(net, ws, new Regularization(0.1, 0.05), 1e-4, tolerance: 1e-6);
        Assert.Equal(7, net.P.W(1).Rows);
        foreach (var row in rows) Assert.True(row.Ok, $"{row.Name}: max relative error {row.MaxRelError:E2}");
    }

    [Fact]
    public void DecisionGrid_OnFeatures_IsTheNetworkOnEachCellsFeatures()
    {
        var map = FeatureMap.Parse("x1x2,sin_x1,x2")!;
        var net = new Network(map.D, 4, 2, true, ActivationKind.Sigmoid, LossKind.Mse);
        net.Initialize(new Rng(3));
        var grid = DecisionGrid.Evaluate(net, (-2, 2, -1, 1), 8, 5, map);
        var ws = net.CreateWorkspace(1);
        for (int r = 0; r < 5; r++)
            for (int c = 0; c < 8; c++)
            {
                map.Fill(ws.X.Row(0), -2 + (c + 0.5) * 0.5, -1 + (r + 0.5) * 0.4);
                net.Forward(ws);
                double p0 = ws.Output.h[0, 0], p1 = ws.Output.h[0, 1];
                Assert.Equal(p1 / (p0 + p1), grid.ClassOneShare[r, c], 14);
            }
    }
}
