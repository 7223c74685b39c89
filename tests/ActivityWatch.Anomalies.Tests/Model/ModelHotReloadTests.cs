using ActivityWatch.Anomalies.Model;
using ActivityWatch.Anomalies.Scoring;
using ActivityWatch.Anomalies.Tests.Support;
using ActivityWatch.Training;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ActivityWatch.Anomalies.Tests.Model;

public class ModelHotReloadTests(TrainedOnSimulation model) : IClassFixture<TrainedOnSimulation>
{
    [Fact]
    public void NewModelFile_IsPickedUp_WithoutRestart()
    {
        var dir = Directory.CreateTempSubdirectory("aw-reload-").FullName;
        try
        {
            var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
            var options = Options.Create(new AnomalyOptions { ModelPath = Path.Combine(dir, ModelFiles.ZipName), ReloadCheckInterval = TimeSpan.FromSeconds(1) });
            var provider = new ModelProvider(options, clock, NullLogger<ModelProvider>.Instance);
            Assert.Null(provider.Current);

            var zip = Save(dir, "v1", 1.0);
            clock.Advance(TimeSpan.FromSeconds(2));
            Assert.Equal("v1", provider.Current?.Card.ModelVersion);

            Save(dir, "v2", 2.0);
            // File systems with coarse timestamps: make the change visible whatever their granularity.
            File.SetLastWriteTimeUtc(zip, DateTime.UtcNow.AddMinutes(1));
            clock.Advance(TimeSpan.FromSeconds(2));

            Assert.Equal("v2", provider.Current?.Card.ModelVersion);
            Assert.Equal(2.0, provider.Threshold(provider.Current!));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void ConfiguredThreshold_OverridesTheModelCard()
    {
        var options = Options.Create(new AnomalyOptions { Threshold = 0.42 });
        var provider = new ModelProvider(options, TimeProvider.System, NullLogger<ModelProvider>.Instance);

        Assert.Equal(0.42, provider.Threshold(model.Trained.Model));
    }

    private string Save(string dir, string version, double threshold)
    {
        var trained = model.Trained;
        var card = trained.Model.Card with { ModelVersion = version, Threshold = threshold };
        return (trained with { Model = new AnomalyModel(card, trained.Model.EigenVectors, trained.Model.Mean) }).Save(dir);
    }
}
