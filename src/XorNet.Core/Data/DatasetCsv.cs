using System.Globalization;
using System.Text;

namespace XorNet;

/// <summary>
/// The CSV format of data files: a header line, then one point per line: x1,x2[,label]. Features are finite numbers
/// (invariant culture, so '.' decimals); a label is a whole number 0..K−1 ("1" or NumPy's savetxt "1.0e+00").
/// Every problem is an InvalidDataException whose message gives the line and column.
/// </summary>
public static class DatasetCsv
{
    /// <summary>Rows with labels (for training): K = max label + 1 must be ≥ 2 and every label 0..K−1 must
    /// occur.</summary>
    public static Dataset ReadLabelled(string path)
    {
        using var stream = File.OpenRead(path);
        return ReadLabelled(stream);
    }

    /// <summary>As <see cref="ReadLabelled(string)"/>, from a stream holding the file's bytes.</summary>
    public static Dataset ReadLabelled(Stream stream)
    {
        var (x, read) = Read(stream, labelColumn: true);
        int[] labels = read!; // three columns were required, so every row has a label
        int classes = labels.Max() + 1;
        var counts = new int[classes];
        foreach (int label in labels) counts[label]++;
        if (classes < 2)
            throw new InvalidDataException(
                $"every row has label {labels[0]}: training needs at least two classes (labels 0..K−1, K ≥ 2)");
        int missing = Array.IndexOf(counts, 0);
        if (missing >= 0)
            throw new InvalidDataException(
                $"labels must be 0..K−1 with every class present; the largest is {classes - 1} but no row has label " +
                $"{missing}");
        return new Dataset(x, labels, classes);
    }

    /// <summary>Rows of x1,x2 or x1,x2,label (the header decides: 2 or 3 columns); labels are null for 2
    /// columns.</summary>
    public static (Tensors.Matrix X, int[]? Labels) ReadPoints(string path)
    {
        using var stream = File.OpenRead(path);
        return ReadPoints(stream);
    }

    /// <summary>As <see cref="ReadPoints(string)"/>, from a stream holding the file's bytes.</summary>
    public static (Tensors.Matrix X, int[]? Labels) ReadPoints(Stream stream) => Read(stream, labelColumn: null);

    /// <summary>The largest CSV read (512 MiB: 10 million points in round-trip notation fit): a bigger one is refused
    /// unread.</summary>
    public const long MaxBytes = 512L << 20;

    private static (Tensors.Matrix X, int[]? Labels) Read(Stream stream, bool? labelColumn)
    {
        string[] lines = ReadLines(stream);
        int columns = Fields(lines[0]).Length;
        if (labelColumn == true && columns != 3 || labelColumn is null && columns is not (2 or 3))
            throw new InvalidDataException(
                "line 1 (header): expected " +
                $"{(labelColumn == true ? "3 columns (x1,x2,label)" : "2 or 3 columns (x1,x2[,label])")}, found " +
                $"{columns}");
        var features = new List<double>();
        List<int>? labels = columns == 3 ? [] : null;
        for (int i = 1; i < lines.Length; i++)
        {
            if (lines[i].Trim().Length == 0) continue; // blank lines (a trailing newline) carry no point
            string[] fields = Fields(lines[i]);
            if (fields.Length != columns)
                throw new InvalidDataException(
                    $"line {i + 1}: expected {columns} columns like the header, found {fields.Length}");
            features.Add(Feature(fields[0], i + 1, 1));
            features.Add(Feature(fields[1], i + 1, 2));
            labels?.Add(Label(fields[2], i + 1));
        }
        if (features.Count == 0)
            throw new InvalidDataException("no data rows after the header");
        return (new Tensors.Matrix(features.Count / 2, 2, features.ToArray()), labels?.ToArray());
    }

    private static readonly UTF8Encoding StrictUtf8 =
        new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The file as lines of UTF-8 text; a binary file (a zero byte or invalid UTF-8) is refused as
    /// such.</summary>
    private static string[] ReadLines(Stream stream)
    {
        byte[] bytes = ReadAllBytes(stream);
        int zero = Array.IndexOf(bytes, (byte)0);
        if (zero >= 0)
            throw new InvalidDataException(
                $"not a text file (a zero byte at offset {zero}); expected a CSV with a header line and x1,x2,label " +
                "rows");
        string text;
        try { text = StrictUtf8.GetString(bytes); }
        catch (DecoderFallbackException e)
        {
            throw new InvalidDataException(
            $"not UTF-8 text (an invalid byte at offset {e.Index}); expected a CSV with a header line and " +
            "x1,x2,label rows");
        }
        text = text.TrimStart('\uFEFF'); // a byte-order mark, as Excel writes
        if (text.Trim().Length == 0)
            throw new InvalidDataException("the file is empty (expected a header line and data rows)");
        return text.ReplaceLineEndings("\n").Split('\n');
    }

    private static byte[] ReadAllBytes(Stream stream)
    {
        if (stream.CanSeek && stream.Length - stream.Position > MaxBytes)
            throw new InvalidDataException(
                $"the file has {stream.Length - stream.Position} bytes, more than the {MaxBytes >> 20} MiB a CSV may " +
                "have");
        var copy = new MemoryStream();
        var chunk = new byte[1 << 16];
        int n;
        while ((n = stream.Read(chunk)) > 0)
        {
            if (copy.Length
                + n > MaxBytes) throw new InvalidDataException(
                $"the file has more than the {MaxBytes >> 20} MiB a CSV may have");
            copy.Write(chunk, 0, n);
        }
        return copy.ToArray();
    }

    private static string[] Fields(string line) => line.Split(',', StringSplitOptions.TrimEntries);

    private static double Feature(string field, int line, int column)
    {
        if (!double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
            throw new InvalidDataException(
                $"line {line}, column {column}: '{Tensors.Printable.Of(field)}' is not a number");
        if (!double.IsFinite(value))
            throw new InvalidDataException(
                $"line {line}, column {column}: '{Tensors.Printable.Of(field)}' is not finite");
        return value;
    }

    private static int Label(string field, int line)
    {
        if (!double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) ||
            value != Math.Floor(value) || value < 0 || value > 1_000_000)
            throw new InvalidDataException(
                $"line {line}, column 3: label '{Tensors.Printable.Of(field)}' is not a class number 0, 1, 2, …");
        return (int)value;
    }

    /// <summary>Writes the header "x1,x2,label" and one row per point; numbers round-trip exactly.</summary>
    public static string Format(Dataset data)
    {
        var text = new StringBuilder("x1,x2,label\n");
        for (int i = 0; i < data.Count; i++)
            text.Append(CultureInfo.InvariantCulture, $"{data.X[i, 0]:R},{data.X[i, 1]:R},{data.Labels[i]}\n");
        return text.ToString();
    }
}
