using ActivityWatch.Simulation.Catalog;
using static ActivityWatch.Simulation.Catalog.ApiCatalog;

namespace ActivityWatch.Simulation.Activity;

/// <summary>The APIs each kind of person reaches for; the first three are everyone's staples.</summary>
internal static class HabitPools
{
    public static IReadOnlyList<ApiCall> For(PersonArchetype archetype) => archetype switch
    {
        PersonArchetype.Developer =>
        [
            DescribeLogStreams, FilterLogEvents, GetFunction, ListFunctions, DescribeLogGroups, DescribeTable, ListTables,
            ListBuckets, ListObjects, GetObject, PutObject, DescribeStacks, DescribeStackEvents, GetQueueAttributes,
            ListQueues, GetMetricData, DescribeAlarms, GetParameter, GetCallerIdentity, UpdateFunctionCode, CreateLogStream,
        ],
        PersonArchetype.Operator =>
        [
            DescribeInstances, DescribeSecurityGroups, GetMetricData, DescribeVpcs, DescribeSubnets, DescribeVolumes,
            ListRoles, GetRole, ListUsers, ListAttachedRolePolicies, DescribeStacks, ListStacks, DescribeParameters,
            StartSession, DescribeDbInstances, DescribeDbSnapshots, DescribeAlarms, ListTopics, DescribeTrails, LookupEvents,
            ListKeys, DescribeKey, AuthorizeSecurityGroupIngress, StopInstances, StartInstances, PutMetricAlarm,
            CreateChangeSet, AttachRolePolicy, UpdateAccessKey,
        ],
        PersonArchetype.DataAnalyst =>
        [
            ListObjects, GetObject, HeadObject, ListBuckets, PutObject, DescribeTable, Decrypt, DescribeDbInstances,
            GetMetricData, FilterLogEvents, GetBucketLocation,
        ],
        _ =>
        [
            ListUsers, GetAccountSummary, ListRoles, ListAttachedUserPolicies, ListAccessKeys, GetAccountAuthorizationDetails,
            ListPolicies, GetBucketPolicy, GetBucketAcl, ListBuckets, GetBucketVersioning, DescribeTrails, GetTrailStatus,
            GetEventSelectors, DescribeConfigurationRecorders, ListDetectors, GetFindings, ListKeys, ListAliases,
            DescribeSecurityGroups, ListSecrets,
        ],
    };

    public static double CallsPerWindow(PersonArchetype archetype) => archetype switch
    {
        PersonArchetype.Developer => 2.2,
        PersonArchetype.Operator => 1.8,
        PersonArchetype.DataAnalyst => 1.6,
        _ => 1.2,
    };
}
