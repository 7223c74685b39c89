namespace ActivityWatch.Simulation;

public enum SignInMethod
{
    /// <summary>IAM Identity Center / SAML: AssumeRoleWithSAML, then an assumed-role session.</summary>
    Sso,

    /// <summary>An IAM user's password on the console.</summary>
    IamConsole,

    /// <summary>An IAM user's long-term access key from the CLI or SDK.</summary>
    IamAccessKey,
}
