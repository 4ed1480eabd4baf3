using System.Collections;
using XorNet.Cli.Live;

namespace XorNet.Cli.Tests.Live;

public sealed class LiveColorsTests
{
    [Theory]
    [InlineData(null, "truecolor", ColorMode.TrueColor)]
    [InlineData(null, "24bit", ColorMode.TrueColor)]
    [InlineData(null, null, ColorMode.Cube256)]
    [InlineData(null, "yes", ColorMode.Cube256)]
    [InlineData("1", "truecolor", ColorMode.None)]
    [InlineData("", "truecolor", ColorMode.TrueColor)] // an empty NO_COLOR does not count (no-color.org)
    public void Detect_FollowsNoColorAndColorterm(string? noColor, string? colorTerm, ColorMode expected)
    {
        var env = new Hashtable { ["NO_COLOR"] = noColor, ["COLORTERM"] = colorTerm };
        Assert.Equal(expected, LiveColors.Detect(env));
    }

    [Fact]
    public void CubeIndex_MapsTheCubesOwnColoursToThemselves()
    {
        int[] levels = [0, 95, 135, 175, 215, 255];
        for (int r = 0; r < 6; r++)
            for (int g = 0; g < 6; g++)
                for (int b = 0; b < 6; b++)
                    Assert.Equal(16 + 36 * r + 6 * g + b, LiveColors.CubeIndex(new Rgb((byte)levels[r],
                        (byte)levels[g], (byte)levels[b])));
        // nearest levels 95, 135, 175
        Assert.Equal(16 + 36 * 1 + 6 * 2 + 3, LiveColors.CubeIndex(new Rgb(100, 120, 160)));
    }

    [Fact]
    public void Surface_RunsFromTheBlueTintThroughWhiteToTheOrangeTint()
    {
        Assert.Equal(Rgb.FromHex("#9cc3ea"), LiveColors.Surface(0));
        Assert.Equal(new Rgb(255, 255, 255), LiveColors.Surface(0.5));
        Assert.Equal(Rgb.FromHex("#fbc28c"), LiveColors.Surface(1));
        Assert.Equal(new Rgb(255, 255, 255), LiveColors.Surface(0.5, ColorMode.Cube256));
        Assert.Equal(Rgb.FromHex("#87afd7"), LiveColors.Surface(0.01, ColorMode.Cube256));
        Assert.Equal('█', LiveColors.Shade(1));
        Assert.Equal(' ', LiveColors.Shade(0));
    }
}
