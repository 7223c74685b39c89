using Marten;
using Marten.Services;

namespace ActivityWatch.Delivery.Publishing;

/// <summary>The subscription writes nothing to Marten, so it has nothing to do around the daemon's commit.</summary>
internal sealed class NullChangeListener : IChangeListener
{
    public static readonly NullChangeListener Instance = new();

    public Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token) => Task.CompletedTask;

    public Task BeforeCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token) => Task.CompletedTask;
}
