/*  subscribe: the core of sunwai-subscribe, a subscriber to the event
    stream that detects lost messages by seq (or by district_prev_seq /
    topic_prev_seq when it filters) and fills them from the replay
    socket.  See subscribe.c for the algorithm. */
#ifndef SUNWAI_SUBSCRIBE_H
#define SUNWAI_SUBSCRIBE_H
#include <czmq.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include "sunwai/v1/sunwai.pb-c.h"
#include "sw_curve.h"

typedef struct {
    const char *stream;     //  XPUB endpoint, czmq notation (">tcp://...")
    const char *replay;     //  replay ROUTER endpoint
    const char *topics;     //  comma-separated prefixes, "" for all
    int64_t from_seq;       //  start after this seq when there is no state
    const char *state_file; //  "" for none
    bool verify;            //  recompute hashes and check links
    int64_t until_seq;      //  exit once complete through this seq; 0 never
    int rcvhwm;             //  SUB queue length
    int replay_timeout_ms;  //  wait for a replay reply this long
    sw_curve_t *curve;      //  CURVE client settings, or NULL (plain)
} subscribe_options_t;

typedef struct _subscribe_t subscribe_t;

//  NULL with a reason in err if the options are wrong.
subscribe_t *subscribe_new (const subscribe_options_t *options, FILE *out, char *err,
                            size_t errlen);
void subscribe_destroy (subscribe_t **self_p);
//  Replay, then follow the stream until signalled or until_seq.  Exit
//  code: 0, or 1 if replay could not be reached or refused.
int subscribe_run (subscribe_t *self);

//  A prefix made canonical ("up.162" -> "up.162."), and its level: 0 all,
//  1 state, 2 district, 3 topic; -1 if it has more than three parts.
int subscribe_normalise (const char *prefix, char *out, size_t size);
//  The event's hash as the insert trigger computes it.
void subscribe_event_hash (const Sunwai__V1__EventEnvelope *event, uint8_t hash[32]);

#endif
