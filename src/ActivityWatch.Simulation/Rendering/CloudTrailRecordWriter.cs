using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ActivityWatch.Simulation.Catalog;
using ActivityWatch.Simulation.Randomness;

namespace ActivityWatch.Simulation.Rendering;

/// <summary>Renders a planned call as one compact CloudTrail record, fields in the order AWS writes them.
/// One instance reuses its buffer; it is not thread-safe.</summary>
internal sealed class CloudTrailRecordWriter(SimulationRandom random)
{
    // Relaxed escaping keeps '+' and quotes in user agents and policies readable, as AWS prints them.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private Utf8JsonWriter? _json;

    public string Write(PlannedCall call)
    {
        _buffer.ResetWrittenCount();
        if (_json is null)
        {
            _json = new Utf8JsonWriter(_buffer, WriterOptions);
        }
        else
        {
            _json.Reset(_buffer);
        }

        var j = _json;
        var api = call.Api;
        var caller = call.Caller;
        var context = new RenderContext(call, random);
        var isSignIn = api.EventType == "AwsConsoleSignIn";
        var isServiceEvent = api.EventType == "AwsServiceEvent";

        j.WriteStartObject();
        j.WriteString("eventVersion", api.EventVersion);
        UserIdentityWriter.Write(j, caller);
        j.WriteString("eventTime", Format.EventTime(call.Time));
        j.WriteString("eventSource", api.EventSource);
        j.WriteString("eventName", api.Name);
        j.WriteString("awsRegion", call.Region);
        j.WriteString("sourceIPAddress", caller.SourceIp);
        j.WriteString("userAgent", caller.UserAgent);
        WriteError(j, call, isSignIn);

        WriteObjectOrNull(j, "requestParameters", isSignIn || isServiceEvent ? null : api.Request, context);
        var succeeded = call.Outcome == CallOutcome.Success || isSignIn;
        WriteObjectOrNull(j, "responseElements", succeeded ? api.Response : null, context);
        if (api.AdditionalData is not null)
        {
            j.WriteStartObject("additionalEventData");
            api.AdditionalData(j, context);
            j.WriteEndObject();
        }

        j.WriteString("requestID", call.Target.RequestId ?? random.Uuid());
        j.WriteString("eventID", random.Uuid());
        j.WriteBoolean("readOnly", api.ReadOnly);
        WriteResources(j, context);
        j.WriteString("eventType", api.EventType);
        j.WriteBoolean("managementEvent", !api.DataEvent);
        j.WriteString("recipientAccountId", context.AccountId);
        if (caller.VpcEndpointId is not null)
        {
            j.WriteString("vpcEndpointId", caller.VpcEndpointId);
            j.WriteString("vpcEndpointAccountId", caller.AccountId);
        }

        j.WriteString("eventCategory", api.DataEvent ? "Data" : "Management");
        if (!isSignIn && !caller.CallsFromAwsService)
        {
            WriteTls(j, call);
        }

        if (caller.ConsoleSession && !isSignIn)
        {
            j.WriteString("sessionCredentialFromConsole", "true");
        }

        j.WriteEndObject();
        j.Flush();
        return Encoding.UTF8.GetString(_buffer.WrittenSpan);
    }

    private static void WriteError(Utf8JsonWriter j, PlannedCall call, bool isSignIn)
    {
        var api = call.Api;
        var who = call.Caller.Arn ?? call.Caller.Principal;
        switch (call.Outcome)
        {
            // A failed console sign-in has no errorCode, only this message (CIS 5.6 matches on it).
            case CallOutcome.AccessDenied when isSignIn:
                j.WriteString("errorMessage", "Failed authentication");
                break;
            case CallOutcome.AccessDenied:
                j.WriteString("errorCode", api.DeniedErrorCode);
                j.WriteString("errorMessage", api.Service == "ec2"
                    ? "You are not authorized to perform this operation. User: " + who + " is not authorized to perform: " + api.Action + " because no identity-based policy allows the " + api.Action + " action"
                    : "User: " + who + " is not authorized to perform: " + api.Action + " because no identity-based policy allows the " + api.Action + " action");
                break;
            case CallOutcome.Throttled:
                j.WriteString("errorCode", api.ThrottledErrorCode);
                j.WriteString("errorMessage", "Rate exceeded");
                break;
            case CallOutcome.NotFound:
                j.WriteString("errorCode", api.Service == "iam" ? "NoSuchEntityException" : "ResourceNotFoundException");
                j.WriteString("errorMessage", $"The {(api.Target == TargetKind.Role ? "role" : "user")} with name {call.Target.Role?.Name ?? call.Target.UserName ?? call.Target.Name} cannot be found.");
                break;
        }
    }

    private static void WriteObjectOrNull(Utf8JsonWriter j, string name, ParameterWriter? writer, RenderContext context)
    {
        if (writer is null)
        {
            j.WriteNull(name);
            return;
        }

        j.WriteStartObject(name);
        writer(j, context);
        j.WriteEndObject();
    }

    private static void WriteResources(Utf8JsonWriter j, RenderContext c)
    {
        var api = c.Call.Api;
        if (api.IsS3 && c.Target.Bucket is not null)
        {
            j.WriteStartArray("resources");
            ApiCatalog.WriteS3Resources(j, c);
            j.WriteEndArray();
            return;
        }

        var (type, arn) = api.Target switch
        {
            TargetKind.Key => ("AWS::KMS::Key", c.Target.Arn),
            TargetKind.Role when api.Service == "sts" => ("AWS::IAM::Role", c.Target.Role?.Arn),
            TargetKind.Trail => ("AWS::CloudTrail::Trail", c.Target.Arn),
            TargetKind.Secret when api.EventType == "AwsServiceEvent" => ("AWS::SecretsManager::Secret", c.Target.Arn),
            _ => (null, null),
        };
        if (type is null || arn is null)
        {
            return;
        }

        j.WriteStartArray("resources");
        j.WriteStartObject();
        j.WriteString("accountId", c.AccountId);
        j.WriteString("type", type);
        j.WriteString("ARN", arn);
        j.WriteEndObject();
        j.WriteEndArray();
    }

    private void WriteTls(Utf8JsonWriter j, PlannedCall call)
    {
        var tls13 = (call.Caller.UserAgent.Length + call.Api.Service.Length) % 3 != 0;
        j.WriteStartObject("tlsDetails");
        j.WriteString("tlsVersion", tls13 ? "TLSv1.3" : "TLSv1.2");
        j.WriteString("cipherSuite", tls13 ? "TLS_AES_128_GCM_SHA256" : "ECDHE-RSA-AES128-GCM-SHA256");
        j.WriteString("clientProvidedHostHeader", call.Api.Host(call.Region, call.Target.Bucket?.Name));
        j.WriteEndObject();
    }
}
