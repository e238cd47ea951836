#!/bin/sh
# The image's ENTRYPOINT: the first argument picks the program.
#
#   docker run IMAGE ingest|classifier|router|notifier|analytics [OPTIONS]
#   docker run IMAGE ctl COMMAND [OPTIONS]       (sunwaictl)
#   docker run IMAGE train [OPTIONS]             (sunwai-train)
#   docker run IMAGE sh                          (anything else runs as given)
#
# exec, so the program is the container's main process and gets SIGTERM from
# `docker stop` directly (compose adds `init: true` so that zombies are reaped).
set -e
case "${1:-}" in
    ingest|classifier|router|notifier|analytics|train)
        service="$1"
        shift
        exec "/opt/sunwai/bin/sunwai-$service" "$@"
        ;;
    ctl|sunwaictl)
        shift
        exec /opt/sunwai/bin/sunwaictl "$@"
        ;;
    ""|help|-h|--help)
        sed -n '2,7s/^# \{0,1\}//p' "$0"
        exit 0
        ;;
    *)
        exec "$@"
        ;;
esac
