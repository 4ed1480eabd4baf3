using System.CommandLine;
using XorNet.Tensors;

namespace XorNet.Cli;

/// <summary>
/// The options that define the model and its loss, shared by `gradcheck` and `explain` (each command gets its own
/// option objects): the same values give the same network, weights and data as `train`.
/// </summary>
public sealed class ModelOptions
{
    private static readonly TrainingConfig Defaults = new();

    private readonly Option<int> _hidden = new("--hidden") { Description = "Hidden neurons H", DefaultValueFactory = _ => Defaults.Hidden };
    private readonly Option<string> _activation = Choice<ActivationKind>("--activation", "Hidden-layer activation", Defaults.Activation);
    private readonly Option<string> _loss = Choice<LossKind>("--loss", "Output and loss: mse on sigmoid outputs, or softmax + cross-entropy", Defaults.Loss);
    private readonly Option<double> _l2 = new("--l2") { Description = "L2 regularisation λ2 in λ2·(ΣW1² + ΣW2²)/(2N)", DefaultValueFactory = _ => Defaults.L2 };
    private readonly Option<double> _l1 = new("--l1") { Description = "L1 regularisation λ1 in λ1·(Σ|W1| + Σ|W2|)/N", DefaultValueFactory = _ => Defaults.L1 };
    private readonly Option<long> _seed = new("--seed") { Description = "Seed of the data and the initial weights (as in train)", DefaultValueFactory = _ => Defaults.Seed };
    private readonly Option<int> _samples = new("--samples") { Description = "Gaussian XOR points generated (as in train)", DefaultValueFactory = _ => Defaults.Samples };
    private readonly Option<bool> _noBias = new("--no-bias") { Description = "Drop the biases" };

    public IEnumerable<Option> All => [_hidden, _activation, _loss, _l2, _l1, _seed, _samples, _noBias];

    public TrainingConfig Read(ParseResult parse)
    {
        var config = new TrainingConfig
        {
            Hidden = parse.GetValue(_hidden),
            Activation = LeverNames.Parse<ActivationKind>(parse.GetValue(_activation)!) ?? Defaults.Activation,
            Loss = LeverNames.Parse<LossKind>(parse.GetValue(_loss)!) ?? Defaults.Loss,
            L2 = parse.GetValue(_l2),
            L1 = parse.GetValue(_l1),
            Seed = parse.GetValue(_seed),
            Samples = parse.GetValue(_samples),
            UseBias = !parse.GetValue(_noBias),
        };
        return (config.Validate() ?? ResourceGuard.Check(config)) is { } error ? throw new UsageException(error) : config;
    }

    /// <summary>The network as train initialises it, and a workspace holding the first n data points and their one-hot labels.</summary>
    public static (TwoLayerNetwork Net, Workspace Ws) Build(TrainingConfig c, int n)
    {
        var data = Dataset.GaussianXor(c.Samples, c.Seed);
        var net = new TwoLayerNetwork(data.Features, c.Hidden, data.Classes, c.UseBias, c.Activation, c.Loss);
        net.Initialize(Rng.ForPurpose(c.Seed, "init"));
        int[] rows = Enumerable.Range(0, Math.Min(n, data.Count)).ToArray();
        var ws = net.CreateWorkspace(rows.Length);
        data.X.TakeRows(rows, ws.X);
        data.OneHot().TakeRows(rows, ws.Y);
        return (net, ws);
    }

    private static Option<string> Choice<T>(string name, string description, T defaultValue) where T : struct, Enum
    {
        string[] names = LeverNames.All<T>();
        var option = new Option<string>(name)
        {
            Description = $"{description} ({string.Join("|", names)})",
            DefaultValueFactory = _ => names[Array.IndexOf(Enum.GetValues<T>(), defaultValue)],
        };
        TrainCommand.AcceptOnly(option, names);
        return option;
    }
}
