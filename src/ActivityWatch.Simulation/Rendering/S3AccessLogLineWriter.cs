using System.Globalization;
using System.Net;
using System.Text;
using ActivityWatch.Simulation.Catalog;
using ActivityWatch.Simulation.Randomness;

namespace ActivityWatch.Simulation.Rendering;

/// <summary>Renders an S3 request as a server access log line: the 27 space-separated fields of
/// https://docs.aws.amazon.com/AmazonS3/latest/userguide/LogFormat.html, time in brackets, request-URI,
/// referer and user agent in quotes, "-" for anything not applicable.</summary>
internal sealed class S3AccessLogLineWriter(SimulationRandom random, IReadOnlyDictionary<string, string> canonicalOwnerByAccount)
{
    private readonly StringBuilder _line = new(640);

    public string Write(PlannedCall call)
    {
        var target = call.Target;
        var bucket = target.Bucket!;
        var api = call.Api;
        var caller = call.Caller;
        var anonymous = caller.Type == IdentityType.Anonymous;
        var (status, error) = call.Outcome switch
        {
            CallOutcome.AccessDenied => (403, "AccessDenied"),
            CallOutcome.NotFound => (404, "NoSuchKey"),
            CallOutcome.Throttled => (503, "SlowDown"),
            _ => (api.S3Operation == "BATCH.DELETE.OBJECT" ? 204 : 200, "-"),
        };
        var ok = status < 300;
        var isObject = api.Target == TargetKind.Object;
        var bytesSent = !ok ? 243 : api.S3Operation switch
        {
            "REST.GET.OBJECT" => target.Bytes,
            "REST.GET.BUCKET" => 1_200 + random.Next(40_000),
            "REST.PUT.OBJECT" or "REST.HEAD.OBJECT" or "BATCH.DELETE.OBJECT" => 0,
            _ => 300 + random.Next(1_500),
        };
        var totalMs = 4 + random.Next(isObject ? 400 : 60);

        _line.Clear();
        Field(canonicalOwnerByAccount.GetValueOrDefault(bucket.AccountId, "-"));
        Field(bucket.Name);
        Field(Format.S3AccessTime(call.Time));
        Field(IPAddress.TryParse(caller.SourceIp, out _) ? caller.SourceIp : "-");
        Field(anonymous ? "-" : caller.Arn ?? "-");
        Field(target.RequestId ?? random.UpperHexString(16));
        Field(api.S3Operation!);
        Field(isObject ? Uri.EscapeDataString(target.Key!).Replace("%2F", "/", StringComparison.Ordinal) : "-");
        Field("\"" + RequestUri(api, target) + "\"");
        Field(status.ToString(CultureInfo.InvariantCulture));
        Field(error);
        Field(bytesSent == 0 ? "-" : bytesSent.ToString(CultureInfo.InvariantCulture));
        Field(isObject && api.S3Operation != "BATCH.DELETE.OBJECT" ? target.Bytes.ToString(CultureInfo.InvariantCulture) : "-");
        Field(totalMs.ToString(CultureInfo.InvariantCulture));
        Field(ok && api.S3Operation != "REST.PUT.OBJECT" ? (1 + random.Next(Math.Max(2, totalMs / 2))).ToString(CultureInfo.InvariantCulture) : "-");
        Field("\"-\"");
        Field("\"" + caller.UserAgent + "\"");
        Field("-");
        Field(target.HostId ?? random.Base64(76) + "=");
        Field(anonymous ? "-" : "SigV4");
        Field(caller.UserAgent.Length % 3 == 0 ? "ECDHE-RSA-AES128-GCM-SHA256" : "TLS_AES_128_GCM_SHA256");
        Field(anonymous ? "-" : "AuthHeader");
        Field($"{bucket.Name}.s3.{bucket.Region}.amazonaws.com");
        Field(caller.UserAgent.Length % 3 == 0 ? "TLSv1.2" : "TLSv1.3");
        Field("-");
        Field("-");
        _line.Append(caller.VpcEndpointId is not null || caller.CallsFromAwsService ? call.Region : "-");
        return _line.ToString();
    }

    private void Field(string value) => _line.Append(value).Append(' ');

    private static string RequestUri(ApiCall api, CallTarget target)
    {
        var key = target.Key is null ? "" : Uri.EscapeDataString(target.Key).Replace("%2F", "/", StringComparison.Ordinal);
        return api.S3Operation switch
        {
            "REST.GET.OBJECT" => $"GET /{key} HTTP/1.1",
            "REST.HEAD.OBJECT" => $"HEAD /{key} HTTP/1.1",
            "REST.PUT.OBJECT" => $"PUT /{key} HTTP/1.1",
            "BATCH.DELETE.OBJECT" => "POST /?delete HTTP/1.1",
            "REST.GET.BUCKET" => $"GET /?list-type=2&prefix={Uri.EscapeDataString(target.Bucket!.Prefixes[0])} HTTP/1.1",
            "REST.GET.ACL" => "GET /?acl HTTP/1.1",
            "REST.GET.BUCKETPOLICY" => "GET /?policy HTTP/1.1",
            "REST.PUT.BUCKETPOLICY" => "PUT /?policy HTTP/1.1",
            "REST.GET.VERSIONING" => "GET /?versioning HTTP/1.1",
            "REST.GET.LOCATION" => "GET /?location HTTP/1.1",
            _ => "GET / HTTP/1.1",
        };
    }
}
