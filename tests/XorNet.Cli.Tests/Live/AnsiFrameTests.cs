using System.Text;
using XorNet.Cli.Live;

namespace XorNet.Cli.Tests.Live;

public sealed class AnsiFrameTests
{
    private static readonly Rgb Red = new(255, 0, 0), Blue = new(0, 0, 255);

    private static string Encode(CellGrid grid, ColorMode mode, bool finalNewline = false)
    {
        var text = new StringBuilder();
        AnsiFrame.Encode(grid, mode, text, finalNewline);
        return text.ToString();
    }

    private static CellGrid TwoByTwo()
    {
        var grid = new CellGrid(3, 2);
        grid[0, 0] = new Cell('▀', Red, Blue);
        grid[1, 0] = new Cell('▀', Red, Blue); // the same colours: no new code
        grid[2, 0] = new Cell('▀', Red, Red);  // only the background changes
        grid[0, 1] = new Cell('a');            // the terminal's own colours (the line starts reset)
        return grid;
    }

    [Fact]
    public void TrueColor_SetsOnlyTheColoursThatChange_AndResetsAtLineEndsAndTheEnd()
    {
        Assert.Equal("\e[38;2;255;0;0;48;2;0;0;255m▀▀\e[48;2;255;0;0m▀\e[0m\r\na  \e[0m", Encode(TwoByTwo(),
            ColorMode.TrueColor));
    }

    [Fact]
    public void Cube256_UsesTheCubesIndices()
    {
        Assert.StartsWith("\e[38;5;196;48;5;21m▀▀\e[48;5;196m▀", Encode(TwoByTwo(), ColorMode.Cube256));
    }

    [Fact]
    public void NoColor_WritesTheGlyphsAlone()
    {
        Assert.Equal("▀▀▀\r\na  \r\n", Encode(TwoByTwo(), ColorMode.None, finalNewline: true));
    }
}
