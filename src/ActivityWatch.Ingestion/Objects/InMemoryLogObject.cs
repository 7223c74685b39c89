using System.Security.Cryptography;

namespace ActivityWatch.Ingestion.Objects;

/// <summary>Log content already in memory: an SQS message body, an EventBridge event, a test's records.</summary>
public sealed class InMemoryLogObject(string name, ReadOnlyMemory<byte> content) : ILogObject
{
    public string Name { get; } = name;

    public string? Fingerprint { get; } = Convert.ToHexString(SHA256.HashData(content.Span))[..32];

    public Task<Stream> OpenAsync(CancellationToken cancellationToken) =>
        Task.FromResult<Stream>(new MemoryStream(content.ToArray(), writable: false));
}
