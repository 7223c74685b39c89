using ActivityWatch.Monitoring.Audit;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace ActivityWatch.Api.Auth;

public static class AuthServiceCollectionExtensions
{
    // What identity providers sign with; never "none" or a shared-secret HMAC.
    private static readonly string[] AsymmetricAlgorithms =
    [
        SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512,
        SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.RsaSsaPssSha384, SecurityAlgorithms.RsaSsaPssSha512,
        SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.EcdsaSha384, SecurityAlgorithms.EcdsaSha512,
    ];

    /// <summary>
    /// API keys always; OIDC bearer tokens when an authority is configured. Options are read when
    /// a request arrives, not at registration, so configuration added late (tests, env) still applies.
    /// Everything needs a signed-in analyst unless an endpoint says otherwise (health only).
    /// </summary>
    public static IServiceCollection AddApiAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication(ApiSchemes.Selector)
            .AddPolicyScheme(ApiSchemes.Selector, "API key or OIDC token", policy =>
            {
                policy.ForwardDefaultSelector = context =>
                {
                    var oidc = context.RequestServices.GetRequiredService<IOptions<ApiOptions>>().Value.Oidc;
                    return oidc.Enabled && ApiKeyAuthenticationHandler.ReadKey(context.Request) is null
                                        && context.Request.Headers.Authorization.Count > 0
                        ? ApiSchemes.Oidc
                        : ApiSchemes.ApiKey;
                };
            })
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiSchemes.ApiKey, null)
            .AddJwtBearer(ApiSchemes.Oidc);

        services.AddOptions<JwtBearerOptions>(ApiSchemes.Oidc).Configure<IOptions<ApiOptions>>((jwt, api) =>
        {
            var oidc = api.Value.Oidc;
            jwt.Authority = oidc.Authority;
            jwt.Audience = oidc.Audience;
            jwt.RequireHttpsMetadata = oidc.RequireHttpsMetadata;
            jwt.MapInboundClaims = false;
            // The issuer comes from the authority's discovery document, the signing keys from its JWKS.
            var validation = jwt.TokenValidationParameters;
            validation.ValidateIssuer = true;
            validation.ValidateAudience = true;
            validation.ValidAudience = oidc.Audience;
            validation.ValidateLifetime = true;
            validation.RequireExpirationTime = true;
            validation.RequireSignedTokens = true;
            validation.ValidateIssuerSigningKey = true;
            validation.ValidAlgorithms = AsymmetricAlgorithms;
            validation.ClockSkew = oidc.ClockSkew;
            jwt.Events = new JwtBearerEvents
            {
                OnTokenValidated = context =>
                {
                    var expires = new DateTimeOffset(DateTime.SpecifyKind(context.SecurityToken.ValidTo, DateTimeKind.Utc));
                    if (context.Principal is { } token && OidcPrincipal.From(token, expires, oidc) is { } analyst) context.Principal = analyst;
                    else context.Fail("The token names no subject (sub).");
                    return Task.CompletedTask;
                },
            };
        });

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(ApiPolicies.Read, p => p.RequireRole(AnalystRoles.AtLeast(AnalystRoles.Viewer)))
            .AddPolicy(ApiPolicies.Respond, p => p.RequireRole(AnalystRoles.AtLeast(AnalystRoles.Responder)))
            .AddPolicy(ApiPolicies.Administer, p => p.RequireRole(AnalystRoles.AtLeast(AnalystRoles.Admin)));
        return services;
    }
}
