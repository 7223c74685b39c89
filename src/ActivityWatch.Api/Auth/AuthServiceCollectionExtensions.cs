using System.Security.Claims;
using ActivityWatch.Monitoring.Audit;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ActivityWatch.Api.Auth;

public static class AuthServiceCollectionExtensions
{
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
            jwt.TokenValidationParameters.ValidateAudience = !string.IsNullOrWhiteSpace(oidc.Audience);
            jwt.TokenValidationParameters.NameClaimType = ClaimTypes.Name;
            jwt.TokenValidationParameters.RoleClaimType = ClaimTypes.Role;
            jwt.Events = new JwtBearerEvents
            {
                OnTokenValidated = context =>
                {
                    if (context.Principal is { } principal) OidcRoleMapping.Apply(principal, oidc);
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
