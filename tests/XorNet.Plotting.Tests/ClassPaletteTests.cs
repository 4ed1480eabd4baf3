using ScottPlot;
using XorNet.Plotting;

namespace XorNet.Plotting.Tests;

public sealed class ClassPaletteTests
{
    [Theory]
    [InlineData(2)]
    [InlineData(10)]
    [InlineData(30)]
    [InlineData(100)]
    public void EveryClassHasItsOwnColour_AndNoneIsTheNoValueGrey(int classes)
    {
        var colors = Enumerable.Range(0, classes).Select(k => ClassPalette.Of(k, classes)).ToList();
        Assert.Equal(classes, colors.Distinct().Count());
        Assert.DoesNotContain(ClassPalette.NoValue, colors);
    }

    [Fact]
    public void RegionColormap_GivesEachClassItsColour_PalerWhereUnsure_AndGreyForNoValue()
    {
        var map = new ClassRegions.Colormap(3);
        Color sure = map.GetColor((1 + 0.99) / 3), unsure = map.GetColor((1 + 0.01) / 3);
        Assert.True(Brightness(unsure) > Brightness(sure), "an unsure cell should be paler");
        Assert.True(sure.R > sure.B, $"class 1 is orange, got {sure}");
        Color blue = map.GetColor(0.99 / 3);
        Assert.True(blue.B > blue.R, $"class 0 is blue, got {blue}");
        Assert.Equal(ClassPalette.NoValue, map.GetColor(double.NaN));
    }

    private static int Brightness(Color c) => c.R + c.G + c.B;
}
