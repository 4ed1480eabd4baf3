using System.Text;
using Spectre.Console;

namespace XorNet.Cli.Live;

/// <summary>
/// The terminal side of the live view: Spectre.Console gives the alternate screen, the cursor, the window's size and
/// the keys; frames are written as <see cref="AnsiFrame"/> text. Spectre's LiveDisplay is not used: it keeps the
/// largest shape it has drawn, so it cannot follow a window that shrinks (a whole frame from the top-left corner can),
/// and its styled segments cost several times the time and twice the bytes of a frame's own colour codes.
/// </summary>
public sealed class LiveTerminal
{
    private readonly IAnsiConsole _console;
    private readonly ColorMode _mode;
    private readonly TextWriter _output;
    private readonly StringBuilder _text = new();
    private (int Width, int Height) _drawn;

    public LiveTerminal(ColorMode mode, TextWriter output)
    {
        (_mode, _output) = (mode, output);
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

    /// <summary>
    /// Runs action on the alternate screen with the cursor hidden; both are restored however it ends.
    /// A second Ctrl-C, which kills the process, restores them too (<see cref="LastWords"/>).
    /// </summary>
    public void OnAlternateScreen(Action action)
    {
        _console.AlternateScreen(() =>
        {
            _console.Cursor.Hide();
            using IDisposable restore = LastWords.Register(Restore);
            try { action(); }
            finally
            {
                _console.Write(new ControlCode("\u001b[0m"));
                _console.Cursor.Show();
            }
        });
    }

    /// <summary>Colours reset, cursor shown, normal screen back: after the frame being written, if any.</summary>
    private void Restore()
    {
        // A terminal that does not read (a stopped pager) holds the frame's lock: half a second is all it gets.
        bool locked = Monitor.TryEnter(_text, TimeSpan.FromMilliseconds(500));
        try
        {
            _output.Write(RestoreSequence);
            _output.Flush();
        }
        finally
        {
            if (locked) Monitor.Exit(_text);
        }
    }

    /// <summary>SGR reset, show the cursor (DECTCEM), leave the alternate screen (xterm's 1049).</summary>
    public const string RestoreSequence = "\u001b[0m\u001b[?25h\u001b[?1049l";

    /// <summary>Draws a frame over the whole screen; a change of size clears the screen first.</summary>
    public void Draw(CellGrid frame)
    {
        bool resized = _drawn != (frame.Width, frame.Height);
        _drawn = (frame.Width, frame.Height);
        Write(frame, resized ? "\u001b[2J\u001b[H" : "\u001b[H", finalNewline: false);
    }

    /// <summary>Prints a frame once on the normal screen, where it stays after the run.</summary>
    public void Print(CellGrid frame) => Write(frame, "", finalNewline: true);

    private void Write(CellGrid frame, string prefix, bool finalNewline)
    {
        lock (_text) // a second Ctrl-C restores the terminal between frames, never inside one's escape codes
        {
            _text.Clear().Append(prefix);
            AnsiFrame.Encode(frame, _mode, _text, finalNewline);
            _output.Write(_text);
            _output.Flush();
        }
    }

    /// <summary>A key pressed since the last call, if any (never waits; none when stdin is not a terminal).</summary>
    public ConsoleKeyInfo? ReadKey() =>
        !Console.IsInputRedirected && _console.Input.IsKeyAvailable() ? _console.Input.ReadKey(intercept: true) : null;
}
