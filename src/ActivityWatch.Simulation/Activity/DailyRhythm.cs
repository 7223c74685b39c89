namespace ActivityWatch.Simulation.Activity;

/// <summary>Shapes of activity over the day.</summary>
internal static class DailyRhythm
{
    /// <summary>Customer traffic follows Europe's and America's daytime: lowest around 04:00 UTC.</summary>
    public static double CustomerTraffic(DateTimeOffset utc)
    {
        var hour = utc.Hour + utc.Minute / 60.0;
        return 0.6 + 0.4 * Math.Sin((hour - 10.0) / 24.0 * 2 * Math.PI);
    }

    /// <summary>People slow down over lunch.</summary>
    public static double Office(DateTimeOffset local) => local.Hour == 12 ? 0.4 : 1.0;

    public static bool IsWeekend(DateTimeOffset local) => local.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
}
