using System.CommandLine;
using static XorNet.Cli.OptionTable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using XorNet.Tensors;

namespace XorNet.Cli;

/// <summary>
/// `xornet explain`: one forward and backward step of the network `train` would build, on the first --batch points,
/// printed in the article's order with every quantity's chain-rule formula, shape and values (or as JSON).
/// </summary>
public static class ExplainCommand
{
    public static Command Create(TextWriter stdout)
    {
        var command =
            new Command("explain",
            "Print one forward and backward pass with every quantity of the article: formula, shape and values.");
        foreach (Option option in ModelOptions.All) command.Options.Add(option);
        foreach (Option option in new Option[] { Batch, StepRate, ExplainJson }) command.Options.Add(option);
        foreach (Option option in ReferenceOptions.All) command.Options.Add(option);
        command.SetAction(parse => ReferenceOptions.Read(parse) is { } program
            ? ExplainReference(ModelOptions.ReadReference(parse, program), parse, stdout)
            : Execute(ModelOptions.Read(parse), parse.GetValue(Batch), Checked(parse, StepRate),
                parse.GetValue(ExplainJson), stdout));
        return command;
    }

    private static int Execute(TrainingConfig config, int batch, double lr, bool json, TextWriter stdout)
    {
        var run = RunData.Prepare(config);
        config = run.Config; // --data sets the sample count
        if (batch < 1 || batch > config.Samples)
            throw new UsageException(
                $"--batch {batch}: must be between 1 and " +
                $"{(config.DataPath is null ? "--samples" : "the points in --data")} ({config.Samples})");
        var (net, ws) = ModelOptions.Build(run, batch);
        var quantities = Explanation.Explain(net, ws, config.Regularization, lr);
        stdout.Write(json ? ToJson(config, batch, lr, quantities) : ToText(config, batch, lr, quantities));
        return ExitCodes.Success;
    }

    /// <summary>The reference's batch (its first 50 rows unless --batch says otherwise) and lr (its figure's unless
    /// --lr).</summary>
    private static int ExplainReference(TrainingConfig config, ParseResult parse, TextWriter stdout)
    {
        ReferenceOptions.RefuseUnhonoured(parse, [ExplainJson]);
        int batch = ReferenceOptions.Given(parse, Batch) ? parse.GetValue(Batch) : config.BatchSize;
        if (batch < 1
            || batch > config.Samples) throw new UsageException(
            $"--batch {batch}: must be between 1 and --samples ({config.Samples})");
        double lr = ReferenceOptions.Given(parse, StepRate) ? Checked(parse, StepRate) : config.LearningRate;
        return ReferenceInspection.Explain(config with { BatchSize = batch }, lr, stdout);
    }

    private const int NameWidth = 8, ShapeWidth = 7;

    public static string ToText(TrainingConfig config, int batch, double lr,
        IReadOnlyList<ExplainedQuantity> quantities)
    {
        var sb = new StringBuilder();
        sb.AppendLine(
            Invariant($"xornet explain: one step on {batch} example{(batch == 1 ? "" : "s")} (N={batch}), ") +
            Invariant($"{GradCheckCommand.Describe(config)}, lr={lr:G}"));
        var forward = quantities.Where(q => q.Section == Explanation.ForwardSection).ToList();
        // K follows the data's classes
        var (d, k) =
            (forward.First(q => q.Name == "X").Value.Cols, forward.Last(q => q.Name.StartsWith('h')).Value.Cols);
        string hidden = config.Hidden.Count switch
        {
            0 => "no hidden layer",
            1 => "H hidden",
            int n => $"H1…H{n} hidden ({config.Hidden})",
        };
        string inputs = config.Features.IsPlain ? "" : $" (the features {string.Join(", ", config.Features.Names)})";
        sb.AppendLine($"Letters: N examples, D = {d} inputs{inputs}, {hidden}, K = {k} outputs; " +
                      "· matrix product, ⊙ elementwise product, ᵀ transpose.");
        string? section = null;
        int formulaWidth = quantities.Max(q => q.Formula.Length);
        foreach (var q in quantities)
        {
            if (q.Section != section)
                sb.AppendLine().AppendLine(SectionTitle(section = q.Section));
            if (q.Name == "X" && !config.Features.IsPlain) AppendColumnNames(sb, config.Features.Names, formulaWidth);
            AppendQuantity(sb, q, formulaWidth);
        }
        return sb.ToString();
    }

    private static string SectionTitle(string section) => section switch
    {
        Explanation.ForwardSection => "Forward pass",
        Explanation.LossSection => "Loss",
        Explanation.BackwardSection => "Backward pass: the chain rule, from the loss back to W1",
        _ => "SGD update",
    };

    /// <summary>The feature names above X's columns, each over its value.</summary>
    private static void AppendColumnNames(StringBuilder sb, IReadOnlyList<string> names, int formulaWidth)
    {
        int indent = $"  {"".PadRight(NameWidth)} = {"".PadRight(formulaWidth + 2)} ".Length + ShapeWidth + 2;
        sb.Append(' ', indent + 1).AppendLine(string.Join(" ", names.Select(n => n.PadLeft(10))));
    }

    private static void AppendQuantity(StringBuilder sb, ExplainedQuantity q, int formulaWidth)
    {
        string head = $"  {q.Name.PadRight(NameWidth)} = {q.Formula.PadRight(formulaWidth + 2)} ";
        if (q.IsScalar)
        {
            sb.Append(head).Append("scalar".PadRight(ShapeWidth)).Append("   ").Append(Format(q.Value.Data[0]));
            sb.AppendLine(q.Note is null ? "" : $"     ({q.Note})");
            return;
        }
        string shape = q.Value.Shape.PadRight(ShapeWidth);
        string indent = new(' ', head.Length + ShapeWidth + 2);
        for (int r = 0; r < q.Value.Rows; r++)
        {
            sb.Append(r == 0 ? head + shape + "  " : indent);
            sb.Append('[')
                .Append(string.Join(" ", Enumerable.Range(0, q.Value.Cols).Select(c => Format(q.Value[r, c]))))
                .Append(" ]");
            if (r == 0 && q.Note is not null) sb.Append("   (").Append(q.Note).Append(')');
            sb.AppendLine();
        }
    }

    /// <summary>Fixed width, so columns line up: 6 decimals, or scientific notation for tiny non-zero values.</summary>
    private static string Format(double v) =>
        (v != 0 && Math.Abs(v) < 1e-3 ? v.ToString("+0.00E+00;-0.00E+00", CultureInfo.InvariantCulture)
            : v.ToString("+0.000000;-0.000000;0.000000", CultureInfo.InvariantCulture)).PadLeft(10);

    public static string ToJson(TrainingConfig config, int batch, double lr,
        IReadOnlyList<ExplainedQuantity> quantities)
    {
        using var stream = new MemoryStream();
        using (var w =
            new Utf8JsonWriter(stream,
            new JsonWriterOptions
            {
                Indented = true,
                Encoder =
            System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping
            }))
        {
            w.WriteStartObject();
            w.WriteNumber("batch", batch);
            MetricsJson.WriteHidden(w, config.Hidden);
            w.WriteString("activation", LeverNames.Of(config.Activation));
            w.WriteString("loss", LeverNames.Of(config.Loss));
            w.WriteNumber("l2", config.L2);
            w.WriteNumber("l1", config.L1);
            w.WriteNumber("seed", config.Seed);
            w.WriteBoolean("bias", config.UseBias);
            if (!config.Features.IsPlain)
            {
                w.WriteStartArray("features"); // the columns of X
                foreach (string name in config.Features.Names) w.WriteStringValue(name);
                w.WriteEndArray();
            }
            w.WriteNumber("lr", lr);
            w.WriteStartArray("quantities");
            foreach (var q in quantities) WriteQuantity(w, q);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteQuantity(Utf8JsonWriter w, ExplainedQuantity q)
    {
        w.WriteStartObject();
        w.WriteString("section", q.Section);
        w.WriteString("name", q.Name);
        w.WriteString("formula", q.Formula);
        if (q.Note is not null) w.WriteString("note", q.Note);
        if (q.IsScalar) WriteNumber(w, "value", q.Value.Data[0]);
        else
        {
            w.WriteStartArray("shape");
            w.WriteNumberValue(q.Value.Rows);
            w.WriteNumberValue(q.Value.Cols);
            w.WriteEndArray();
            w.WriteStartArray("values");
            for (int r = 0; r < q.Value.Rows; r++)
            {
                w.WriteStartArray();
                foreach (double v in q.Value.Row(r)) WriteNumber(w, null, v);
                w.WriteEndArray();
            }
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    private static void WriteNumber(Utf8JsonWriter w, string? name, double v)
    {
        if (name is not null) w.WritePropertyName(name);
        if (double.IsFinite(v)) w.WriteNumberValue(v);
        else w.WriteNullValue();
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
