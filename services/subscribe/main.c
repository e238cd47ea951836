/*  sunwai-subscribe: print sunwai-analytics' event stream, one JSON object
    per line, without missing an event (see subscribe.c and
    docs/event-stream.md).  Not a long-running service: no HTTP, no
    database; it runs until SIGTERM/SIGINT or --until-seq. */
#include "subscribe.h"
#include "sw_config.h"
#include "sw_curve.h"
#include "sw_log.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const sw_config_key_t s_keys[] = {
    {"stream.endpoint", SW_CONFIG_ENDPOINT, ">tcp://127.0.0.1:5570", 0, 0, NULL, false, "--stream",
     "analytics' XPUB stream.endpoint"},
    {"replay.endpoint", SW_CONFIG_ENDPOINT, ">tcp://127.0.0.1:5571", 0, 0, NULL, false, "--replay",
     "analytics' ROUTER replay.endpoint"},
    {"topics", SW_CONFIG_STRING, "", 0, 0, NULL, false, "--topics",
     "comma-separated topic prefixes <state>[.<district>[.<event type>]]; empty: all"},
    {"from_seq", SW_CONFIG_INT, "0", 0, 9000000000000000000L, NULL, false, "--from-seq",
     "print events after this seq (ignored when the state file exists)"},
    {"state_file", SW_CONFIG_PATH, "", 0, 0, NULL, false, "--state-file",
     "keep the position in this file and resume from it"},
    {"verify", SW_CONFIG_BOOL, "false", 0, 0, NULL, false, "--verify",
     "recompute each event's hash and check the chain links"},
    {"until_seq", SW_CONFIG_INT, "0", 0, 9000000000000000000L, NULL, false, "--until-seq",
     "exit 0 once every matching event up to this seq is printed; 0: run until signalled"},
    {"rcvhwm", SW_CONFIG_INT, "10000", 1, 10000000, NULL, false, "--rcvhwm",
     "messages queued on the SUB socket"},
    {"replay.timeout_ms", SW_CONFIG_INT, "10000", 100, 600000, NULL, false, NULL,
     "wait this long for a replay reply before asking again"},
    {NULL, 0, NULL, 0, 0, NULL, false, NULL, NULL}};

int
main (int argc, char **argv)
{
    sw_config_t *config =
        sw_config_new ("sunwai-subscribe",
                       "Prints every event of sunwai-analytics' event stream as one JSON line,\n"
                       "replaying what it missed, so that none is lost or printed twice.",
                       s_keys);
    sw_config_add (config, sw_curve_keys);
    int rc = sw_config_load (config, argc, argv);
    if (rc != 0) {
        sw_config_destroy (&config);
        return rc == 1 ? 0 : 2;
    }
    sw_curve_t *curve = sw_curve_new (config);
    if (!curve) {
        sw_config_destroy (&config);
        return 2;
    }
    subscribe_options_t options = {
        .stream = sw_config_str (config, "stream.endpoint"),
        .replay = sw_config_str (config, "replay.endpoint"),
        .topics = sw_config_str (config, "topics"),
        .from_seq = sw_config_int (config, "from_seq"),
        .state_file = sw_config_str (config, "state_file"),
        .verify = sw_config_bool (config, "verify"),
        .until_seq = sw_config_int (config, "until_seq"),
        .rcvhwm = (int)sw_config_int (config, "rcvhwm"),
        .replay_timeout_ms = (int)sw_config_int (config, "replay.timeout_ms"),
        .curve = curve,
    };
    char err[256];
    subscribe_t *subscriber = subscribe_new (&options, stdout, err, sizeof err);
    if (!subscriber) {
        sw_log_kv (SW_LOG_ERROR, "cannot subscribe", "reason", err, NULL);
        sw_curve_destroy (&curve);
        sw_config_destroy (&config);
        return 2;
    }
    rc = subscribe_run (subscriber);
    subscribe_destroy (&subscriber);
    sw_curve_destroy (&curve);
    sw_config_destroy (&config);
    return rc;
}
