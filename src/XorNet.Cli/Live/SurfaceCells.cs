namespace XorNet.Cli.Live;

/// <summary>
/// The decision surface as half-blocks: each cell is two pixels, '▀' with the upper one as foreground and the lower
/// one as background; the training points are pixels of their class's colour. Without colour (NO_COLOR) a cell is
/// one shade character (' ░▒▓█' from class 0 to class 1) and a point is its class's digit.
/// </summary>
public static class SurfaceCells
{
    public const char UpperHalf = '▀';

    public static void Draw(CellGrid grid, Area area, Surface? surface, PlanePoints points, ColorMode mode)
    {
        int pixelRows = 2 * area.Height;
        int[] labels = PointPixels(points, area.Width, pixelRows);
        for (int r = 0; r < area.Height; r++)
            for (int c = 0; c < area.Width; c++)
            {
                int top = labels[2 * r * area.Width + c], bottom = labels[(2 * r + 1) * area.Width + c];
                grid[area.Column + c, area.Row + r] = mode == ColorMode.None
                    ? new Cell(top > 0 ? Digit(top - 1) : bottom > 0 ? Digit(bottom - 1) : Shade(surface, c, r, area))
                    : new Cell(UpperHalf, Pixel(surface, top, c, 2 * r, area.Width, pixelRows, mode),
                               Pixel(surface, bottom, c, 2 * r + 1, area.Width, pixelRows, mode));
            }
    }

    /// <summary>
    /// label + 1 of the point at each pixel (row 0 at the top), 0 where there is none; later points win.
    /// </summary>
    private static int[] PointPixels(PlanePoints points, int columns, int pixelRows)
    {
        var labels = new int[columns * pixelRows];
        var (xMin, xMax, yMin, yMax) = points.Plane;
        for (int i = 0; i < points.Labels.Length; i++)
        {
            int c = (int)Math.Floor((points.X1[i] - xMin) / (xMax - xMin) * columns);
            int up = (int)Math.Floor((points.X2[i] - yMin) / (yMax - yMin) * pixelRows); // from the bottom
            if (c >= 0 && c < columns && up >= 0 && up < pixelRows)
                labels[(pixelRows - 1 - up) * columns + c] = points.Labels[i] + 1;
        }
        return labels;
    }

    private static Rgb Pixel(Surface? surface, int label, int column, int pixelRow, int columns, int pixelRows,
        ColorMode mode)
    {
        if (label > 0) return LiveColors.Class(label - 1);
        if (surface is null) return LiveColors.Surface(0.5, mode);
        var (r, c) = Sample(surface, column, pixelRows - 1 - pixelRow, columns, pixelRows);
        return surface.Classes is { } classes
            ? LiveColors.Region(classes[r, c], surface.Values[r, c], surface.ClassCount)
            : LiveColors.Surface(surface.Values[r, c], mode);
    }

    /// <summary>
    /// NO_COLOR: the mean class-1 share of the cell's two pixels (K ≥ 3: the class of the upper one).
    /// </summary>
    private static char Shade(Surface? surface, int column, int row, Area area)
    {
        if (surface is null) return ' ';
        int pixelRows = 2 * area.Height;
        var (r1, c1) = Sample(surface, column, pixelRows - 1 - 2 * row, area.Width, pixelRows);
        var (r2, c2) = Sample(surface, column, pixelRows - 2 - 2 * row, area.Width, pixelRows);
        if (surface.Classes is { } classes) return LiveColors.Shades[classes[r1, c1] % LiveColors.Shades.Length];
        return LiveColors.Shade((surface.Values[r1, c1] + surface.Values[r2, c2]) / 2);
    }

    /// <summary>
    /// The surface's cell under a pixel (row counted from the bottom); the surface may be of another size.
    /// </summary>
    private static (int Row, int Column) Sample(Surface surface, int column, int rowFromBottom, int columns,
        int pixelRows) =>
        (rowFromBottom * surface.Rows / pixelRows, column * surface.Columns / columns);

    private static char Digit(int label) => label < 10 ? (char)('0' + label) : '*';
}
