namespace ActivityWatch.Simulation.Estate;

/// <summary>
/// Chooses each attack's subject, moment and variant: subjects that fit the attack (a key user for
/// a leaked key, an administrator of the guardrails for switching one off), different ones for each
/// injection while the pool lasts, at the subject's working hours on a weekday.
/// </summary>
internal static class EstateAttackPlanner
{
    public static IReadOnlyList<EstateAttack> Plan(EstateCast cast, int perKind, DateTimeOffset from, DateTimeOffset until, int seed)
    {
        var random = new Random(unchecked(seed * 7919 + 29));
        var people = cast.People.Where(p => !p.NewHire).ToList();
        var keyUsers = people.Where(p => p.Person.SignIn == SignInMethod.IamAccessKey && p.User!.Name != "ci-deployer").ToList();
        var consoleUsers = people.Where(p => p.Person.SignIn == SignInMethod.IamConsole).ToList();
        var readers = people.Where(p => p.User is not null && (p.Calls("s3:GetObject") || p.Calls("s3:ListObjects"))
                                         || p.Person.Archetype == PersonArchetype.DataAnalyst).ToList();
        var admins = people.Where(p => p.Person.Archetype is PersonArchetype.Auditor or PersonArchetype.Operator).ToList();
        var workloads = cast.Workloads.Where(w => !w.Added && w.EndDay >= cast.Workloads.Max(x => x.EndDay)
                                                  && w.Workload.Archetype is WorkloadArchetype.ApiFunction or WorkloadArchetype.QueueWorker or WorkloadArchetype.InstanceAgent).ToList();
        var attacks = new List<EstateAttack>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var kind in EstateAttackKinds.All)
        {
            var pool = kind switch
            {
                EstateAttackKinds.LeakedKeyFromCloud => Names(keyUsers),
                EstateAttackKinds.DiscoverySpreadThin => Interleave(workloads.Select(w => w.Name).ToList(), Names(keyUsers)),
                EstateAttackKinds.SelfCreatedAccessKey => Interleave(Names(consoleUsers), Names(keyUsers)),
                EstateAttackKinds.BulkReadAtNormalHours => Names(readers),
                EstateAttackKinds.PassRoleToNewCompute => Interleave(Names(keyUsers), Names(admins.Where(a => a.User is not null))),
                EstateAttackKinds.FirstAssumedRole => Interleave(Names(keyUsers), Names(consoleUsers)),
                _ => Names(admins),
            };
            // Subjects no other attack has used come first, so one class's traces do not hide another's.
            var offset = random.Next(Math.Max(1, pool.Count));
            var ordered = pool.Skip(offset).Concat(pool.Take(offset)).OrderBy(name => used.Contains(name) ? 1 : 0).ToList();
            for (var round = 0; round < perKind && ordered.Count > 0; round++)
            {
                var subject = ordered[round % ordered.Count];
                used.Add(subject);
                var person = cast.People.FirstOrDefault(p => p.Name == subject);
                var utcOffset = person?.Person.UtcOffsetHours ?? 0;
                attacks.Add(new EstateAttack(kind, WorkingMoment(from, until, utcOffset, random), subject, round % 2));
            }
        }
        return attacks.OrderBy(a => a.At).ToList();
    }

    private static List<string> Names(IEnumerable<EstatePerson> people) => people.Select(p => p.Name).Distinct(StringComparer.Ordinal).ToList();

    private static List<string> Interleave(List<string> a, List<string> b)
    {
        var result = new List<string>();
        for (var i = 0; i < Math.Max(a.Count, b.Count); i++)
        {
            if (i < a.Count) result.Add(a[i]);
            if (i < b.Count) result.Add(b[i]);
        }
        return result;
    }

    /// <summary>10:00-14:00 local on a weekday, with the day's end still inside the window.</summary>
    private static DateTimeOffset WorkingMoment(DateTimeOffset from, DateTimeOffset until, int utcOffset, Random random)
    {
        var days = Math.Max(1, (int)(until - from).TotalDays - 1);
        for (var attempt = 0; ; attempt++)
        {
            var day = from.UtcDateTime.Date.AddDays(random.Next(days));
            if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday && attempt < 50) continue;
            var local = new DateTimeOffset(day.AddHours(10).AddMinutes(random.Next(240)), TimeSpan.Zero).AddHours(-utcOffset);
            var at = new DateTimeOffset(local.UtcDateTime.Ticks - local.UtcDateTime.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
            if (at >= from && at < until.AddHours(-10) || attempt >= 50) return at;
        }
    }
}
