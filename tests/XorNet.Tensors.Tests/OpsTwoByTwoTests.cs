namespace XorNet.Tensors.Tests;

/// <summary>The one-pass 2-input / 2-output kernels against the compositions of Ops they replace.</summary>
public class OpsTwoByTwoTests
{
    public static TheoryData<int, int> Shapes() => new() { { 1, 1 }, { 50, 3 }, { 50, 50 }, { 7, 13 }, { 300, 4 } };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void SigmoidLayerBackward_IsTheFourOps_BitForBit(int n, int m)
    {
        var rng = new Rng(7);
        Matrix x = TestMatrices.Random(rng, n, 2), dz2 = TestMatrices.Random(rng, n, 2), w2 =
            TestMatrices.Random(rng, m, 2);
        var h = new Matrix(n, m);
        Ops.Sigmoid(TestMatrices.Random(rng, n, m), h);
        var (dw2, dh1, dh1dz1, dz1, dw1) =
            (new Matrix(m, 2), new Matrix(n, m), new Matrix(n, m), new Matrix(n, m), new Matrix(2, m));
        Ops.MatMulTransposeA(h, dz2, dw2);
        Ops.MatMulTransposeB(dz2, w2, dh1);
        Ops.MultiplySigmoidDerivative(dh1, h, dh1dz1, dz1);
        Ops.MatMulTransposeA(x, dz1, dw1);
        var (fusedDz1, fusedDw1, fusedDw2T) = (new Matrix(n, m), new Matrix(2, m), new Matrix(2, m));
        Ops.SigmoidLayerBackwardTwoByTwo(x, h, dz2, TestMatrices.Transpose(w2), fusedDz1, fusedDw1, fusedDw2T);
        Assert.Equal(dz1.Data, fusedDz1.Data);
        Assert.Equal(dw1.Data, fusedDw1.Data);
        Assert.Equal(dw2.Data, TestMatrices.Transpose(fusedDw2T).Data);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void MatMulTwoOutputs_AgreesWithMatMul(int n, int m)
    {
        var rng = new Rng(11);
        Matrix a = TestMatrices.Random(rng, n, m), b = TestMatrices.Random(rng, m, 2);
        var (expected, actual) = (new Matrix(n, 2), new Matrix(n, 2));
        Ops.MatMulNaive(a, b, expected);
        Ops.MatMulTwoOutputs(a, TestMatrices.Transpose(b), actual);
        for (int i = 0; i < expected.Length; i++)
            Assert.Equal(expected.Data[i], actual.Data[i], 1e-13 * m);
    }

    [Fact]
    public void WrongShapes_AreRefusedWithTheShapes()
    {
        var e = Assert.Throws<ArgumentException>(
            () => Ops.SigmoidLayerBackwardTwoByTwo(new Matrix(4, 3), new Matrix(4, 3),
            new Matrix(4, 2), new Matrix(2, 3), new Matrix(4, 3), new Matrix(2, 3), new Matrix(2, 3)));
        Assert.Contains("(4×3)", e.Message);
        Assert.Throws<ArgumentException>(
            () => Ops.MatMulTwoOutputs(new Matrix(4, 3), new Matrix(2, 4), new Matrix(4, 2)));
        Assert.Throws<ArgumentException>(
            () => Ops.SigmoidLayerBackwardTwoByTwo(new Matrix(4, 2), new Matrix(4, 3), new Matrix(4, 2),
            new Matrix(2, 3), new Matrix(4, 3), new Matrix(2, 3), new Matrix(3, 2)));
    }
}
