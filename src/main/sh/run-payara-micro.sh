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

args=(--deploy target/avgym.war --contextroot / --port "$http_port" --nocluster
      --rootdir "$AVGYM_DATA_DIR/payara"
      --prebootcommandfile server-config/pre-boot.asadmin
      --postbootcommandfile server-config/post-boot.asadmin)
if [[ -n "${AVGYM_HTTPS_PORT:-}" ]]; then
  args+=(--sslport "$AVGYM_HTTPS_PORT")
fi
if [[ -n "${AVGYM_DB_URL:-}" ]]; then
  echo "AV Gym: using the database at ${AVGYM_DB_URL%%\?*}"
else
  echo "AV Gym: using the embedded H2 database in $AVGYM_DATA_DIR"
fi
echo "AV Gym: starting on ${AVGYM_PUBLIC_URL} (Ctrl-C stops it)"
exec java ${AVGYM_JAVA_OPTS:--Xmx1g} -jar target/payara-micro.jar "${args[@]}"
