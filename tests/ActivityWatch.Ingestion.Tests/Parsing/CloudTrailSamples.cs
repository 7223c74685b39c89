namespace ActivityWatch.Ingestion.Tests.Parsing;

/// <summary>Records shaped like the examples in the AWS CloudTrail User Guide (record contents, userIdentity element).</summary>
internal static class CloudTrailSamples
{
    public const string IamUserIdentity =
        """{"type":"IAMUser","principalId":"AIDAJ45Q7YFFAREXAMPLE","arn":"arn:aws:iam::123456789012:user/Alice","accountId":"123456789012","accessKeyId":"AKIAIOSFODNN7EXAMPLE","userName":"Alice"}""";

    public const string AssumedRoleIdentity =
        """{"type":"AssumedRole","principalId":"AROAIDPPEZS35WEXAMPLE:alice@example.com","arn":"arn:aws:sts::123456789012:assumed-role/Admin/alice@example.com","accountId":"123456789012","accessKeyId":"ASIAIOSFODNN7EXAMPLE","sessionContext":{"sessionIssuer":{"type":"Role","principalId":"AROAIDPPEZS35WEXAMPLE","arn":"arn:aws:iam::123456789012:role/ops/Admin","accountId":"123456789012","userName":"Admin"},"webIdFederationData":{},"attributes":{"mfaAuthenticated":"true","creationDate":"2024-01-15T09:12:01Z"}}}""";

    public static string Record(
        string userIdentity = IamUserIdentity,
        string eventName = "StartInstances",
        string eventSource = "ec2.amazonaws.com",
        string eventId = "e755e09c-42f9-4c5c-9064-EXAMPLE228c7",
        string eventTime = "2024-01-15T09:30:12Z",
        string extra = "") =>
        "{\"eventVersion\":\"1.09\",\"userIdentity\":" + userIdentity
        + ",\"eventTime\":\"" + eventTime + "\",\"eventSource\":\"" + eventSource + "\",\"eventName\":\"" + eventName
        + "\",\"awsRegion\":\"us-east-1\",\"sourceIPAddress\":\"192.0.2.10\""
        + ",\"userAgent\":\"aws-cli/2.13.5 Python/3.11.4 Linux/4.14.255 exec-env/CloudShell command/ec2.start-instances\""
        + ",\"requestParameters\":{\"instancesSet\":{\"items\":[{\"instanceId\":\"i-EXAMPLE56126103cb\"}]}}"
        + ",\"responseElements\":{\"requestId\":\"e4336db0-149f-4a6b-844d-EXAMPLEb9d16\"}"
        + ",\"requestID\":\"e4336db0-149f-4a6b-844d-EXAMPLEb9d16\""
        + (eventId.Length == 0 ? "" : ",\"eventID\":\"" + eventId + "\"")
        + ",\"readOnly\":false,\"eventType\":\"AwsApiCall\",\"managementEvent\":true,\"recipientAccountId\":\"123456789012\""
        + ",\"eventCategory\":\"Management\",\"tlsDetails\":{\"tlsVersion\":\"TLSv1.2\",\"cipherSuite\":\"ECDHE-RSA-AES128-GCM-SHA256\",\"clientProvidedHostHeader\":\"ec2.us-east-1.amazonaws.com\"}"
        + extra + "}";

    public const string RootConsoleLogin =
        """{"eventVersion":"1.08","userIdentity":{"type":"Root","principalId":"123456789012","arn":"arn:aws:iam::123456789012:root","accountId":"123456789012","accessKeyId":""},"eventTime":"2024-01-15T10:01:00Z","eventSource":"signin.amazonaws.com","eventName":"ConsoleLogin","awsRegion":"us-east-1","sourceIPAddress":"203.0.113.7","userAgent":"Mozilla/5.0 (Windows NT 10.0; Win64; x64)","requestParameters":null,"responseElements":{"ConsoleLogin":"Success"},"additionalEventData":{"LoginTo":"https://console.aws.amazon.com/console/home","MobileVersion":"No","MFAUsed":"No"},"eventID":"3fcfb1a8-7d1e-4e8b-9d6f-EXAMPLE11111","readOnly":false,"eventType":"AwsConsoleSignIn","managementEvent":true,"recipientAccountId":"123456789012","eventCategory":"Management"}""";

    public const string PutRolePolicyWithPolicyString =
        """{"eventVersion":"1.08","userIdentity":{"type":"IAMUser","principalId":"AIDAJ45Q7YFFAREXAMPLE","arn":"arn:aws:iam::123456789012:user/Alice","accountId":"123456789012","accessKeyId":"AKIAIOSFODNN7EXAMPLE","userName":"Alice"},"eventTime":"2024-01-15T11:00:00Z","eventSource":"iam.amazonaws.com","eventName":"PutRolePolicy","awsRegion":"us-east-1","sourceIPAddress":"192.0.2.10","userAgent":"aws-cli/2.13.5","requestParameters":{"roleName":"ops-admin","policyName":"inline","policyDocument":"{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\"}]\n}"},"responseElements":null,"requestID":"9c3f1a2b-EXAMPLE","eventID":"0a1b2c3d-EXAMPLE-policy","readOnly":false,"eventType":"AwsApiCall","managementEvent":true,"recipientAccountId":"123456789012","eventCategory":"Management"}""";

    /// <summary>Version 1.02-era records carry far fewer fields (no eventType, readOnly, recipientAccountId).</summary>
    public const string OldVersion =
        """{"eventVersion":"1.02","userIdentity":{"type":"IAMUser","principalId":"AIDAJ45Q7YFFAREXAMPLE","arn":"arn:aws:iam::123456789012:user/Alice","accountId":"123456789012","accessKeyId":"AKIAIOSFODNN7EXAMPLE","userName":"Alice"},"eventTime":"2014-03-06T21:22:54Z","eventSource":"ec2.amazonaws.com","eventName":"StopInstances","awsRegion":"us-west-2","sourceIPAddress":"205.251.233.176","userAgent":"ec2-api-tools 1.6.12.2","requestParameters":{"instancesSet":{"items":[{"instanceId":"i-ebeaf9e2"}]},"force":false},"responseElements":null,"eventID":"6bb2ab3a-EXAMPLE-old"}""";
}
