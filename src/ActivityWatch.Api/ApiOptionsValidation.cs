using Microsoft.Extensions.Options;

namespace ActivityWatch.Api;

/// <summary>Refuses to start with settings that would open a hole (OIDC without an audience) or make no sense.</summary>
public sealed class ApiOptionsValidation : IValidateOptions<ApiOptions>
{
    public ValidateOptionsResult Validate(string? name, ApiOptions options)
    {
        var problems = new List<string>();
        if (options.Oidc.Problem() is { } oidc) problems.Add(oidc);
        if (options.LiveRecheckInterval <= TimeSpan.Zero || options.LiveRecheckInterval > TimeSpan.FromMinutes(1))
            problems.Add("ActivityWatch:Api:LiveRecheckInterval must be more than zero and at most 00:01:00.");
        if (options.LiveStreamsPerCaller < 1) problems.Add("ActivityWatch:Api:LiveStreamsPerCaller must be at least 1.");
        if (options.MaxRangeDays < 1) problems.Add("ActivityWatch:Api:MaxRangeDays must be at least 1.");
        if (options.RateLimit.PermitsPerMinute < 1 || options.RateLimit.ConcurrentRequests < 1)
            problems.Add("ActivityWatch:Api:RateLimit:PermitsPerMinute and ConcurrentRequests must be at least 1 (set Enabled to false to turn it off).");
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
