using System.Globalization;
using System.Text;

namespace XorNet;

/// <summary>
/// The full per-epoch history, on request, streamed to disk as training goes (memory stays bounded at any epoch
/// count): epoch,loss,train_accuracy[,test_loss,test_accuracy],lr,weight_norm,grad_norm_W1,…,grad_norm_bL,
/// update_ratio_W1,…,update_ratio_WL,saturated_h1,…,saturated_h(L−1) (the gradient flow); a value that is
/// NaN, infinite or absent (epoch 0 has no learning rate or gradients) is an empty field. Rows go to a temporary
/// sibling that <see cref="Commit"/> renames over the target, so a reader never sees half a file; disposing
/// without committing removes it.
/// </summary>
public sealed class HistoryCsvWriter : IDisposable
{
    private readonly string _path, _tmp;
    private readonly StreamWriter _writer;
    private readonly bool _test;
    private readonly StringBuilder _row = new();
    private bool _committed;

    private readonly int _tensors, _layers;

    public HistoryCsvWriter(string path, bool hasTestSplit, int layers = 2)
    {
        _path = Path.GetFullPath(path);
        _tmp = Path.Combine(Path.GetDirectoryName(_path)!, $".{Path.GetFileName(_path)}.{Guid.NewGuid():N}.tmp");
        var stream = new FileStream(_tmp, FileMode.CreateNew, FileAccess.Write); // a fresh name, never through a link
        _writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\n" };
        _test = hasTestSplit;
        _writer.WriteLine("epoch,loss,train_accuracy" + (_test ? ",test_loss,test_accuracy" : "") + ",lr,weight_norm," +
                          string.Join(",", Parameters.NamesFor(layers).Select(n => "grad_norm_" + n)) +
                          string.Concat(Enumerable.Range(1, layers).Select(l => $",update_ratio_W{l}")) +
                          string.Concat(Enumerable.Range(1, layers - 1).Select(l => $",saturated_h{l}")));
        _tensors = 2 * layers;
        _layers = layers;
    }

    /// <summary>Appends the history's newest epoch (call it from the trainer's onEpoch).</summary>
    public void Append(TrainingHistory history)
    {
        EpochMetrics m = history.Last;
        EpochDiagnostics? d = history.DiagnosticsAt(m.Epoch);
        _row.Clear().Append(m.Epoch.ToString(CultureInfo.InvariantCulture));
        Field(m.Loss);
        Field(m.TrainAccuracy);
        if (_test)
        {
            Field(m.TestLoss);
            Field(m.TestAccuracy);
        }
        Field(d?.LearningRate);
        Field(d?.WeightNorm);
        for (int i = 0; i < _tensors; i++) Field(d?.MeanGradNorm?[i]);
        for (int l = 0; l < _layers; l++) Field(d?.UpdateRatio?[l]);
        for (int l = 0; l < _layers - 1; l++) Field(d?.Saturation?[l]);
        _writer.WriteLine(_row);
    }

    /// <summary>Flushes the rows and moves the file into place.</summary>
    public void Commit()
    {
        _writer.Dispose();
        File.Move(_tmp, _path, overwrite: true);
        _committed = true;
    }

    public void Dispose()
    {
        _writer.Dispose();
        if (!_committed && File.Exists(_tmp)) File.Delete(_tmp);
    }

    private void Field(double? value)
    {
        _row.Append(',');
        if (value is double v && double.IsFinite(v)) _row.Append(v.ToString("R", CultureInfo.InvariantCulture));
    }
}
