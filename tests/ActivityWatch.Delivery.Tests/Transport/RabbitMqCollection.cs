namespace ActivityWatch.Delivery.Tests.Transport;

/// <summary>Tests on the shared broker run one after another: one of them stops it.</summary>
[CollectionDefinition(Name)]
public sealed class RabbitMqCollection
{
    public const string Name = "RabbitMQ";
}
