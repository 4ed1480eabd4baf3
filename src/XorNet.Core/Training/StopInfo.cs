namespace XorNet;

public enum StopReason { Completed, EarlyStopped, Diverged }

/// <summary>
/// How a run ended. Epoch is the last epoch trained; RestoredEpoch is set when early stopping put the best
/// weights back; Parameter and Message explain a divergence.
/// </summary>
public sealed record StopInfo(StopReason Reason, int? Epoch = null, int? RestoredEpoch = null, string? Monitor = null,
    string? Parameter = null, Message? Message = null)
{
    public static StopInfo Completed { get; } = new(StopReason.Completed);

    public static StopInfo EarlyStopped(int epoch, int bestEpoch, string monitor) =>
        new(StopReason.EarlyStopped, epoch, bestEpoch, monitor);

    public static StopInfo Diverged(int epoch, string parameter, Message message) =>
        new(StopReason.Diverged, epoch, Parameter: parameter, Message: message);
}
