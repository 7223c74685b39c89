using ActivityWatch.Api;

namespace ActivityWatch.Api.Tests.Support;

/// <summary>
/// The test assembly's entry point, which WebApplicationFactory runs to build the app. Settings
/// arrive through an AsyncLocal rather than the factory's UseSetting: the host reads some
/// configuration while registering services (the daemon role), before the factory's settings apply.
/// </summary>
public static class ApiTestEntryPoint
{
    public static readonly AsyncLocal<IDictionary<string, string?>?> Settings = new();

    public static void Main(string[] args) => ApiApplication.Build(args, Settings.Value).Run();
}
