/*  subscribe: a subscriber to sunwai-analytics' event stream that never
    misses an event (the "clone" pattern; docs/event-stream.md).

    Position: floor is the seq through which every matching event has been
    printed; last[chain] is the last seq printed per chain.  Without a
    filter (or with a whole state) there is one chain, ordered by seq, and
    an event's predecessor is seq - 1.  A district prefix follows the
    district's chain (district_prev_seq), a full topic the topic's chain
    (topic_prev_seq); an event belongs to the coarsest prefix it matches.

    Start: subscribe (SUB, plus "$head"), replay everything after floor
    (several requests while the reply says more), then read live.

    Live event e of chain k with predecessor p: when p is above
    max(last[k], floor), messages were lost: replay (base, e.seq - 1] for
    that chain's prefix, print what comes, then e.  Anything at or below
    floor or last[k] was printed already and is dropped.

    "$head" heartbeat H above floor: replay (floor, H] and set floor to H,
    which finds events lost at the end of a burst and keeps the restart
    point recent.  (Without a filter that replay is empty unless something
    was lost.)

    After every printed event the state file (floor, chains, last hash) is
    rewritten atomically, after stdout is flushed: a SIGTERM loses nothing
    and repeats nothing; a SIGKILL between the two may print the last
    event again on restart (consumers dedupe by seq). */
#include "subscribe.h"
#include "sw_frame.h"
#include "sw_log.h"

#include <errno.h>
#include <jansson.h>
#include <openssl/evp.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define S_MAX_TOPICS 16

struct _subscribe_t {
    subscribe_options_t options;                  //  as given (strings borrowed)
    FILE *out;                                    //  where events are printed
    char *prefixes[S_MAX_TOPICS];                 //  canonical prefixes
    int levels[S_MAX_TOPICS];                     //  their levels
    size_t nprefixes;                             //  how many
    bool global;                                  //  one chain in seq order
    int64_t floor;                                //  all matching events <= floor printed
    zhashx_t *last;                               //  chain key -> int64_t * last seq printed
    uint8_t last_hash[32];                        //  hash of the last event printed (global)
    bool have_hash;                               //  last_hash is set
    zsock_t *sub;                                 //  the stream
    zsock_t *dealer;                              //  replay requests (recreated after a timeout)
    bool failed;                                  //  replay unreachable or refused
    long events, gaps, replays, verified, broken; //  counts for the last log line
};

int
subscribe_normalise (const char *prefix, char *out, size_t size)
{
    size_t len = strlen (prefix);
    while (len && prefix[len - 1] == '.')
        len--;
    while (len && *prefix == '.') {
        prefix++;
        len--;
    }
    int level = 0;
    if (len) {
        level = 1;
        for (size_t i = 0; i < len; i++)
            level += prefix[i] == '.';
    }
    if (level > 3 || len + 2 > size)
        return -1;
    memcpy (out, prefix, len);
    out[len] = 0;
    if (level == 1 || level == 2)
        strcat (out, ".");
    return level;
}

void
subscribe_event_hash (const Sunwai__V1__EventEnvelope *e, uint8_t hash[32])
{
    char id[32] = "";
    if (e->complaint_id)
        snprintf (id, sizeof id, "%lld", (long long)e->complaint_id);
    char *text = NULL;
    int n = asprintf (&text, "%lld|%s|%s|%s|%s|%s|%s|%lld|%s", (long long)e->seq, id, e->docket,
                      e->state, e->district, e->event_type, e->actor, (long long)e->at_ms,
                      e->payload_json);
    EVP_MD_CTX *ctx = EVP_MD_CTX_new ();
    unsigned int len = 0;
    memset (hash, 0, 32);
    if (ctx && n >= 0 && EVP_DigestInit_ex (ctx, EVP_sha256 (), NULL) &&
        EVP_DigestUpdate (ctx, e->prev_hash.data, e->prev_hash.len) &&
        EVP_DigestUpdate (ctx, text, (size_t)n))
        EVP_DigestFinal_ex (ctx, hash, &len);
    EVP_MD_CTX_free (ctx);
    free (text);
}

static void
s_free_seq (void **item)
{
    free (*item);
    *item = NULL;
}

static int64_t
s_last (subscribe_t *self, const char *key)
{
    int64_t *seq = (int64_t *)zhashx_lookup (self->last, key);
    return seq ? *seq : 0;
}

static void
s_set_last (subscribe_t *self, const char *key, int64_t value)
{
    int64_t *seq = (int64_t *)zhashx_lookup (self->last, key);
    if (seq) {
        *seq = value;
        return;
    }
    seq = malloc (sizeof *seq);
    if (!seq)
        return;
    *seq = value;
    if (zhashx_insert (self->last, key, seq) != 0)
        free (seq);
}

static void
s_hex (const uint8_t *data, size_t len, char *out)
{
    for (size_t i = 0; i < len; i++)
        sprintf (out + 2 * i, "%02x", data[i]);
    out[2 * len] = 0;
}

//  --------------------------------------------------------------------------
//  State file

static int
s_load_state (subscribe_t *self)
{
    const char *path = self->options.state_file;
    if (!*path || access (path, F_OK) != 0) {
        self->floor = self->options.from_seq;
        return 0;
    }
    json_error_t error;
    json_t *state = json_load_file (path, 0, &error);
    if (!state || !json_is_object (state)) {
        sw_log_kv (SW_LOG_ERROR, "could not read the state file", "file", path, "reason",
                   error.text, NULL);
        json_decref (state);
        return -1;
    }
    self->floor = json_integer_value (json_object_get (state, "floor"));
    const char *key;
    json_t *value;
    json_object_foreach (json_object_get (state, "chains"), key, value)
        s_set_last (self, key, json_integer_value (value));
    const char *hash = json_string_value (json_object_get (state, "last_hash"));
    if (hash && strlen (hash) == 64) {
        for (int i = 0; i < 32; i++)
            sscanf (hash + 2 * i, "%2hhx", &self->last_hash[i]);
        self->have_hash = true;
    }
    json_decref (state);
    return 0;
}

static void
s_save_state (subscribe_t *self)
{
    const char *path = self->options.state_file;
    if (!*path)
        return;
    json_t *chains = json_object ();
    for (int64_t *seq = (int64_t *)zhashx_first (self->last); seq;
         seq = (int64_t *)zhashx_next (self->last))
        json_object_set_new (chains, (const char *)zhashx_cursor (self->last), json_integer (*seq));
    char hash[65];
    s_hex (self->last_hash, 32, hash);
    json_t *state = json_pack ("{s:I,s:o,s:s?}", "floor", (json_int_t)self->floor, "chains", chains,
                               "last_hash", self->have_hash ? hash : NULL);
    char tmp[4096];
    snprintf (tmp, sizeof tmp, "%s.tmp", path);
    FILE *file = fopen (tmp, "w");
    bool ok = file && json_dumpf (state, file, JSON_COMPACT) == 0;
    if (file) {
        ok = fflush (file) == 0 && fsync (fileno (file)) == 0 && ok;
        ok = fclose (file) == 0 && ok;
    }
    if (!ok || rename (tmp, path) != 0)
        sw_log_kv (SW_LOG_ERROR, "could not write the state file", "file", path, "reason",
                   strerror (errno), NULL);
    json_decref (state);
}

//  --------------------------------------------------------------------------
//  Chains and printing

static bool
s_matches (subscribe_t *self, const char *topic)
{
    if (self->nprefixes == 0)
        return true;
    for (size_t i = 0; i < self->nprefixes; i++)
        if (strncmp (topic, self->prefixes[i], strlen (self->prefixes[i])) == 0)
            return true;
    return false;
}

//  The event's chain: key (into buf), predecessor seq, and the prefix to
//  replay it by ("" for the subscription's own prefixes).
static int64_t
s_chain (subscribe_t *self, const Sunwai__V1__EventEnvelope *e, char *key, size_t size,
         char *prefix, size_t prefix_size)
{
    char topic[512];
    snprintf (topic, sizeof topic, "%s.%s.%s", e->state, e->district, e->event_type);
    int coarsest = 4;
    for (size_t i = 0; i < self->nprefixes; i++)
        if (strncmp (topic, self->prefixes[i], strlen (self->prefixes[i])) == 0 &&
            self->levels[i] < coarsest)
            coarsest = self->levels[i];
    *key = *prefix = 0;
    if (self->global || coarsest <= 1)
        return e->seq - 1;
    if (coarsest == 2) {
        snprintf (key, size, "%s.%s", e->state, e->district);
        snprintf (prefix, prefix_size, "%s.%s.", e->state, e->district);
        return e->district_prev_seq;
    }
    snprintf (key, size, "%s", topic);
    snprintf (prefix, prefix_size, "%s", topic);
    return e->topic_prev_seq;
}

static void
s_print (subscribe_t *self, const Sunwai__V1__EventEnvelope *e)
{
    char key[512], prefix[512];
    s_chain (self, e, key, sizeof key, prefix, sizeof prefix);
    if (e->seq <= self->floor || e->seq <= s_last (self, key))
        return; //  printed already
    char prev_hex[65] = "", hash_hex[65] = "", topic[512];
    if (e->prev_hash.len == 32)
        s_hex (e->prev_hash.data, 32, prev_hex);
    if (e->hash.len == 32)
        s_hex (e->hash.data, 32, hash_hex);
    snprintf (topic, sizeof topic, "%s.%s.%s", e->state, e->district, e->event_type);
    json_t *payload = json_loads (e->payload_json, JSON_DECODE_ANY, NULL);
    json_t *line = json_pack (
        "{s:I,s:s,s:I,s:s,s:s,s:s,s:s,s:s,s:I,s:o,s:b,s:s,s:s}", "seq", (json_int_t)e->seq, "topic",
        topic, "complaint_id", (json_int_t)e->complaint_id, "docket", e->docket, "state", e->state,
        "district", e->district, "event_type", e->event_type, "actor", e->actor, "at_ms",
        (json_int_t)e->at_ms, "payload", payload ? payload : json_object (), "payload_masked",
        e->payload_masked, "prev_hash", prev_hex, "hash", hash_hex);
    if (self->options.verify) {
        bool ok = e->hash.len == 32 && e->prev_hash.len == 32;
        if (ok && self->global) {
            static const uint8_t zero[32] = {0};
            const uint8_t *expected = e->seq == 1 ? zero : self->have_hash ? self->last_hash : NULL;
            if (expected && memcmp (expected, e->prev_hash.data, 32) != 0)
                ok = false;
        }
        if (ok && !e->payload_masked) {
            uint8_t hash[32];
            subscribe_event_hash (e, hash);
            ok = memcmp (hash, e->hash.data, 32) == 0;
        }
        json_object_set_new (line, "verified", json_boolean (ok));
        if (ok)
            self->verified++;
        else {
            self->broken++;
            char seq[32];
            snprintf (seq, sizeof seq, "%lld", (long long)e->seq);
            sw_log_kv (SW_LOG_ERROR, "hash chain broken", "seq", seq, NULL);
        }
    }
    char *text = line ? json_dumps (line, JSON_COMPACT | JSON_SORT_KEYS) : NULL;
    json_decref (line);
    if (!text)
        return;
    fputs (text, self->out);
    fputc ('\n', self->out);
    fflush (self->out);
    free (text);
    s_set_last (self, key, e->seq);
    if (self->global) {
        self->floor = e->seq;
        if (e->hash.len == 32) {
            memcpy (self->last_hash, e->hash.data, 32);
            self->have_hash = true;
        }
    }
    self->events++;
    s_save_state (self);
}

//  --------------------------------------------------------------------------
//  Replay

static int
s_dealer (subscribe_t *self)
{
    zsock_destroy (&self->dealer);
    self->dealer = zsock_new (ZMQ_DEALER);
    if (!self->dealer)
        return -1;
    zsock_set_linger (self->dealer, 0);
    if (sw_curve_apply (self->options.curve, self->dealer, false) != 0)
        return -1;
    return zsock_attach (self->dealer, self->options.replay, false);
}

//  Replay (after, through] (through 0: the head) for prefix (NULL: the
//  subscription's prefixes), printing what comes.  Returns the seq the
//  replay covered through, or -1 (self->failed set).
static int64_t
s_replay (subscribe_t *self, int64_t after, int64_t through, const char *prefix)
{
    self->replays++;
    int attempts = 0;
    while (!zsys_interrupted) {
        if (!self->dealer && s_dealer (self) != 0) {
            self->failed = true;
            return -1;
        }
        Sunwai__V1__ReplayRequest request = SUNWAI__V1__REPLAY_REQUEST__INIT;
        request.after_seq = after;
        request.through_seq = through;
        char *one[1] = {(char *)prefix};
        if (prefix) {
            request.topics = one;
            request.n_topics = 1;
        }
        else {
            request.topics = self->prefixes;
            request.n_topics = self->nprefixes;
        }
        sw_frame_send (self->dealer, &request.base);
        Sunwai__V1__ReplayReply *reply = NULL;
        zpoller_t *poller = zpoller_new (self->dealer, NULL);
        while (!reply && !zsys_interrupted) {
            if (!zpoller_wait (poller, self->options.replay_timeout_ms))
                break;
            zmsg_t *msg = zmsg_recv (self->dealer);
            if (!msg)
                break;
            char *type = zframe_strdup (zmsg_first (msg));
            char err[256];
            if (type && streq (type, "sunwai.v1.EventEnvelope")) {
                Sunwai__V1__EventEnvelope *e = (Sunwai__V1__EventEnvelope *)sw_frame_decode (
                    msg, &sunwai__v1__event_envelope__descriptor, err, sizeof err);
                if (e) {
                    if (e->seq > after)
                        after = e->seq;
                    s_print (self, e);
                    protobuf_c_message_free_unpacked (&e->base, NULL);
                }
            }
            else
                reply = (Sunwai__V1__ReplayReply *)sw_frame_decode (
                    msg, &sunwai__v1__replay_reply__descriptor, err, sizeof err);
            free (type);
            zmsg_destroy (&msg);
        }
        zpoller_destroy (&poller);
        if (!reply || (reply->error && *reply->error && reply->retry)) {
            //  No end marker in time (the reply was abandoned, or analytics
            //  is down or restarting), or a temporary refusal (its
            //  database is down): ask again, for as long as it takes, a
            //  little later each time.  A new socket drops late parts of
            //  this one.
            attempts++;
            sw_log_kv (attempts % 5 == 0 ? SW_LOG_WARN : SW_LOG_INFO,
                       reply ? "replay refused for now; asking again" : "replay did not answer; asking again",
                       "reason", reply ? reply->error : "timeout", NULL);
            if (reply)
                protobuf_c_message_free_unpacked (&reply->base, NULL);
            zsock_destroy (&self->dealer);
            zclock_sleep (attempts < 10 ? 100 * attempts : 1000);
            continue;
        }
        if (reply->error && *reply->error) {
            sw_log_kv (SW_LOG_ERROR, "replay refused", "reason", reply->error, NULL);
            protobuf_c_message_free_unpacked (&reply->base, NULL);
            self->failed = true;
            return -1;
        }
        int64_t last = reply->last_seq;
        bool more = reply->more;
        protobuf_c_message_free_unpacked (&reply->base, NULL);
        if (last > after)
            after = last;
        if (!more)
            return last;
    }
    return -1;
}

//  --------------------------------------------------------------------------
//  Live

static void
s_on_event (subscribe_t *self, Sunwai__V1__EventEnvelope *e)
{
    char topic[512], key[512], prefix[512];
    snprintf (topic, sizeof topic, "%s.%s.%s", e->state, e->district, e->event_type);
    if (!s_matches (self, topic))
        return;
    int64_t prev = s_chain (self, e, key, sizeof key, prefix, sizeof prefix);
    int64_t base = s_last (self, key) > self->floor ? s_last (self, key) : self->floor;
    if (prev > base) {
        self->gaps++;
        char seq[32], after[32];
        snprintf (seq, sizeof seq, "%lld", (long long)e->seq);
        snprintf (after, sizeof after, "%lld", (long long)base);
        sw_log_kv (SW_LOG_INFO, "gap detected", "seq", seq, "missing_after", after, NULL);
        if (s_replay (self, base, e->seq - 1, *prefix ? prefix : NULL) < 0)
            return;
    }
    s_print (self, e);
}

static void
s_on_head (subscribe_t *self, int64_t head)
{
    if (head <= self->floor)
        return;
    int64_t covered = s_replay (self, self->floor, head, NULL);
    if (covered > self->floor) {
        self->floor = covered;
        s_save_state (self);
    }
}

static bool
s_done (subscribe_t *self)
{
    return self->options.until_seq > 0 && self->floor >= self->options.until_seq;
}

int
subscribe_run (subscribe_t *self)
{
    if (s_load_state (self) != 0)
        return 1;
    self->sub = zsock_new (ZMQ_SUB);
    if (!self->sub)
        return 1;
    zsock_set_rcvhwm (self->sub, self->options.rcvhwm);
    zsock_set_linger (self->sub, 0);
    if (sw_curve_apply (self->options.curve, self->sub, false) != 0
        || zsock_attach (self->sub, self->options.stream, false) != 0) {
        sw_log_kv (SW_LOG_ERROR, "could not connect to the stream", "endpoint",
                   self->options.stream, NULL);
        return 1;
    }
    if (self->nprefixes == 0)
        zsock_set_subscribe (self->sub, "");
    for (size_t i = 0; i < self->nprefixes; i++)
        zsock_set_subscribe (self->sub, self->prefixes[i]);
    zsock_set_subscribe (self->sub, "$head");

    int64_t covered = s_replay (self, self->floor, 0, NULL);
    if (covered > self->floor)
        self->floor = covered;
    s_save_state (self);
    zpoller_t *poller = zpoller_new (self->sub, NULL);
    while (!self->failed && !zsys_interrupted && !s_done (self)) {
        if (!zpoller_wait (poller, 200))
            continue;
        zmsg_t *msg = zmsg_recv (self->sub);
        if (!msg)
            continue;
        zframe_t *topic = zmsg_pop (msg);
        char *type = zmsg_size (msg) == 2 ? zframe_strdup (zmsg_first (msg)) : NULL;
        char err[256];
        if (type && streq (type, "sunwai.v1.StreamHead")) {
            Sunwai__V1__StreamHead *head = (Sunwai__V1__StreamHead *)sw_frame_decode (
                msg, &sunwai__v1__stream_head__descriptor, err, sizeof err);
            if (head) {
                s_on_head (self, head->seq);
                protobuf_c_message_free_unpacked (&head->base, NULL);
            }
        }
        else if (type && streq (type, "sunwai.v1.EventEnvelope")) {
            Sunwai__V1__EventEnvelope *e = (Sunwai__V1__EventEnvelope *)sw_frame_decode (
                msg, &sunwai__v1__event_envelope__descriptor, err, sizeof err);
            if (e) {
                s_on_event (self, e);
                protobuf_c_message_free_unpacked (&e->base, NULL);
            }
        }
        free (type);
        zframe_destroy (&topic);
        zmsg_destroy (&msg);
    }
    zpoller_destroy (&poller);
    s_save_state (self);
    char events[32], gaps[32], replays[32], verified[32], broken[32], floor[32];
    snprintf (events, sizeof events, "%ld", self->events);
    snprintf (gaps, sizeof gaps, "%ld", self->gaps);
    snprintf (replays, sizeof replays, "%ld", self->replays);
    snprintf (verified, sizeof verified, "%ld", self->verified);
    snprintf (broken, sizeof broken, "%ld", self->broken);
    snprintf (floor, sizeof floor, "%lld", (long long)self->floor);
    sw_log_kv (SW_LOG_INFO, "stopped", "events", events, "gaps", gaps, "replays", replays,
               "verified", verified, "broken", broken, "floor", floor, NULL);
    return self->failed ? 1 : 0;
}

subscribe_t *
subscribe_new (const subscribe_options_t *options, FILE *out, char *err, size_t errlen)
{
    subscribe_t *self = calloc (1, sizeof *self);
    if (!self) {
        snprintf (err, errlen, "out of memory");
        return NULL;
    }
    self->options = *options;
    self->out = out;
    self->last = zhashx_new ();
    zhashx_set_destructor (self->last, s_free_seq);
    self->global = true;
    char *topics = strdup (options->topics ? options->topics : "");
    char *save = NULL;
    for (char *t = strtok_r (topics, ",", &save); t; t = strtok_r (NULL, ",", &save)) {
        while (*t == ' ')
            t++;
        if (self->nprefixes == S_MAX_TOPICS) {
            snprintf (err, errlen, "at most %d topic prefixes", S_MAX_TOPICS);
            free (topics);
            subscribe_destroy (&self);
            return NULL;
        }
        char canonical[256];
        int level = subscribe_normalise (t, canonical, sizeof canonical);
        if (level < 0) {
            snprintf (err, errlen, "invalid topic prefix \"%s\": a topic has three parts", t);
            free (topics);
            subscribe_destroy (&self);
            return NULL;
        }
        self->prefixes[self->nprefixes] = strdup (canonical);
        self->levels[self->nprefixes++] = level;
        if (level > 1)
            self->global = false;
    }
    free (topics);
    return self;
}

void
subscribe_destroy (subscribe_t **self_p)
{
    if (!self_p || !*self_p)
        return;
    subscribe_t *self = *self_p;
    for (size_t i = 0; i < self->nprefixes; i++)
        free (self->prefixes[i]);
    zhashx_destroy (&self->last);
    zsock_destroy (&self->sub);
    zsock_destroy (&self->dealer);
    free (self);
    *self_p = NULL;
}
