namespace ActivityWatch.Simulation.Rendering;

/// <summary>userIdentity.type values; <see cref="ServiceEvent"/> is the typeless shape AWS uses for
/// AwsServiceEvent records ({"accountId", "invokedBy"} only).</summary>
internal enum IdentityType
{
    IamUser,
    AssumedRole,
    Root,
    AwsService,
    SamlUser,
    ServiceEvent,
    Anonymous,
}
