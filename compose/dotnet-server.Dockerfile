# The image of each of the stack's own .NET servers that keep a data folder (sandbox-kinesis, sandbox-dynamodb,
# sandbox-slack), compose stack. The project and its entry assembly are build arguments; from the repository root:
#   docker build -f compose/dotnet-server.Dockerfile --build-arg PROJECT=Sandbox.Kinesis.Server \
#     --build-arg ENTRY=sandbox-kinesis.dll -t sandbox-kinesis .
#   docker run --network host -v kinesis-data:/data sandbox-kinesis --host 127.0.0.1 --port 4567 --data /data
FROM mcr.microsoft.com/dotnet/sdk:10.0.401 AS build
ARG PROJECT
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props ./
# All of src/ (bin/obj stay out: .dockerignore), so a server's project references need no list here;
# Sandbox.Core embeds the tracking plan.
COPY tracking-plan/ tracking-plan/
COPY src/ src/
RUN test -n "$PROJECT" || { echo "build argument PROJECT is required (e.g. Sandbox.Kinesis.Server)" >&2; exit 1; } \
 && dotnet publish "src/$PROJECT/$PROJECT.csproj" -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0.12 AS runtime
ARG ENTRY
ENV SANDBOX_ENTRY=$ENTRY
WORKDIR /app
COPY --from=build /app ./
RUN test -f "/app/$SANDBOX_ENTRY" || { echo "build argument ENTRY: /app/$SANDBOX_ENTRY was not published" >&2; exit 1; } \
 && mkdir -p /data && chown "$APP_UID" /data
USER $APP_UID
VOLUME /data
STOPSIGNAL SIGTERM
# exec: the server is PID 1 and gets SIGTERM itself. The arguments come from compose's `command`
# (always --host 127.0.0.1: compose runs it on the host's network, loopback only as in the native stack).
ENTRYPOINT ["sh", "-c", "exec dotnet \"/app/$SANDBOX_ENTRY\" \"$@\"", "sandbox-server"]
