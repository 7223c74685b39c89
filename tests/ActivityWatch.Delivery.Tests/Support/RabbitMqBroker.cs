using System.Diagnostics;
using System.Net.Sockets;

namespace ActivityWatch.Delivery.Tests.Support;

/// <summary>
/// The real RabbitMQ the tests use (scripts/services/rabbitmq.sh, started by scripts/test.sh).
/// Each test gets a virtual host of its own, so queues and exchanges never collide across
/// tests or parallel runs.
/// </summary>
public static class RabbitMqBroker
{
    public const string HostVariable = "ActivityWatch__Test__RabbitMq__Host";
    public const ushort Port = 5672;

    public static string Host =>
        Environment.GetEnvironmentVariable(HostVariable) is { Length: > 0 } host
            ? host
            : throw new InvalidOperationException(
                $"{HostVariable} is not set: these tests need the real RabbitMQ. Run `scripts/services/rabbitmq.sh start` " +
                $"and export the line it prints (scripts/test.sh does both).");

    /// <summary>Bus settings for a host on a new virtual host of this broker.</summary>
    public static async Task<Dictionary<string, string?>> NewVirtualHostAsync(string name)
    {
        var host = Host;
        var vhost = $"aw-test-{name}-{Guid.NewGuid():N}"[..Math.Min(60, 8 + name.Length + 1 + 32)];
        await RabbitMqCtlAsync("add_vhost", vhost);
        await RabbitMqCtlAsync("set_permissions", "-p", vhost, "guest", ".*", ".*", ".*");
        return new Dictionary<string, string?>
        {
            ["ActivityWatch:Bus:RabbitMq:Host"] = host,
            ["ActivityWatch:Bus:RabbitMq:Port"] = Port.ToString(),
            ["ActivityWatch:Bus:RabbitMq:VirtualHost"] = vhost,
            ["ActivityWatch:Bus:RabbitMq:Username"] = "guest",
            ["ActivityWatch:Bus:RabbitMq:Password"] = "guest",
        };
    }

    public static Task DeleteVirtualHostAsync(IReadOnlyDictionary<string, string?> settings) =>
        RabbitMqCtlAsync("delete_vhost", settings["ActivityWatch:Bus:RabbitMq:VirtualHost"]!);

    /// <summary>Stops the broker application (the Erlang node stays up): every AMQP connection drops.</summary>
    public static Task StopAsync() => RabbitMqCtlAsync("stop_app");

    public static async Task StartAsync()
    {
        await RabbitMqCtlAsync("start_app");
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await AcceptsConnectionsAsync())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("RabbitMQ did not open its AMQP port within 60 s of start_app");
            await Task.Delay(250);
        }
    }

    private static async Task<bool> AcceptsConnectionsAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(Host, Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static async Task RabbitMqCtlAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("rabbitmqctl") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-q");
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("rabbitmqctl did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"rabbitmqctl {string.Join(' ', arguments)} failed ({process.ExitCode}): {await error}{await output}");
        }
    }
}
