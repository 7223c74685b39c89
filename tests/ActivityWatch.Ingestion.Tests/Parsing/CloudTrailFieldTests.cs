using System.Text.Json;
using ActivityWatch.Ingestion.Parsing;
using ActivityWatch.Monitoring.Records;
using static ActivityWatch.Ingestion.Tests.Parsing.CloudTrailSamples;
using static ActivityWatch.Ingestion.Tests.Parsing.ParsingKit;

namespace ActivityWatch.Ingestion.Tests.Parsing;

public class CloudTrailFieldTests
{
    [Fact]
    public async Task Record_MapsTheDocumentedFields()
    {
        var record = await ReadSingleAsync(Records(Record()));

        Assert.Equal(LogSources.CloudTrail, record.Source);
        Assert.Equal("cloudtrail:123456789012:e755e09c-42f9-4c5c-9064-EXAMPLE228c7", record.RecordKey);
        Assert.Equal("e755e09c-42f9-4c5c-9064-EXAMPLE228c7", record.RecordId);
        Assert.Equal(new DateTimeOffset(2024, 1, 15, 9, 30, 12, TimeSpan.Zero), record.EventTime);
        Assert.Equal("1.09", record.EventVersion);
        Assert.Equal("ec2.amazonaws.com", record.EventSource);
        Assert.Equal("StartInstances", record.EventName);
        Assert.Equal("AwsApiCall", record.EventType);
        Assert.Equal("us-east-1", record.AwsRegion);
        Assert.Equal("192.0.2.10", record.SourceIp);
        Assert.StartsWith("aws-cli/2.13.5", record.UserAgent);
        Assert.Equal("123456789012", record.AccountId);
        Assert.False(record.ReadOnly);
        Assert.Null(record.Mfa);
        Assert.Equal(Source, record.SourceObject);
        Assert.Equal(0, record.Position);
        Assert.Equal(JsonValueKind.Object, record.Raw!.Value.ValueKind);
    }

    [Fact]
    public async Task ConsoleLogin_TakesMfaFromMfaUsed()
    {
        var record = await ReadSingleAsync(Records(RootConsoleLogin));

        Assert.Equal("arn:aws:iam::123456789012:root", record.Principal);
        Assert.Equal(IdentityTypes.Root, record.IdentityType);
        Assert.False(record.Mfa);
        Assert.Equal("AwsConsoleSignIn", record.EventType);
    }

    [Theory]
    [InlineData("\"Yes\"", true)]
    [InlineData("\"yes\"", true)]
    [InlineData("\"No\"", false)]
    [InlineData("true", true)]
    public async Task ConsoleLogin_MfaUsed_AcceptsStringAndJsonBooleans(string mfaUsed, bool expected)
    {
        var record = await ReadSingleAsync(Records(RootConsoleLogin.Replace("\"MFAUsed\":\"No\"", "\"MFAUsed\":" + mfaUsed)));

        Assert.Equal(expected, record.Mfa);
    }

    [Theory]
    [InlineData("\"true\"", true)]
    [InlineData("\"True\"", true)]
    [InlineData("true", true)]
    [InlineData("\"false\"", false)]
    [InlineData("false", false)]
    public async Task MfaAuthenticated_AcceptsStringAndJsonBooleans(string value, bool expected)
    {
        var identity = AssumedRoleIdentity.Replace("\"mfaAuthenticated\":\"true\"", "\"mfaAuthenticated\":" + value);

        var record = await ReadSingleAsync(Records(Record(identity)));

        Assert.Equal(expected, record.Mfa);
    }

    [Theory]
    [InlineData("\"true\"", true)]
    [InlineData("\"false\"", false)]
    [InlineData("true", true)]
    [InlineData("null", null)]
    public async Task ReadOnly_AcceptsStringAndJsonBooleans(string value, bool? expected)
    {
        var record = await ReadSingleAsync(Records(Record().Replace("\"readOnly\":false", "\"readOnly\":" + value)));

        Assert.Equal(expected, record.ReadOnly);
    }

    [Fact]
    public async Task RecordWithoutEventId_IsKeyedByTheSha256OfItsBytes()
    {
        var bare = Record(eventId: "");

        var record = await ReadSingleAsync(Records(bare));

        Assert.Null(record.RecordId);
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Utf8(bare)));
        Assert.Equal("cloudtrail-sha256:" + expected, record.RecordKey);
    }

    [Fact]
    public async Task OldEventVersion_ParsesWhatIsThere()
    {
        var record = await ReadSingleAsync(Records(OldVersion));

        Assert.Equal("1.02", record.EventVersion);
        Assert.Equal("StopInstances", record.EventName);
        Assert.Null(record.EventType);
        Assert.Null(record.ReadOnly);
        Assert.Equal("123456789012", record.AccountId);
        Assert.Equal("cloudtrail:123456789012:6bb2ab3a-EXAMPLE-old", record.RecordKey);
    }

    [Fact]
    public async Task NullsWhereStringsAreExpected_ReadAsNull()
    {
        var record = await ReadSingleAsync(Records(Record(extra: "").Replace("\"sourceIPAddress\":\"192.0.2.10\"", "\"sourceIPAddress\":null")
            .Replace("\"awsRegion\":\"us-east-1\"", "\"awsRegion\":null")));

        Assert.Null(record.SourceIp);
        Assert.Null(record.AwsRegion);
    }

    [Fact]
    public async Task PolicyDocumentAsJsonString_StaysAStringInRaw()
    {
        var record = await ReadSingleAsync(Records(PutRolePolicyWithPolicyString));

        var policy = record.Raw!.Value.GetProperty("requestParameters").GetProperty("policyDocument");
        Assert.Equal(JsonValueKind.String, policy.ValueKind);
        Assert.Contains("\"Action\": \"*\"", policy.GetString());
        Assert.Equal("PutRolePolicy", record.EventName);
    }

    [Fact]
    public async Task UnknownFields_ArePreservedInRaw_ExactlyAsLogged()
    {
        var logged = Record(extra: ",\"futureField\":{\"nested\":[1,2,{\"x\":\"y\"}]},\"sessionCredentialFromConsole\":\"true\"");

        var record = await ReadSingleAsync(Records(logged));

        Assert.Equal(logged, record.Raw!.Value.GetRawText());
        Assert.Equal("y", record.Raw.Value.GetProperty("futureField").GetProperty("nested")[2].GetProperty("x").GetString());
    }

    [Fact]
    public async Task Raw_OutlivesTheLogObject()
    {
        ActivityRecorded record;
        await using (var log = await LogObjectReader.OpenAsync(new MemoryStream(Utf8(Records(Record(), Record(eventId: "second")))), Source, default))
        {
            var all = new List<ParsedRecord>();
            await foreach (var parsed in log.ReadAsync(0, default)) all.Add(parsed);
            record = all[0].Record!;
        }

        Assert.Equal("StartInstances", record.Raw!.Value.GetProperty("eventName").GetString());
    }

    [Fact]
    public async Task EventTimeWithOffset_IsNormalisedToUtc()
    {
        var record = await ReadSingleAsync(Records(Record(eventTime: "2024-01-15T11:30:12+02:00")));

        Assert.Equal(new DateTimeOffset(2024, 1, 15, 9, 30, 12, TimeSpan.Zero), record.EventTime);
        Assert.Equal(TimeSpan.Zero, record.EventTime.Offset);
    }
}
