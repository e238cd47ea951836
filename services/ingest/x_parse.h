/*  x_parse: X (Twitter) payloads -> intake messages.

    Understands the v1.1 Tweet object (what the Account Activity webhook
    delivers in tweet_create_events, and what archives hold), the v2 Tweet
    with its includes (filtered stream lines, mentions, search and lookup
    pages), Account Activity direct_message_events with their users map,
    and tweet_delete_events.  Ids are always taken from the *_str / string
    fields, never from JSON numbers.  Text goes through sw_text_clean
    (valid UTF-8, HTML entities decoded, NFC, bounded).

    A payload that is well-formed but not a complaint (a retweet, the police
    account's own tweet or DM, a typing indicator, a read receipt) is
    counted in batch->ignored, not returned and not an error. */
#ifndef SUNWAI_INGEST_X_PARSE_H
#define SUNWAI_INGEST_X_PARSE_H
#include <jansson.h>
#include <stddef.h>

#include "intake.h"

typedef struct {
    intake_msg_t **msgs;   //  parsed messages, owned by the batch
    size_t count;          //  how many
    size_t capacity;       //  allocated slots
    size_t ignored;        //  well-formed events that are not complaints
} x_batch_t;

void x_batch_init (x_batch_t *batch);
//  Frees every message still in the batch.
void x_batch_clear (x_batch_t *batch);
//  Takes ownership of msg.
void x_batch_add (x_batch_t *batch, intake_msg_t *msg);
//  Removes and returns message i (ownership to the caller); the slot becomes NULL.
intake_msg_t *x_batch_take (x_batch_t *batch, size_t i);

//  Each returns 0 and appends to batch (or counts it ignored), or -1 with a
//  lower-case reason in err (e.g. "field \"id_str\" is missing",
//  "text is not valid UTF-8").  channel is stored in msg->channel.
//  self_user_id (may be NULL) is the police account: its own posts are ignored.

//  One v1.1 Tweet object.
int x_parse_tweet_v1 (json_t *tweet, const char *channel, const char *self_user_id,
                      x_batch_t *batch, char *err, size_t errlen);
//  One v2 Tweet ("data" element) with the response's "includes" (may be NULL).
int x_parse_tweet_v2 (json_t *data, json_t *includes, const char *channel,
                      const char *self_user_id, x_batch_t *batch, char *err, size_t errlen);
//  An Account Activity webhook POST body: tweet_create_events,
//  direct_message_events, tweet_delete_events.  Other known event kinds
//  (favorite, follow, typing, read, revoke, ...) are ignored; a body with
//  no known event kind at all is an error ("unknown event kind").
//  for_user_id in the body, when present, is the police account.
//  A filtered-stream Post delivered by webhook ({"data", "includes",
//  "matching_rules"}) is parsed as x_parse_v2_response would, channel "x_webhook".
int x_parse_webhook (json_t *body, x_batch_t *batch, char *err, size_t errlen);
//  A v2 response page: {"data": [...] or {...}, "includes": {...}, "meta": ...}
//  (mentions, search, lookup) or one filtered-stream line ({"data": {...},
//  "includes", "matching_rules"}). An "errors"-only body is an error.
int x_parse_v2_response (json_t *body, const char *channel, const char *self_user_id,
                         x_batch_t *batch, char *err, size_t errlen);
//  One line of a replay archive: a v1.1 Tweet object, or a v2
//  {"data", "includes"} object (detected by shape).
int x_parse_archive_line (json_t *line, const char *self_user_id, x_batch_t *batch,
                          char *err, size_t errlen);

//  A tweet id from a URL ("https://x.com/user/status/123", twitter.com,
//  mobile.twitter.com, with or without query) or a bare id.  Writes the
//  decimal id into id (size >= 24). 0, or -1 if it is neither.
int x_tweet_id_from_url (const char *url_or_id, char *id, size_t size);

#endif
