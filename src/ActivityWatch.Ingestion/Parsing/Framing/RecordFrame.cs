using System.Text.Json;

namespace ActivityWatch.Ingestion.Parsing.Framing;

/// <summary>
/// The bytes of one position, or why its bytes could not be framed. <see cref="Bytes"/> points
/// into the read buffer: it is valid only until the enumerator moves on. <see cref="Parsed"/> is
/// set when the fast path already parsed the bytes (their UTF-8 is not yet checked).
/// </summary>
internal readonly record struct RecordFrame(
    ReadOnlyMemory<byte> Bytes,
    long ByteOffset,
    long? Line,
    string? Problem = null,
    string? Excerpt = null,
    JsonElement? Parsed = null);
