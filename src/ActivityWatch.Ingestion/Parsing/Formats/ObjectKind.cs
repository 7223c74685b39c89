namespace ActivityWatch.Ingestion.Parsing.Formats;

internal enum ObjectKind { Undecided, RecordsArray, EventsArray, Digest, EventBridge, CloudTrailRecord }
