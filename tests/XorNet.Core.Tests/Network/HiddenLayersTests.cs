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
        Assert.True(hidden.IsValid);
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
    [InlineData("8x0")]
    [InlineData("100001")]
    [InlineData("1x1x1x1x1x1x1x1x1x1x1x1x1x1x1x1x1")] // 17 layers
    public void OutOfRange_IsNotValid_AndTheConfigSaysWhy(string text)
    {
        var hidden = HiddenLayers.Parse(text)!;
        Assert.False(hidden.IsValid);
        Assert.Equal(
            $"Hidden {text}: must be widths from input to output such as 3 or 8x8x4 (each 1 to 100000, at most 16 " +
            "layers), or 0 for none",
            new TrainingConfig { Hidden = hidden }.Validate()!.ToString());
        Assert.True(HiddenLayers.Parse("1x1x1x1x1x1x1x1x1x1x1x1x1x1x1x1")!.IsValid); // 16 layers
    }

    [Fact]
    public void EqualWidths_AreEqual_AndAnIntIsOneLayer()
    {
        Assert.Equal(new HiddenLayers(8, 8), HiddenLayers.Parse("8x8"));
        Assert.NotEqual(new HiddenLayers(8, 8), new HiddenLayers(8));
        Assert.Equal(new HiddenLayers(3), (HiddenLayers)3);
        Assert.Empty(((HiddenLayers)0).Widths);
        Assert.Equal(new TrainingConfig { Hidden = new HiddenLayers(4, 4) },
            new TrainingConfig { Hidden = new HiddenLayers(4, 4) });
        Assert.Equal([2, 8, 8, 3], new HiddenLayers(8, 8).WithEnds(2, 3));
    }
}
