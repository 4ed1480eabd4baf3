namespace XorNet.Cli.Live;

/// <summary>A 24-bit colour; the terminal writer turns it into the colour codes the terminal understands.</summary>
public readonly record struct Rgb(byte R, byte G, byte B)
{
    public static Rgb FromHex(string hex) =>
        new(Convert.ToByte(hex[1..3], 16), Convert.ToByte(hex[3..5], 16), Convert.ToByte(hex[5..7], 16));

    /// <summary>The colour a fraction t of the way from this one to other.</summary>
    public Rgb Mix(Rgb other, double t) =>
        new(Lerp(R, other.R, t), Lerp(G, other.G, t), Lerp(B, other.B, t));

    private static byte Lerp(byte a, byte b, double t) => (byte)Math.Round(a + (b - a) * Math.Clamp(t, 0, 1));
}

/// <summary>One character cell: its glyph and its colours (null = the terminal's default).</summary>
public readonly record struct Cell(char Glyph, Rgb? Foreground = null, Rgb? Background = null)
{
    public static readonly Cell Blank = new(' ');
}

/// <summary>A frame as the terminal shows it: Height rows of Width cells, row 0 at the top.</summary>
public sealed class CellGrid
{
    private readonly Cell[] _cells;

    public CellGrid(int width, int height)
    {
        Width = width;
        Height = height;
        _cells = new Cell[width * height];
        Array.Fill(_cells, Cell.Blank);
    }

    public int Width { get; }
    public int Height { get; }

    public Cell this[int column, int row]
    {
        get => _cells[row * Width + column];
        set
        {
            if ((uint)column < (uint)Width && (uint)row < (uint)Height) _cells[row * Width + column] = value;
        }
    }

    /// <summary>Writes text from (column, row) on, cut at maxWidth cells (and at the frame's edge).</summary>
    public void Write(int column, int row, string text, Rgb? foreground = null, int maxWidth = int.MaxValue)
    {
        for (int i = 0; i < text.Length && i < maxWidth; i++)
            this[column + i, row] = new Cell(text[i], foreground);
    }

    /// <summary>The glyphs alone, one line per row with trailing blanks trimmed: what a screen capture shows.</summary>
    public string ToText() => string.Join("\n", Enumerable.Range(0, Height).Select(Row));

    public string Row(int row) => new string([.. Enumerable.Range(0, Width).Select(c => this[c, row].Glyph)]).TrimEnd();
}
