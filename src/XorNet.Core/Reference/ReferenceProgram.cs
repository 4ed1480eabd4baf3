using System.Globalization;

namespace XorNet;

/// <summary>
/// The four bugs of the article's reference program (omar-florez/scratch_mlp) that a run can remove one at a time.
/// XorNet's own network has none of them.
/// </summary>
[Flags]
public enum ReferenceFix
{
    None = 0,
    /// <summary>The L2 term of the gradient is λ·W/N instead of the scalar λ·ΣW² added to every entry.</summary>
    L2Gradient = 1,
    /// <summary>The data term of the gradient is divided by N, as the loss is.</summary>
    MeanGradient = 2,
    /// <summary>Both layers get biases (starting at 0).</summary>
    Bias = 4,
    /// <summary>Each iteration trains on the next rows of a shuffled pass over all points instead of the first
    /// N.</summary>
    Minibatch = 8,
    All = L2Gradient | MeanGradient | Bias | Minibatch,
}

/// <summary>
/// A run of the reference program's computation (see shared/reference-code.md): its data, initialisation,
/// gradient and update order, with the chosen bugs fixed. The rest of the run (H, lr, λ, iterations, N) is in the
/// <see cref="TrainingConfig"/> that carries this.
/// </summary>
public sealed record ReferenceProgram(ReferenceFix Fixes = ReferenceFix.None)
{
    /// <summary>The reference's minibatch: the first 50 rows.</summary>
    public const int DefaultBatchSize = 50;

    /// <summary>The bug names, in the order of <see cref="ReferenceFix"/>.</summary>
    public static readonly IReadOnlyList<(string Name, ReferenceFix Fix)> Bugs =
    [
        ("l2-gradient", ReferenceFix.L2Gradient),
        ("mean-gradient", ReferenceFix.MeanGradient),
        ("bias", ReferenceFix.Bias),
        ("minibatch", ReferenceFix.Minibatch),
    ];

    /// <summary>The article's figure whose settings the run uses, when it uses one's exactly.</summary>
    public ReferenceFigure? Figure { get; init; }

    public bool Fixed(ReferenceFix fix) => (Fixes & fix) == fix;

    /// <summary>"none", "l2-gradient", "l2-gradient,mean-gradient" or "all".</summary>
    public static string Describe(ReferenceFix fixes) => fixes switch
    {
        ReferenceFix.None => "none",
        ReferenceFix.All => "all",
        _ => string.Join(",", Bugs.Where(b => (fixes & b.Fix) != 0).Select(b => b.Name)),
    };

    /// <summary>Parses "all", "none" or comma-separated bug names; returns the unknown name as the error.</summary>
    public static (ReferenceFix Fixes, string? Unknown) Parse(string text)
    {
        var fixes = ReferenceFix.None;
        foreach (string part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (part.Equals("all", StringComparison.OrdinalIgnoreCase)) { fixes = ReferenceFix.All; continue; }
            if (part.Equals("none", StringComparison.OrdinalIgnoreCase)) continue;
            var bug = Bugs.FirstOrDefault(b => b.Name.Equals(part, StringComparison.OrdinalIgnoreCase));
            if (bug.Name is null) return (fixes, part);
            fixes |= bug.Fix;
        }
        return (fixes, null);
    }
}

/// <summary>The article's three figures, as the reference repository names its GIFs.</summary>
public sealed record ReferenceFigure(string Name, string Title, int Hidden, double LearningRate, double L2)
{
    /// <summary>Long enough to show what the article shows; the exploding run stops at its blow-up.</summary>
    public const int Iterations = 1_000_000;

    public static readonly ReferenceFigure ThreeNeurons = new("3neurons_lr_0.003_reg_0.0", "3-neuron", 3, 0.003, 0);
    public static readonly ReferenceFigure Exploding =
        new("50neurons_lr_0.003_reg_0.0001", "exploding 50-neuron", 50, 0.003, 1e-4);
    public static readonly ReferenceFigure Calm =
        new("50neurons_lr_0.003_reg_0.000001", "calm 50-neuron", 50, 0.003, 1e-6);
    public static IReadOnlyList<ReferenceFigure> All { get; } = [ThreeNeurons, Exploding, Calm];

    /// <summary>The config of this figure's run with the given bugs fixed.</summary>
    public TrainingConfig Config(ReferenceFix fixes = ReferenceFix.None, int iterations = Iterations) => new()
    {
        Hidden = Hidden,
        LearningRate = LearningRate,
        L2 = L2,
        Epochs = iterations,
        BatchSize = ReferenceProgram.DefaultBatchSize,
        Samples = 300,
        UseBias = (fixes & ReferenceFix.Bias) != 0,
        Reference = new ReferenceProgram(fixes) { Figure = this },
    };

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"H={Hidden} lr={LearningRate:G} l2={L2:G}");
}
