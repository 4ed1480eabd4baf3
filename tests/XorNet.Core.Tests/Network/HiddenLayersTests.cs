namespace XorNet.Tests;

public class HiddenLayersTests
{
    [Theory]
    [InlineData("3", new[] { 3 })]
    [InlineData("8x8x4", new[] { 8, 8, 4 })]
    [InlineData("0", new int[0])]
    [InlineData(" 16x16 ", new[] { 16, 16 })]
    public void Parse_ReadsTheUsualSpelling(string text, int[] widths)
    {
        var hidden = HiddenLayers.Parse(text)!;
        Assert.Equal(widths, hidden.Widths);
        Assert.Equal(text.Trim(), hidden.ToString());
        Assert.Null(hidden.Validate());
    }

    [Theory]
    [InlineData("")]
    [InlineData("8xx8")]
    [InlineData("8x")]
    [InlineData("-3")]
    [InlineData("3.5")]
    [InlineData("8,8")]
    [InlineData("abc")]
    public void Parse_RefusesWhatIsNotASpelling(string text) => Assert.Null(HiddenLayers.Parse(text));

    [Theory]
    [InlineData("8x0", "every width must be between 1 and 100000")]
    [InlineData("100001", "every width must be between 1 and 100000")]
    [InlineData("1x1x1x1x1x1x1x1x1x1x1x1x1x1x1x1x1", "at most 16 hidden layers, got 17")]
    public void Validate_NamesTheProblem(string text, string message) =>
        Assert.Contains(message, HiddenLayers.Parse(text)!.Validate());

    [Fact]
    public void EqualWidths_AreEqual_AndAnIntIsOneLayer()
    {
        Assert.Equal(new HiddenLayers(8, 8), HiddenLayers.Parse("8x8"));
        Assert.NotEqual(new HiddenLayers(8, 8), new HiddenLayers(8));
        Assert.Equal(new HiddenLayers(3), (HiddenLayers)3);
        Assert.Empty(((HiddenLayers)0).Widths);
        Assert.Equal(new TrainingConfig { Hidden = new HiddenLayers(4, 4) }, new TrainingConfig { Hidden = new HiddenLayers(4, 4) });
        Assert.Equal([2, 8, 8, 3], new HiddenLayers(8, 8).WithEnds(2, 3));
    }
}
