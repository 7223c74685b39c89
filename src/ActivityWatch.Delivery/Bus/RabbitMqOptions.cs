namespace ActivityWatch.Delivery.Bus;

/// <summary>Section "ActivityWatch:Bus:RabbitMq". RabbitMQ is used exactly when Host is set.</summary>
public sealed class RabbitMqOptions
{
    public string? Host { get; set; }
    public ushort Port { get; set; } = 5672;
    public string VirtualHost { get; set; } = "/";
    public string Username { get; set; } = "guest";
    public string Password { get; set; } = "guest";

    public bool Enabled => !string.IsNullOrWhiteSpace(Host);
}
