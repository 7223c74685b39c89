using ActivityWatch.Contracts.Alerts;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace ActivityWatch.Delivery.Logging;

/// <summary>
/// One structured log line per alert change, at Information: `serve` and `watch` show it, while a
/// batch command such as `ingest` (Warning and above on a terminal) sums its alerts up instead of
/// printing hundreds of lines. The fields are named so a log pipeline can index them.
/// </summary>
public sealed class LogAlertConsumer(ILogger<LogAlertConsumer> logger) : IConsumer<AlertPublished>
{
    public Task Consume(ConsumeContext<AlertPublished> context)
    {
        var alert = context.Message;
        logger.LogInformation(
            "Alert {Change}: {Severity} {RuleId} \"{Title}\" principal={Principal} account={AccountId} count={Count} " +
            "firstSeen={FirstSeen:o} lastSeen={LastSeen:o} alertId={AlertId} version={Version} cis={Cis} eventIds={EventIds}",
            alert.Change, alert.Severity, alert.RuleId, alert.Title, alert.Principal, alert.AccountId, alert.Count,
            alert.FirstSeen, alert.LastSeen, alert.AlertId, alert.Version, string.Join(",", alert.Cis), string.Join(",", alert.EventIds));
        return Task.CompletedTask;
    }
}
