namespace ActivityWatch.Ingestion.Parsing.Detection;

internal enum ObjectKind { Undecided, RecordsArray, EventsArray, Digest, EventBridge, CloudTrailRecord }
