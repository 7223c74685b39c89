# ActivityWatch in a container: `docker compose up` (see docker-compose.yml).
# Base images are pinned to the .NET 10.0 line on Ubuntu 24.04 (noble), so a rebuild takes that
# line's security patches but never a new major, minor or distribution. For byte-for-byte
# rebuilds pin digests instead: `docker buildx imagetools inspect mcr.microsoft.com/dotnet/aspnet:10.0-noble`
# prints one to write as `...aspnet:10.0-noble@sha256:<digest>`.
FROM mcr.microsoft.com/dotnet/sdk:10.0-noble AS build
WORKDIR /src
# .dockerignore keeps .data/ (the local PostgreSQL cluster, logs), bin/, obj/, .git and tests out of this copy.
COPY . .
RUN dotnet publish src/ActivityWatch.Cli/ActivityWatch.Cli.csproj -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble
WORKDIR /app
COPY --from=build /app .
COPY ml-models /app/ml-models
# The image's unprivileged user (uid 1654): the process cannot change its own binaries or models.
USER $APP_UID
EXPOSE 5080
ENTRYPOINT ["dotnet", "/app/activitywatch.dll"]
CMD ["serve", "--urls", "http://0.0.0.0:5080"]
