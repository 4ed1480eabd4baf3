using System.Globalization;
using System.Text;

namespace XorNet.Cli.Live;

/// <summary>
/// A frame as the text a terminal draws: glyphs, with a colour code only where a cell's colours differ from the
/// previous cell's (no reset per run), and one reset at the end. Measured on a 160×50 frame it is several times faster
/// than Spectre's segment output and needs about half the bytes, which matters at 15 frames a second over SSH.
/// </summary>
public static class AnsiFrame
{
    private const string Reset = "\u001b[0m";

    /// <summary>
    /// Appends the frame's rows to text, separated by "\r\n" (and after the last row too when finalNewline).
    /// </summary>
    public static void Encode(CellGrid frame, ColorMode mode, StringBuilder text, bool finalNewline)
    {
        Rgb? fg = null, bg = null;
        for (int row = 0; row < frame.Height; row++)
        {
            for (int column = 0; column < frame.Width; column++)
            {
                Cell cell = frame[column, row];
                if (mode != ColorMode.None && (cell.Foreground != fg || cell.Background != bg))
                {
                    Sgr(text, cell, cell.Foreground != fg, cell.Background != bg, mode);
                    (fg, bg) = (cell.Foreground, cell.Background);
                }
                text.Append(cell.Glyph);
            }
            if (row < frame.Height - 1 || finalNewline)
            {
                if (fg is not null || bg is not null) text.Append(Reset); // a line break must not paint the next line
                (fg, bg) = (null, null);
                text.Append("\r\n");
            }
        }
        if (mode != ColorMode.None) text.Append(Reset);
    }

    /// <summary>
    /// One "select graphic rendition" code setting the colours that changed ("39"/"49": the terminal's own).
    /// </summary>
    private static void Sgr(StringBuilder text, Cell cell, bool foreground, bool background, ColorMode mode)
    {
        text.Append("\u001b[");
        if (foreground) Color(text, cell.Foreground, 38, mode);
        if (foreground && background) text.Append(';');
        if (background) Color(text, cell.Background, 48, mode);
        text.Append('m');
    }

    private static void Color(StringBuilder text, Rgb? color, int layer, ColorMode mode)
    {
        if (color is not { } c) text.Append(layer + 1);
        else if (mode == ColorMode.TrueColor) text.Append(CultureInfo.InvariantCulture, $"{layer};2;{c.R};{c.G};{c.B}");
        else text.Append(CultureInfo.InvariantCulture, $"{layer};5;{LiveColors.CubeIndex(c)}");
    }
}
