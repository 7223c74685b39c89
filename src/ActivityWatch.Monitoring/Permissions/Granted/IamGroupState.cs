namespace ActivityWatch.Monitoring.Permissions.Granted;

public sealed class IamGroupState(string arn, string name) : IamIdentityState(arn, name, null);
