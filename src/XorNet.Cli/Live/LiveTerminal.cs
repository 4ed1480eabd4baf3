using System.Text;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace XorNet.Cli.Live;

/// <summary>
/// The terminal side of the live view, through Spectre.Console: the alternate screen, the cursor, the window's size,
/// keys, and frames written as styled segments in the chosen colour codes. Spectre's LiveDisplay is not used: it keeps
/// the largest shape it has drawn, so it cannot follow a window that shrinks; a whole frame from the top-left corner can.
/// </summary>
public sealed class LiveTerminal
{
    private readonly IAnsiConsole _console;
    private readonly ColorMode _mode;
    private (int Width, int Height) _drawn;

    public LiveTerminal(ColorMode mode, TextWriter output)
    {
        _mode = mode;
        _console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Yes,
            ColorSystem = mode switch
            {
                ColorMode.TrueColor => ColorSystemSupport.TrueColor,
                ColorMode.Cube256 => ColorSystemSupport.EightBit,
                _ => ColorSystemSupport.NoColors,
            },
            Interactive = InteractionSupport.Yes,
            Out = new AnsiConsoleOutput(output),
        });
    }

    public ColorMode Mode => _mode;

    /// <summary>The window's size now (it may change between frames).</summary>
    public (int Width, int Height) Size => (Math.Max(1, _console.Profile.Width), Math.Max(1, _console.Profile.Height));

    /// <summary>Runs action on the alternate screen with the cursor hidden; both are restored however it ends.</summary>
    public void OnAlternateScreen(Action action)
    {
        _console.AlternateScreen(() =>
        {
            _console.Cursor.Hide();
            try { action(); }
            finally
            {
                _console.Write(new ControlCode("\u001b[0m"));
                _console.Cursor.Show();
            }
        });
    }

    /// <summary>Draws a frame over the whole screen; a change of size clears the screen first.</summary>
    public void Draw(CellGrid frame)
    {
        bool resized = _drawn != (frame.Width, frame.Height);
        _drawn = (frame.Width, frame.Height);
        _console.Write(new ControlCode(resized ? "\u001b[2J\u001b[H" : "\u001b[H"));
        _console.Write(new Frame(frame, _mode, FinalNewline: false));
    }

    /// <summary>Prints a frame once on the normal screen, where it stays after the run.</summary>
    public void Print(CellGrid frame) => _console.Write(new Frame(frame, _mode, FinalNewline: true));

    /// <summary>A key pressed since the last call, if any (never waits; none when stdin is not a terminal).</summary>
    public ConsoleKeyInfo? ReadKey() =>
        !Console.IsInputRedirected && _console.Input.IsKeyAvailable() ? _console.Input.ReadKey(intercept: true) : null;

    /// <summary>A frame as Spectre segments: one per run of cells with the same colours.</summary>
    private sealed record Frame(CellGrid Cells, ColorMode Mode, bool FinalNewline) : IRenderable
    {
        public Measurement Measure(RenderOptions options, int maxWidth) => new(Cells.Width, Cells.Width);

        public IEnumerable<Segment> Render(RenderOptions options, int maxWidth)
        {
            var run = new StringBuilder();
            for (int row = 0; row < Cells.Height; row++)
            {
                for (int column = 0; column < Cells.Width;)
                {
                    Cell first = Cells[column, row];
                    run.Clear();
                    for (; column < Cells.Width && SameColors(Cells[column, row], first); column++)
                        run.Append(Cells[column, row].Glyph);
                    yield return new Segment(run.ToString(), StyleOf(first));
                }
                if (row < Cells.Height - 1 || FinalNewline) yield return Segment.LineBreak;
            }
        }

        private static bool SameColors(Cell a, Cell b) => a.Foreground == b.Foreground && a.Background == b.Background;

        private Style StyleOf(Cell cell) => new(ColorOf(cell.Foreground), ColorOf(cell.Background));

        private Color? ColorOf(Rgb? rgb) => rgb is not { } c || Mode == ColorMode.None ? null
            : Mode == ColorMode.TrueColor ? new Color(c.R, c.G, c.B) : Color.FromInt32(LiveColors.CubeIndex(c));
    }
}
