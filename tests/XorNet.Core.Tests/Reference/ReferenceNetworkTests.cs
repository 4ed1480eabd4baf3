using System.Text.Json;
using XorNet.Tensors;

namespace XorNet.Core.Tests.Reference;

/// <summary>The reference's iteration: against our NumPy program's golden weights, and its fixes against XorNet's
/// gradient.</summary>
public class ReferenceNetworkTests
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "fixtures", name);

    public static TheoryData<int> GoldenRuns() => [0, 1, 2, 3];

    /// <summary>tests/interop/reference_golden.py: loss and weights after 0 … 500 iterations of four
    /// settings.</summary>
    [Theory]
    [MemberData(nameof(GoldenRuns))]
    public void Weights_AgreeWithNumPy_To1e9Relative(int run)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Fixture("reference_golden.json")));
        JsonElement golden = doc.RootElement.GetProperty("runs")[run];
        var config =
            Config(golden.GetProperty("hidden").GetInt32(), golden.GetProperty("lr").GetDouble(),
            golden.GetProperty("l2").GetDouble());
        var trainer = new ReferenceTrainer(config);
        ReferenceNetwork net = trainer.Reference;
        int done = 0;
        foreach (JsonElement point in golden.GetProperty("checkpoints").EnumerateArray())
        {
            for (int target = point.GetProperty("iteration").GetInt32(); done < target; done++)
                net.Iterate(config.LearningRate);
            double loss = net.Measure();
            AssertClose(point.GetProperty("loss").GetDouble(), loss, $"loss at {done}");
            AssertClose(Read(point.GetProperty("w1")), net.W1, $"w1 at {done}");
            AssertClose(Read(point.GetProperty("w2")), net.W2, $"w2 at {done}");
        }
        Assert.Equal(500, done);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void FixingL2AndMean_GivesXorNetsGradient(bool bias)
    {
        var fixes = ReferenceFix.L2Gradient | ReferenceFix.MeanGradient | (bias ? ReferenceFix.Bias : 0);
        var trainer = new ReferenceTrainer(Config(5, 0.5, 0.3) with { Reference = new(fixes), UseBias = bias });
        ReferenceNetwork reference = trainer.Reference;
        for (int i = 0; i < 20; i++) reference.Iterate(0.5); // away from the initial weights, biases non-zero
        reference.Forward();
        reference.Backward();

        var xornet = new TwoLayerNetwork(2, 5, 2, bias);
        reference.CopyTo(xornet.P);
        var ws = xornet.CreateWorkspace(reference.N);
        reference.X.CopyTo(ws.X);
        reference.Y.CopyTo(ws.Y);
        var grads = new Parameters(2, 5, 2);
        xornet.Forward(ws);
        xornet.Backward(ws, new Regularization(0.3), grads);
        AssertClose(grads.W(1), reference.dL_dw1, "dW1");
        AssertClose(grads.W(2), reference.dL_dw2, "dW2");
        if (bias) AssertClose(grads.b(1), reference.dL_db1, "db1");
        Assert.Equal(xornet.Loss(ws, new Regularization(0.3)).Total, reference.Loss().Total, 1e-14);
    }

    [Fact]
    public void TheL2Bug_AddsTheScalarLambdaTimesSumOfSquares_ToEveryEntry()
    {
        var buggy = new ReferenceTrainer(Config(4, 0.1, 0.01)).Reference;
        var noL2 = new ReferenceTrainer(Config(4, 0.1, 0)).Reference;
        foreach (var n in new[] { buggy, noL2 }) { n.Forward(); n.Backward(); }
        double expected = 0.01 * Ops.SquaredSum(buggy.W1);
        for (int i = 0; i < buggy.dL_dw1.Length; i++)
            Assert.Equal(expected, buggy.dL_dw1.Data[i] - noL2.dL_dw1.Data[i], 1e-15);
    }

    [Fact]
    public void Update_MovesW2ThenW1_ByMinusLrTimesTheGradient()
    {
        var net = new ReferenceTrainer(Config(3, 0.25, 1e-3)).Reference;
        var (w1, w2) = (net.W1.Clone(), net.W2.Clone());
        net.Forward();
        net.Backward();
        var (g1, g2) = (net.dL_dw1.Clone(), net.dL_dw2.Clone());
        net.Update(0.25);
        for (int i = 0; i < w1.Length; i++) Assert.Equal(w1.Data[i] - 0.25 * g1.Data[i], net.W1.Data[i], 1e-15);
        for (int i = 0; i < w2.Length; i++) Assert.Equal(w2.Data[i] - 0.25 * g2.Data[i], net.W2.Data[i], 1e-15);
    }

    internal static TrainingConfig Config(int hidden, double lr, double l2, int iterations = 500) => new()
    {
        Hidden = hidden,
        LearningRate = lr,
        L2 = l2,
        Epochs = iterations,
        BatchSize = 50,
        Samples = 300,
        UseBias = false,
        Reference = new ReferenceProgram(),
    };

    private static double[] Read(JsonElement rows) =>
        [.. rows.EnumerateArray().SelectMany(r => r.EnumerateArray().Select(v => v.GetDouble()))];

    private static void AssertClose(double expected, double actual, string what, double relative = 1e-9) =>
        Assert.True(Math.Abs(expected - actual) <= relative * Math.Abs(expected),
            $"{what}: expected {expected:R}, got {actual:R} (relative " +
                $"{Math.Abs(expected - actual) / Math.Abs(expected):G3})");

    private static void AssertClose(double[] expected, Matrix actual, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        double scale = expected.Max(Math.Abs), worst = expected.Zip(actual.Data, (e, a) => Math.Abs(e - a)).Max();
        Assert.True(worst <= 1e-9 * scale, $"{what}: max |difference| {worst:G3}, largest |weight| {scale:G3}");
    }

    private static void AssertClose(Matrix expected, Matrix actual, string what) => AssertClose(expected.Data, actual,
        what);
}
