namespace ActivityWatch.Ingestion.Parsing.CloudTrail;

internal readonly record struct ResolvedIdentity(string IdentityType, string Principal, string? SessionName);
