namespace ActivityWatch.Simulation;

public enum SimulatedRolePurpose
{
    /// <summary>An IAM Identity Center permission set role people reach through SAML.</summary>
    HumanSso,
    Workload,
    ServiceLinked,
    Deployment,
}
