namespace ActivityWatch.Ingestion.Aws.S3;

/// <summary>An s3://bucket/key-or-prefix location.</summary>
public readonly record struct S3Uri(string Bucket, string Key)
{
    public const string Scheme = "s3://";

    public static bool IsS3(string value) => value.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase);

    public static S3Uri Parse(string value)
    {
        if (!IsS3(value)) throw new FormatException($"Not an s3:// URI: {value}");
        var rest = value[Scheme.Length..];
        var slash = rest.IndexOf('/');
        var bucket = slash < 0 ? rest : rest[..slash];
        if (bucket.Length == 0) throw new FormatException($"No bucket in {value}");
        return new S3Uri(bucket, slash < 0 ? "" : rest[(slash + 1)..]);
    }

    public override string ToString() => $"{Scheme}{Bucket}/{Key}";
}
