using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace ActivityWatch.Delivery.Tests.Support;

/// <summary>A webhook receiver on 127.0.0.1 that records each POST body and can fail the first N.</summary>
public sealed class WebhookServer : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly ConcurrentQueue<JsonNode> _received = new();
    private readonly Task _loop;
    private int _failuresLeft;
    private int _attempts;

    /// <param name="path">Where the hook listens, e.g. a Slack-like "services/T.../B.../secret/" (ends with '/').</param>
    public WebhookServer(int failFirst = 0, string path = "hook/")
    {
        _failuresLeft = failFirst;
        // A free port is found by binding port 0 and letting it go; a test running beside this one
        // can take it before the listener starts ("Address already in use"), so try another.
        for (var attempt = 1; ; attempt++)
        {
            var listener = new HttpListener();
            var url = $"http://127.0.0.1:{FreePort()}/{path}";
            listener.Prefixes.Add(url);
            try
            {
                listener.Start();
                (_listener, Url) = (listener, url);
                break;
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                listener.Close();
            }
        }
        _loop = Task.Run(ServeAsync);
    }

    public string Url { get; }

    /// <summary>Bodies of the requests answered 200.</summary>
    public IReadOnlyList<JsonNode> Received => _received.ToArray();

    public int Attempts => Volatile.Read(ref _attempts);

    public async Task<IReadOnlyList<JsonNode>> WaitForAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (_received.Count < count)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Webhook got {_received.Count} of {count} posts ({Attempts} attempts)");
            await Task.Delay(50);
        }
        return Received;
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (!_listener.IsListening)
            {
                return;
            }
            catch (HttpListenerException)
            {
                return;
            }
            Interlocked.Increment(ref _attempts);
            using var reader = new StreamReader(context.Request.InputStream);
            var body = await reader.ReadToEndAsync();
            if (Interlocked.Decrement(ref _failuresLeft) >= 0)
            {
                context.Response.StatusCode = 503;
            }
            else
            {
                _received.Enqueue(JsonNode.Parse(body)!);
                context.Response.StatusCode = 200;
            }
            context.Response.Close();
        }
    }

    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop;
    }
}
