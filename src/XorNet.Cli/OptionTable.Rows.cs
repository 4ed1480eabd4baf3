using System.CommandLine;

namespace XorNet.Cli;

/// <summary>The rows of the table: every option of every command, once.</summary>
public static partial class OptionTable
{
    // The model and its data: train, gradcheck and explain; data shares the data ones.
    public static readonly Option<string> Hidden = Add(new Option<string>("--hidden")
    {
        Description = "Hidden layers' widths from input to output: 3 (the article's), 8x8x4, or 0 for none",
        DefaultValueFactory = _ => D.Hidden.ToString(),
    }, nameof(D.Hidden), HiddenSpelling);
    public static readonly Option<long> Seed = Add(new Option<long>("--seed")
    {
        Description = "Seed for the data, the initial weights and the shuffling (the same in every command)",
        DefaultValueFactory = _ => D.Seed,
    }, nameof(D.Seed));
    public static readonly Option<int> Samples = Add(new Option<int>("--samples")
    { Description = "Number of points --dataset generates", DefaultValueFactory = _ => D.Samples }, nameof(D.Samples));
    public static readonly Option<bool> NoBias = Add(new Option<bool>("--no-bias")
    { Description = "Drop the biases, as the article's reference code (XOR then fails)" }, nameof(D.UseBias));
    public static readonly Option<string> DatasetName = Add(new Option<string>("--dataset")
    {
        Description = "Built-in data: xor (the article's Gaussian XOR), circle, gauss, spiral, moons",
        DefaultValueFactory = _ => D.Dataset,
    }, nameof(D.Dataset));
    public static readonly Option<double> Noise = Add(new Option<double>("--noise")
    {
        Description = "Noise of the built-in dataset " +
                      "(Playground's 0–0.5 for xor/circle/gauss/spiral, jitter std for moons)",
        DefaultValueFactory = _ => D.Noise,
    }, nameof(D.Noise));
    public static readonly Option<string?> Data = Add(new Option<string?>("--data")
    { Description = "Use a CSV file's points instead: header, then x1,x2,label rows (labels 0..K−1)" },
        nameof(D.DataPath), words: "a CSV file (header, then x1,x2,label rows)");
    public static readonly Option<bool> Standardize = Add(new Option<bool>("--standardize")
    { Description = "Scale inputs to mean 0, std 1 (fitted on the training points; saved with the model)" },
        nameof(D.Standardize));
    public static readonly Option<string> Features = Add(new Option<string>("--features")
    {
        Description = "The network's inputs, computed from x1, x2, comma-separated in this order: " +
                      $"{string.Join(", ", FeatureMap.Known)} (x1,x2,x1x2 lets --hidden 0 separate XOR)",
        DefaultValueFactory = _ => D.Features.ToString(),
    }, nameof(D.Features));
    public static readonly Option<double> L2 = Add(new Option<double>("--l2")
    {
        Description = "L2 regularisation λ in λ·(ΣW1² + ΣW2² + …)/(2N), every weight matrix",
        DefaultValueFactory =
        _ => D.L2
    },
        nameof(D.L2));
    public static readonly Option<double> L1 = Add(new Option<double>("--l1")
    {
        Description = "L1 regularisation λ1 in λ1·(Σ|W1| + Σ|W2| + …)/N (biases never regularised)",
        DefaultValueFactory = _ => D.L1,
    }, nameof(D.L1));
    public static readonly Option<string> Activation = Choice<ActivationKind>("--activation", nameof(D.Activation),
        "Hidden-layer activation", LeverNames.Of(D.Activation));
    public static readonly Option<string> Loss = Choice<LossKind>("--loss", nameof(D.Loss),
        "mse: Σ(y−h2)²/2N on sigmoid outputs (the article's); cross-entropy: softmax outputs, −Σy·log h2/N",
        LeverNames.Of(D.Loss));

    // Training.
    public static readonly Option<double> LearningRate = Add(new Option<double>("--lr")
    {
        Description = "Learning rate (of plain SGD unless --optimizer says otherwise)",
        DefaultValueFactory = _ => D.LearningRate,
    }, nameof(D.LearningRate));
    public static readonly Option<int> Epochs = Add(new Option<int>("--epochs")
    { Description = "Shuffled passes over the training data", DefaultValueFactory = _ => D.Epochs }, nameof(D.Epochs));
    public static readonly Option<int> BatchSize = Add(new Option<int>("--batch-size")
    {
        Description = "Minibatch size (a full batch: --batch-size equal to --samples)",
        DefaultValueFactory = _ => D.BatchSize,
    }, nameof(D.BatchSize));
    public static readonly Option<double> TestSplit = Add(new Option<double>("--test-split")
    {
        Description = "Hold out this fraction (seeded, stratified) to measure test accuracy",
        DefaultValueFactory = _ => D.TestSplit,
    }, nameof(D.TestSplit));
    public static readonly Option<string?> Init = Add(new Option<string?>("--init")
    { Description = "Start from the weights of this model file instead of random ones" },
        nameof(D.InitPath), words: "a model file written by xornet train");
    public static readonly Option<string> OptimizerOption = Choice<OptimizerKind>("--optimizer", nameof(D.Optimizer),
        "sgd: θ −= lr·g; momentum: v = μv + g, θ −= lr·v; adam", LeverNames.Of(D.Optimizer));
    public static readonly Option<double> MomentumOption = Add(new Option<double>("--momentum")
    { Description = "μ of --optimizer momentum", DefaultValueFactory = _ => D.Momentum }, nameof(D.Momentum));
    public static readonly Option<double> Beta1 = Add(new Option<double>("--beta1")
    { Description = "Adam's β1", DefaultValueFactory = _ => D.Beta1 }, nameof(D.Beta1));
    public static readonly Option<double> Beta2 = Add(new Option<double>("--beta2")
    { Description = "Adam's β2", DefaultValueFactory = _ => D.Beta2 }, nameof(D.Beta2));
    public static readonly Option<double> AdamEpsilon = Add(new Option<double>("--eps")
    { Description = "Adam's ε", DefaultValueFactory = _ => D.AdamEpsilon }, nameof(D.AdamEpsilon));
    public static readonly Option<string> Schedule = Choice<ScheduleKind>("--lr-schedule", nameof(D.LrSchedule),
        "Learning rate per epoch e: constant; step lr·γ^⌊(e−1)/s⌋; exponential lr·γ^(e−1); inverse lr/(1+k(e−1)); " +
        "linear lr→lr-final", LeverNames.Of(D.LrSchedule));
    public static readonly Option<int?> StepSize = Add(new Option<int?>("--lr-step-size")
    { Description = $"s of the step schedule (default {LearningRateSchedule.DefaultStepSize})" },
        nameof(D.LrStepSize));
    public static readonly Option<double?> Gamma = Add(new Option<double?>("--lr-gamma")
    {
        Description = $"γ of the step (default {LearningRateSchedule.DefaultStepGamma}) or exponential " +
                      $"(default {LearningRateSchedule.DefaultExponentialGamma}) schedule",
    }, nameof(D.LrGamma));
    public static readonly Option<double?> Decay = Add(new Option<double?>("--lr-decay")
    { Description = $"k of the inverse schedule (default {LearningRateSchedule.DefaultDecay})" }, nameof(D.LrDecay));
    public static readonly Option<double?> Final = Add(new Option<double?>("--lr-final")
    { Description = "Last epoch's learning rate of the linear schedule (default lr/10)" }, nameof(D.LrFinal));
    public static readonly Option<double?> ClipNorm = Add(new Option<double?>("--clip-norm")
    { Description = "Rescale all gradients so their joint L2 norm is ≤ X (PyTorch's clip_grad_norm_)" },
        nameof(D.ClipNorm));
    public static readonly Option<double?> ClipValue = Add(new Option<double?>("--clip-value")
    { Description = "Clamp every gradient entry into [−X, X]" }, nameof(D.ClipValue));
    public static readonly Option<int?> EarlyStop = Add(new Option<int?>("--early-stop")
    { Description = "Stop when the loss has not improved for N epochs; keep the best weights" }, nameof(D.EarlyStop));
    public static readonly Option<bool> NoDivergenceCheck = Add(new Option<bool>("--no-divergence-check")
    { Description = "Train on through a blow-up instead of stopping with exit code 3 (to see the whole curve)" },
        nameof(D.StopOnDivergence));

    // Gates.
    public static readonly Option<double?> MinAccuracy = Add(new Option<double?>("--min-accuracy")
    { Description = "Gate: exit 1 unless the final train accuracy (test accuracy with a test split) is ≥ X" },
        nameof(QualityGates.MinAccuracy));
    public static readonly Option<double?> MaxLoss = Add(new Option<double?>("--max-loss")
    { Description = "Gate: exit 1 unless the final loss is ≤ X" }, nameof(QualityGates.MaxLoss));

    // Train's outputs.
    public static readonly Option<string> Out = Add(new Option<string>("--out")
    { Description = "Output folder", DefaultValueFactory = _ => "xornet-out" },
        nameof(OutputSettings.OutDir), words: "a folder that can be created and written");
    public static readonly Option<string?> Json = Add(new Option<string?>("--json")
    { Description = "Also write the metrics JSON to FILE ('-' = stdout, all other output to stderr)" },
        nameof(OutputSettings.JsonPath), words: "a file path, or - for stdout");
    public static readonly Option<bool> NoPlots = Add(new Option<bool>("--no-plots")
    { Description = "Write metrics only, no PNGs (fast pipeline runs)" }, nameof(OutputSettings.Plots));
    public static readonly Option<string?> Save = Add(new Option<string?>("--save")
    { Description = "Model file to write (default: model.npz in --out); loads with numpy.load(allow_pickle=False)" },
        nameof(OutputSettings.ModelPath), words: "a file path in an existing folder");
    public static readonly Option<bool> Animate = Add(new Option<bool>("--animate")
    { Description = "Also write training.png, an animated PNG of accuracy | boundary | loss as training goes" },
        nameof(OutputSettings.Animate));
    public static readonly Option<int> Frames = Add(new Option<int>("--frames")
    {
        Description = "Frames of the --animate animation, at evenly spaced epochs",
        DefaultValueFactory = _ => OutputSettings.DefaultFrames,
    }, nameof(OutputSettings.Frames), Rule.Whole(2, 1000));
    public static readonly Option<string?> HistoryCsv = Add(new Option<string?>("--history-csv")
    {
        Description =
        "Also write every epoch's metrics to FILE (metrics.json keeps at most ~1000 evenly spaced epochs)"
    },
        nameof(OutputSettings.HistoryCsvPath), words: "a file path in an existing folder");
    public static readonly Option<bool> Quiet = Add(new Option<bool>("--quiet", "-q")
    { Description = "Print only the final summary line" }, nameof(OutputSettings.Progress));
    public static readonly Option<bool> Live = Add(new Option<bool>("--live")
    {
        Description = "Watch it learn in the terminal: the decision surface, the curves and the status, "
                      + "redrawn as it trains (keys: q stop, space pause)",
    }, nameof(OutputSettings.LiveSeconds));
    public static readonly Option<double> LiveSeconds = Add(new Option<double>("--live-seconds")
    {
        Description = "With --live: play the whole training in about this many seconds (0 = as fast as it trains)",
        DefaultValueFactory = _ => OutputSettings.DefaultLiveSeconds,
    }, rule: Rule.Number("a number of seconds from 0 to 86400", s => s >= 0 && s <= 86_400));

    // compare
    public static readonly Option<string> CompareOut = Add(new Option<string>("--out")
    {
        Description = "Parent folder: one sub-folder per run, plus comparison.png and compare.json",
        DefaultValueFactory = _ => "xornet-compare",
    }, words: "a folder that can be created and written (one sub-folder per run)");
    public static readonly Option<string?> CompareJson = Add(new Option<string?>("--json")
    { Description = "Also write compare.json to FILE ('-' = stdout, all other output to stderr)" },
        words: "a file path, or - for stdout");
    public static readonly Option<int> ParallelRuns = Add(new Option<int>("--parallel")
    {
        Description = "Runs trained at once (default: the number of cores)",
        DefaultValueFactory = _ => Environment.ProcessorCount,
    }, rule: Rule.WholeFrom(1));

    // predict
    public static readonly Option<string> Model = Add(new Option<string>("--model")
    { Description = "A model file written by `xornet train`", Required = true },
        words: "a model file written by xornet train");
    public static readonly Option<string?> Points = Add(new Option<string?>("--data")
    { Description = "CSV with a header and x1,x2 or x1,x2,label rows" },
        words: "a CSV file (header, then x1,x2 or x1,x2,label rows)");
    public static readonly Option<string[]> Point = Add(new Option<string[]>("--point")
    { Description = "One or more points x1,x2 (e.g. --point 0.5,-1 2,0)", AllowMultipleArgumentsPerToken = true },
        words: "one or more points x1,x2 (two finite numbers each)");

    // data
    public static readonly Option<string> DataOut = Add(new Option<string>("--out")
    { Description = "CSV file to write (x1,x2,label)", Required = true },
        words: "a CSV file path in an existing folder");
    public static readonly Option<string?> Plot = Add(new Option<string?>("--plot")
    { Description = "Also draw the points to this PNG" }, words: "a PNG file path in an existing folder");

    // gradcheck
    public static readonly Option<double> CheckEpsilon = Add(new Option<double>("--eps")
    {
        Description = "Finite-difference step ε of the central difference " +
                      "[−L(θ+2ε) + 8L(θ+ε) − 8L(θ−ε) + L(θ−2ε)] / 12ε",
        DefaultValueFactory = _ => GradientCheck.DefaultEpsilon,
    }, rule: Rule.Number("a number in (0, 1)", v => v > 0 && v < 1));
    public static readonly Option<double> Tolerance = Add(new Option<double>("--tol")
    { Description = "Largest relative error that passes", DefaultValueFactory = _ => 1e-6 },
        rule: Rule.Number("a number > 0", v => v > 0));

    // explain
    public static readonly Option<int> Batch = Add(new Option<int>("--batch")
    { Description = "Examples in the batch (the article explains one)", DefaultValueFactory = _ => 1 },
        words: "a whole number between 1 and --samples");
    public static readonly Option<double> StepRate = Add(new Option<double>("--lr")
    { Description = "Learning rate of the SGD step shown at the end", DefaultValueFactory = _ => D.LearningRate },
        nameof(D.LearningRate));
    public static readonly Option<bool> ExplainJson = Add(new Option<bool>("--json")
    { Description = "Print the same quantities as JSON" });

    // --reference (train, gradcheck, explain) and reproduce: the article's reference program
    public static readonly Option<bool> Reference = Add(new Option<bool>("--reference")
    {
        Description =
        "Run the article's reference program, bugs and all: its data, initialisation, gradient and update"
    },
        nameof(D.Reference));
    public static readonly Option<string?> Fix = Add(new Option<string?>("--fix")
    {
        Description = "With --reference: remove bugs, comma-separated " +
                      $"({string.Join("|", ReferenceProgram.Bugs.Select(b => b.Name))}) or all",
    }, nameof(ReferenceProgram.Fixes), words: "bug names separated by commas: " +
        $"{string.Join(", ", ReferenceProgram.Bugs.Select(b => b.Name))}; or all, or none");
    public static readonly Option<string> ReproduceOut = Add(new Option<string>("--out")
    {
        Description = "Output folder (one subfolder per run, table.md, table.json)",
        DefaultValueFactory =
        _ => "xornet-reproduce"
    },
        words: "a folder that can be created and written (one sub-folder per run)");
    public static readonly Option<int> Iterations = Add(new Option<int>("--iterations")
    {
        Description = "Iterations of each run (a run stops at its blow-up)",
        DefaultValueFactory = _ => ReferenceFigure.Iterations,
    }, rule: ConfigRules.For(nameof(D.Epochs)));

    // bench
    public static readonly Option<bool> BenchJson = Add(new Option<bool>("--json")
    { Description = "Print the results as one JSON document on stdout" });
    public static readonly Option<bool> Quick = Add(new Option<bool>("--quick")
    { Description = "Fewer samples and smaller sizes (a smoke test, not for quoting)" });
}
