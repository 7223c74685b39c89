using System.Net.Http.Headers;

namespace ActivityWatch.Api.Tests.Support;

/// <summary>Reading /api/alerts/stream as a client does: line by line, with a deadline.</summary>
public static class LiveStreams
{
    public static async Task<(HttpResponseMessage Response, StreamReader Reader)> OpenAsync(HttpClient client)
    {
        var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/alerts/stream")
        {
            Headers = { Accept = { new MediaTypeWithQualityHeaderValue("text/event-stream") } },
        }, HttpCompletionOption.ResponseHeadersRead);
        return (response, new StreamReader(await response.Content.ReadAsStreamAsync()));
    }

    /// <summary>Every line until the server ends the stream; fails if it is still open after <paramref name="timeout"/>.</summary>
    public static async Task<List<string>> ReadToEndAsync(StreamReader reader, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        var lines = new List<string>();
        try
        {
            while (await reader.ReadLineAsync(deadline.Token) is { } line) lines.Add(line);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"the stream was still open after {timeout}: {string.Join(" | ", lines)}");
        }
        return lines;
    }

    /// <summary>Lines up to and including the first that satisfies <paramref name="match"/>.</summary>
    public static async Task<string> ReadUntilAsync(StreamReader reader, Func<string, bool> match, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        var seen = new List<string>();
        try
        {
            while (await reader.ReadLineAsync(deadline.Token) is { } line)
            {
                if (match(line)) return line;
                seen.Add(line);
            }
        }
        catch (OperationCanceledException)
        {
        }
        Assert.Fail($"no matching line within {timeout}: {string.Join(" | ", seen.TakeLast(10))}");
        return "";
    }
}
