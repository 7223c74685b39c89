namespace ActivityWatch.Monitoring.Permissions.Granted;

public sealed record IamGroupDetail(
    string Arn,
    string Name,
    IReadOnlyList<string> AttachedPolicyArns,
    IReadOnlyDictionary<string, string> InlinePolicies);
