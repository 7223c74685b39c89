using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace ActivityWatch.Api.Tests.Support;

/// <summary>
/// A TCP relay in front of the real PostgreSQL: stopping it is the database going away for
/// whoever connects through it (open connections are cut, new ones refused), without stopping
/// the server the other tests share.
/// </summary>
public sealed class PostgresProxy : IAsyncDisposable
{
    private readonly string _host;
    private readonly int _port;
    private readonly ConcurrentDictionary<TcpClient, byte> _open = new();
    private TcpListener? _listener;

    public PostgresProxy(string connectionString)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        _host = target.Host ?? "127.0.0.1";
        _port = target.Port;
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        builder.Host = "127.0.0.1";
        builder.Port = Port;
        builder.Timeout = 5;
        ConnectionString = builder.ConnectionString;
        Start();
    }

    public int Port { get; }

    /// <summary>The target's connection string, through the relay.</summary>
    public string ConnectionString { get; }

    public void Start()
    {
        var listener = new TcpListener(IPAddress.Loopback, Port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        _listener = listener;
        _ = AcceptAsync(listener);
    }

    /// <summary>Refuses new connections and cuts the open ones.</summary>
    public void Stop()
    {
        _listener?.Stop();
        _listener = null;
        foreach (var client in _open.Keys) client.Dispose();
        _open.Clear();
    }

    private async Task AcceptAsync(TcpListener listener)
    {
        while (true)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync();
            }
            catch (Exception error) when (error is SocketException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        var upstream = new TcpClient();
        _open[client] = 0;
        _open[upstream] = 0;
        try
        {
            await upstream.ConnectAsync(_host, _port);
            var a = client.GetStream();
            var b = upstream.GetStream();
            await Task.WhenAny(a.CopyToAsync(b), b.CopyToAsync(a));
        }
        catch (Exception error) when (error is IOException or SocketException or ObjectDisposedException)
        {
        }
        finally
        {
            _open.TryRemove(client, out _);
            _open.TryRemove(upstream, out _);
            client.Dispose();
            upstream.Dispose();
        }
    }

    public ValueTask DisposeAsync()
    {
        Stop();
        return ValueTask.CompletedTask;
    }
}
