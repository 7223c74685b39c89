using ActivityWatch.Simulation;
using ActivityWatch.Training;
using ActivityWatch.Training.Evaluation;

namespace ActivityWatch.Anomalies.Tests.Support;

/// <summary>A model trained on a small simulated organisation's benign week, through the real parser (shared per test class).</summary>
public sealed class TrainedOnSimulation : IAsyncLifetime
{
    public TrainingSet Set { get; private set; } = null!;
    public TrainedModel Trained { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var options = new SimulationOptions { Days = 7, Principals = 6, Seed = 3, IncludeIncidents = false };
        Set = new TrainingSet();
        await foreach (var labelled in SimulatedLogParser.ParseAsync(new ActivitySimulator(options).Generate())) Set.Add(labelled.Record);
        Trained = new AnomalyTrainer(new TrainerSettings()).Train(Set, "test week");
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
