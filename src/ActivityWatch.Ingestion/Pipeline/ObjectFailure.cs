namespace ActivityWatch.Ingestion.Pipeline;

public sealed record ObjectFailure(string Object, string Reason);
