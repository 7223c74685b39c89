namespace ActivityWatch.Delivery.Bus;

/// <summary>
/// Section "ActivityWatch:Bus:Retry": exponential backoff for a consumer that failed (a webhook
/// that answered 5xx or timed out). After the last retry the message goes to the queue's
/// _error queue, where an operator can move it back.
/// </summary>
public sealed class RetryOptions
{
    public int Limit { get; set; } = 8;
    public TimeSpan MinInterval { get; set; } = TimeSpan.FromSeconds(1);
    public TimeSpan MaxInterval { get; set; } = TimeSpan.FromMinutes(2);
    public TimeSpan IntervalDelta { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long one webhook POST may take before it counts as failed.</summary>
    public TimeSpan WebhookTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
