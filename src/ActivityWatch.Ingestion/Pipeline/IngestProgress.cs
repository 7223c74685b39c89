namespace ActivityWatch.Ingestion.Pipeline;

public readonly record struct IngestProgress(int FilesDone, int FilesTotal, long Records, long Ingested, long Rejected);
