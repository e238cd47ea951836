/*  xclient: ingest's clients of the X API v2, over libcurl's easy interface.

    This file owns the filtered-stream and mentions threads (one pthread
    each, with its own CURL handles), the one-shot tweet lookup, and the
    plumbing they share: one request with its header, body and progress
    callbacks, rate-limit headers, backoff, and delivery.

    Stopping: destroy sets an atomic stop flag, shuts down every socket the
    client's handles have open (they are tracked through libcurl's open and
    close socket callbacks), and wakes the condition variable that every
    sleep waits on.  A blocked transfer then fails at once, the progress
    callback refuses to go on, and the thread ends well within a second.

    The stream splits its body into lines in the write callback.  A complete
    line is parsed and delivered there and then, so a slow store holds the
    stream back instead of piling lines up in memory.  After each connect,
    once the 200 headers are in and before the first line is handled, the
    thread backfills what it missed through recent search from the cursor it
    read before connecting (so lines from this connection cannot move it);
    a backfill that fails for a passing reason is retried from the progress
    callback while the stream runs.

    Pages of mentions and backfill come newest first; a poll gathers every
    page before delivering, oldest first, so that the cursor only moves
    forward past tweets that were stored.  A delivery that fails is retried
    from the same JSON after a backoff, never skipped.

    The bearer token goes into one request header and nowhere else: it is
    never logged and never part of a URL. */
#include "xclient.h"
#include "sw_xerror.h"
#include "sw_log.h"

#include <curl/curl.h>
#include <jansson.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

//  Fields and expansions asked for on every tweet request.
#define S_FIELDS \
    "tweet.fields=created_at,conversation_id,referenced_tweets,geo,lang,author_id,attachments,note_tweet" \
    "&expansions=author_id,geo.place_id,attachments.media_keys" \
    "&user.fields=username,name,location" \
    "&place.fields=full_name,country_code,geo" \
    "&media.fields=url,preview_image_url,type"

#define S_BODY_MAX      (16 * 1024 * 1024)  //  largest response body kept
#define S_LINE_MAX      (4 * 1024 * 1024)   //  longest stream line accepted
#define S_PAGES_MAX     100                 //  most pages in one poll or backfill
#define S_SOCKETS_MAX   8                   //  open sockets tracked per client
#define S_RESET_MAX_S   960.0               //  longest wait for a rate-limit reset
#define S_POLL_DEFAULT  60                  //  poll_interval_s when not set
#define S_BACKOFF_DEFAULT 300               //  backoff_max_s when not set
#define S_TIMEOUT_DEFAULT 90                //  timeout_s when not set

typedef enum {
    S_STREAM = 0,
    S_MENTIONS = 1
} s_kind_t;

struct _x_client_t {
    s_kind_t kind;                  //  which loop the thread runs
    x_client_config_t config;       //  our copy; its strings are the ones below
    char *base_url;                 //  owned, without a trailing '/'
    char *bearer_token;             //  owned; never logged
    char *user_id;                  //  owned, or NULL
    char *backfill_query;           //  owned, or NULL
    pthread_t thread;               //  the client's thread
    bool started;                   //  thread was started (join on destroy)
    atomic_bool stop;               //  set by destroy, checked everywhere
    pthread_mutex_t lock;           //  guards sockets; with wake, for sleeps
    pthread_cond_t wake;            //  broadcast when stop is set
    curl_socket_t sockets[S_SOCKETS_MAX];  //  open sockets, shut down on stop
    unsigned int seed;              //  rand_r state, for jitter
    CURL *search;                   //  stream: the handle backfill uses
    char *line;                     //  stream: the line being assembled
    size_t line_size;               //  stream: bytes in line
    size_t line_cap;                //  stream: bytes allocated for line
    bool line_overflow;             //  stream: line too long, skip to '\n'
    bool backfill_pending;          //  stream: a backfill is owed
    bool backfilling;               //  stream: a backfill is running
    char *backfill_since;           //  stream: its since_id
    double backfill_at;             //  stream: not before (monotonic seconds)
    int backfill_backoff;           //  stream: next retry delay, seconds
};

//  One HTTP request and what came back.
typedef struct {
    x_client_t *client;             //  whose stop flag aborts it; NULL for lookup
    const char *endpoint;           //  metrics label: stream, mentions, search, lookup
    bool stream;                    //  body is the filtered stream's NDJSON
    long status;                    //  status of the latest header block, 0 if none
    bool headers_done;              //  the latest header block is complete
    long rl_remaining;              //  x-rate-limit-remaining, -1 if absent
    long rl_reset;                  //  x-rate-limit-reset (epoch s), -1 if absent
    char *body;                     //  response body (a stream's only if not 200)
    size_t size;                    //  bytes in body
    size_t cap;                     //  bytes allocated for body
    bool truncated;                 //  body went past S_BODY_MAX
    double last_byte;               //  monotonic time anything last arrived
    bool got_data;                  //  stream: body bytes came with a 200
    double idle_s;                  //  stream: give up after this long idle
    bool idle_abort;                //  stream: given up for being idle
} s_transfer_t;


//  --------------------------------------------------------------------
//  Small helpers

static pthread_once_t s_curl_once = PTHREAD_ONCE_INIT;

static void
s_curl_init (void)
{
    curl_global_init (CURL_GLOBAL_DEFAULT);
}

static double
s_now (void)
{
    struct timespec ts;
    clock_gettime (CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static double
s_wallclock (void)
{
    struct timespec ts;
    clock_gettime (CLOCK_REALTIME, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static char *
s_printf (const char *format, ...)
{
    va_list args;
    va_start (args, format);
    char *text = NULL;
    if (vasprintf (&text, format, args) < 0)
        text = NULL;
    va_end (args);
    return text;
}

static bool
s_is_id (const char *id)
{
    if (!id || !*id || strlen (id) > 19)
        return false;
    for (const char *p = id; *p; p++)
        if (*p < '0' || *p > '9')
            return false;
    return true;
}

static void
s_count (sw_metrics_t *metrics, const char *name, const char *help,
         const char *labels, double value)
{
    if (metrics)
        sw_counter_add (sw_metrics_counter (metrics, name, help, labels), value);
}

static void
s_count_endpoint (sw_metrics_t *metrics, const char *name, const char *help,
                  const char *endpoint)
{
    char labels[64];
    snprintf (labels, sizeof labels, "endpoint=\"%s\"", endpoint);
    s_count (metrics, name, help, labels, 1);
}

//  Sleeps for seconds, or less if the client is stopped meanwhile.
//  Returns false if the client is stopping.
static bool
s_sleep (x_client_t *self, double seconds)
{
    struct timespec until;
    clock_gettime (CLOCK_MONOTONIC, &until);
    if (seconds > 0) {
        long long ns = (long long) (seconds * 1e9) + until.tv_nsec;
        until.tv_sec += ns / 1000000000LL;
        until.tv_nsec = ns % 1000000000LL;
    }
    pthread_mutex_lock (&self->lock);
    while (!atomic_load (&self->stop)) {
        if (pthread_cond_timedwait (&self->wake, &self->lock, &until) != 0)
            break;              //  timed out (or failed: do not spin)
    }
    pthread_mutex_unlock (&self->lock);
    return !atomic_load (&self->stop);
}

//  seconds plus up to a quarter more, so that clients do not reconnect
//  in step.
static double
s_jitter (x_client_t *self, double seconds)
{
    return seconds + seconds * (rand_r (&self->seed) % 1000) / 4000.0;
}

static int
s_backoff_next (x_client_t *self, int backoff)
{
    return backoff * 2 > self->config.backoff_max_s ? self->config.backoff_max_s : backoff * 2;
}

//  Seconds until the rate-limit window in t resets, or fallback if t has
//  no reset header.
static double
s_until_reset (const s_transfer_t *t, double fallback)
{
    if (t->rl_reset <= 0)
        return fallback;
    double wait = (double) t->rl_reset - s_wallclock () + 1.0;
    if (wait < 1.0)
        wait = 1.0;
    if (wait > S_RESET_MAX_S)
        wait = S_RESET_MAX_S;
    return wait;
}



//  --------------------------------------------------------------------
//  One request

//  libcurl opens every socket through here, so that destroy can shut it
//  down and wake a blocked transfer.
static curl_socket_t
s_open_socket (void *arg, curlsocktype purpose, struct curl_sockaddr *address)
{
    x_client_t *self = (x_client_t *) arg;
    curl_socket_t fd = socket (address->family, address->socktype | SOCK_CLOEXEC,
                               address->protocol);
    if (fd == CURL_SOCKET_BAD)
        return fd;
    pthread_mutex_lock (&self->lock);
    if (atomic_load (&self->stop)) {
        pthread_mutex_unlock (&self->lock);
        close (fd);
        return CURL_SOCKET_BAD;
    }
    for (int i = 0; i < S_SOCKETS_MAX; i++)
        if (self->sockets[i] == CURL_SOCKET_BAD) {
            self->sockets[i] = fd;
            break;
        }
    pthread_mutex_unlock (&self->lock);
    return fd;
}

static int
s_close_socket (void *arg, curl_socket_t fd)
{
    x_client_t *self = (x_client_t *) arg;
    pthread_mutex_lock (&self->lock);
    for (int i = 0; i < S_SOCKETS_MAX; i++)
        if (self->sockets[i] == fd)
            self->sockets[i] = CURL_SOCKET_BAD;
    pthread_mutex_unlock (&self->lock);
    return close (fd);
}

static void
s_transfer_init (s_transfer_t *t, x_client_t *client, const char *endpoint, bool stream)
{
    memset (t, 0, sizeof *t);
    t->client = client;
    t->endpoint = endpoint;
    t->stream = stream;
    t->rl_remaining = -1;
    t->rl_reset = -1;
}

static void
s_transfer_clear (s_transfer_t *t)
{
    free (t->body);
    t->body = NULL;
    t->size = t->cap = 0;
}

//  Reads "name: <number>" into value if line is that header.
static void
s_header_long (const char *line, size_t size, const char *name, long *value)
{
    size_t length = strlen (name);
    if (size <= length + 1 || strncasecmp (line, name, length) != 0 || line [length] != ':')
        return;
    char text[32];
    size_t n = size - length - 1;
    if (n >= sizeof text)
        n = sizeof text - 1;
    memcpy (text, line + length + 1, n);
    text[n] = 0;
    char *end;
    long number = strtol (text, &end, 10);
    if (end != text)
        *value = number;
}

static size_t
s_header_cb (char *data, size_t size, size_t nitems, void *arg)
{
    s_transfer_t *t = (s_transfer_t *) arg;
    size_t bytes = size * nitems;
    t->last_byte = s_now ();
    if (bytes > 5 && memcmp (data, "HTTP/", 5) == 0) {
        //  A new header block: after a 100 Continue there is another
        const char *space = memchr (data, ' ', bytes);
        t->status = space ? strtol (space + 1, NULL, 10) : 0;
        t->headers_done = false;
        t->rl_remaining = -1;
        t->rl_reset = -1;
    }
    else
    if (bytes <= 2 && (bytes == 0 || data[0] == '\r' || data[0] == '\n')) {
        t->headers_done = true;
        if (t->stream && t->status == 200)
            sw_log_kv (SW_LOG_INFO, "x stream connected", NULL);
    }
    else {
        s_header_long (data, bytes, "x-rate-limit-remaining", &t->rl_remaining);
        s_header_long (data, bytes, "x-rate-limit-reset", &t->rl_reset);
    }
    return bytes;
}

static size_t
s_body_append (s_transfer_t *t, const char *data, size_t bytes)
{
    if (t->truncated || t->size + bytes > S_BODY_MAX) {
        t->truncated = true;
        return bytes;           //  keep reading, the request fails as a whole
    }
    if (t->size + bytes + 1 > t->cap) {
        size_t cap = t->cap ? t->cap : 4096;
        while (cap < t->size + bytes + 1)
            cap *= 2;
        char *body = realloc (t->body, cap);
        if (!body)
            return 0;
        t->body = body;
        t->cap = cap;
    }
    memcpy (t->body + t->size, data, bytes);
    t->size += bytes;
    t->body[t->size] = 0;
    return bytes;
}

static size_t
s_body_cb (char *data, size_t size, size_t nmemb, void *arg)
{
    s_transfer_t *t = (s_transfer_t *) arg;
    t->last_byte = s_now ();
    return s_body_append (t, data, size * nmemb);
}

static size_t s_stream_cb (char *data, size_t size, size_t nmemb, void *arg);
static int s_backfill_maybe (x_client_t *self, s_transfer_t *t);

static int
s_progress_cb (void *arg, curl_off_t dltotal, curl_off_t dlnow,
               curl_off_t ultotal, curl_off_t ulnow)
{
    s_transfer_t *t = (s_transfer_t *) arg;
    if (t->client && atomic_load (&t->client->stop))
        return 1;
    if (t->stream) {
        if (s_backfill_maybe (t->client, t) != 0)
            return 1;
        if (t->idle_s > 0 && s_now () - t->last_byte > t->idle_s) {
            t->idle_abort = true;
            return 1;
        }
    }
    return 0;
}

//  Runs one GET on curl (reset first, so a thread keeps its connections)
//  and counts it in sunwai_x_requests_total.  client may be NULL.
static CURLcode
s_perform (const x_client_config_t *config, CURL *curl, const char *url, s_transfer_t *t)
{
    char *auth = s_printf ("Authorization: Bearer %s", config->bearer_token);
    struct curl_slist *headers = auth ? curl_slist_append (NULL, auth) : NULL;
    struct curl_slist *more = headers ? curl_slist_append (headers, "Accept: application/json") : NULL;
    if (auth) {
        explicit_bzero (auth, strlen (auth));
        free (auth);
    }
    if (!more) {
        curl_slist_free_all (headers);
        return CURLE_OUT_OF_MEMORY;
    }
    headers = more;
    curl_easy_reset (curl);
    curl_easy_setopt (curl, CURLOPT_URL, url);
    curl_easy_setopt (curl, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt (curl, CURLOPT_USERAGENT, "sunwai-ingest/" SUNWAI_VERSION);
    curl_easy_setopt (curl, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt (curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt (curl, CURLOPT_ACCEPT_ENCODING, "");
    curl_easy_setopt (curl, CURLOPT_HEADERFUNCTION, s_header_cb);
    curl_easy_setopt (curl, CURLOPT_HEADERDATA, t);
    curl_easy_setopt (curl, CURLOPT_WRITEFUNCTION, t->stream ? s_stream_cb : s_body_cb);
    curl_easy_setopt (curl, CURLOPT_WRITEDATA, t);
    curl_easy_setopt (curl, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt (curl, CURLOPT_XFERINFOFUNCTION, s_progress_cb);
    curl_easy_setopt (curl, CURLOPT_XFERINFODATA, t);
    curl_easy_setopt (curl, CURLOPT_CONNECTTIMEOUT, (long) (config->timeout_s < 10 ? config->timeout_s : 10));
    if (t->stream)
        curl_easy_setopt (curl, CURLOPT_TCP_KEEPALIVE, 1L);
    else
        curl_easy_setopt (curl, CURLOPT_TIMEOUT, (long) config->timeout_s);
    if (t->client) {
        curl_easy_setopt (curl, CURLOPT_OPENSOCKETFUNCTION, s_open_socket);
        curl_easy_setopt (curl, CURLOPT_OPENSOCKETDATA, t->client);
        curl_easy_setopt (curl, CURLOPT_CLOSESOCKETFUNCTION, s_close_socket);
        curl_easy_setopt (curl, CURLOPT_CLOSESOCKETDATA, t->client);
    }
    t->last_byte = s_now ();
    CURLcode code = curl_easy_perform (curl);
    long status = 0;
    if (curl_easy_getinfo (curl, CURLINFO_RESPONSE_CODE, &status) == CURLE_OK && status)
        t->status = status;
    //  Drop our header list from the handle before freeing it
    curl_easy_setopt (curl, CURLOPT_HTTPHEADER, NULL);
    curl_slist_free_all (headers);

    char labels[96];
    if (t->status)
        snprintf (labels, sizeof labels, "endpoint=\"%s\",code=\"%ld\"", t->endpoint, t->status);
    else
        snprintf (labels, sizeof labels, "endpoint=\"%s\",code=\"error\"", t->endpoint);
    s_count (config->metrics, "sunwai_x_requests_total",
             "Requests made to the X API, by endpoint and HTTP status", labels, 1);
    return code;
}

//  Logs why a request did not give a usable answer.
static void
s_log_failure (const s_transfer_t *t, CURLcode code, const char *message)
{
    char status[16], reason[256];
    snprintf (status, sizeof status, "%ld", t->status);
    if (code != CURLE_OK && !(t->status >= 400))
        snprintf (reason, sizeof reason, "%s", t->idle_abort ? "no data within the idle timeout"
                                                               : curl_easy_strerror (code));
    else
        sw_xerror_reason_text (t->body, t->size, reason, sizeof reason);
    sw_log_kv (t->status >= 400 && t->status < 500 && t->status != 429 ? SW_LOG_ERROR : SW_LOG_WARN,
               message, "endpoint", t->endpoint, "status", status, "reason", reason, NULL);
}


//  --------------------------------------------------------------------
//  Delivery

static int
s_id_compare (const void *a, const void *b)
{
    const intake_msg_t *x = *(intake_msg_t * const *) a;
    const intake_msg_t *y = *(intake_msg_t * const *) b;
    const char *p = x && x->source_id ? x->source_id : "";
    const char *q = y && y->source_id ? y->source_id : "";
    size_t lp = strlen (p), lq = strlen (q);
    if (lp != lq)
        return lp < lq ? -1 : 1;
    return strcmp (p, q);
}

//  Parses pages into batch with channel and cursor set on every message,
//  oldest first.  Returns how many pages failed to parse (logged if log).
static size_t
s_parse_pages (const x_client_config_t *config, json_t **pages, size_t npages,
               const char *channel, const char *cursor, x_batch_t *batch, bool log)
{
    size_t failed = 0;
    for (size_t i = 0; i < npages; i++) {
        json_t *data = json_object_get (pages[i], "data");
        if (!data)
            continue;           //  an empty page
        char err[256] = "";
        if (x_parse_v2_response (pages[i], channel, config->user_id, batch,
                                 err, sizeof err) == 0)
            continue;
        failed++;
        if (log)
            sw_log_kv (SW_LOG_WARN, "x payload not understood", "channel", channel,
                       "error", err, NULL);
        //  The parser takes a page whole or not at all: one odd tweet must
        //  not cost the others, so take them one by one.
        if (!json_is_array (data))
            continue;
        json_t *includes = json_object_get (pages[i], "includes");
        if (!json_is_object (includes))
            includes = NULL;
        size_t index;
        json_t *tweet;
        json_array_foreach (data, index, tweet) {
            if (x_parse_tweet_v2 (tweet, includes, channel, config->user_id, batch,
                                  err, sizeof err) != 0 && log) {
                const char *id = json_string_value (json_object_get (tweet, "id"));
                sw_log_kv (SW_LOG_WARN, "x tweet not understood, skipped", "channel", channel,
                           "tweet", id, "error", err, NULL);
            }
        }
    }
    for (size_t i = 0; i < batch->count; i++) {
        intake_msg_t *msg = batch->msgs[i];
        if (!msg)
            continue;
        free (msg->cursor);
        msg->cursor = cursor ? strdup (cursor) : NULL;
    }
    if (batch->count > 1)
        qsort (batch->msgs, batch->count, sizeof batch->msgs[0], s_id_compare);
    return failed;
}

//  Hands what pages hold to deliver, retrying with backoff until it is
//  stored.  Sets *failed to the pages that did not parse.  Returns how
//  many messages were delivered, or -1 if the client is stopping.
static int
s_deliver_pages (x_client_t *self, json_t **pages, size_t npages, const char *channel,
                 const char *cursor, size_t *failed)
{
    int backoff = 1;
    for (int attempt = 0;; attempt++) {
        x_batch_t batch;
        x_batch_init (&batch);
        size_t bad = s_parse_pages (&self->config, pages, npages, channel, cursor,
                                    &batch, attempt == 0);
        if (attempt == 0 && failed)
            *failed = bad;
        size_t count = batch.count;
        if (count == 0) {
            x_batch_clear (&batch);
            return 0;
        }
        int rc = self->config.deliver (self->config.arg, &batch);
        x_batch_clear (&batch);
        if (rc == 0) {
            char labels[64];
            snprintf (labels, sizeof labels, "channel=\"%s\"", channel);
            s_count (self->config.metrics, "sunwai_x_delivered_total",
                     "Messages from X handed to the store, by channel", labels, (double) count);
            return (int) count;
        }
        double wait = s_jitter (self, backoff);
        char count_text[24], wait_text[24];
        snprintf (count_text, sizeof count_text, "%zu", count);
        snprintf (wait_text, sizeof wait_text, "%.1f", wait);
        sw_log_kv (SW_LOG_WARN, "x batch not stored, will retry", "channel", channel,
                   "messages", count_text, "retry_in_s", wait_text, NULL);
        if (!s_sleep (self, wait))
            return -1;
        backoff = s_backoff_next (self, backoff);
    }
}

static void
s_pages_free (json_t **pages, size_t *npages)
{
    for (size_t i = 0; i < *npages; i++)
        json_decref (pages[i]);
    *npages = 0;
}

//  Follows a timeline's pages from since_id, gathering them into pages.
//  When the rate limit is spent between pages, sleeps until the reset if
//  may_sleep, else fails so the caller retries then.  Returns 0 when all
//  are in; else -1 with *wait set to how long to wait before trying again
//  (from scratch), and *give_up set if retrying would not help; or -2 if
//  the client is stopping.  After 0, *wait is how long the rate limit
//  stays spent (0 if it is not).
static int
s_fetch_pages (x_client_t *self, CURL *curl, const char *endpoint, const char *url_base,
               const char *token_param, bool may_sleep, json_t **pages, size_t *npages,
               int *backoff, double *wait, bool *give_up)
{
    *wait = 0;
    char *token = NULL;
    int rc = 0;
    *give_up = false;
    while (true) {
        char *url = token ? s_printf ("%s&%s=%s", url_base, token_param, token) : strdup (url_base);
        if (!url) {
            *wait = s_jitter (self, *backoff);
            rc = -1;
            break;
        }
        s_transfer_t t;
        s_transfer_init (&t, self, endpoint, false);
        CURLcode code = s_perform (&self->config, curl, url, &t);
        free (url);
        if (atomic_load (&self->stop)) {
            s_transfer_clear (&t);
            rc = -2;
            break;
        }
        json_t *body = NULL;
        if (code == CURLE_OK && t.status == 200 && !t.truncated)
            body = json_loadb (t.body ? t.body : "", t.size, 0, NULL);
        if (code != CURLE_OK || t.status != 200 || !json_is_object (body)) {
            if (t.status == 429) {
                s_count_endpoint (self->config.metrics, "sunwai_x_rate_limited_total",
                                  "Waits for an X rate-limit window to reset, by endpoint", endpoint);
                *wait = s_until_reset (&t, s_jitter (self, *backoff));
            }
            else
            if (t.status >= 400 && t.status < 500) {
                *give_up = true;
                *wait = s_jitter (self, *backoff);
            }
            else
                *wait = s_jitter (self, *backoff);
            if (code == CURLE_OK && t.status == 200)
                sw_log_kv (SW_LOG_WARN, "x response is not a JSON object", "endpoint", endpoint, NULL);
            else
                s_log_failure (&t, code, "x request failed");
            *backoff = s_backoff_next (self, *backoff);
            json_decref (body);
            s_transfer_clear (&t);
            rc = -1;
            break;
        }
        pages[(*npages)++] = body;
        char reason[256];
        if (!json_object_get (body, "data") && !json_object_get (body, "meta")) {
            sw_xerror_reason (body, reason, sizeof reason);
            sw_log_kv (SW_LOG_WARN, "x answered with errors only", "endpoint", endpoint,
                       "reason", reason, NULL);
        }
        const char *next = json_string_value (json_object_get (json_object_get (body, "meta"),
                                                               "next_token"));
        curl_free (token);
        token = next && *next ? curl_easy_escape (curl, next, 0) : NULL;
        bool spent = t.rl_remaining == 0;
        double reset_wait = s_until_reset (&t, self->config.poll_interval_s);
        s_transfer_clear (&t);
        if (spent) {
            s_count_endpoint (self->config.metrics, "sunwai_x_rate_limited_total",
                              "Waits for an X rate-limit window to reset, by endpoint", endpoint);
            char wait_text[24];
            snprintf (wait_text, sizeof wait_text, "%.1f", reset_wait);
            sw_log_kv (SW_LOG_INFO, "x rate limit spent, waiting for the reset",
                       "endpoint", endpoint, "wait_s", wait_text, NULL);
            if (!token) {
                *wait = reset_wait;     //  the next poll must wait too
                break;
            }
            if (!may_sleep) {
                *wait = reset_wait;
                rc = -1;
                break;
            }
            if (!s_sleep (self, reset_wait)) {
                rc = -2;
                break;
            }
        }
        if (!token)
            break;
        if (*npages == S_PAGES_MAX) {
            sw_log_kv (SW_LOG_WARN, "x timeline longer than the page limit, newest kept",
                       "endpoint", endpoint, NULL);
            break;
        }
    }
    if (token)
        curl_free (token);
    return rc;
}


//  --------------------------------------------------------------------
//  Mentions

//  One poll: every page since the cursor, delivered oldest first.
//  Returns how long to wait before the next poll.
static double
s_mentions_poll (x_client_t *self, CURL *curl, int *backoff)
{
    char *since = self->config.cursor (self->config.arg, "x_mentions");
    if (since && !s_is_id (since)) {
        sw_log_kv (SW_LOG_WARN, "x cursor is not a tweet id, ignored", "cursor", "x_mentions", NULL);
        free (since);
        since = NULL;
    }
    char *url = s_printf ("%s/2/users/%s/mentions?max_results=100&" S_FIELDS "%s%s",
                          self->base_url, self->user_id, since ? "&since_id=" : "",
                          since ? since : "");
    free (since);
    double wait = self->config.poll_interval_s;
    if (!url)
        return wait;
    json_t *pages[S_PAGES_MAX];
    size_t npages = 0;
    bool give_up;
    double fail_wait;
    int rc = s_fetch_pages (self, curl, "mentions", url, "pagination_token", true,
                            pages, &npages, backoff, &fail_wait, &give_up);
    free (url);
    if (rc == 0) {
        *backoff = 1;
        if (fail_wait > wait)
            wait = fail_wait;   //  the rate limit is spent until then
        if (s_deliver_pages (self, pages, npages, "x_mentions", "x_mentions", NULL) < 0)
            wait = 0;
    }
    else
    if (rc == -1) {
        //  A refusal (4xx) is not retried sooner than the next poll
        wait = give_up && fail_wait < wait ? wait : fail_wait;
    }
    s_pages_free (pages, &npages);
    return wait;
}

static void
s_mentions_run (x_client_t *self)
{
    CURL *curl = curl_easy_init ();
    if (!curl) {
        sw_log_kv (SW_LOG_ERROR, "x mentions: no curl handle", NULL);
        return;
    }
    int backoff = 1;
    while (!atomic_load (&self->stop)) {
        double wait = s_mentions_poll (self, curl, &backoff);
        if (!s_sleep (self, wait))
            break;
    }
    curl_easy_cleanup (curl);
}


//  --------------------------------------------------------------------
//  Filtered stream

//  Fetches what the stream missed since backfill_since through recent
//  search and delivers it.  Returns 0 (done, given up, or rescheduled at
//  backfill_at), or -1 if the client is stopping.
static int
s_backfill (x_client_t *self)
{
    char *query = curl_easy_escape (self->search, self->backfill_query, 0);
    char *url = query ? s_printf ("%s/2/tweets/search/recent?query=%s&since_id=%s&max_results=100&" S_FIELDS,
                                  self->base_url, query, self->backfill_since) : NULL;
    curl_free (query);
    if (!url) {
        self->backfill_at = s_now () + s_jitter (self, self->backfill_backoff);
        return 0;
    }
    json_t *pages[S_PAGES_MAX];
    size_t npages = 0;
    bool give_up;
    double wait = 0;
    //  This runs inside the stream's callbacks: never sleep out a rate
    //  limit here, come back after the reset instead
    int rc = s_fetch_pages (self, self->search, "search", url, "next_token", false,
                            pages, &npages, &self->backfill_backoff, &wait, &give_up);
    free (url);
    if (rc == -2) {
        s_pages_free (pages, &npages);
        return -1;
    }
    if (rc == -1) {
        s_pages_free (pages, &npages);
        if (give_up) {
            sw_log_kv (SW_LOG_ERROR, "x stream backfill refused, gap not filled",
                       "since_id", self->backfill_since, NULL);
            self->backfill_pending = false;
        }
        else
            self->backfill_at = s_now () + wait;
        return 0;
    }
    int delivered = s_deliver_pages (self, pages, npages, "x_stream", "x_stream", NULL);
    s_pages_free (pages, &npages);
    if (delivered < 0)
        return -1;
    char count[24];
    snprintf (count, sizeof count, "%d", delivered);
    sw_log_kv (SW_LOG_INFO, "x stream backfilled", "since_id", self->backfill_since,
               "messages", count, NULL);
    self->backfill_pending = false;
    self->backfill_backoff = 1;
    return 0;
}

//  Backfills if one is owed, due, and the stream is up.  Returns 0, or -1
//  if the client is stopping.
static int
s_backfill_maybe (x_client_t *self, s_transfer_t *t)
{
    if (!self->backfill_pending || self->backfilling
    ||  t->status != 200 || !t->headers_done || s_now () < self->backfill_at)
        return 0;
    self->backfilling = true;
    int rc = s_backfill (self);
    self->backfilling = false;
    t->last_byte = s_now ();    //  time spent here is not stream idleness
    return rc;
}

//  Handles one complete stream line.  Returns 0, or -1 if the client is
//  stopping.
static int
s_stream_line (x_client_t *self, char *line, size_t size)
{
    while (size > 0 && (line[size - 1] == '\r' || line[size - 1] == ' ' || line[size - 1] == '\t'))
        size--;
    size_t start = 0;
    while (start < size && (line[start] == ' ' || line[start] == '\t' || line[start] == '\r'))
        start++;
    if (start == size)
        return 0;               //  a keep-alive
    sw_metrics_t *metrics = self->config.metrics;
    s_count (metrics, "sunwai_x_stream_lines_total", "Lines received on the X filtered stream",
             NULL, 1);
    json_error_t error;
    json_t *json = json_loadb (line + start, size - start, 0, &error);
    if (!json_is_object (json)) {
        s_count (metrics, "sunwai_x_stream_bad_lines_total",
                 "Filtered-stream lines that could not be parsed", NULL, 1);
        sw_log_kv (SW_LOG_WARN, "x stream line is not a JSON object", "error",
                   json ? "not an object" : error.text, NULL);
        json_decref (json);
        return 0;
    }
    if (!json_object_get (json, "data") && json_object_get (json, "errors")) {
        //  X reports trouble in-stream ("operational-disconnect", ...)
        char reason[256];
        sw_xerror_reason (json, reason, sizeof reason);
        sw_log_kv (SW_LOG_WARN, "x stream reported an error", "reason", reason, NULL);
        json_decref (json);
        return 0;
    }
    if (!json_object_get (json, "data")) {
        s_count (metrics, "sunwai_x_stream_bad_lines_total",
                 "Filtered-stream lines that could not be parsed", NULL, 1);
        sw_log_kv (SW_LOG_WARN, "x stream line has no data", NULL);
        json_decref (json);
        return 0;
    }
    size_t failed = 0;
    int rc = s_deliver_pages (self, &json, 1, "x_stream", "x_stream", &failed);
    if (failed)
        s_count (metrics, "sunwai_x_stream_bad_lines_total",
                 "Filtered-stream lines that could not be parsed", NULL, 1);
    json_decref (json);
    return rc < 0 ? -1 : 0;
}

static size_t
s_stream_cb (char *data, size_t size, size_t nmemb, void *arg)
{
    s_transfer_t *t = (s_transfer_t *) arg;
    x_client_t *self = t->client;
    size_t bytes = size * nmemb;
    t->last_byte = s_now ();
    if (t->status != 200)
        return s_body_append (t, data, bytes);      //  an error body
    t->got_data = true;
    if (s_backfill_maybe (self, t) != 0)
        return 0;               //  stopping: abort the transfer

    const char *p = data;
    const char *end = data + bytes;
    while (p < end) {
        const char *newline = memchr (p, '\n', end - p);
        size_t n = (newline ? newline : end) - p;
        if (!self->line_overflow && self->line_size + n > S_LINE_MAX) {
            self->line_overflow = true;
            self->line_size = 0;
        }
        if (!self->line_overflow && n) {
            if (self->line_size + n + 1 > self->line_cap) {
                size_t cap = self->line_cap ? self->line_cap : 8192;
                while (cap < self->line_size + n + 1)
                    cap *= 2;
                char *line = realloc (self->line, cap);
                if (!line)
                    return 0;
                self->line = line;
                self->line_cap = cap;
            }
            memcpy (self->line + self->line_size, p, n);
            self->line_size += n;
        }
        if (!newline)
            break;
        if (self->line_overflow) {
            s_count (self->config.metrics, "sunwai_x_stream_bad_lines_total",
                     "Filtered-stream lines that could not be parsed", NULL, 1);
            sw_log_kv (SW_LOG_WARN, "x stream line too long, dropped", NULL);
            self->line_overflow = false;
        }
        else
        if (self->line_size && s_stream_line (self, self->line, self->line_size) != 0)
            return 0;
        self->line_size = 0;
        p = newline + 1;
    }
    t->last_byte = s_now ();
    return bytes;
}

static void
s_stream_run (x_client_t *self)
{
    CURL *curl = curl_easy_init ();
    self->search = curl_easy_init ();
    char *url = s_printf ("%s/2/tweets/search/stream?" S_FIELDS, self->base_url);
    if (!curl || !self->search || !url) {
        sw_log_kv (SW_LOG_ERROR, "x stream: out of memory", NULL);
        goto done;
    }
    if (!self->backfill_query)
        sw_log_kv (SW_LOG_WARN, "x stream has no backfill query: gaps are not filled", NULL);
    int backoff = 1;
    bool first = true;
    while (!atomic_load (&self->stop)) {
        if (!first)
            s_count (self->config.metrics, "sunwai_x_stream_reconnects_total",
                     "Reconnections of the X filtered stream", NULL, 1);
        first = false;
        //  Where to backfill from, read before any line of this connection
        //  can move it; an owed backfill keeps its older starting point.
        if (!self->backfill_pending && self->backfill_query) {
            free (self->backfill_since);
            self->backfill_since = self->config.cursor (self->config.arg, "x_stream");
            if (self->backfill_since && !s_is_id (self->backfill_since)) {
                sw_log_kv (SW_LOG_WARN, "x cursor is not a tweet id, ignored", "cursor", "x_stream", NULL);
                free (self->backfill_since);
                self->backfill_since = NULL;
            }
            self->backfill_pending = self->backfill_since != NULL;
            self->backfill_at = 0;
            self->backfill_backoff = 1;
        }
        s_transfer_t t;
        s_transfer_init (&t, self, "stream", true);
        t.idle_s = self->config.timeout_s;
        self->line_size = 0;
        self->line_overflow = false;
        CURLcode code = s_perform (&self->config, curl, url, &t);
        if (atomic_load (&self->stop)) {
            s_transfer_clear (&t);
            break;
        }
        double wait;
        if (t.status == 429) {
            s_count_endpoint (self->config.metrics, "sunwai_x_rate_limited_total",
                              "Waits for an X rate-limit window to reset, by endpoint", "stream");
            wait = s_until_reset (&t, s_jitter (self, backoff));
            backoff = s_backoff_next (self, backoff);
        }
        else {
            if (t.status == 200 && t.got_data)
                backoff = 1;    //  it worked for a while: start over
            wait = s_jitter (self, backoff);
            backoff = s_backoff_next (self, backoff);
        }
        char wait_text[24];
        snprintf (wait_text, sizeof wait_text, "%.1f", wait);
        if (t.status == 200) {
            sw_log_kv (SW_LOG_WARN, "x stream disconnected", "reason",
                       t.idle_abort ? "no data within the idle timeout"
                       : code == CURLE_OK ? "closed by the server" : curl_easy_strerror (code),
                       "reconnect_in_s", wait_text, NULL);
        }
        else
            s_log_failure (&t, code, "x stream connect failed");
        s_transfer_clear (&t);
        if (!s_sleep (self, wait))
            break;
    }
done:
    free (url);
    curl_easy_cleanup (self->search);
    self->search = NULL;
    curl_easy_cleanup (curl);
}


//  --------------------------------------------------------------------
//  The clients

static void *
s_thread (void *arg)
{
    x_client_t *self = (x_client_t *) arg;
    if (self->kind == S_STREAM)
        s_stream_run (self);
    else
        s_mentions_run (self);
    return NULL;
}

static char *
s_strdup_trimmed (const char *text)
{
    if (!text)
        return NULL;
    char *copy = strdup (text);
    if (copy) {
        size_t length = strlen (copy);
        while (length > 0 && copy[length - 1] == '/')
            copy[--length] = 0;
    }
    return copy;
}

static bool
s_config_valid (const x_client_config_t *config, const char *who)
{
    const char *missing = !config ? "config"
                        : !config->base_url || !*config->base_url ? "base_url"
                        : !config->bearer_token ? "bearer_token" : NULL;
    if (missing) {
        sw_log_kv (SW_LOG_ERROR, "x client not configured", "client", who, "missing", missing, NULL);
        return false;
    }
    return true;
}

static x_client_t *
s_client_new (s_kind_t kind, const x_client_config_t *config)
{
    const char *who = kind == S_STREAM ? "stream" : "mentions";
    if (!s_config_valid (config, who))
        return NULL;
    const char *missing = !config->deliver ? "deliver" : !config->cursor ? "cursor"
                        : kind == S_MENTIONS && !s_is_id (config->user_id) ? "user_id" : NULL;
    if (missing) {
        sw_log_kv (SW_LOG_ERROR, "x client not configured", "client", who, "missing", missing, NULL);
        return NULL;
    }
    pthread_once (&s_curl_once, s_curl_init);
    x_client_t *self = calloc (1, sizeof *self);
    if (!self)
        return NULL;
    self->kind = kind;
    self->config = *config;
    self->base_url = s_strdup_trimmed (config->base_url);
    self->bearer_token = strdup (config->bearer_token);
    self->user_id = config->user_id ? strdup (config->user_id) : NULL;
    self->backfill_query = config->backfill_query && *config->backfill_query
                         ? strdup (config->backfill_query) : NULL;
    self->config.base_url = self->base_url;
    self->config.bearer_token = self->bearer_token;
    self->config.user_id = self->user_id;
    self->config.backfill_query = self->backfill_query;
    if (self->config.poll_interval_s <= 0)
        self->config.poll_interval_s = S_POLL_DEFAULT;
    if (self->config.backoff_max_s <= 0)
        self->config.backoff_max_s = S_BACKOFF_DEFAULT;
    if (self->config.timeout_s <= 0)
        self->config.timeout_s = S_TIMEOUT_DEFAULT;
    self->seed = (unsigned int) (time (NULL) ^ getpid () ^ (uintptr_t) self);
    self->backfill_backoff = 1;
    for (int i = 0; i < S_SOCKETS_MAX; i++)
        self->sockets[i] = CURL_SOCKET_BAD;
    atomic_init (&self->stop, false);
    pthread_mutex_init (&self->lock, NULL);
    pthread_condattr_t attr;
    pthread_condattr_init (&attr);
    pthread_condattr_setclock (&attr, CLOCK_MONOTONIC);
    pthread_cond_init (&self->wake, &attr);
    pthread_condattr_destroy (&attr);

    if (!self->base_url || !self->bearer_token
    || (config->user_id && !self->user_id)
    || (config->backfill_query && *config->backfill_query && !self->backfill_query)
    ||  pthread_create (&self->thread, NULL, s_thread, self) != 0) {
        sw_log_kv (SW_LOG_ERROR, "x client could not start", "client", who, NULL);
        x_client_destroy (&self);
        return NULL;
    }
    self->started = true;
    sw_log_kv (SW_LOG_INFO, "x client started", "client", who, "base_url", self->base_url, NULL);
    return self;
}

x_client_t *
x_stream_new (const x_client_config_t *config)
{
    return s_client_new (S_STREAM, config);
}

x_client_t *
x_mentions_new (const x_client_config_t *config)
{
    return s_client_new (S_MENTIONS, config);
}

void
x_client_destroy (x_client_t **self_p)
{
    if (!self_p || !*self_p)
        return;
    x_client_t *self = *self_p;
    //  Wake the thread wherever it waits: in a sleep, or on a socket
    pthread_mutex_lock (&self->lock);
    atomic_store (&self->stop, true);
    for (int i = 0; i < S_SOCKETS_MAX; i++)
        if (self->sockets[i] != CURL_SOCKET_BAD)
            shutdown (self->sockets[i], SHUT_RDWR);
    pthread_cond_broadcast (&self->wake);
    pthread_mutex_unlock (&self->lock);
    if (self->started)
        pthread_join (self->thread, NULL);

    pthread_cond_destroy (&self->wake);
    pthread_mutex_destroy (&self->lock);
    free (self->base_url);
    if (self->bearer_token) {
        explicit_bzero (self->bearer_token, strlen (self->bearer_token));
        free (self->bearer_token);
    }
    free (self->user_id);
    free (self->backfill_query);
    free (self->line);
    free (self->backfill_since);
    free (self);
    *self_p = NULL;
}


//  --------------------------------------------------------------------
//  Lookup

int
x_lookup_tweet (const x_client_config_t *config, const char *tweet_id, x_batch_t *batch,
                char *err, size_t errlen)
{
    char scratch[8];
    if (!err || !errlen) {
        err = scratch;
        errlen = sizeof scratch;
    }
    err[0] = 0;
    if (!s_config_valid (config, "lookup") || !batch) {
        snprintf (err, errlen, "x client is not configured");
        return -1;
    }
    if (!s_is_id (tweet_id)) {
        snprintf (err, errlen, "tweet id is not a decimal id");
        return -1;
    }
    pthread_once (&s_curl_once, s_curl_init);
    x_client_config_t local = *config;
    if (local.timeout_s <= 0)
        local.timeout_s = 30;
    size_t base = strlen (config->base_url);
    while (base > 0 && config->base_url[base - 1] == '/')
        base--;
    char *url = s_printf ("%.*s/2/tweets/%s?" S_FIELDS, (int) base, config->base_url, tweet_id);
    CURL *curl = url ? curl_easy_init () : NULL;
    if (!curl) {
        free (url);
        snprintf (err, errlen, "out of memory");
        return -1;
    }
    s_transfer_t t;
    s_transfer_init (&t, NULL, "lookup", false);
    CURLcode code = s_perform (&local, curl, url, &t);
    curl_easy_cleanup (curl);
    free (url);

    int rc = -1;
    json_t *body = NULL;
    char reason[256];
    if (code != CURLE_OK) {
        snprintf (err, errlen, "request failed: %s", curl_easy_strerror (code));
        goto done;
    }
    if (t.truncated) {
        snprintf (err, errlen, "response too large");
        goto done;
    }
    body = json_loadb (t.body ? t.body : "", t.size, 0, NULL);
    if (t.status != 200) {
        sw_xerror_reason (body, reason, sizeof reason);
        if (*reason)
            snprintf (err, errlen, "HTTP %ld (%s)", t.status, reason);
        else
            snprintf (err, errlen, "HTTP %ld", t.status);
        goto done;
    }
    if (!json_is_object (body)) {
        snprintf (err, errlen, "response is not a JSON object");
        goto done;
    }
    if (!json_object_get (body, "data")) {
        sw_xerror_reason (body, reason, sizeof reason);
        snprintf (err, errlen, "%s", *reason ? reason : "no tweet in the response");
        goto done;
    }
    size_t before = batch->count;
    rc = x_parse_v2_response (body, "capture", config->user_id, batch, err, errlen);
    for (size_t i = before; i < batch->count; i++) {
        intake_msg_t *msg = batch->msgs[i];
        if (msg && (!msg->channel || strcmp (msg->channel, "capture") != 0)) {
            free (msg->channel);
            msg->channel = strdup ("capture");
        }
    }
done:
    if (rc != 0)
        sw_log_kv (SW_LOG_WARN, "x lookup failed", "tweet", tweet_id, "reason", err, NULL);
    json_decref (body);
    s_transfer_clear (&t);
    return rc;
}
