namespace ActivityWatch.Ingestion.Aws.Sqs;

/// <summary>What to do with a message once its work is done (or has failed).</summary>
public enum MessageAction
{
    /// <summary>Its records are durably stored (or there were none): delete it.</summary>
    Delete,
    /// <summary>Try again later: leave it to reappear when its visibility timeout ends.</summary>
    Retry,
    /// <summary>Poison: send it to the dead-letter queue with <see cref="MessageVerdict.Reason"/>, then delete it.</summary>
    DeadLetter,
}
