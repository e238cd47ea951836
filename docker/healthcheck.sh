#!/bin/sh
# The image's HEALTHCHECK: GET /readyz on the service's HTTP port, which is
# 200 only once the service is up and (for those that use it) connected to a
# migrated PostgreSQL.
#
# The port is $SUNWAI_HTTP_PORT (the compose files always set it); without it,
# the default port of the Sunwai program running in this container.  A
# container running no service (ctl, train, sh) has nothing to check.
port="${SUNWAI_HTTP_PORT:-}"
if [ -z "$port" ]; then
    for f in /proc/[0-9]*/cmdline; do
        exe=$(tr '\000' '\n' < "$f" 2>/dev/null | head -n 1)
        case "${exe##*/}" in
            sunwai-ingest)     port=8080 ;;
            sunwai-classifier) port=9102 ;;
            sunwai-router)     port=9103 ;;
            sunwai-notifier)   port=9104 ;;
            sunwai-analytics)  port=8090 ;;
            *) continue ;;
        esac
        break
    done
fi
if [ -z "$port" ]; then
    echo "healthcheck: no Sunwai service runs here and SUNWAI_HTTP_PORT is not set" >&2
    exit 1
fi
# Docker reads 0 as healthy and 1 as unhealthy (2 is reserved): map curl's codes.
curl --fail --silent --show-error --max-time 4 --output /dev/null \
    "http://127.0.0.1:$port/readyz" || exit 1
