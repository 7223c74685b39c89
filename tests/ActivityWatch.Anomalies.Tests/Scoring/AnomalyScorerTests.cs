using ActivityWatch.Anomalies.Features;
using ActivityWatch.Anomalies.Profiles;
using ActivityWatch.Anomalies.Scoring;
using ActivityWatch.Anomalies.Tests.Support;

namespace ActivityWatch.Anomalies.Tests.Scoring;

public class AnomalyScorerTests(TrainedOnSimulation model) : IClassFixture<TrainedOnSimulation>
{
    private static AnomalyScorer ScorerWithAliceHistory()
    {
        var scorer = new AnomalyScorer(new ActivityFeaturizer(new ProfileBook()));
        foreach (var record in Activity.OfficeWeeks()) scorer.Featurizer.Featurize(ActivityFacts.From(record));
        return scorer;
    }

    private static readonly DateTimeOffset Night = Activity.Monday.AddDays(15).AddHours(3).AddMinutes(10);

    [Fact]
    public void InjectedAttack_ScoresAboveEveryBenignCall()
    {
        var scorer = ScorerWithAliceHistory();
        var m = model.Trained.Model;
        var benign = Activity.OfficeWeeks(3).Skip(Activity.OfficeWeeks(2).Count())
            .Select(r => scorer.Score(ActivityFacts.From(r), m, m.Card.Threshold).Score).Max();

        var attack = scorer.Score(ActivityFacts.From(Activity.Call(Night, "iam", "CreateAccessKey", Activity.AttackerIp, Activity.KaliAgent)), m, m.Card.Threshold);

        Assert.True(attack.Score > benign, $"attack {attack.Score} vs benign max {benign}");
        Assert.True(attack.Anomalous);
    }

    [Fact]
    public void Explanation_SaysWhatWasFirstAndWhen()
    {
        var scorer = ScorerWithAliceHistory();
        var m = model.Trained.Model;

        var scored = scorer.Score(ActivityFacts.From(Activity.Call(Night, "iam", "CreateAccessKey", Activity.AttackerIp, Activity.KaliAgent)), m, m.Card.Threshold);

        Assert.NotEmpty(scored.TopFeatures);
        Assert.True(scored.TopFeatures.Count <= AnomalyScorer.MaxReasons);
        Assert.Contains("first", scored.Explanation);
        var expected = new[] { "first time user alice called iam:CreateAccessKey", "first request from 203.0.113.0/24", "03:10 UTC on a Tuesday is unusual for this principal", "first use of the client" };
        Assert.Contains(expected, e => scored.Explanation.Contains(e));
    }

    [Fact]
    public void ExplanationPhrases_NameTheSubject()
    {
        var facts = ActivityFacts.From(Activity.Call(Night, "iam", "CreateAccessKey", Activity.AttackerIp, Activity.KaliAgent));
        var profile = new PrincipalProfile { Id = Activity.Alice };

        var text = AnomalyExplanation.Describe(facts, profile, [FeatureNames.ApiFirst, FeatureNames.NetworkFirst, FeatureNames.HourUnusual]);

        Assert.Equal("first time user alice called iam:CreateAccessKey; first request from 203.0.113.0/24; 03:10 UTC on a Tuesday is unusual for this principal", text);
    }

    [Fact]
    public void FeedbackOnAPattern_SuppressesIt_ButNotOtherPatterns()
    {
        var m = model.Trained.Model;
        var attack = Activity.Call(Night, "iam", "CreateAccessKey", Activity.AttackerIp, Activity.KaliAgent);
        var first = ScorerWithAliceHistory().Score(ActivityFacts.From(attack), m, m.Card.Threshold);
        var rejected = new HashSet<string> { AnomalySignature.Key(first.Facts.Principal, first.Signature) };

        var again = ScorerWithAliceHistory().Score(ActivityFacts.From(attack), m, m.Card.Threshold, (p, s) => rejected.Contains(AnomalySignature.Key(p, s)));
        var other = ScorerWithAliceHistory().Score(ActivityFacts.From(attack), m, m.Card.Threshold, (p, s) => rejected.Contains(AnomalySignature.Key("arn:aws:iam::111122223333:user/bob", s)));

        Assert.True(first.Anomalous);
        Assert.False(again.Anomalous);
        Assert.Equal(first.Signature, again.Signature);
        Assert.True(other.Anomalous);
    }

    [Fact]
    public void FeedbackPattern_IsExcludedFromTheNextTraining()
    {
        var m = model.Trained.Model;
        var attack = Activity.Call(Night, "iam", "CreateAccessKey", Activity.AttackerIp, Activity.KaliAgent);
        var first = ScorerWithAliceHistory().Score(ActivityFacts.From(attack), m, m.Card.Threshold);
        var feedback = new HashSet<string> { AnomalySignature.Key(first.Facts.Principal, first.Signature) };
        var set = new ActivityWatch.Training.TrainingSet();
        foreach (var record in Activity.OfficeWeeks()) set.Add(record);
        var before = set.Rows.Count;

        set.Add(attack, feedback, vector =>
        {
            var residual = new float[vector.Length];
            return AnomalyScorer.TopFeatures(residual, m.Residual(vector, residual));
        });

        Assert.Equal(before, set.Rows.Count);
        Assert.Equal(1, set.ExcludedByFeedback);
    }
}
