using System.Security.Cryptography;
using ActivityWatch.Ingestion.Parsing;
using ActivityWatch.Monitoring.Records;
using static ActivityWatch.Ingestion.Tests.Parsing.ParsingKit;
using static ActivityWatch.Ingestion.Tests.Parsing.S3AccessLogSamples;

namespace ActivityWatch.Ingestion.Tests.Parsing;

public class S3AccessLogTests
{
    [Fact]
    public async Task CurrentLine_MapsTheDocumentedFields()
    {
        var (format, positions) = await ReadAllAsync(Current + "\n");

        Assert.Equal(LogFormat.S3AccessLog, format);
        var record = Assert.Single(positions).Record!;
        Assert.Equal(LogSources.S3Access, record.Source);
        Assert.Equal("3E57427F3EXAMPLE", record.RecordId);
        Assert.Equal(new DateTimeOffset(2019, 2, 6, 0, 0, 38, TimeSpan.Zero), record.EventTime);
        Assert.Equal("192.0.2.3", record.SourceIp);
        Assert.Equal("s3.amazonaws.com", record.EventSource);
        Assert.Equal("REST.GET.OBJECT", record.EventName);
        Assert.Equal("amzn-s3-demo-bucket1", record.Bucket);
        Assert.Equal("photos/2019/my cat+dog.jpg", record.ObjectKey);
        Assert.Equal(200, record.HttpStatus);
        Assert.Null(record.ErrorCode);
        Assert.Equal(113, record.BytesSent);
        Assert.Null(record.Mfa);
        Assert.Equal(Current, record.RawLine);
        Assert.Equal("s3-access:" + Convert.ToHexStringLower(SHA256.HashData(Utf8(Current))), record.RecordKey);
    }

    [Fact]
    public async Task AssumedRoleRequester_RollsUpToTheRole_WithTheSessionName()
    {
        var record = (await ReadAllAsync(Current)).Positions[0].Record!;

        Assert.Equal(IdentityTypes.AssumedRole, record.IdentityType);
        Assert.Equal("arn:aws:iam::123456789012:role/ops/Reader", record.Principal);
        Assert.Equal("alice@example.com", record.SessionName);
        Assert.Equal("123456789012", record.AccountId);
    }

    [Fact]
    public async Task QuotedUserAgent_KeepsSpacesAndEscapedQuotes()
    {
        var record = (await ReadAllAsync(Current)).Positions[0].Record!;

        Assert.Equal("aws-cli/2.13.5 Python/3.11.4 Linux/5.10 exe/x86_64 \"quoted\" command/s3.cp", record.UserAgent);
    }

    [Fact]
    public async Task AnonymousRequester_IsAnonymous()
    {
        var record = (await ReadAllAsync(Anonymous)).Positions[0].Record!;

        Assert.Equal(Principals.Anonymous, record.Principal);
        Assert.Equal(IdentityTypes.Anonymous, record.IdentityType);
        Assert.Null(record.AccountId);
        Assert.Equal(403, record.HttpStatus);
        Assert.Equal("AccessDenied", record.ErrorCode);
        Assert.Equal("Mozilla/5.0 (X11; Linux x86_64)", record.UserAgent);
    }

    [Fact]
    public async Task OldLine_EndingAfterTheUserAgent_IsRead_WithACanonicalIdRequester()
    {
        var record = (await ReadAllAsync(Old)).Positions[0].Record!;

        Assert.Equal("s3-canonical:" + Owner, record.Principal);
        Assert.Equal(IdentityTypes.Unknown, record.IdentityType);
        Assert.Null(record.ObjectKey);
        Assert.Equal("S3Console/0.4", record.UserAgent);
    }

    [Fact]
    public async Task ExtraTrailingFields_AreTolerated()
    {
        var (_, positions) = await ReadAllAsync(WithExtraFields + "\r\n" + Current + "\r\n");

        Assert.Equal(2, positions.Count);
        Assert.Equal(positions[1].Record!.Principal, positions[0].Record!.Principal);
        Assert.Equal(WithExtraFields, positions[0].Record!.RawLine);
    }

    [Fact]
    public async Task IamUserRequester_AndNegativeOffsetTime()
    {
        var record = (await ReadAllAsync(IamUser)).Positions[0].Record!;

        Assert.Equal(IdentityTypes.IamUser, record.IdentityType);
        Assert.Equal("arn:aws:iam::123456789012:user/Alice", record.Principal);
        Assert.Equal(new DateTimeOffset(2024, 1, 16, 1, 29, 59, TimeSpan.Zero), record.EventTime);
        Assert.Null(record.BytesSent);
    }

    [Fact]
    public async Task RootRequester_IsRoot()
    {
        var line = IamUser.Replace("arn:aws:iam::123456789012:user/Alice", "arn:aws:iam::123456789012:root");

        var record = (await ReadAllAsync(line)).Positions[0].Record!;

        Assert.Equal(IdentityTypes.Root, record.IdentityType);
        Assert.Equal(Principals.Root("123456789012"), record.Principal);
    }

    [Theory]
    [InlineData("[06/Feb/2019:00:00:38 +0000", "field 3 (time): '[' is never closed")]
    [InlineData("[06/Foo/2019:00:00:38 +0000]", "field 3 (time)")]
    [InlineData("[06/Feb/2019:00:00:38]", "field 3 (time)")]
    public async Task MalformedTime_IsRejectedNamingTheField_KeepingTheNeighbours(string badTime, string expectedReason)
    {
        var bad = Current.Replace("[06/Feb/2019:00:00:38 +0000]", badTime);
        var content = Anonymous + "\n" + bad + "\n" + IamUser + "\n";

        var (_, positions) = await ReadAllAsync(content);

        AssertWellFormed(positions);
        Assert.Equal(3, positions.Count);
        Assert.NotNull(positions[0].Record);
        Assert.NotNull(positions[2].Record);
        var rejection = positions[1].Rejection!;
        Assert.Contains(expectedReason, rejection.Reason);
        Assert.Equal(2, rejection.Line);
        Assert.Equal(Anonymous.Length + 1, rejection.ByteOffset);
        Assert.StartsWith(Owner, rejection.Excerpt);
    }

    [Fact]
    public async Task UnbalancedQuote_IsRejected()
    {
        var bad = Old[..^1];

        var (_, positions) = await ReadAllAsync(Anonymous + "\n" + bad + "\n");

        Assert.NotNull(positions[0].Record);
        Assert.Contains("field 17 (user-agent): quote is never closed", positions[1].Rejection!.Reason);
    }

    [Fact]
    public async Task TooFewFields_IsRejected()
    {
        var bad = Owner + " amzn-s3-demo-bucket1 [06/Feb/2019:00:00:38 +0000] 192.0.2.3 - 3E57427F3EXAMPLE REST.GET.OBJECT";

        var (_, positions) = await ReadAllAsync(Anonymous + "\n" + bad);

        Assert.Equal(2, positions.Count);
        Assert.Contains("too few fields: 7", positions[1].Rejection!.Reason);
    }

    [Fact]
    public async Task MisalignedNumber_IsRejectedNamingTheField()
    {
        var bad = Anonymous.Replace(" 403 AccessDenied ", " four-oh-three AccessDenied ");

        var (_, positions) = await ReadAllAsync(Anonymous + "\n" + bad + "\n");

        Assert.Contains("field 10 (HTTP status)", positions[1].Rejection!.Reason);
    }
}
