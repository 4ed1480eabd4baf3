namespace XorNet.Tests;

/// <summary>The --data format: one test per bad input the issue lists, each checking the message names where.</summary>
public sealed class DatasetCsvTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("xornet-csv-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string File_(string text)
    {
        string path = Path.Combine(_dir, $"{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, text);
        return path;
    }

    private string Error(string text) =>
        Assert.Throws<InvalidDataException>(() => DatasetCsv.ReadLabelled(File_(text))).Message;

    [Fact]
    public void ReadsPointsAndLabels_KFromTheLargestLabel()
    {
        var data = DatasetCsv.ReadLabelled(File_("x1,x2,label\n0.5,-1,0\n1e-3, 2 ,2\n-4,0,1\n"));
        Assert.Equal((3, 2, 3), (data.Count, data.Features, data.Classes));
        Assert.Equal([0.5, -1, 1e-3, 2, -4, 0], data.X.Data);
        Assert.Equal([0, 2, 1], data.Labels);
    }

    [Fact]
    public void AcceptsNumPySavetxtFloats_CrLf_AndBlankLines()
    {
        var data = DatasetCsv.ReadLabelled(
            File_("# x1,x2,label\r\n1.0e+00,2.5e-01,1.000000000000000000e+00\r\n\r\n3,4,0\r\n\r\n"));
        Assert.Equal([1, 0], data.Labels);
        Assert.Equal(0.25, data.X[0, 1]);
    }

    [Fact]
    public void Format_RoundTripsEveryBit()
    {
        var data = DataGenerators.Moons(37, 0.3, 5);
        var back = DatasetCsv.ReadLabelled(File_(DatasetCsv.Format(data)));
        Assert.Equal(data.X.Data, back.X.Data);
        Assert.Equal(data.Labels, back.Labels);
    }

    [Fact]
    public void EmptyFile() => Assert.Contains("empty", Error(""));

    [Fact]
    public void WhitespaceOnlyFile() => Assert.Contains("empty", Error("  \n\n"));

    [Fact]
    public void HeaderOnly() => Assert.Contains("no data rows", Error("x1,x2,label\n"));

    [Fact]
    public void WrongColumnCountInHeader() => Assert.Contains("line 1 (header): expected 3 columns",
        Error("x1,x2\n1,2\n"));

    [Fact]
    public void WrongColumnCountInARow() => Assert.Contains("line 3: expected 3 columns like the header, found 4",
        Error("a,b,c\n1,2,0\n1,2,1,5\n"));

    [Fact]
    public void MissingField_IsMalformed() => Assert.Contains("line 2, column 2: '' is not a number",
        Error("a,b,c\n1,,0\n3,4,1\n"));

    [Fact]
    public void NonNumericFeature() => Assert.Contains("line 3, column 1: 'abc' is not a number",
        Error("a,b,c\n1,2,0\nabc,4,1\n"));

    [Fact]
    public void DecimalComma_IsNotANumber() => Assert.Contains("line 2", Error("a,b,c\n\"1,5\",2,0\n3,4,1\n"));

    [Theory]
    [InlineData("NaN")]
    [InlineData("inf")]
    [InlineData("-Infinity")]
    [InlineData("1e400")]
    public void NonFiniteFeature(string value) => Assert.Contains("line 3, column 2",
        Error($"a,b,c\n1,2,0\n3,{value},1\n"));

    [Theory]
    [InlineData("-1")]
    [InlineData("0.5")]
    [InlineData("one")]
    [InlineData("NaN")]
    public void LabelThatIsNotAClassNumber(string label) =>
        Assert.Contains($"line 2, column 3: label '{label}'", Error($"a,b,c\n1,2,{label}\n3,4,1\n"));

    [Fact]
    public void SingleClass() => Assert.Contains("at least two classes", Error("a,b,c\n1,2,0\n3,4,0\n"));

    [Fact]
    public void SingleClassOne_IsAlsoAGap() => Assert.Contains("no row has label 0", Error("a,b,c\n1,2,1\n3,4,1\n"));

    [Fact]
    public void LabelsWithAGap_AreNot0ToKMinus1() => Assert.Contains("the largest is 2 but no row has label 1",
        Error("a,b,c\n1,2,0\n3,4,2\n"));

    [Fact]
    public void ReadPoints_TakesTwoOrThreeColumns()
    {
        var (x, labels) = DatasetCsv.ReadPoints(File_("x1,x2\n1,2\n3,4\n"));
        Assert.Equal((2, 2), (x.Rows, x.Cols));
        Assert.Null(labels);
        Assert.Equal([1, 0], DatasetCsv.ReadPoints(File_("x1,x2,y\n1,2,1\n3,4,0\n")).Labels!);
        Assert.Throws<InvalidDataException>(() => DatasetCsv.ReadPoints(File_("x1\n1\n")));
    }
}
