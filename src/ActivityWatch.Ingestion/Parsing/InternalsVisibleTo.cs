using System.Runtime.CompilerServices;

// The parsing tests check internal limits (buffer peak) that callers never need to see.
[assembly: InternalsVisibleTo("ActivityWatch.Ingestion.Tests")]
