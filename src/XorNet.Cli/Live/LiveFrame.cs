using System.Globalization;

namespace XorNet.Cli.Live;

/// <summary>
/// The live view's frame as cells: a pure function of the training state and the screen size, so tests can call it
/// without a terminal. Each tile: title, decision surface with the points, loss and accuracy curves, status.
/// </summary>
public static class LiveFrame
{
    public const string Keys = "q stop  space pause/resume";

    public static CellGrid Render(FrameState state, int width, int height, ColorMode mode)
    {
        var grid = new CellGrid(width, height);
        Area[] tiles = LiveLayout.Tiles(state.Tiles.Count, width, height);
        if (tiles.Length == 0)
        {
            grid.Write(0, 0, "xornet: the window is too small for the live view; enlarge it", maxWidth: width);
            return grid;
        }
        for (int i = 0; i < tiles.Length; i++)
            DrawTile(grid, tiles[i], state.Tiles[i], mode);
        if (state.Final) return grid;
        string keys = Keys + (state.Stopping ? "  · stopping after this epoch…"
            : state.Paused ? "  · PAUSED (space resumes)" : "");
        grid.Write(0, height - 1, keys, Color(mode, LiveColors.Dim), width);
        return grid;
    }

    private static void DrawTile(CellGrid grid, Area tile, TileState s, ColorMode mode)
    {
        grid.Write(tile.Column, tile.Row, s.Title, maxWidth: tile.Width);
        Area surface = LiveLayout.Surface(tile);
        SurfaceCells.Draw(grid, surface, s.Surface, s.Points, mode);
        int row = surface.Row + surface.Height;
        DrawCurve(grid, tile, row, "loss", s.History.Count == 0 ? "" : TrainJob.FormatLoss(s.History[^1].Loss),
                  Sparkline.Render(s.History, m => m.Loss, s.Epochs, tile.Width - Label, logScale: true),
                  Color(mode, LiveColors.Loss));
        DrawCurve(grid, tile, row + 1, "acc", s.History.Count == 0 ? "" : Percent(s.History[^1].TrainAccuracy),
                  Sparkline.Render(s.History, m => m.TrainAccuracy, s.Epochs, tile.Width - Label, logScale: false),
                  Color(mode, LiveColors.Accuracy));
        string[] status = StatusText.Lines(s, tile.Width, LiveLayout.StatusLines(tile.Width));
        for (int i = 0; i < status.Length; i++)
            grid.Write(tile.Column, row + 2 + i, status[i], s.Ended is null ? null : Color(mode, LiveColors.Warning),
                tile.Width);
    }

    private const int Label = 15; // "loss 0.1234    " before a curve

    private static void DrawCurve(CellGrid grid, Area tile, int row, string name, string value, string curve,
        Rgb? color)
    {
        grid.Write(tile.Column, row, $"{name} {value}".PadRight(Label)[..Label], maxWidth: tile.Width);
        grid.Write(tile.Column + Label, row, curve, color, tile.Width - Label);
    }

    internal static string Percent(double share) => (share * 100).ToString("F1", CultureInfo.InvariantCulture) + "%";

    private static Rgb? Color(ColorMode mode, Rgb color) => mode == ColorMode.None ? null : color;
}
