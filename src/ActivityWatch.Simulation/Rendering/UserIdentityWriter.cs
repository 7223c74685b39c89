using System.Text.Json;
using ActivityWatch.Simulation.Catalog;

namespace ActivityWatch.Simulation.Rendering;

/// <summary>The userIdentity element, in the shape CloudTrail uses for each identity type.</summary>
internal static class UserIdentityWriter
{
    public static void Write(Utf8JsonWriter j, Caller caller)
    {
        j.WriteStartObject("userIdentity");
        switch (caller.Type)
        {
            case IdentityType.ServiceEvent:
                j.WriteString("accountId", caller.AccountId);
                j.WriteString("invokedBy", caller.InvokedBy);
                break;
            case IdentityType.AwsService:
                j.WriteString("type", "AWSService");
                j.WriteString("invokedBy", caller.InvokedBy);
                break;
            case IdentityType.SamlUser:
                j.WriteString("type", "SAMLUser");
                j.WriteString("principalId", $"{caller.IdentityProvider}:{caller.UserName}");
                j.WriteString("userName", caller.UserName);
                j.WriteString("identityProvider", caller.IdentityProvider);
                break;
            default:
                j.WriteString("type", caller.Type switch
                {
                    IdentityType.IamUser => "IAMUser",
                    IdentityType.Root => "Root",
                    _ => "AssumedRole",
                });
                if (caller.PrincipalId is not null)
                {
                    j.WriteString("principalId", caller.PrincipalId);
                }

                if (caller.Arn is not null)
                {
                    j.WriteString("arn", caller.Arn);
                }

                j.WriteString("accountId", caller.AccountId);
                if (caller.AccessKeyId is not null)
                {
                    j.WriteString("accessKeyId", caller.AccessKeyId);
                }

                if (caller.UserName is not null && caller.Type == IdentityType.IamUser)
                {
                    j.WriteString("userName", caller.UserName);
                }

                WriteSessionContext(j, caller);
                if (caller.InvokedBy is not null)
                {
                    j.WriteString("invokedBy", caller.InvokedBy);
                }

                break;
        }

        j.WriteEndObject();
    }

    // Long-term access keys carry no session: only temporary credentials (console sessions, roles) do.
    private static void WriteSessionContext(Utf8JsonWriter j, Caller caller)
    {
        if (caller.SessionCreated is not { } created)
        {
            return;
        }

        j.WriteStartObject("sessionContext");
        if (caller.Issuer is { } role)
        {
            j.WriteStartObject("sessionIssuer");
            j.WriteString("type", "Role");
            j.WriteString("principalId", role.RoleId);
            j.WriteString("arn", role.Arn);
            j.WriteString("accountId", role.AccountId);
            j.WriteString("userName", role.Name);
            j.WriteEndObject();
            j.WriteStartObject("webIdFederationData");
            j.WriteEndObject();
        }
        else
        {
            j.WriteStartObject("sessionIssuer");
            j.WriteEndObject();
            j.WriteStartObject("webIdFederationData");
            j.WriteEndObject();
        }

        j.WriteStartObject("attributes");
        j.WriteString("creationDate", Format.EventTime(created));
        j.WriteString("mfaAuthenticated", caller.MfaAuthenticated ? "true" : "false");
        j.WriteEndObject();
        j.WriteEndObject();
    }
}
