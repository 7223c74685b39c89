using ActivityWatch.Anomalies.Scoring;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.ML;

namespace ActivityWatch.Anomalies.Model;

/// <summary>
/// The current model, reloaded when its file changes. A timestamp check on use (at most every
/// few seconds) rather than a FileSystemWatcher: it also works on network and container volumes,
/// where change notifications are unreliable. A broken new file keeps the previous model.
/// </summary>
public sealed class ModelProvider(IOptions<AnomalyOptions> options, TimeProvider time, ILogger<ModelProvider> logger)
{
    private readonly MLContext _ml = new(seed: 1);
    private readonly Lock _gate = new();
    private AnomalyModel? _model;
    private DateTime _loadedStamp;
    private DateTimeOffset _nextCheck = DateTimeOffset.MinValue;

    public string Path => ModelFiles.Resolve(options.Value.ModelPath);

    /// <summary>The model, or null when none has been trained yet.</summary>
    public AnomalyModel? Current
    {
        get
        {
            var now = time.GetUtcNow();
            if (now < _nextCheck) return _model;
            lock (_gate)
            {
                if (now < _nextCheck) return _model;
                _nextCheck = now + options.Value.ReloadCheckInterval;
                Refresh();
                return _model;
            }
        }
    }

    /// <summary>The threshold in force: configuration first, else the model card's.</summary>
    public double Threshold(AnomalyModel model) => options.Value.Threshold ?? model.Card.Threshold;

    private void Refresh()
    {
        var path = Path;
        if (!File.Exists(path))
        {
            if (_model is null && _loadedStamp == default)
            {
                logger.LogWarning("No anomaly model at {Path}: records are profiled but not scored until one is trained", path);
                _loadedStamp = DateTime.MinValue.AddTicks(1);
            }
            return;
        }
        var stamp = Max(File.GetLastWriteTimeUtc(path), File.GetLastWriteTimeUtc(ModelFiles.CardPath(path)));
        if (stamp == _loadedStamp) return;
        try
        {
            _model = ModelFiles.Load(_ml, path);
            _loadedStamp = stamp;
            logger.LogInformation("Loaded anomaly model {Version} from {Path}", _model.Card.ModelVersion, path);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or InvalidOperationException or FormatException or System.Text.Json.JsonException)
        {
            logger.LogWarning(e, "Could not load the anomaly model at {Path}; keeping the previous one", path);
        }
    }

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;
}
