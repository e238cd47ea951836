/*  xclient: ingest's clients of the X API v2, over libcurl.

    - the filtered stream: a long-lived GET of /2/tweets/search/stream that
      yields one JSON object per line, with blank keep-alive lines; on any
      end or error it reconnects with exponential backoff (and honours 429's
      x-rate-limit-reset), and after reconnecting it backfills the gap
      through /2/tweets/search/recent from the last stored tweet id;
    - mentions polling: GET /2/users/:id/mentions with since_id and
      pagination_token every poll interval, honouring x-rate-limit-remaining,
      x-rate-limit-reset and 429;
    - lookup: GET /2/tweets/:id for an officer's capture.

    Each long-running client is a thread of its own that hands parsed
    batches to a deliver callback and learns where to resume from a cursor
    callback; it never touches the database itself.  The base URL is
    configuration, so tests point it at a local fake X server. */
#ifndef SUNWAI_INGEST_XCLIENT_H
#define SUNWAI_INGEST_XCLIENT_H
#include <stdbool.h>

#include "sw_metrics.h"
#include "x_parse.h"

//  Store the batch (taking its messages); return 0 once committed, -1 if
//  it could not be (the client keeps its position and retries later).
typedef int (x_deliver_fn) (void *arg, x_batch_t *batch);
//  The last stored id for a cursor name ("x_stream", "x_mentions"), as a
//  malloc'd decimal string, or NULL if none.
typedef char *(x_cursor_fn) (void *arg, const char *name);

typedef struct {
    const char *base_url;        //  e.g. "https://api.x.com"
    const char *bearer_token;    //  OAuth 2.0 app or user token
    const char *user_id;         //  the police account's id (mentions, own posts)
    const char *backfill_query;  //  recent-search query covering the stream's rules
    int poll_interval_s;         //  mentions polling period
    int backoff_max_s;           //  reconnect/poll backoff ceiling
    int timeout_s;               //  request timeout (stream: idle timeout between lines)
    sw_metrics_t *metrics;       //  requests, errors, rate limits, reconnects
    x_deliver_fn *deliver;       //  where batches go
    x_cursor_fn *cursor;         //  where to resume
    void *arg;                   //  passed to deliver and cursor
} x_client_config_t;

typedef struct _x_client_t x_client_t;

//  Start the filtered-stream client or the mentions poller (a thread each).
x_client_t *x_stream_new (const x_client_config_t *config);
x_client_t *x_mentions_new (const x_client_config_t *config);
//  Stop the thread (within a second) and free. Safe with NULL.
void x_client_destroy (x_client_t **self_p);

//  Fetch one tweet by id (capture). Appends to batch with channel
//  "capture"; 0, or -1 with a reason in err (HTTP status, X's error
//  title, or a parse error).
int x_lookup_tweet (const x_client_config_t *config, const char *tweet_id, x_batch_t *batch,
                    char *err, size_t errlen);

#endif
