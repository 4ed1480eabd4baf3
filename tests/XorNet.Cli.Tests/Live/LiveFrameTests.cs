using XorNet.Cli.Live;

namespace XorNet.Cli.Tests.Live;

public sealed class LiveFrameTests
{
    private const int Width = 120, Height = 30;

    /// <summary>
    /// A surface of class 0 on the left half of the plane and class 1 on the right, one point per class.
    /// </summary>
    private static TileState Tile(int epochs = 10, int done = 4)
    {
        var share = new double[8, 8];
        for (int r = 0; r < 8; r++)
            for (int c = 4; c < 8; c++) share[r, c] = 1;
        // Plane [0, 1]²: a class-0 point near the top-left corner, a class-1 point near the bottom-right one.
        var points = new PlanePoints([0.001, 0.999], [0.999, 0.001], [0, 1], (0, 1, 0, 1));
        var history = Enumerable.Range(0, done + 1).Select(e => new EpochMetrics(e, 0.25 / (e + 1), 0.5
            + 0.1 * e)).ToList();
        return new TileState("xornet train  H=3", epochs, history, points)
        {
            Surface = new Surface(share),
            Elapsed = TimeSpan.FromSeconds(65)
        };
    }

    [Fact]
    public void Surface_IsHalfBlocks_BlueLeftOrangeRight_WithThePointsInTheirClassColours()
    {
        CellGrid frame = LiveFrame.Render(new FrameState([Tile()]), Width, Height, ColorMode.TrueColor);
        Area surface = LiveLayout.Surface(LiveLayout.Tiles(1, Width, Height)[0]);
        Assert.Equal((0, 1, Width), (surface.Column, surface.Row, surface.Width));
        Cell left = frame[10, surface.Row + 5], right = frame[Width - 10, surface.Row + 5];
        Assert.Equal(new Cell('▀', LiveColors.Surface(0), LiveColors.Surface(0)), left);
        Assert.Equal(new Cell('▀', LiveColors.Surface(1), LiveColors.Surface(1)), right);
        // The class-0 point is the upper pixel of the top-left cell, the class-1 point the lower pixel of
        // the bottom-right one.
        Assert.Equal(LiveColors.Class0, frame[0, surface.Row].Foreground);
        Assert.Equal(LiveColors.Surface(0), frame[0, surface.Row].Background);
        Assert.Equal(LiveColors.Class1, frame[Width - 1, surface.Row + surface.Height - 1].Background);
        Assert.Equal(LiveColors.Surface(1), frame[Width - 1, surface.Row + surface.Height - 1].Foreground);
    }

    [Fact]
    public void Frame_HasTitle_Curves_Status_AndKeys()
    {
        CellGrid frame = LiveFrame.Render(new FrameState([Tile()]), Width, Height, ColorMode.TrueColor);
        Assert.Equal("xornet train  H=3", frame.Row(0));
        Assert.StartsWith("loss 0.05", frame.Row(Height - 4));
        Assert.StartsWith("acc 90.0%", frame.Row(Height - 3));
        Assert.Equal("epoch 4/10  loss 0.05  train 90.0%  1:05", frame.Row(Height - 2));
        Assert.Equal(LiveFrame.Keys, frame.Row(Height - 1));
        // The accuracy rose every epoch: its curve climbs from the lowest block to the highest, then stops
        // (epoch 4 of 10).
        string curve = frame.Row(Height - 3)[15..];
        Assert.Equal('▁', curve[0]);
        Assert.Equal('█', curve[^1]);
        Assert.Equal(47, curve.Length); // the columns of the 105 whose epoch rounds to at most 4: 4.5/10 of them
        Assert.Equal(LiveColors.Accuracy, frame[15, Height - 3].Foreground);
    }

    [Fact]
    public void NoColor_DrawsShades_AndDigits_WithoutAnyColour()
    {
        CellGrid frame = LiveFrame.Render(new FrameState([Tile()]), Width, Height, ColorMode.None);
        Area surface = LiveLayout.Surface(LiveLayout.Tiles(1, Width, Height)[0]);
        Assert.Equal(' ', frame[10, surface.Row + 5].Glyph);
        Assert.Equal('█', frame[Width - 10, surface.Row + 5].Glyph);
        Assert.Equal('0', frame[0, surface.Row].Glyph);
        Assert.Equal('1', frame[Width - 1, surface.Row + surface.Height - 1].Glyph);
        for (int r = 0; r < Height; r++)
            for (int c = 0; c < Width; c++)
                Assert.True(frame[c, r].Foreground is null && frame[c, r].Background is null,
                    $"cell ({c}, {r}) has a colour");
    }

    [Fact]
    public void TwoTiles_StandSideBySide_EachWithItsOwnSurfaceAndStatus()
    {
        TileState a = Tile() with { Title = "hidden=3" }, b = Tile(done: 2) with
        {
            Title = "hidden=50",
            Ended = "diverged at epoch 2"
        };
        CellGrid frame = LiveFrame.Render(new FrameState([a, b]), Width, Height, ColorMode.TrueColor);
        Area[] tiles = LiveLayout.Tiles(2, Width, Height);
        Assert.Equal(tiles[0].Width + LiveLayout.Gap, tiles[1].Column);
        Assert.StartsWith("hidden=3", frame.Row(0));
        Assert.EndsWith("hidden=50", frame.Row(0));
        Assert.Equal('▀', frame[tiles[1].Column, 3].Glyph);
        Assert.Equal(Cell.Blank, frame[tiles[0].Width, 3]); // the gap
        string status = string.Join(" ", Enumerable.Range(Height - 3, 2).Select(r => frame.Row(r)));
        Assert.Contains("epoch 4/10", status);
        Assert.Contains("epoch 2/10", status);
        Assert.Contains("diverged at epoch 2", status);
    }

    [Fact]
    public void PausedAndStopping_ShowInTheKeysLine_AndTheFinalFrameHasNone()
    {
        Assert.Contains("PAUSED", LiveFrame.Render(new FrameState([Tile()], Paused: true), Width, Height,
            ColorMode.None).Row(Height - 1));
        Assert.Contains("stopping", LiveFrame.Render(new FrameState([Tile()], Stopping: true), Width, Height,
            ColorMode.None).Row(Height - 1));
        Assert.Equal("", LiveFrame.Render(new FrameState([Tile()]) { Final = true }, Width, Height,
            ColorMode.None).Row(Height - 1));
    }

    [Fact]
    public void ATinyWindow_SaysSo_InsteadOfDrawing()
    {
        CellGrid frame = LiveFrame.Render(new FrameState([Tile(), Tile()]), 40, 30, ColorMode.TrueColor);
        Assert.StartsWith("xornet: the window is too small", frame.Row(0));
    }

    [Fact]
    public void ASurfaceOfAnotherSize_IsSampled_SoAResizeNeverFails()
    {
        TileState tile = Tile() with { Surface = new Surface(new double[3, 5]) };
        foreach (var (w, h) in new[] { (40, 12), (200, 60), (121, 31) })
            Assert.Equal('▀', LiveFrame.Render(new FrameState([tile]), w, h, ColorMode.Cube256)[w / 2, 2].Glyph);
    }
}
