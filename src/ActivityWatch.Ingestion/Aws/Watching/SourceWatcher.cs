using ActivityWatch.Ingestion.Aws.S3;
using ActivityWatch.Ingestion.Aws.Sqs;
using ActivityWatch.Ingestion.Aws.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ActivityWatch.Ingestion.Aws.Watching;

/// <summary>
/// `watch`: polls every configured prefix and consumes every configured queue, side by side,
/// until stopped. A source that fails (unreachable, no permission) is reported and tried again
/// after a backoff; it never stops the others.
/// </summary>
public sealed class SourceWatcher(
    S3PrefixPoller poller,
    QueueConsumer consumer,
    SourceLedger ledger,
    IOptions<SourcesOptions> sources,
    TimeProvider time,
    ILogger<SourceWatcher> logger)
{
    public bool HasSources => sources.Value.S3Prefixes.Count > 0 || sources.Value.Queues.Count > 0;

    public Task RunAsync(CancellationToken cancellationToken)
    {
        if (sources.Value.Queues.Count > 0 && new ObjectAllowList(sources.Value).IsEmpty)
            logger.LogWarning("Queues are configured but no ActivityWatch:Sources:S3Prefixes or AllowedBuckets: every object a message names will be dead-lettered unread");
        return Task.WhenAll(
            sources.Value.S3Prefixes.Select(prefix => LoopAsync(prefix, () => PollAsync(prefix, cancellationToken), sources.Value.PollInterval, cancellationToken))
                .Concat(sources.Value.Queues.Select(queue => LoopAsync(queue, () => ReceiveAsync(queue, cancellationToken), TimeSpan.Zero, cancellationToken))));
    }

    /// <summary>One poll of every prefix and queues read until empty: for scripts, cron jobs and tests.</summary>
    public async Task<WatchRound> RunOnceAsync(CancellationToken cancellationToken)
    {
        var round = new WatchRound();
        foreach (var prefix in sources.Value.S3Prefixes)
        {
            var result = await poller.PollAsync(prefix, cancellationToken);
            round = round with { Objects = round.Objects + result.Objects, Records = round.Records + result.Records, Failures = round.Failures + result.Failures };
        }
        foreach (var queue in sources.Value.Queues)
        {
            QueueReceipt receipt;
            do
            {
                receipt = await consumer.ReceiveBatchAsync(queue, waitSeconds: 1, cancellationToken);
                round = round with
                {
                    Messages = round.Messages + receipt.Messages,
                    Objects = round.Objects + receipt.Objects,
                    Records = round.Records + receipt.Records,
                    Failures = round.Failures + receipt.Failures,
                };
            } while (receipt.Messages > 0);
        }
        return round;
    }

    private async Task<int> PollAsync(string prefix, CancellationToken cancellationToken)
    {
        var result = await poller.PollAsync(prefix, cancellationToken);
        if (result.Objects > 0 || result.Failures > 0)
            logger.LogInformation("{Prefix}: {Objects} objects, {Records} records, {Failures} failures", prefix, result.Objects, result.Records, result.Failures);
        return result.Objects;
    }

    private Task<int> ReceiveAsync(string queue, CancellationToken cancellationToken) =>
        consumer.ReceiveOnceAsync(queue, sources.Value.QueueWaitSeconds, cancellationToken);

    private async Task LoopAsync(string source, Func<Task<int>> step, TimeSpan interval, CancellationToken cancellationToken)
    {
        var failures = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var wait = interval;
            try
            {
                await step();
                failures = 0;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error)
            {
                failures++;
                await ledger.RecordErrorAsync(source, null, SourceErrorKind.SourceUnavailable, error.Message, cancellationToken);
                // Exponential backoff, capped, so an outage is not hammered and recovery is noticed within minutes.
                wait = TimeSpan.FromSeconds(Math.Min(300, Math.Pow(2, Math.Min(failures, 8))));
            }
            if (wait > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(wait, time, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
