namespace XorNet;

/// <summary>The hidden layer's nonlinearity h1 = f(z1).</summary>
public enum ActivationKind { Sigmoid, Tanh, Relu }

/// <summary>The output layer and its loss: MSE on sigmoid outputs (the article's) or softmax + cross-entropy.</summary>
public enum LossKind { Mse, CrossEntropy }

/// <summary>How a gradient becomes a step.</summary>
public enum OptimizerKind { Sgd, Momentum, Adam }

/// <summary>How the learning rate changes from epoch to epoch.</summary>
public enum ScheduleKind { Constant, Step, Exponential, Inverse, Linear }

/// <summary>The names the CLI and metrics.json use for the levers ("cross-entropy", "relu", ...).</summary>
public static class LeverNames
{
    public static string Of(ActivationKind kind) => kind.ToString().ToLowerInvariant();
    public static string Of(OptimizerKind kind) => kind.ToString().ToLowerInvariant();
    public static string Of(ScheduleKind kind) => kind.ToString().ToLowerInvariant();
    public static string Of(LossKind kind) => kind == LossKind.CrossEntropy ? "cross-entropy" : "mse";

    public static string[] All<T>() where T : struct, Enum => Enum.GetValues<T>().Select(Name).ToArray();

    /// <summary>The enum value whose name is text (case-insensitive), or null.</summary>
    public static T? Parse<T>(string text) where T : struct, Enum =>
        Enum.GetValues<T>().Where(v => string.Equals(Name(v), text, StringComparison.OrdinalIgnoreCase)).Cast<T?>()
            .FirstOrDefault();

    private static string Name<T>(T value) where T : struct, Enum => value switch
    {
        ActivationKind a => Of(a),
        LossKind l => Of(l),
        OptimizerKind o => Of(o),
        ScheduleKind s => Of(s),
        _ => value.ToString().ToLowerInvariant(),
    };
}
