using System.Text.Json;
using ActivityWatch.Ingestion.Parsing.Identity;
using ActivityWatch.Monitoring.Records;

namespace ActivityWatch.Ingestion.Parsing.CloudTrail;

/// <summary>
/// Names the principal of a CloudTrail userIdentity element the way <see cref="Principals"/> does
/// (AWS CloudTrail User Guide, "CloudTrail userIdentity element").
/// </summary>
internal static class UserIdentityResolver
{
    public static ResolvedIdentity Resolve(JsonElement? identity, string? eventSource)
    {
        if (identity is not { ValueKind: JsonValueKind.Object }) return new(IdentityTypes.Unknown, Principals.Unknown, null);

        var type = JsonFields.NonEmpty(identity, "type"u8) ?? IdentityTypes.Unknown;
        var arn = JsonFields.NonEmpty(identity, "arn"u8);
        var accountId = JsonFields.NonEmpty(identity, "accountId"u8);
        var principalId = JsonFields.NonEmpty(identity, "principalId"u8);
        var userName = JsonFields.NonEmpty(identity, "userName"u8);
        var issuerArn = JsonFields.NonEmpty(JsonFields.Object(JsonFields.Object(identity, "sessionContext"u8), "sessionIssuer"u8), "arn"u8);

        switch (type)
        {
            case IdentityTypes.Root:
                var rootAccount = accountId ?? ArnIdentity.Account(arn);
                return new(type, rootAccount is null ? arn ?? Principals.Unknown : Principals.Root(rootAccount, ArnIdentity.Partition(arn) ?? "aws"), null);

            case IdentityTypes.IamUser:
                var userArn = arn ?? (accountId is not null && userName is not null ? $"arn:aws:iam::{accountId}:user/{userName}" : null);
                return new(type, userArn ?? principalId ?? Principals.Unknown, null);

            case IdentityTypes.AssumedRole:
                // The STS ARN drops the role's path; the session issuer keeps it.
                (string? roleArn, string? session) = arn is null ? (null, AfterColon(principalId)) : Principals.FromAssumedRoleArn(arn);
                return new(type, issuerArn ?? roleArn ?? principalId ?? Principals.Unknown, session);

            case IdentityTypes.FederatedUser:
                // arn:aws:sts::123456789012:federated-user/Bob, principalId "123456789012:Bob".
                var federatedName = FederatedName(arn) ?? AfterColon(principalId) ?? userName;
                return new(type, issuerArn ?? arn ?? principalId ?? Principals.Unknown, federatedName);

            case IdentityTypes.AwsService:
                return new(type, JsonFields.NonEmpty(identity, "invokedBy"u8) ?? eventSource ?? Principals.Unknown, null);

            case IdentityTypes.AwsAccount:
                // Another account's principal whose identity CloudTrail does not reveal: named by that account.
                return new(type, accountId is not null ? Principals.Root(accountId) : principalId ?? Principals.Unknown, null);

            case IdentityTypes.IdentityCenterUser:
                return new(type, IdentityCenterPrincipal(identity, userName, principalId), userName);

            case IdentityTypes.SamlUser:
                return new(type, Federated("saml", identity, userName ?? principalId), userName);

            case IdentityTypes.WebIdentityUser:
                return new(type, Federated("webidentity", identity, userName ?? principalId), userName);

            default:
                return new(type, principalId ?? userName ?? arn ?? Principals.Unknown, null);
        }
    }

    /// <summary>
    /// "identitycenter:{identityStoreArn}/{userId}": the identity store user id is stable across
    /// renames, unlike the user name, which is kept as the session name when logged.
    /// </summary>
    private static string IdentityCenterPrincipal(JsonElement? identity, string? userName, string? principalId)
    {
        var onBehalfOf = JsonFields.Object(identity, "onBehalfOf"u8);
        var store = JsonFields.NonEmpty(onBehalfOf, "identityStoreArn"u8);
        var user = JsonFields.NonEmpty(onBehalfOf, "userId"u8) ?? userName ?? principalId;
        if (user is null) return Principals.Unknown;
        return store is null ? $"identitycenter:{user}" : $"identitycenter:{store}/{user}";
    }

    private static string Federated(string prefix, JsonElement? identity, string? user)
    {
        var provider = JsonFields.NonEmpty(identity, "identityProvider"u8) ?? "-";
        return user is null && provider == "-" ? Principals.Unknown : $"{prefix}:{provider}/{user ?? "-"}";
    }

    private static string? FederatedName(string? arn)
    {
        const string marker = ":federated-user/";
        var at = arn?.IndexOf(marker, StringComparison.Ordinal) ?? -1;
        return at < 0 ? null : arn![(at + marker.Length)..];
    }

    private static string? AfterColon(string? principalId)
    {
        var colon = principalId?.IndexOf(':') ?? -1;
        return colon < 0 ? null : principalId![(colon + 1)..];
    }
}
