using ActivityWatch.Simulation.Activity;
using ActivityWatch.Simulation.Catalog;
using ActivityWatch.Simulation.Rendering;
using static ActivityWatch.Simulation.Catalog.ApiCatalog;

namespace ActivityWatch.Simulation.Estate;

/// <summary>
/// A person of the estate at work, with the novelty real people bring: a day at home or in a
/// hotel, a minor client upgrade and now and then a new laptop, one more API of a service they
/// use, a key rotated, a CloudShell session, on-call weekends through the shared on-call role,
/// and for new hires, a first fortnight of firsts.
/// </summary>
internal sealed class EstatePersonActor(EstatePerson cast, EstateCast estate, string samlProvider) : Actor
{
    private readonly List<Session> _sessions = [];
    private readonly List<ApiCall> _adopted = [];
    private readonly List<(DateTimeOffset At, ApiCall Api)> _explore = [];
    private DateOnly _scheduledFor;
    private int _sessionIndex = -1;
    private Caller? _caller;
    private Caller? _onCall;
    private double _dayVolume = 1;
    private int _tripUntil = -1;
    private string _hotelIp = "";
    private string? _currentKey = cast.User?.AccessKeyId;
    private (string Key, int Day)? _retiringKey;
    private int _lastRotation = -100;
    private DateTimeOffset _rotateAt = DateTimeOffset.MaxValue;

    private sealed record Session(DateTimeOffset Start, DateTimeOffset End, string Ip, string Agent, bool OnCall, bool CloudShell);

    public override void Plan(DateTimeOffset window, PlanningContext context)
    {
        var person = cast.Person;
        var local = window.ToOffset(TimeSpan.FromHours(person.UtcOffsetHours));
        var today = DateOnly.FromDateTime(local.DateTime);
        if (today != _scheduledFor) Schedule(today, local, context);

        var active = _sessions.FindIndex(s => window >= s.Start && window < s.End);
        if (active < 0) return;
        var random = context.Random;
        var session = _sessions[active];
        if (active != _sessionIndex)
        {
            _sessionIndex = active;
            _caller = SignIn(context.TimeIn(window), session, context);
            _onCall = session.OnCall || (person.Archetype == PersonArchetype.Operator && random.Chance(0.04)) ? AssumeOnCall(window, session, context) : null;
        }

        var region = person.Regions[0];
        if (window <= _rotateAt && _rotateAt < window + PlanningContext.Window) Rotate(window, session, context);
        foreach (var (at, api) in _explore.Where(e => e.At >= window && e.At < window + PlanningContext.Window).ToList())
        {
            var times = 1 + random.Next(3);
            for (var i = 0; i < times; i++) context.Add(at.AddSeconds(i * (5 + random.Next(60))), _caller!, api, random.Pick(person.Regions));
            if (random.Chance(0.4) && !_adopted.Contains(api)) _adopted.Add(api);
        }

        if (!random.Chance(0.7)) return;
        var mean = HabitPools.CallsPerWindow(person.Archetype) / 0.7 * DailyRhythm.Office(local) * context.Options.Rate * _dayVolume;
        if (session.OnCall || session.CloudShell) mean *= 0.6;
        var count = random.Poisson(mean);
        for (var i = 0; i < count; i++)
        {
            var api = _adopted.Count > 0 && random.Chance(0.08) ? random.Pick(_adopted) : cast.Habits.Next(random);
            var outcome = random.Chance(0.012) ? CallOutcome.AccessDenied
                : api.Service == "iam" && api.ReadOnly && api.Target != TargetKind.None && random.Chance(0.02) ? CallOutcome.NotFound
                : CallOutcome.Success;
            var who = _onCall is not null && random.Chance(0.5) ? _onCall : _caller!;
            if (who == _onCall && random.Chance(0.3)) api = random.Pick(OnCallActions);
            context.Add(context.TimeIn(window), who, api, random.Pick(person.Regions), outcome);
        }
        if (_retiringKey is { } old && Day(window) >= old.Day && cast.User is { } user && session.Start <= window)
        {
            context.Add(context.TimeIn(window), _caller!, DeactivateAccessKey, region, target: new CallTarget { UserName = user.Name, Name = old.Key });
            _retiringKey = null;
        }
    }

    private static readonly ApiCall[] OnCallActions = [DescribeInstances, GetMetricData, FilterLogEvents, RebootInstances, SendCommand, DescribeAlarms];

    private int Day(DateTimeOffset time) => (int)Math.Floor((time - estate.Start).TotalDays);

    private void Schedule(DateOnly today, DateTimeOffset local, PlanningContext context)
    {
        var random = context.Random;
        _scheduledFor = today;
        _sessions.Clear();
        _explore.Clear();
        _sessionIndex = -1;
        _rotateAt = DateTimeOffset.MaxValue;
        var midnight = new DateTimeOffset(today.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(cast.Person.UtcOffsetHours));
        var day = Day(midnight.AddHours(12));
        if (day < cast.StartDay) return;
        var agent = cast.AgentOn(day);
        _dayVolume = Math.Exp(0.35 * Normal(random));
        if (day == cast.StartDay && cast.NewHire) Onboard(midnight.AddHours(9).AddMinutes(random.Next(30)), context);

        if (DailyRhythm.IsWeekend(local))
        {
            var week = day / 7;
            if (cast.OnCall && (week + cast.OnCallSlot) % 4 == 0)
            {
                // Pages come at any hour; the on-call engineer works from home.
                for (var page = 0; page < 1 + random.Next(3); page++)
                {
                    var start = midnight.AddHours(random.Next(24)).AddMinutes(random.Next(60));
                    _sessions.Add(new Session(start, start.AddMinutes(20 + random.Next(50)), cast.HomeIp, agent, true, false));
                }
            }
            else if (random.Chance(0.06))
            {
                var start = midnight.AddHours(10 + random.Next(9));
                _sessions.Add(new Session(start, start.AddMinutes(30 + random.Next(60)), cast.HomeIp, agent, false, false));
            }
            _sessions.Sort((a, b) => a.Start.CompareTo(b.Start));
            return;
        }

        string ip;
        if (day <= _tripUntil) ip = _hotelIp;
        else if (random.Chance(0.025))
        {
            _tripUntil = day + random.Next(3);
            _hotelIp = EstateNetworks.HotelAddress(random);
            ip = _hotelIp;
        }
        else ip = random.Chance(cast.HomeShare) ? cast.HomeIp : cast.Person.SourceIp;

        if (random.Chance(0.94))
        {
            var start = midnight.AddHours(8).AddMinutes(random.Next(100));
            var end = start.AddHours(8).AddMinutes(random.Next(90));
            _sessions.Add(new Session(start, end, ip, agent, false, false));
            var young = cast.NewHire && day < cast.StartDay + 10;
            var tries = random.Chance(young ? 0.5 : 0.06) ? 1 + (young ? random.Next(3) : 0) : 0;
            for (var i = 0; i < tries && cast.Explore.Count > 0; i++)
            {
                _explore.Add((start.AddMinutes(20 + random.Next(400)), random.Pick(cast.Explore)));
            }
            if (cast.Person.SignIn != SignInMethod.IamAccessKey && random.Chance(0.012))
            {
                var shell = start.AddMinutes(60 + random.Next(300));
                _sessions.Add(new Session(shell, shell.AddMinutes(10 + random.Next(30)), EstateNetworks.Ec2Address(cast.Person.Regions[0], random),
                    UserAgents.CloudShell, false, true));
            }
            if (cast.Person.SignIn == SignInMethod.IamAccessKey && day - _lastRotation > 20 && random.Chance(1.0 / 45))
            {
                _rotateAt = start.AddMinutes(10 + random.Next(200));
                _lastRotation = day;
            }
        }

        if (random.Chance(0.1))
        {
            var evening = midnight.AddHours(20).AddMinutes(random.Next(60));
            _sessions.Add(new Session(evening, evening.AddMinutes(20 + random.Next(40)), cast.HomeIp, agent, false, false));
        }
        _sessions.Sort((a, b) => a.Start.CompareTo(b.Start));
    }

    private static double Normal(Randomness.SimulationRandom random) =>
        Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2.0 * Math.PI * random.NextDouble());

    /// <summary>Key rotation as AWS recommends it: a second key created, used at once, the old one deactivated the next working day.</summary>
    private void Rotate(DateTimeOffset window, Session session, PlanningContext context)
    {
        if (cast.User is not { } user || _currentKey is null) return;
        var random = context.Random;
        var key = random.AwsId("AKIA", 16);
        context.Add(context.TimeIn(window), _caller!, CreateAccessKey, cast.Person.Regions[0], target: new CallTarget { UserName = user.Name, IssuedAccessKeyId = key });
        _retiringKey = (_currentKey, Day(window) + 1);
        _currentKey = key;
        _caller = Callers.UserKey(user with { AccessKeyId = key }, session.Ip, session.Agent);
    }

    /// <summary>A new hire's first morning: an administrator creates their user and credentials.</summary>
    private void Onboard(DateTimeOffset at, PlanningContext context)
    {
        if (cast.User is not { } user) return;
        var admin = estate.People.FirstOrDefault(p => p.Person.Archetype == PersonArchetype.Operator && p.User is not null && p.Person.AccountId == user.AccountId && !p.NewHire);
        if (admin is null) return;
        var adminCaller = Callers.UserConsole(admin.User!, admin.Person.SourceIp, admin.Person.UserAgent, at, context.Random.AwsId("ASIA", 16));
        var region = admin.Person.Regions[0];
        context.Add(at, adminCaller, CreateUser, region, target: new CallTarget { UserName = user.Name });
        context.Add(at.AddSeconds(40), adminCaller, user.AccessKeyId is null ? CreateLoginProfile : CreateAccessKey, region,
            target: new CallTarget { UserName = user.Name, IssuedAccessKeyId = user.AccessKeyId });
    }

    private Caller AssumeOnCall(DateTimeOffset window, Session session, PlanningContext context)
    {
        var role = estate.OnCallRoles[cast.Person.AccountId];
        var time = context.TimeIn(window).AddSeconds(30);
        var key = context.Random.AwsId("ASIA", 16);
        var name = cast.Person.Email;
        context.Add(time, _caller!, AssumeRole, cast.Person.Regions[0], target: new CallTarget { Role = role, SessionName = name, IssuedAccessKeyId = key });
        return Callers.Role(role, name, session.Ip, session.Agent, time, key);
    }

    private Caller SignIn(DateTimeOffset time, Session session, PlanningContext context)
    {
        var person = cast.Person;
        var random = context.Random;
        var browser = session.Agent.StartsWith("Mozilla", StringComparison.Ordinal);
        var region = person.Regions[0];
        var key = random.AwsId("ASIA", 16);
        switch (person.SignIn)
        {
            case SignInMethod.Sso:
                var role = person.SsoRole!;
                context.Add(time, Callers.Saml(person.AccountId, person.Email, role, session.Ip, session.Agent, samlProvider), AssumeRoleWithSaml, region,
                    target: new CallTarget { Role = role, SessionName = person.Email, IssuedAccessKeyId = key });
                var sso = Callers.Role(role, person.Email, session.Ip, session.Agent, time, key) with { ConsoleSession = browser || session.CloudShell };
                if (browser) context.Add(time.AddSeconds(2), sso with { AccessKeyId = "" }, ConsoleLogin, region, mfaUsed: false);
                return sso;
            case SignInMethod.IamConsole:
                var user = person.User!;
                if (!session.CloudShell) context.Add(time, Callers.UserSignIn(user, session.Ip, session.Agent), ConsoleLogin, region, mfaUsed: user.HasMfa);
                return Callers.UserConsole(user, session.Ip, session.Agent, time, key);
            default:
                return Callers.UserKey(person.User! with { AccessKeyId = _currentKey }, session.Ip, session.Agent);
        }
    }
}
