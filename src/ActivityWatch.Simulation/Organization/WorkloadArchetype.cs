namespace ActivityWatch.Simulation;

public enum WorkloadArchetype
{
    /// <summary>A Lambda function serving requests: steady, follows traffic a little.</summary>
    ApiFunction,

    /// <summary>An ECS service consuming a queue.</summary>
    QueueWorker,

    /// <summary>A nightly batch job: silent except 01:00-03:00 UTC.</summary>
    NightlyBatch,

    /// <summary>EC2 instances with the SSM agent and CloudWatch agent: very regular polling.</summary>
    InstanceAgent,

    /// <summary>AWS Config's service-linked role describing resources.</summary>
    ConfigRecorder,

    /// <summary>Terraform from CI: bursts in office hours, assumed by the CI user.</summary>
    Deployment,
}
