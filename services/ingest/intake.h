/*  intake: one message as ingest understands it, whatever channel brought
    it, and the store that commits messages to PostgreSQL in batches.

    Every channel (X webhook, stream, mentions, capture, replay, the generic
    API) turns what it received into intake_msg_t values and submits them
    to the store; the store decides new / duplicate / follow-up in the
    database (never by a lookup race), commits the complaint and its event
    together, answers each submission only after the commit, and then
    pushes new complaints down the pipeline. */
#ifndef SUNWAI_INGEST_INTAKE_H
#define SUNWAI_INGEST_INTAKE_H
#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>

#include "sw_curve.h"
#include "sw_db.h"
#include "sw_metrics.h"

//  Largest complaint text kept, in Unicode code points.
#define INTAKE_MAX_TEXT 4000

typedef enum {
    INTAKE_TWEET = 0,   //  a tweet or post: complaint or follow-up
    INTAKE_DM,          //  a direct message: complaint or follow-up
    INTAKE_API,         //  generic intake (web, WhatsApp, SMS, 112, e-mail)
    INTAKE_DELETE       //  the author deleted source_id: mark, keep the complaint
} intake_kind_t;

//  All strings are owned by the message (intake_msg_destroy frees them),
//  NUL-terminated, valid UTF-8; text is NFC with HTML entities decoded.
typedef struct {
    intake_kind_t kind;       //  what it is
    char *channel;            //  how it arrived: x_webhook, x_stream, x_mentions, capture, replay, api, web, whatsapp, sms, email, control_room
    char *source;             //  identity space of source_id: x, x_dm, or the API client's channel
    char *source_id;          //  tweet id_str, DM event id, API source id
    char *conversation_id;    //  X conversation_id or API thread id, or NULL
    char *in_reply_to_id;     //  id this replies to, or NULL
    char *author_id;          //  X user id_str, or the API's author id, or NULL
    char *author_handle;      //  screen name without '@', or NULL
    char *author_name;        //  display name, or NULL
    char *author_location;    //  free-text profile location, or NULL
    char *text;               //  the complaint text
    char *lang;               //  language the channel claims ("hi", "en", "und"), or NULL
    int64_t created_at_ms;    //  when posted (ms since epoch), 0 if unknown
    json_t *geo;              //  {"lat","lon","place_id","place_name","country_code"} or NULL
    json_t *media;            //  [{"id","type","url"}] or NULL
    json_t *raw;              //  the payload as received (for audit), or NULL
    char *match_tag;          //  stream rule tag that matched, or NULL
    char *cursor;             //  channel cursor to advance to source_id on commit (e.g. "x_stream"), or NULL
} intake_msg_t;

intake_msg_t *intake_msg_new (intake_kind_t kind);
void intake_msg_destroy (intake_msg_t **self_p);

//  What the store did with a message.
typedef enum {
    INTAKE_NEW = 0,        //  a new complaint with a new docket
    INTAKE_DUPLICATE,      //  seen before: the same docket as the first time
    INTAKE_FOLLOW_UP,      //  added to an existing complaint (docket is that complaint's)
    INTAKE_REOPENED,       //  a follow-up that reopened a resolved complaint
    INTAKE_DELETED,        //  a delete was recorded
    INTAKE_IGNORED,        //  not a complaint (a delete for an unknown tweet, ...)
    INTAKE_UNAUTHORIZED,   //  the API token was not valid
    INTAKE_UNAVAILABLE,    //  PostgreSQL is down or the store is stopping: nothing stored
    INTAKE_ERROR           //  the database refused it: nothing stored
} intake_result_t;

const char *intake_result_name (intake_result_t result);

typedef struct _intake_store_t intake_store_t;
typedef struct _intake_ticket_t intake_ticket_t;

typedef struct {
    const char *db_url;        //  PostgreSQL conninfo
    const char *out_endpoint;  //  PUSH endpoint for new complaints
    sw_curve_t *curve;         //  CURVE for that socket, or NULL (plain)
    const char *state;         //  deployment code, e.g. "up"
    const char *docket_prefix; //  e.g. "UP"
    int batch_max;             //  most messages in one transaction
    int followup_window_s;     //  same-author window for follow-ups, 0 = off
    int redrive_after_s;       //  re-push complaints still RECEIVED after this long
    int queue_max;             //  most messages waiting; more are refused UNAVAILABLE
    int committers;            //  committer threads, each with its own connection
    sw_metrics_t *metrics;     //  where the store's metrics go
} intake_store_config_t;

//  Starts the committer thread with its own connection and PUSH socket.
intake_store_t *intake_store_new (const intake_store_config_t *config);
//  Commits what is queued, then stops. Safe with NULL.
void intake_store_destroy (intake_store_t **self_p);
//  True while the store's database connection is up.
bool intake_store_ready (intake_store_t *self);

//  Submit msg (ownership passes to the store). token_hash, if not NULL, is
//  the SHA-256 of an API token that the commit must find valid (32 bytes,
//  copied). Never blocks on the database; returns a ticket to wait on.
intake_ticket_t *intake_store_submit (intake_store_t *self, intake_msg_t *msg,
                                      const uint8_t *token_hash);
//  Wait up to timeout_ms for the outcome. Returns the result and, for
//  NEW/DUPLICATE/FOLLOW_UP/REOPENED, copies the docket into docket
//  (size >= 32). A timeout returns INTAKE_UNAVAILABLE. Frees the ticket.
intake_result_t intake_ticket_wait (intake_ticket_t **ticket_p, int timeout_ms,
                                    char *docket, size_t docket_size);

//  Submit and wait, for callers with one message.
intake_result_t intake_store_put (intake_store_t *self, intake_msg_t *msg,
                                  const uint8_t *token_hash, int timeout_ms,
                                  char *docket, size_t docket_size);

//  Check a token before doing work on its behalf (capture fetches from X
//  first).  roles: comma-separated roles allowed, e.g. "officer,district,hq,admin".
//  1 valid, 0 not valid, -1 database unavailable.
int intake_store_token_ok (intake_store_t *self, const uint8_t *token_hash, const char *roles);

//  Channel cursors (X since_id and the like), read and written through the
//  store's connection. get returns a copy (caller frees) or NULL.
char *intake_store_cursor_get (intake_store_t *self, const char *name);
int intake_store_cursor_set (intake_store_t *self, const char *name, const char *value);

#endif
