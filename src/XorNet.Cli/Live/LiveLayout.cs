namespace XorNet.Cli.Live;

/// <summary>A rectangle of cells: Column/Row of its top-left corner, Width × Height.</summary>
public readonly record struct Area(int Column, int Row, int Width, int Height);

/// <summary>
/// Where things go on the screen: tiles side by side (a grid for more than three) above one line of keys; in a tile,
/// the title line, the surface, the loss and accuracy curves, and the status lines.
/// </summary>
public static class LiveLayout
{
    public const int Gap = 2;           // blank columns between tiles
    public const int CurveLines = 2;    // loss, accuracy
    public const int MinSurfaceRows = 2;

    /// <summary>Tiles per row: all of them up to three, else a square-ish grid.</summary>
    public static int ColumnsFor(int tiles) => tiles <= 3 ? tiles : (int)Math.Ceiling(Math.Sqrt(tiles));

    /// <summary>The tiles' areas, filling the screen above the keys line; none when the screen is too small.</summary>
    public static Area[] Tiles(int tiles, int width, int height)
    {
        int columns = ColumnsFor(tiles), rows = (tiles + columns - 1) / columns;
        int tileWidth = (width - Gap * (columns - 1)) / columns, tileHeight = (height - 1 - (rows - 1)) / rows;
        if (tileWidth < 20 || tileHeight < MinTileHeight(tileWidth)) return [];
        return [.. Enumerable.Range(0, tiles).Select(i =>
            new Area(i % columns * (tileWidth + Gap), i / columns * (tileHeight + 1), tileWidth, tileHeight))];
    }

    /// <summary>One status line when a tile is wide enough for it, else two.</summary>
    public static int StatusLines(int tileWidth) => tileWidth >= 110 ? 1 : 2;

    /// <summary>The cells of a tile that show the decision surface: all its width, between title and curves.</summary>
    public static Area Surface(Area tile) =>
        new(tile.Column, tile.Row + 1, tile.Width, tile.Height - 1 - CurveLines - StatusLines(tile.Width));

    private static int MinTileHeight(int tileWidth) => 1 + MinSurfaceRows + CurveLines + StatusLines(tileWidth);
}
