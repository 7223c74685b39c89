using Amazon.SQS;
using Amazon.SQS.Model;
using Microsoft.Extensions.Logging;

namespace ActivityWatch.Ingestion.Aws.Sqs;

/// <summary>
/// Keeps a message invisible while it is processed: every third of the visibility timeout it
/// asks for a fresh timeout (ChangeMessageVisibility), so a big object is not handed to a second
/// consumer half-way through. Stopping it leaves the last timeout running, which is what a crash does.
/// </summary>
public sealed class VisibilityHeartbeat : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public VisibilityHeartbeat(IAmazonSQS sqs, string queueUrl, string receiptHandle, int timeoutSeconds, ILogger logger)
    {
        _loop = BeatAsync(sqs, queueUrl, receiptHandle, Math.Max(1, timeoutSeconds), logger, _stop.Token);
    }

    public int Extensions { get; private set; }

    private async Task BeatAsync(IAmazonSQS sqs, string queueUrl, string receiptHandle, int timeoutSeconds, ILogger logger, CancellationToken stop)
    {
        var period = TimeSpan.FromSeconds(timeoutSeconds / 3.0);
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(period, stop);
                await sqs.ChangeMessageVisibilityAsync(new ChangeMessageVisibilityRequest
                {
                    QueueUrl = queueUrl,
                    ReceiptHandle = receiptHandle,
                    VisibilityTimeout = timeoutSeconds,
                }, stop);
                Extensions++;
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (AmazonSQSException error)
            {
                // The next beat tries again; if the message became visible meanwhile, the worst case
                // is a second consumer reading it, which the idempotent write path absorbs.
                logger.LogWarning(error, "Could not extend the visibility of a message on {Queue}", queueUrl);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
