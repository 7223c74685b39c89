using System.IO.Compression;
using ActivityWatch.Ingestion.Parsing.Formats;
using ActivityWatch.Ingestion.Parsing.Framing;

namespace ActivityWatch.Ingestion.Parsing;

/// <summary>
/// Opens one log object (a file or an S3 object) for reading: recognises gzip by its magic bytes
/// (S3 servers and copies drop or keep Content-Encoding unpredictably, and names lie) and the
/// format by the first non-whitespace bytes.
/// </summary>
public static class LogObjectReader
{
    /// <param name="content">The object's bytes; read once, front to back, and left open.</param>
    /// <param name="sourceObject">The file path or s3:// URI, for records and rejections.</param>
    public static Task<LogObject> OpenAsync(Stream content, string sourceObject, CancellationToken ct) =>
        OpenAsync(content, sourceObject, ReaderLimits.Default, ct);

    /// <param name="hashContent">Keep the SHA-256 of the decompressed content (<see cref="LogObject.FinishContentHashAsync"/>).</param>
    internal static async Task<LogObject> OpenAsync(Stream content, string sourceObject, ReaderLimits limits, CancellationToken ct, bool hashContent = false)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(sourceObject);
        var magic = new byte[2];
        var read = 0;
        while (read < magic.Length)
        {
            var n = await content.ReadAsync(magic.AsMemory(read), ct).ConfigureAwait(false);
            if (n == 0) break;
            read += n;
        }
        Stream decoded = new PrefixedStream(magic.AsMemory(0, read), content);
        GzipTrailerWatch? gzip = null;
        if (read == 2 && magic[0] == 0x1f && magic[1] == 0x8b)
        {
            gzip = new GzipTrailerWatch(decoded);
            decoded = new GZipStream(gzip, CompressionMode.Decompress, leaveOpen: false);
        }
        var hashing = hashContent ? new HashingStream(decoded) : null;
        if (hashing is not null) decoded = hashing;
        var window = new StreamWindow(decoded, gzip, limits);
        try
        {
            var format = await FormatSniffer.SniffAsync(window, ct).ConfigureAwait(false);
            return new LogObject(sourceObject, decoded, window, format, gzip is not null, hashing);
        }
        catch
        {
            window.Dispose();
            await decoded.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
