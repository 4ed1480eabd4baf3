using XorNet.Tensors;

namespace XorNet.Tensors.Tests;

public class MatrixTests
{
    [Fact]
    public void RowMajorLayout_AndTakeRows()
    {
        var m = Matrix.FromRows(new double[,] { { 1, 2 }, { 3, 4 }, { 5, 6 } });
        Assert.Equal(new double[] { 1, 2, 3, 4, 5, 6 }, m.Data);
        Assert.Equal("(3×2)", m.Shape);
        var taken = m.TakeRows([2, 0]);
        Assert.Equal(new double[] { 5, 6, 1, 2 }, taken.Data);
        Assert.Throws<ArgumentException>(() => m.TakeRows([0], new Matrix(2, 2)));
    }

    [Fact]
    public void WrappingData_OfTheWrongLength_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => new Matrix(2, 3, new double[5]));
        Assert.Contains("(2×3)", e.Message);
    }
}
