/*  Integration test: xclient (lookup, mentions poller, filtered stream)
    against tests/support/fake_x.py, a local fake of the X API v2.

    Each test starts its own fake (loaded with tests/fixtures/x and, when
    present, the shared twitter-samples) and its own client.  The deliver
    callback records what it is given under a mutex and the cursor callback
    answers the last id delivered for each cursor, as the store would.
    What the client sent is checked through the fake's request log
    (/_control/requests), and waits are "poll until, up to 10 s" rather
    than sleeps followed by timing asserts.  No database is used. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <curl/curl.h>
#include <jansson.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "sw_log.h"
#include "sw_metrics.h"
#include "xclient.h"

#define S_POLICE_ID  "1330012345678901233"   //  @Uppolice in tests/fixtures/x
#define S_AUTHOR_ID  "1798765432109876541"   //  the citizen in our own tweets
#define S_TOKEN      "test-bearer-7f3a9c"
#define S_QUERY      "@Uppolice OR #UPPolice"
#define S_WAIT_S     10.0
#define S_MAX_ENTRIES 1024

//  Waits up to S_WAIT_S for cond to hold, then asserts it.
#define S_WAIT_UNTIL(cond) do { \
    double deadline_ = s_now () + S_WAIT_S; \
    while (!(cond) && s_now () < deadline_) \
        usleep (20 * 1000); \
    assert_true (cond); \
} while (0)

static double
s_now (void)
{
    struct timespec ts;
    clock_gettime (CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

//  --------------------------------------------------------------------------
//  The fake X server

typedef struct {
    pid_t pid;                  //  the python process
    int out;                    //  its stdout, kept open
    int port;                   //  where it listens
    char base_url[64];          //  http://127.0.0.1:port
} s_fake_t;

static void
s_fake_start (s_fake_t *fake)
{
    const char *source = getenv ("SUNWAI_SOURCE_DIR");
    assert_non_null (source);
    char script[1024], fixtures[1024], shared[1024];
    snprintf (script, sizeof script, "%s/tests/support/fake_x.py", source);
    snprintf (fixtures, sizeof fixtures, "%s/tests/fixtures/x", source);
    const char *shared_env = getenv ("SUNWAI_SHARED_DATA");
    snprintf (shared, sizeof shared, "%s/twitter-samples", shared_env ? shared_env : "/nonexistent");
    struct stat st;
    bool have_shared = stat (shared, &st) == 0 && S_ISDIR (st.st_mode);

    char *argv[16];
    int argc = 0;
    argv[argc++] = "/usr/bin/python3";
    argv[argc++] = script;
    argv[argc++] = "--port";
    argv[argc++] = "0";
    argv[argc++] = "--fixtures";
    argv[argc++] = fixtures;
    if (have_shared) {
        argv[argc++] = "--fixtures";
        argv[argc++] = shared;
    }
    argv[argc++] = "--bearer";
    argv[argc++] = S_TOKEN;
    argv[argc++] = "--self-id";
    argv[argc++] = S_POLICE_ID;
    argv[argc] = NULL;

    int fds[2];
    assert_int_equal (pipe (fds), 0);
    fflush (stderr);
    pid_t pid = fork ();
    assert_true (pid >= 0);
    if (pid == 0) {
        dup2 (fds[1], STDOUT_FILENO);
        close (fds[0]);
        close (fds[1]);
        execv (argv[0], argv);
        _exit (127);
    }
    close (fds[1]);
    memset (fake, 0, sizeof *fake);
    fake->pid = pid;
    fake->out = fds[0];

    //  One line: {"port": N}
    char line[256];
    size_t size = 0;
    double deadline = s_now () + 20;
    while (size < sizeof line - 1 && s_now () < deadline) {
        struct pollfd p = { .fd = fake->out, .events = POLLIN };
        if (poll (&p, 1, 200) <= 0)
            continue;
        ssize_t n = read (fake->out, line + size, 1);
        if (n <= 0)
            break;
        if (line[size] == '\n')
            break;
        size++;
    }
    line[size] = 0;
    json_t *json = json_loads (line, 0, NULL);
    assert_non_null (json);
    fake->port = (int) json_integer_value (json_object_get (json, "port"));
    json_decref (json);
    assert_true (fake->port > 0);
    snprintf (fake->base_url, sizeof fake->base_url, "http://127.0.0.1:%d", fake->port);
}

static void
s_fake_stop (s_fake_t *fake)
{
    if (fake->pid <= 0)
        return;
    kill (fake->pid, SIGTERM);
    int status;
    double deadline = s_now () + 5;
    while (waitpid (fake->pid, &status, WNOHANG) == 0) {
        if (s_now () > deadline) {
            kill (fake->pid, SIGKILL);
            waitpid (fake->pid, &status, 0);
            break;
        }
        usleep (20 * 1000);
    }
    close (fake->out);
    fake->pid = 0;
}

static size_t
s_http_write (char *data, size_t size, size_t nmemb, void *arg)
{
    return fwrite (data, size, nmemb, (FILE *) arg);
}

//  One request to the fake; returns the body (caller frees).
static char *
s_http (s_fake_t *fake, const char *method, const char *path, const char *body,
        const char *auth, long *status)
{
    char url[1024];
    snprintf (url, sizeof url, "%s%s", fake->base_url, path);
    char *text = NULL;
    size_t size = 0;
    FILE *out = open_memstream (&text, &size);
    CURL *curl = curl_easy_init ();
    assert_non_null (curl);
    struct curl_slist *headers = curl_slist_append (NULL, "Content-Type: application/json");
    if (auth)
        headers = curl_slist_append (headers, auth);
    curl_easy_setopt (curl, CURLOPT_URL, url);
    curl_easy_setopt (curl, CURLOPT_CUSTOMREQUEST, method);
    curl_easy_setopt (curl, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt (curl, CURLOPT_WRITEFUNCTION, s_http_write);
    curl_easy_setopt (curl, CURLOPT_WRITEDATA, out);
    curl_easy_setopt (curl, CURLOPT_TIMEOUT, 10L);
    if (body)
        curl_easy_setopt (curl, CURLOPT_POSTFIELDS, body);
    CURLcode code = curl_easy_perform (curl);
    long http_status = 0;
    curl_easy_getinfo (curl, CURLINFO_RESPONSE_CODE, &http_status);
    curl_slist_free_all (headers);
    curl_easy_cleanup (curl);
    fclose (out);
    assert_int_equal (code, CURLE_OK);
    if (status)
        *status = http_status;
    return text;
}

//  A control call: body (stolen, may be NULL) in, parsed answer out.
static json_t *
s_control (s_fake_t *fake, const char *method, const char *path, json_t *body)
{
    char *text = body ? json_dumps (body, JSON_COMPACT) : NULL;
    json_decref (body);
    long status;
    char *answer = s_http (fake, method, path, text, NULL, &status);
    free (text);
    assert_int_equal (status, 200);
    json_t *json = json_loads (answer, 0, NULL);
    free (answer);
    assert_non_null (json);
    return json;
}

static void
s_control_post (s_fake_t *fake, const char *path, json_t *body)
{
    json_decref (s_control (fake, "POST", path, body));
}

//  Every request the fake has recorded (caller decrefs).
static json_t *
s_requests (s_fake_t *fake)
{
    json_t *answer = s_control (fake, "GET", "/_control/requests", NULL);
    json_t *requests = json_incref (json_object_get (answer, "requests"));
    json_decref (answer);
    assert_true (json_is_array (requests));
    return requests;
}

static const char *
s_query (json_t *request, const char *name)
{
    return json_string_value (json_object_get (json_object_get (request, "query"), name));
}

static const char *
s_path (json_t *request)
{
    return json_string_value (json_object_get (request, "path"));
}

static int
s_request_count (s_fake_t *fake, const char *path)
{
    json_t *requests = s_requests (fake);
    int count = 0;
    size_t i;
    json_t *request;
    json_array_foreach (requests, i, request)
        if (strcmp (s_path (request), path) == 0)
            count++;
    json_decref (requests);
    return count;
}

static int
s_stream_connections (s_fake_t *fake)
{
    json_t *status = s_control (fake, "GET", "/_control/status", NULL);
    int count = (int) json_integer_value (json_object_get (status, "stream_connections"));
    json_decref (status);
    return count;
}

//  A v2 tweet by our test citizen, as {"data", "includes"}.
static json_t *
s_tweet (const char *id, const char *text)
{
    return json_pack ("{s:{s:s, s:s, s:s, s:s, s:s, s:s}, s:{s:[{s:s, s:s, s:s}]}}",
                      "data", "id", id, "text", text, "author_id", S_AUTHOR_ID,
                      "conversation_id", id, "created_at", "2024-11-28T10:00:00.000Z",
                      "lang", "en",
                      "includes", "users", "id", S_AUTHOR_ID, "username", "test_citizen",
                      "name", "Test Citizen");
}

static void
s_add_mention (s_fake_t *fake, const char *id, const char *text)
{
    json_t *tweet = s_tweet (id, text);
    json_object_set_new (tweet, "mention_of", json_string (S_POLICE_ID));
    s_control_post (fake, "/_control/tweets", tweet);
}

//  Queues lines on the stream: each a JSON object or a raw string.
static void
s_queue (s_fake_t *fake, json_t *lines)
{
    s_control_post (fake, "/_control/stream", json_pack ("{s:o}", "lines", lines));
}

static json_t *
s_stream_line (const char *id, const char *text)
{
    json_t *line = s_tweet (id, text);
    json_object_set_new (line, "matching_rules",
                         json_pack ("[{s:s, s:s}]", "id", "1861000000000000001",
                                    "tag", "up-police-mentions"));
    return line;
}

//  --------------------------------------------------------------------------
//  What the client delivers

typedef struct {
    char *id;                   //  source_id
    char *channel;              //  msg->channel
    char *cursor;               //  msg->cursor
    char *match_tag;            //  msg->match_tag
    char *text;                 //  msg->text
} s_entry_t;

typedef struct {
    pthread_mutex_t lock;       //  guards the rest
    s_entry_t entries[S_MAX_ENTRIES];  //  every message delivered, in order
    size_t count;               //  entries used
    int fail_next;              //  deliveries still to refuse
    int refused;                //  deliveries refused so far
    char *last_stream;          //  cursor "x_stream"
    char *last_mentions;        //  cursor "x_mentions"
} s_recorder_t;

static char *
s_dup (const char *text)
{
    return text ? strdup (text) : NULL;
}

static int
s_deliver (void *arg, x_batch_t *batch)
{
    s_recorder_t *self = (s_recorder_t *) arg;
    pthread_mutex_lock (&self->lock);
    bool refuse = self->fail_next > 0;
    if (refuse) {
        self->fail_next--;
        self->refused++;
    }
    for (size_t i = 0; i < batch->count; i++) {
        //  Take every message, as the store does, even when refusing
        intake_msg_t *msg = x_batch_take (batch, i);
        if (!msg)
            continue;
        if (!refuse && self->count < S_MAX_ENTRIES) {
            s_entry_t *entry = &self->entries[self->count++];
            entry->id = s_dup (msg->source_id);
            entry->channel = s_dup (msg->channel);
            entry->cursor = s_dup (msg->cursor);
            entry->match_tag = s_dup (msg->match_tag);
            entry->text = s_dup (msg->text);
            char **last = msg->cursor && strcmp (msg->cursor, "x_stream") == 0 ? &self->last_stream
                        : msg->cursor && strcmp (msg->cursor, "x_mentions") == 0 ? &self->last_mentions
                        : NULL;
            if (last) {
                free (*last);
                *last = s_dup (msg->source_id);
            }
        }
        intake_msg_destroy (&msg);
    }
    pthread_mutex_unlock (&self->lock);
    return refuse ? -1 : 0;
}

static char *
s_cursor (void *arg, const char *name)
{
    s_recorder_t *self = (s_recorder_t *) arg;
    pthread_mutex_lock (&self->lock);
    char *value = strcmp (name, "x_stream") == 0 ? s_dup (self->last_stream)
                : strcmp (name, "x_mentions") == 0 ? s_dup (self->last_mentions) : NULL;
    pthread_mutex_unlock (&self->lock);
    return value;
}

static size_t
s_delivered (s_recorder_t *self)
{
    pthread_mutex_lock (&self->lock);
    size_t count = self->count;
    pthread_mutex_unlock (&self->lock);
    return count;
}

//  How many times id was delivered.
static int
s_times (s_recorder_t *self, const char *id)
{
    pthread_mutex_lock (&self->lock);
    int times = 0;
    for (size_t i = 0; i < self->count; i++)
        if (self->entries[i].id && strcmp (self->entries[i].id, id) == 0)
            times++;
    pthread_mutex_unlock (&self->lock);
    return times;
}

//  Where id was first delivered, or -1.
static int
s_index (s_recorder_t *self, const char *id)
{
    pthread_mutex_lock (&self->lock);
    int index = -1;
    for (size_t i = 0; i < self->count && index < 0; i++)
        if (self->entries[i].id && strcmp (self->entries[i].id, id) == 0)
            index = (int) i;
    pthread_mutex_unlock (&self->lock);
    return index;
}

//  --------------------------------------------------------------------------
//  Per-test state

typedef struct {
    s_fake_t fake;              //  the fake X
    s_recorder_t recorder;      //  what was delivered
    sw_metrics_t *metrics;      //  the client's metrics
    x_client_t *client;         //  the client under test, if any
    FILE *logs;                 //  sw_log output meanwhile
    char *log_text;             //  its text
    size_t log_size;            //  its size
} s_test_t;

static int
s_setup (void **state)
{
    s_test_t *self = calloc (1, sizeof *self);
    assert_non_null (self);
    pthread_mutex_init (&self->recorder.lock, NULL);
    self->metrics = sw_metrics_new ();
    self->logs = open_memstream (&self->log_text, &self->log_size);
    sw_log_set_stream (self->logs);
    s_fake_start (&self->fake);
    *state = self;
    return 0;
}

static int
s_teardown (void **state)
{
    s_test_t *self = (s_test_t *) *state;
    x_client_destroy (&self->client);
    s_fake_stop (&self->fake);
    sw_log_set_stream (NULL);
    fclose (self->logs);
    fputs (self->log_text, stderr);     //  for a failing test's output
    bool leaked = strstr (self->log_text, S_TOKEN) != NULL;
    free (self->log_text);
    for (size_t i = 0; i < self->recorder.count; i++) {
        s_entry_t *entry = &self->recorder.entries[i];
        free (entry->id);
        free (entry->channel);
        free (entry->cursor);
        free (entry->match_tag);
        free (entry->text);
    }
    free (self->recorder.last_stream);
    free (self->recorder.last_mentions);
    pthread_mutex_destroy (&self->recorder.lock);
    sw_metrics_destroy (&self->metrics);
    free (self);
    if (leaked)
        fail_msg ("the bearer token appeared in the logs");
    return 0;
}

static x_client_config_t
s_config (s_test_t *self)
{
    x_client_config_t config = {
        .base_url = self->fake.base_url,
        .bearer_token = S_TOKEN,
        .user_id = S_POLICE_ID,
        .backfill_query = S_QUERY,
        .poll_interval_s = 1,
        .backoff_max_s = 2,
        .timeout_s = 5,
        .metrics = self->metrics,
        .deliver = s_deliver,
        .cursor = s_cursor,
        .arg = &self->recorder,
    };
    return config;
}

static double
s_metric (s_test_t *self, const char *name, const char *labels)
{
    return sw_counter_value (sw_metrics_counter (self->metrics, name, NULL, labels));
}

//  --------------------------------------------------------------------------
//  Lookup

static void
test_lookup (void **state)
{
    s_test_t *self = (s_test_t *) *state;
    x_client_config_t config = s_config (self);
    x_batch_t batch;
    x_batch_init (&batch);
    char err[256];

    //  A tweet from tests/fixtures/x/v2_lookup_single.json
    assert_int_equal (x_lookup_tweet (&config, "1861270000000000001", &batch, err, sizeof err), 0);
    assert_int_equal (batch.count, 1);
    intake_msg_t *msg = batch.msgs[0];
    assert_string_equal (msg->source_id, "1861270000000000001");
    assert_string_equal (msg->channel, "capture");
    assert_string_equal (msg->author_id, "1712345678901234561");
    assert_string_equal (msg->author_handle, "sunita_kanpur");
    assert_non_null (strstr (msg->text, "Kidwai Nagar mein dukaan ka taala tod kar chori"));
    x_batch_clear (&batch);

    //  One added through the control API, with a trailing '/' on the base
    s_control_post (&self->fake, "/_control/tweets",
                    s_tweet ("1900000000000000001", "Mere ghar ke saamne accident hua hai"));
    char base[80];
    snprintf (base, sizeof base, "%s/", self->fake.base_url);
    config.base_url = base;
    assert_int_equal (x_lookup_tweet (&config, "1900000000000000001", &batch, err, sizeof err), 0);
    assert_int_equal (batch.count, 1);
    assert_string_equal (batch.msgs[0]->text, "Mere ghar ke saamne accident hua hai");
    assert_string_equal (batch.msgs[0]->author_handle, "test_citizen");
    x_batch_clear (&batch);
    config.base_url = self->fake.base_url;

    //  What was sent: the token, the fields and expansions
    json_t *requests = s_requests (&self->fake);
    assert_int_equal (json_array_size (requests), 2);
    json_t *request = json_array_get (requests, 0);
    assert_string_equal (s_path (request), "/2/tweets/1861270000000000001");
    assert_string_equal (json_string_value (json_object_get (json_object_get (request, "headers"),
                                                             "Authorization")),
                         "Bearer " S_TOKEN);
    assert_non_null (strstr (s_query (request, "tweet.fields"), "note_tweet"));
    assert_non_null (strstr (s_query (request, "expansions"), "author_id"));
    assert_non_null (strstr (s_query (request, "user.fields"), "location"));
    assert_string_equal (s_path (json_array_get (requests, 1)), "/2/tweets/1900000000000000001");
    json_decref (requests);

    //  An unknown id: X answers 200 with errors only
    err[0] = 0;
    assert_int_equal (x_lookup_tweet (&config, "1", &batch, err, sizeof err), -1);
    assert_non_null (strstr (err, "Not Found"));
    assert_int_equal (batch.count, 0);

    //  A wrong token: HTTP 401
    config.bearer_token = "wrong-token";
    err[0] = 0;
    assert_int_equal (x_lookup_tweet (&config, "1861270000000000001", &batch, err, sizeof err), -1);
    assert_non_null (strstr (err, "401"));
    config.bearer_token = S_TOKEN;

    //  An injected 503
    s_control_post (&self->fake, "/_control/fail",
                    json_pack ("{s:s, s:i, s:i}", "path", "/2/tweets/1861270000000000001",
                               "status", 503, "count", 1));
    err[0] = 0;
    assert_int_equal (x_lookup_tweet (&config, "1861270000000000001", &batch, err, sizeof err), -1);
    assert_non_null (strstr (err, "503"));

    //  Not an id at all: refused without a request
    int before = s_request_count (&self->fake, "/2/tweets/1861270000000000001");
    assert_int_equal (x_lookup_tweet (&config, "12ab", &batch, err, sizeof err), -1);
    assert_int_equal (x_lookup_tweet (&config, "../users", &batch, err, sizeof err), -1);
    assert_int_equal (s_request_count (&self->fake, "/2/tweets/1861270000000000001"), before);

    //  Nobody listening
    config.base_url = "http://127.0.0.1:1";
    assert_int_equal (x_lookup_tweet (&config, "1861270000000000001", &batch, err, sizeof err), -1);
    assert_int_equal (batch.count, 0);
    x_batch_clear (&batch);

    assert_true (s_metric (self, "sunwai_x_requests_total",
                           "endpoint=\"lookup\",code=\"200\"") >= 3);
    assert_true (s_metric (self, "sunwai_x_requests_total",
                           "endpoint=\"lookup\",code=\"401\"") == 1);
}

//  --------------------------------------------------------------------------
//  Mentions

//  The ids the fake's mentions timeline holds for the police account that
//  the parser takes as complaints, ascending (fetched and parsed here).
static size_t
s_expected_mentions (s_test_t *self, char ids[][24], size_t max)
{
    x_batch_t batch;
    x_batch_init (&batch);
    char token[128] = "";
    do {
        char path[512];
        snprintf (path, sizeof path, "/2/users/" S_POLICE_ID "/mentions?max_results=100"
                  "&tweet.fields=created_at,conversation_id,referenced_tweets,geo,lang,author_id,"
                  "attachments,note_tweet&expansions=author_id,geo.place_id,attachments.media_keys"
                  "&user.fields=username,name,location%s%s",
                  *token ? "&pagination_token=" : "", token);
        long status;
        char *text = s_http (&self->fake, "GET", path, NULL, "Authorization: Bearer " S_TOKEN,
                             &status);
        assert_int_equal (status, 200);
        json_t *page = json_loads (text, 0, NULL);
        free (text);
        assert_non_null (page);
        char err[256];
        assert_int_equal (x_parse_v2_response (page, "x_mentions", S_POLICE_ID, &batch,
                                               err, sizeof err), 0);
        const char *next = json_string_value (json_object_get (json_object_get (page, "meta"),
                                                               "next_token"));
        snprintf (token, sizeof token, "%s", next ? next : "");
        json_decref (page);
    } while (*token);
    size_t count = 0;
    for (size_t i = 0; i < batch.count && count < max; i++)
        snprintf (ids[count++], 24, "%s", batch.msgs[i]->source_id);
    x_batch_clear (&batch);
    //  Ascending, as the client delivers them
    for (size_t i = 1; i < count; i++)
        for (size_t j = i; j > 0; j--) {
            bool less = strlen (ids[j]) < strlen (ids[j - 1])
                     || (strlen (ids[j]) == strlen (ids[j - 1]) && strcmp (ids[j], ids[j - 1]) < 0);
            if (!less)
                break;
            char swap[24];
            memcpy (swap, ids[j], 24);
            memcpy (ids[j], ids[j - 1], 24);
            memcpy (ids[j - 1], swap, 24);
        }
    return count;
}

//  The mentions requests the fake saw after seq, in order (caller decrefs).
static json_t *
s_mentions_requests (s_test_t *self, json_int_t after_seq)
{
    json_t *requests = s_requests (&self->fake);
    json_t *mentions = json_array ();
    size_t i;
    json_t *request;
    json_array_foreach (requests, i, request)
        if (strcmp (s_path (request), "/2/users/" S_POLICE_ID "/mentions") == 0
        &&  json_integer_value (json_object_get (request, "seq")) > after_seq)
            json_array_append (mentions, request);
    json_decref (requests);
    return mentions;
}

static json_int_t
s_last_seq (s_test_t *self)
{
    json_t *requests = s_requests (&self->fake);
    size_t size = json_array_size (requests);
    json_int_t seq = size ? json_integer_value (json_object_get (json_array_get (requests, size - 1),
                                                                 "seq")) : 0;
    json_decref (requests);
    return seq;
}

//  Waits until, among the requests to path after seq, one answered by an
//  injected failure is followed by another; asserts that the next came no
//  sooner than min_gap seconds later (by the fake's clock).
static void
s_assert_paused_after_injected (s_test_t *self, const char *path, json_int_t seq, double min_gap)
{
    double deadline = s_now () + S_WAIT_S;
    while (true) {
        json_t *requests = s_requests (&self->fake);
        double t0 = -1, t1 = -1;
        size_t i;
        json_t *request;
        json_array_foreach (requests, i, request) {
            if (strcmp (s_path (request), path) != 0
            ||  json_integer_value (json_object_get (request, "seq")) <= seq)
                continue;
            double t = json_real_value (json_object_get (request, "time"));
            if (t0 >= 0) {
                t1 = t;
                break;
            }
            if (json_is_true (json_object_get (request, "injected")))
                t0 = t;
        }
        json_decref (requests);
        if (t1 >= 0) {
            if (t1 - t0 < min_gap)
                fail_msg ("next request %.2f s after the injected answer, wanted >= %.2f s",
                          t1 - t0, min_gap);
            return;
        }
        if (s_now () > deadline)
            fail_msg ("no request after the injected answer on %s", path);
        usleep (50 * 1000);
    }
}

static int
s_mentions_count (s_test_t *self, json_int_t after_seq)
{
    json_t *requests = s_mentions_requests (self, after_seq);
    int count = (int) json_array_size (requests);
    json_decref (requests);
    return count;
}

static void
test_mentions (void **state)
{
    s_test_t *self = (s_test_t *) *state;
    char expected[256][24];
    size_t count = s_expected_mentions (self, expected, 256);
    assert_true (count >= 3);
    s_control_post (&self->fake, "/_control/reset", NULL);

    x_client_config_t config = s_config (self);
    self->client = x_mentions_new (&config);
    assert_non_null (self->client);

    //  First poll: the fixture mentions, each once, oldest first
    S_WAIT_UNTIL (s_delivered (&self->recorder) >= count);
    for (size_t i = 0; i < count; i++) {
        assert_int_equal (s_index (&self->recorder, expected[i]), (int) i);
        assert_string_equal (self->recorder.entries[i].channel, "x_mentions");
        assert_string_equal (self->recorder.entries[i].cursor, "x_mentions");
    }
    assert_true (s_index (&self->recorder, "1861250000000000001") >= 0);
    assert_int_equal (s_index (&self->recorder, "1861250000000000007"), -1);   //  a retweet
    const char *newest = expected[count - 1];

    //  The next polls ask from the cursor and bring nothing new
    S_WAIT_UNTIL (s_mentions_count (self, 0) >= 3);
    json_t *requests = s_mentions_requests (self, 0);
    json_t *first = json_array_get (requests, 0);
    assert_null (s_query (first, "since_id"));
    assert_string_equal (s_query (first, "max_results"), "100");
    assert_non_null (strstr (s_query (first, "tweet.fields"), "created_at"));
    assert_string_equal (json_string_value (json_object_get (json_object_get (first, "headers"),
                                                             "Authorization")),
                         "Bearer " S_TOKEN);
    assert_string_equal (s_query (json_array_get (requests, 1), "since_id"), newest);
    assert_string_equal (s_query (json_array_get (requests, 2), "since_id"), newest);
    json_decref (requests);
    assert_int_equal (s_delivered (&self->recorder), count);

    //  Three new mentions, two to a page: pagination_token is followed
    //  and all three arrive, oldest first
    s_control_post (&self->fake, "/_control/config", json_pack ("{s:i}", "page_size", 2));
    json_int_t seq = s_last_seq (self);
    s_add_mention (&self->fake, "1900000000000000011", "Mobile chori ho gaya, Hazratganj");
    s_add_mention (&self->fake, "1900000000000000013", "Road par jhagda ho raha hai");
    s_add_mention (&self->fake, "1900000000000000015", "Gas cylinder leak, help");
    S_WAIT_UNTIL (s_delivered (&self->recorder) >= count + 3);
    assert_int_equal (s_index (&self->recorder, "1900000000000000011"), (int) count);
    assert_int_equal (s_index (&self->recorder, "1900000000000000013"), (int) count + 1);
    assert_int_equal (s_index (&self->recorder, "1900000000000000015"), (int) count + 2);
    requests = s_mentions_requests (self, seq);
    bool paged = false;
    for (size_t i = 0; i < json_array_size (requests); i++) {
        json_t *request = json_array_get (requests, i);
        if (s_query (request, "pagination_token")) {
            paged = true;
            assert_string_equal (s_query (request, "since_id"), newest);
        }
    }
    assert_true (paged);
    json_decref (requests);
    char *cursor = s_cursor (&self->recorder, "x_mentions");
    assert_string_equal (cursor, "1900000000000000015");
    free (cursor);

    //  429: the poller waits for x-rate-limit-reset (3 s, longer than its
    //  1 s poll interval), then resumes
    const char *path = "/2/users/" S_POLICE_ID "/mentions";
    seq = s_last_seq (self);
    s_control_post (&self->fake, "/_control/fail",
                    json_pack ("{s:s, s:i, s:i, s:i}", "path", path,
                               "status", 429, "count", 1, "reset_in", 3));
    s_add_mention (&self->fake, "1900000000000000017", "Mera scooter chori ho gaya");
    s_assert_paused_after_injected (self, path, seq, 2.5);
    S_WAIT_UNTIL (s_times (&self->recorder, "1900000000000000017") == 1);
    assert_true (s_metric (self, "sunwai_x_rate_limited_total", "endpoint=\"mentions\"") >= 1);
    assert_true (s_metric (self, "sunwai_x_requests_total",
                           "endpoint=\"mentions\",code=\"429\"") == 1);

    //  x-rate-limit-remaining: 0 on a good answer: wait for the reset too
    seq = s_last_seq (self);
    s_control_post (&self->fake, "/_control/fail",
                    json_pack ("{s:s, s:i, s:i, s:i, s:i}", "path", path,
                               "status", 200, "remaining", 0, "count", 1, "reset_in", 3));
    s_assert_paused_after_injected (self, path, seq, 2.5);

    //  503: backoff, then the tweets still come
    s_control_post (&self->fake, "/_control/fail",
                    json_pack ("{s:s, s:i, s:i}", "path", "/2/users/" S_POLICE_ID "/mentions",
                               "status", 503, "count", 2));
    s_add_mention (&self->fake, "1900000000000000019", "Bijli ka taar gira hua hai");
    S_WAIT_UNTIL (s_times (&self->recorder, "1900000000000000019") == 1);
    assert_true (s_metric (self, "sunwai_x_requests_total",
                           "endpoint=\"mentions\",code=\"503\"") == 2);

    //  The store refuses once: the same tweet comes again, and only once
    pthread_mutex_lock (&self->recorder.lock);
    self->recorder.fail_next = 1;
    pthread_mutex_unlock (&self->recorder.lock);
    s_add_mention (&self->fake, "1900000000000000021", "Chain snatching at Aminabad");
    S_WAIT_UNTIL (s_times (&self->recorder, "1900000000000000021") == 1);
    assert_int_equal (self->recorder.refused, 1);

    //  Nothing was ever delivered twice
    for (size_t i = 0; i < s_delivered (&self->recorder); i++)
        assert_int_equal (s_times (&self->recorder, self->recorder.entries[i].id), 1);
    assert_true (s_metric (self, "sunwai_x_delivered_total", "channel=\"x_mentions\"")
                 == (double) s_delivered (&self->recorder));
}

//  --------------------------------------------------------------------------
//  Filtered stream

//  The non-blank lines of tests/fixtures/x/v2_filtered_stream.ndjson, as
//  raw strings (caller decrefs).
static json_t *
s_fixture_stream_lines (void)
{
    char path[1024];
    snprintf (path, sizeof path, "%s/tests/fixtures/x/v2_filtered_stream.ndjson",
              getenv ("SUNWAI_SOURCE_DIR"));
    FILE *file = fopen (path, "r");
    assert_non_null (file);
    json_t *lines = json_array ();
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    while ((n = getline (&line, &cap, file)) > 0) {
        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
            line[--n] = 0;
        if (n > 0)
            json_array_append_new (lines, json_string (line));
    }
    free (line);
    fclose (file);
    return lines;
}

static void
test_stream_lines (void **state)
{
    s_test_t *self = (s_test_t *) *state;
    x_client_config_t config = s_config (self);
    self->client = x_stream_new (&config);
    assert_non_null (self->client);
    S_WAIT_UNTIL (s_stream_connections (&self->fake) == 1);

    //  The fixture stream (two complaints, a retweet, an in-stream error),
    //  a keep-alive, a garbage line, then a good one
    json_t *lines = s_fixture_stream_lines ();
    assert_int_equal (json_array_size (lines), 4);
    json_array_append_new (lines, json_string (""));
    json_array_append_new (lines, json_string ("{\"data\": {\"id\": \"19000"));
    json_array_append_new (lines, s_stream_line ("1900000000000000101", "Pickpocket in the metro"));
    s_queue (&self->fake, lines);

    S_WAIT_UNTIL (s_times (&self->recorder, "1900000000000000101") == 1);
    assert_int_equal (s_delivered (&self->recorder), 3);
    s_entry_t *entries = self->recorder.entries;
    assert_string_equal (entries[0].id, "1861260000000000001");
    assert_string_equal (entries[1].id, "1861260000000000003");
    assert_string_equal (entries[2].id, "1900000000000000101");
    for (int i = 0; i < 3; i++) {
        assert_string_equal (entries[i].channel, "x_stream");
        assert_string_equal (entries[i].cursor, "x_stream");
    }
    assert_string_equal (entries[0].match_tag, "up-police-mentions");
    assert_string_equal (entries[1].match_tag, "theft-keywords");
    assert_string_equal (entries[2].text, "Pickpocket in the metro");

    //  Six lines, one bad; the stream stayed up throughout
    assert_true (s_metric (self, "sunwai_x_stream_lines_total", NULL) == 6);
    assert_true (s_metric (self, "sunwai_x_stream_bad_lines_total", NULL) == 1);
    assert_true (s_metric (self, "sunwai_x_stream_reconnects_total", NULL) == 0);
    assert_int_equal (s_request_count (&self->fake, "/2/tweets/search/stream"), 1);
    assert_true (s_metric (self, "sunwai_x_delivered_total", "channel=\"x_stream\"") == 3);

    //  What the stream was asked for; no cursor yet, so no backfill
    json_t *requests = s_requests (&self->fake);
    json_t *request = json_array_get (requests, 0);
    assert_string_equal (s_path (request), "/2/tweets/search/stream");
    assert_string_equal (s_query (request, "tweet.fields"),
                         "created_at,conversation_id,referenced_tweets,geo,lang,author_id,attachments,note_tweet");
    assert_string_equal (s_query (request, "expansions"), "author_id,geo.place_id,attachments.media_keys");
    assert_string_equal (s_query (request, "user.fields"), "username,name,location");
    assert_string_equal (s_query (request, "place.fields"), "full_name,country_code,geo");
    assert_string_equal (s_query (request, "media.fields"), "url,preview_image_url,type");
    assert_string_equal (json_string_value (json_object_get (json_object_get (request, "headers"),
                                                             "Authorization")),
                         "Bearer " S_TOKEN);
    json_decref (requests);
    assert_int_equal (s_request_count (&self->fake, "/2/tweets/search/recent"), 0);
}

static void
test_stream_reconnect_backfill (void **state)
{
    s_test_t *self = (s_test_t *) *state;
    x_client_config_t config = s_config (self);
    self->client = x_stream_new (&config);
    assert_non_null (self->client);

    s_queue (&self->fake, json_pack ("[o]", s_stream_line ("1900000000000000201", "Loud music at 2 am")));
    S_WAIT_UNTIL (s_times (&self->recorder, "1900000000000000201") == 1);

    //  Tweets posted while we are about to be cut off: only recent search
    //  will have them (two to a page, so next_token is followed)
    s_control_post (&self->fake, "/_control/config", json_pack ("{s:i}", "page_size", 2));
    s_control_post (&self->fake, "/_control/tweets",
                    json_pack ("[o, o, o]",
                               s_tweet ("1900000000000000203", "Missed one: bike stolen"),
                               s_tweet ("1900000000000000205", "Missed two: fight outside"),
                               s_tweet ("1900000000000000207", "Missed three: fire")));
    s_control_post (&self->fake, "/_control/disconnect", NULL);

    S_WAIT_UNTIL (s_times (&self->recorder, "1900000000000000207") == 1);
    assert_int_equal (s_index (&self->recorder, "1900000000000000203"), 1);
    assert_int_equal (s_index (&self->recorder, "1900000000000000205"), 2);
    assert_int_equal (s_index (&self->recorder, "1900000000000000207"), 3);
    for (int i = 1; i <= 3; i++) {
        assert_string_equal (self->recorder.entries[i].channel, "x_stream");
        assert_string_equal (self->recorder.entries[i].cursor, "x_stream");
    }
    assert_true (s_metric (self, "sunwai_x_stream_reconnects_total", NULL) >= 1);

    //  The backfill came after the second connect, from the last stored id
    json_t *requests = s_requests (&self->fake);
    int streams = 0, searches = 0;
    bool paged = false;
    size_t i;
    json_t *request;
    json_array_foreach (requests, i, request) {
        if (strcmp (s_path (request), "/2/tweets/search/stream") == 0)
            streams++;
        if (strcmp (s_path (request), "/2/tweets/search/recent") != 0)
            continue;
        searches++;
        assert_int_equal (streams, 2);
        assert_string_equal (s_query (request, "since_id"), "1900000000000000201");
        assert_string_equal (s_query (request, "query"), S_QUERY);
        assert_string_equal (s_query (request, "max_results"), "100");
        assert_non_null (strstr (s_query (request, "tweet.fields"), "note_tweet"));
        if (s_query (request, "next_token"))
            paged = true;
    }
    json_decref (requests);
    assert_int_equal (searches, 2);
    assert_true (paged);

    //  And the new connection carries on
    s_queue (&self->fake, json_pack ("[o]", s_stream_line ("1900000000000000209", "After the gap")));
    S_WAIT_UNTIL (s_times (&self->recorder, "1900000000000000209") == 1);
    assert_int_equal (s_delivered (&self->recorder), 5);
    for (i = 0; i < 5; i++)
        assert_int_equal (s_times (&self->recorder, self->recorder.entries[i].id), 1);
}

static void
test_stream_deliver_retry (void **state)
{
    s_test_t *self = (s_test_t *) *state;
    x_client_config_t config = s_config (self);
    self->client = x_stream_new (&config);
    assert_non_null (self->client);

    //  The store refuses the first delivery: the same tweet comes again,
    //  before the one after it
    pthread_mutex_lock (&self->recorder.lock);
    self->recorder.fail_next = 1;
    pthread_mutex_unlock (&self->recorder.lock);
    s_queue (&self->fake, json_pack ("[o, o]",
                                     s_stream_line ("1900000000000000301", "Store says no once"),
                                     s_stream_line ("1900000000000000303", "Then this one")));
    S_WAIT_UNTIL (s_times (&self->recorder, "1900000000000000303") == 1);
    assert_int_equal (self->recorder.refused, 1);
    assert_int_equal (s_delivered (&self->recorder), 2);
    assert_string_equal (self->recorder.entries[0].id, "1900000000000000301");
    assert_string_equal (self->recorder.entries[1].id, "1900000000000000303");
    assert_true (s_metric (self, "sunwai_x_stream_bad_lines_total", NULL) == 0);
}

static void
test_stream_rate_limit_and_drop (void **state)
{
    s_test_t *self = (s_test_t *) *state;
    //  The first connect is refused with 429 until the reset
    s_control_post (&self->fake, "/_control/fail",
                    json_pack ("{s:s, s:i, s:i, s:i}", "path", "/2/tweets/search/stream",
                               "status", 429, "count", 1, "reset_in", 2));
    x_client_config_t config = s_config (self);
    self->client = x_stream_new (&config);
    assert_non_null (self->client);
    S_WAIT_UNTIL (s_stream_connections (&self->fake) == 1);
    assert_true (s_metric (self, "sunwai_x_rate_limited_total", "endpoint=\"stream\"") == 1);
    s_assert_paused_after_injected (self, "/2/tweets/search/stream", 0, 1.5);
    assert_int_equal (s_request_count (&self->fake, "/2/tweets/search/stream"), 2);

    //  The server drops the connection after one line: the second line
    //  comes on the next connection (with a backfill from the first)
    s_control_post (&self->fake, "/_control/stream",
                    json_pack ("{s:[o, o], s:i}", "lines",
                               s_stream_line ("1900000000000000401", "First before the drop"),
                               s_stream_line ("1900000000000000403", "Second after it"),
                               "drop_after", 1));
    S_WAIT_UNTIL (s_times (&self->recorder, "1900000000000000403") >= 1);
    assert_int_equal (s_times (&self->recorder, "1900000000000000401"), 1);
    assert_true (s_request_count (&self->fake, "/2/tweets/search/stream") >= 3);
    assert_true (s_metric (self, "sunwai_x_stream_reconnects_total", NULL) >= 2);
}

static void
test_stream_idle_timeout (void **state)
{
    s_test_t *self = (s_test_t *) *state;
    //  A silent stream (no keep-alives): the client gives up after its
    //  idle timeout and connects again
    s_control_post (&self->fake, "/_control/config",
                    json_pack ("{s:i, s:i}", "keepalive_s", 60, "max_stream_connections", 5));
    x_client_config_t config = s_config (self);
    config.timeout_s = 2;
    self->client = x_stream_new (&config);
    assert_non_null (self->client);
    S_WAIT_UNTIL (s_request_count (&self->fake, "/2/tweets/search/stream") >= 2);
    assert_true (s_metric (self, "sunwai_x_stream_reconnects_total", NULL) >= 1);
}

static void
test_destroy_prompt (void **state)
{
    s_test_t *self = (s_test_t *) *state;
    //  A stream open and silent: destroy must not wait for data
    s_control_post (&self->fake, "/_control/config", json_pack ("{s:i}", "keepalive_s", 60));
    x_client_config_t config = s_config (self);
    config.timeout_s = 60;
    self->client = x_stream_new (&config);
    assert_non_null (self->client);
    S_WAIT_UNTIL (s_stream_connections (&self->fake) == 1);
    usleep (300 * 1000);
    double start = s_now ();
    x_client_destroy (&self->client);
    double took = s_now () - start;
    assert_null (self->client);
    if (took > 1.0)
        fail_msg ("stream client took %.2f s to stop", took);

    //  A poller asleep between polls
    config.poll_interval_s = 60;
    x_client_t *mentions = x_mentions_new (&config);
    assert_non_null (mentions);
    S_WAIT_UNTIL (s_request_count (&self->fake, "/2/users/" S_POLICE_ID "/mentions") >= 1);
    usleep (300 * 1000);
    start = s_now ();
    x_client_destroy (&mentions);
    took = s_now () - start;
    if (took > 1.0)
        fail_msg ("mentions client took %.2f s to stop", took);

    //  A stream that cannot connect (backing off)
    config.base_url = "http://127.0.0.1:1";
    self->client = x_stream_new (&config);
    assert_non_null (self->client);
    usleep (300 * 1000);
    start = s_now ();
    x_client_destroy (&self->client);
    took = s_now () - start;
    if (took > 1.0)
        fail_msg ("stream client took %.2f s to stop while backing off", took);

    //  Bad configurations are refused; destroy is NULL-safe
    x_client_config_t bad = s_config (self);
    bad.deliver = NULL;
    assert_null (x_stream_new (&bad));
    bad = s_config (self);
    bad.user_id = NULL;
    assert_null (x_mentions_new (&bad));
    assert_null (x_stream_new (NULL));
    x_client_destroy (NULL);
    x_client_t *none = NULL;
    x_client_destroy (&none);
}

int
main (void)
{
    curl_global_init (CURL_GLOBAL_DEFAULT);
    signal (SIGPIPE, SIG_IGN);
    sw_log_init ("test_ingest_xclient", SW_LOG_DEBUG);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown (test_lookup, s_setup, s_teardown),
        cmocka_unit_test_setup_teardown (test_mentions, s_setup, s_teardown),
        cmocka_unit_test_setup_teardown (test_stream_lines, s_setup, s_teardown),
        cmocka_unit_test_setup_teardown (test_stream_reconnect_backfill, s_setup, s_teardown),
        cmocka_unit_test_setup_teardown (test_stream_deliver_retry, s_setup, s_teardown),
        cmocka_unit_test_setup_teardown (test_stream_rate_limit_and_drop, s_setup, s_teardown),
        cmocka_unit_test_setup_teardown (test_stream_idle_timeout, s_setup, s_teardown),
        cmocka_unit_test_setup_teardown (test_destroy_prompt, s_setup, s_teardown),
    };
    int rc = cmocka_run_group_tests (tests, NULL, NULL);
    curl_global_cleanup ();
    return rc;
}
