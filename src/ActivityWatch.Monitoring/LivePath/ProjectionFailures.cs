using ActivityWatch.Monitoring.Records;
using JasperFx.Events;
using Marten;
using Marten.Exceptions;

namespace ActivityWatch.Monitoring.LivePath;

/// <summary>
/// How a live-path member keeps one record's failure to itself: it catches what the record caused,
/// stores a <see cref="ProjectionFailure"/> in the unit of work that also records the page as done,
/// and goes on with the next record.
/// </summary>
public static class ProjectionFailures
{
    private const int MessageLength = 2_000;

    /// <summary>
    /// True for what a record can cause (a parse of hostile JSON, a bug meeting an odd shape); false for
    /// a cancelled run or a database that failed: those are not the record's fault, and the daemon
    /// retries the page rather than blame a record for them.
    /// </summary>
    public static bool IsCausedByRecord(Exception error) =>
        error is not (OperationCanceledException or System.Data.Common.DbException or MartenException or OutOfMemoryException);

    public static void Record(IDocumentOperations operations, string member, IEvent @event, Exception error, TimeProvider time)
    {
        var record = @event.Data as ActivityRecorded;
        operations.Store(new ProjectionFailure
        {
            Id = $"{member}:{@event.Id}",
            Member = member,
            EventId = @event.Id,
            Sequence = @event.Sequence,
            SourceObject = record?.SourceObject,
            Position = record?.Position,
            Error = error.GetType().Name,
            Message = RecordText.Clean(error.Message, MessageLength) ?? "",
            FailedAt = time.GetUtcNow(),
        });
    }
}
