using ActivityWatch.Simulation.Catalog;
using ActivityWatch.Simulation.Rendering;

namespace ActivityWatch.Simulation.Activity;

/// <summary>A person working office hours in their time zone: signs in when a session starts, then
/// calls their habitual APIs in bursts, with the odd AccessDenied.</summary>
internal sealed class PersonActor(SimulatedPerson person, WeightedCalls habits, string samlProvider) : Actor
{
    private readonly List<(DateTimeOffset Start, DateTimeOffset End)> _sessions = [];
    private DateOnly _scheduledFor;
    private int _sessionIndex = -1;
    private Caller? _caller;

    public SimulatedPerson Person => person;

    public override void Plan(DateTimeOffset window, PlanningContext context)
    {
        var local = window.ToOffset(TimeSpan.FromHours(person.UtcOffsetHours));
        var today = DateOnly.FromDateTime(local.DateTime);
        if (today != _scheduledFor)
        {
            Schedule(today, local, context);
        }

        var active = _sessions.FindIndex(s => window >= s.Start && window < s.End);
        if (active < 0)
        {
            return;
        }

        var random = context.Random;
        if (active != _sessionIndex)
        {
            _sessionIndex = active;
            _caller = SignIn(context.TimeIn(window), context);
        }

        // People work in bursts: a window is busy or idle, and busy windows carry the mean.
        if (!random.Chance(0.7))
        {
            return;
        }

        var count = random.Poisson(HabitPools.CallsPerWindow(person.Archetype) / 0.7 * DailyRhythm.Office(local) * context.Options.Rate);
        for (var i = 0; i < count; i++)
        {
            var api = habits.Next(random);
            var outcome = random.Chance(0.012) ? CallOutcome.AccessDenied
                : api.Service == "iam" && api.ReadOnly && api.Target != TargetKind.None && random.Chance(0.02) ? CallOutcome.NotFound
                : CallOutcome.Success;
            context.Add(context.TimeIn(window), _caller!, api, random.Pick(person.Regions), outcome);
        }
    }

    private void Schedule(DateOnly today, DateTimeOffset local, PlanningContext context)
    {
        var random = context.Random;
        _scheduledFor = today;
        _sessions.Clear();
        _sessionIndex = -1;
        var midnight = new DateTimeOffset(today.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(person.UtcOffsetHours));
        if (DailyRhythm.IsWeekend(local))
        {
            if (random.Chance(0.08))
            {
                var start = midnight.AddHours(13 + random.Next(5));
                _sessions.Add((start, start.AddMinutes(30 + random.Next(60))));
            }

            return;
        }

        if (random.Chance(0.94))
        {
            var start = midnight.AddHours(8).AddMinutes(random.Next(100));
            _sessions.Add((start, start.AddHours(8).AddMinutes(random.Next(90))));
        }

        if (random.Chance(0.1))
        {
            var evening = midnight.AddHours(20).AddMinutes(random.Next(60));
            _sessions.Add((evening, evening.AddMinutes(20 + random.Next(40))));
        }
    }

    private Caller SignIn(DateTimeOffset time, PlanningContext context)
    {
        var random = context.Random;
        var browser = person.UserAgent.StartsWith("Mozilla", StringComparison.Ordinal);
        var region = person.Regions[0];
        var key = random.AwsId("ASIA", 16);
        switch (person.SignIn)
        {
            case SignInMethod.Sso:
                var role = person.SsoRole!;
                var target = new CallTarget { Role = role, SessionName = person.Email, IssuedAccessKeyId = key };
                context.Add(time, Callers.Saml(person.AccountId, person.Email, role, person.SourceIp, person.UserAgent, samlProvider), ApiCatalog.AssumeRoleWithSaml, region, target: target);
                var session = Callers.Role(role, person.Email, person.SourceIp, person.UserAgent, time, key) with { ConsoleSession = browser };
                if (browser)
                {
                    // Federated sign-ins log MFAUsed "No" even when the identity provider enforced MFA.
                    var signIn = session with { AccessKeyId = "" };
                    context.Add(time.AddSeconds(2), signIn, ApiCatalog.ConsoleLogin, region, mfaUsed: false);
                }

                return session;
            case SignInMethod.IamConsole:
                var user = person.User!;
                var scenario = user.HasMfa ? null : ScenarioIds.ConsoleLoginWithoutMfa;
                context.Add(time, Callers.UserSignIn(user, person.SourceIp, person.UserAgent), ApiCatalog.ConsoleLogin, region, scenario: scenario, mfaUsed: user.HasMfa);
                return Callers.UserConsole(user, person.SourceIp, person.UserAgent, time, key);
            default:
                return Callers.UserKey(person.User!, person.SourceIp, person.UserAgent);
        }
    }
}
