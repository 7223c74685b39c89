namespace ActivityWatch.Api.Tests.Support;

/// <summary>The security headers every response must carry.</summary>
public static class Headers
{
    public static void AssertSecure(HttpResponseMessage response)
    {
        Assert.Contains("frame-ancestors 'none'", Csp(response));
        Assert.Equal("nosniff", Value(response, "X-Content-Type-Options"));
        Assert.Equal("no-referrer", Value(response, "Referrer-Policy"));
    }

    public static string Csp(HttpResponseMessage response) => Value(response, "Content-Security-Policy");

    public static string Value(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(",", values)
            : "";
}
