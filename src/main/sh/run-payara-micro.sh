#!/usr/bin/env bash
# Starts Payara Micro in the foreground with avgym.war at context root /.
# Called by `./mvnw -Prun`; every setting comes from the environment (docs/configuration.md).
set -euo pipefail
cd "$(dirname "$0")/../../.."

export AVGYM_DATA_DIR="$(mkdir -p "${AVGYM_DATA_DIR:-./data}" && cd "${AVGYM_DATA_DIR:-./data}" && pwd)"
export AVGYM_DEMO_ENABLED="${AVGYM_DEMO_ENABLED:-true}"
http_port="${AVGYM_HTTP_PORT:-8080}"
# Seen by the application as avgym.http.port: with the host name it is the default instance id.
export AVGYM_HTTP_PORT="$http_port"
export AVGYM_PUBLIC_URL="${AVGYM_PUBLIC_URL:-http://localhost:${http_port}/}"
export AVGYM_DEMO_TRAFFIC_URL="${AVGYM_DEMO_TRAFFIC_URL:-ws://127.0.0.1:${http_port}/ws/devices}"

# Payara Micro's own files start fresh each time: a root directory kept from an earlier start
# lists the WAR deployed then, which Payara would start first (an old build, whose demo devices
# fail when it is replaced) and then redeploy, doubling the start. The database is outside it.
rm -rf "$AVGYM_DATA_DIR/payara"

args=(--deploy target/avgym.war --contextroot / --port "$http_port"
      --rootdir "$AVGYM_DATA_DIR/payara"
      --prebootcommandfile server-config/pre-boot.asadmin
      --postbootcommandfile server-config/post-boot.asadmin)
# Alone unless AVGYM_CLUSTER names the data grid's members (docs/cluster.md).
java_opts=()
if [[ -n "${AVGYM_CLUSTER:-}" ]]; then
  grid_port="${AVGYM_CLUSTER_PORT:-6900}"
  args+=(--clustermode "tcpip:${AVGYM_CLUSTER}" --startport "$grid_port"
         --clustername "${AVGYM_CLUSTER_NAME:-avgym}"
         --interfaces "${AVGYM_CLUSTER_INTERFACE:-127.0.0.1}")
  java_opts+=(-Dhazelcast.socket.bind.any=false)
  echo "AV Gym: joining the data grid ${AVGYM_CLUSTER_NAME:-avgym} (members ${AVGYM_CLUSTER}) on port $grid_port"
else
  args+=(--nocluster)
fi
# One readable line per log record on the console (docs/operations.md#logs).
if [[ -f target/avgym-console.jar ]]; then
  java_opts+=(-Xbootclasspath/a:target/avgym-console.jar)
  args+=(--logproperties server-config/logging.properties)
fi
if [[ -n "${AVGYM_HTTPS_PORT:-}" ]]; then
  args+=(--sslport "$AVGYM_HTTPS_PORT")
fi
if [[ -n "${AVGYM_DB_URL:-}" ]]; then
  echo "AV Gym: using the database at ${AVGYM_DB_URL%%\?*}"
else
  echo "AV Gym: using the embedded H2 database in $AVGYM_DATA_DIR"
fi
echo "AV Gym: starting on ${AVGYM_PUBLIC_URL} (Ctrl-C stops it)"
exec java ${AVGYM_JAVA_OPTS:--Xmx1g} "${java_opts[@]}" -jar target/payara-micro.jar "${args[@]}"
