# ActivityWatch in a container: `docker compose up` (see docker-compose.yml).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/ActivityWatch.Cli/ActivityWatch.Cli.csproj -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
COPY ml-models /app/ml-models
ENTRYPOINT ["dotnet", "/app/activitywatch.dll"]
CMD ["serve", "--urls", "http://0.0.0.0:5080"]
