using System.Text;

namespace XorNet.Tensors;

/// <summary>Quotes untrusted file content in an error message: one short line, control characters escaped.</summary>
public static class Printable
{
    /// <summary>"abc", with \n, \0 … as escapes and anything past maxLength cut to "…", so a message stays one
    /// line.</summary>
    public static string Of(string text, int maxLength = 60)
    {
        var sb = new StringBuilder();
        foreach (char c in text.Length > maxLength ? text[..maxLength] : text)
        {
            if (c == '\\') sb.Append(@"\\");
            else if (char.IsControl(c) || char.IsSurrogate(c)
                || c is '\u2028' or '\u2029' or '\uFEFF' or '\uFFFD') sb.Append($"\\u{(int)c:x4}");
            else sb.Append(c);
        }
        return text.Length > maxLength ? sb.Append('…').ToString() : sb.ToString();
    }
}
