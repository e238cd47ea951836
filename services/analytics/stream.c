/*  stream: the pure parts of the event stream.

    A topic is "<state>.<district>.<event_type>", so a subscriber takes a
    state, a district or one kind of event by prefix.  A payload is masked
    value by value (sw_pii_mask on every string at any depth); when
    nothing was masked the published text is exactly the stored jsonb
    text, which is what the hash covers (docs/event-stream.md).

    The chains remember, per district and per topic, the last seq
    published, so each live envelope carries district_prev_seq and
    topic_prev_seq: a subscriber that filters by district or topic can
    tell a lost message from one it was never meant to see. */
#include "analytics.h"
#include "sw_log.h"
#include "sw_pii.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

int
analytics_topic (char *buf, size_t size, const char *state, const char *district,
                 const char *event_type)
{
    int n = snprintf (buf, size, "%s.%s.%s", state, district, event_type);
    return n < 0 || (size_t)n >= size ? -1 : 0;
}

//  Mask every string value below node in place; true if one changed.
static bool
s_mask_node (json_t *node, int depth)
{
    if (json_is_string (node)) {
        char *masked = sw_pii_mask (json_string_value (node));
        bool changed = masked && strcmp (masked, json_string_value (node)) != 0;
        if (changed)
            json_string_set (node, masked);
        free (masked);
        return changed;
    }
    if (depth > 32)
        return false;
    bool changed = false;
    if (json_is_object (node)) {
        const char *key;
        json_t *value;
        json_object_foreach (node, key, value)
            changed |= s_mask_node (value, depth + 1);
    }
    else if (json_is_array (node)) {
        size_t index;
        json_t *value;
        json_array_foreach (node, index, value)
            changed |= s_mask_node (value, depth + 1);
    }
    return changed;
}

char *
analytics_mask_json (const char *json, bool *changed)
{
    *changed = false;
    json_error_t error;
    json_t *root = json_loads (json, JSON_DECODE_ANY, &error);
    if (!root)
        return NULL;
    bool any = false;
    if (json_is_string (root)) {
        char *masked = sw_pii_mask (json_string_value (root));
        if (masked && strcmp (masked, json_string_value (root)) != 0) {
            json_string_set (root, masked);
            any = true;
        }
        free (masked);
    }
    else
        any = s_mask_node (root, 0);
    char *out = any ? json_dumps (root, JSON_COMPACT | JSON_ENCODE_ANY) : strdup (json);
    json_decref (root);
    *changed = any;
    return out;
}

//  A bytea column in text form ("\x0123...") into bytes.
static void
s_bytea (const char *text, ProtobufCBinaryData *out)
{
    out->len = 0;
    out->data = NULL;
    size_t len = 0;
    unsigned char *bytes = PQunescapeBytea ((const unsigned char *)text, &len);
    if (!bytes)
        return;
    out->data = malloc (len ? len : 1);
    if (out->data) {
        memcpy (out->data, bytes, len);
        out->len = len;
    }
    PQfreemem (bytes);
}

Sunwai__V1__EventEnvelope *
analytics_envelope_from_row (PGresult *res, int row, bool *masked)
{
    Sunwai__V1__EventEnvelope *event = calloc (1, sizeof *event);
    if (!event)
        return NULL;
    sunwai__v1__event_envelope__init (event);
    event->seq = strtoll (PQgetvalue (res, row, 0), NULL, 10);
    event->complaint_id = strtoll (PQgetvalue (res, row, 1), NULL, 10);
    event->docket = strdup (PQgetvalue (res, row, 2));
    event->state = strdup (PQgetvalue (res, row, 3));
    event->district = strdup (PQgetvalue (res, row, 4));
    event->event_type = strdup (PQgetvalue (res, row, 5));
    event->actor = strdup (PQgetvalue (res, row, 6));
    event->at_ms = strtoll (PQgetvalue (res, row, 7), NULL, 10);
    s_bytea (PQgetvalue (res, row, 8), &event->prev_hash);
    s_bytea (PQgetvalue (res, row, 9), &event->hash);
    bool changed = false;
    event->payload_json = analytics_mask_json (PQgetvalue (res, row, 10), &changed);
    if (!event->payload_json)
        //  jsonb always yields valid JSON; this is out of memory.
        event->payload_json = strdup ("{}");
    event->payload_masked = changed;
    if (masked)
        *masked = changed;
    if (!event->docket || !event->state || !event->district || !event->event_type ||
        !event->actor || !event->payload_json) {
        analytics_envelope_free (&event);
        return NULL;
    }
    return event;
}

void
analytics_envelope_free (Sunwai__V1__EventEnvelope **self_p)
{
    if (!self_p || !*self_p)
        return;
    Sunwai__V1__EventEnvelope *event = *self_p;
    //  Strings not set stay at protobuf-c's shared empty string.
    if (event->docket != protobuf_c_empty_string)
        free (event->docket);
    if (event->state != protobuf_c_empty_string)
        free (event->state);
    if (event->district != protobuf_c_empty_string)
        free (event->district);
    if (event->event_type != protobuf_c_empty_string)
        free (event->event_type);
    if (event->actor != protobuf_c_empty_string)
        free (event->actor);
    if (event->payload_json != protobuf_c_empty_string)
        free (event->payload_json);
    free (event->prev_hash.data);
    free (event->hash.data);
    free (event);
    *self_p = NULL;
}

static void
s_free_seq (void **item)
{
    free (*item);
    *item = NULL;
}

int
analytics_chains_init (analytics_chains_t *self)
{
    self->district = zhashx_new ();
    self->topic = zhashx_new ();
    if (!self->district || !self->topic) {
        analytics_chains_destroy (self);
        return -1;
    }
    zhashx_set_destructor (self->district, s_free_seq);
    zhashx_set_destructor (self->topic, s_free_seq);
    return 0;
}

void
analytics_chains_destroy (analytics_chains_t *self)
{
    zhashx_destroy (&self->district);
    zhashx_destroy (&self->topic);
}

//  Set key's last seq to seq; return the one it had (0: none).
static int64_t
s_chain_swap (zhashx_t *chain, const char *key, int64_t seq)
{
    int64_t *last = (int64_t *)zhashx_lookup (chain, key);
    if (last) {
        int64_t previous = *last;
        *last = seq;
        return previous;
    }
    last = malloc (sizeof *last);
    if (last) {
        *last = seq;
        if (zhashx_insert (chain, key, last) != 0)
            free (last);
    }
    return 0;
}

void
analytics_chains_advance (analytics_chains_t *self, Sunwai__V1__EventEnvelope *event)
{
    char key[512];
    snprintf (key, sizeof key, "%s.%s", event->state, event->district);
    event->district_prev_seq = s_chain_swap (self->district, key, event->seq);
    if (analytics_topic (key, sizeof key, event->state, event->district, event->event_type) == 0)
        event->topic_prev_seq = s_chain_swap (self->topic, key, event->seq);
}

int
analytics_chains_load (analytics_chains_t *self, sw_db_t *db, int64_t head)
{
    char head_text[32];
    snprintf (head_text, sizeof head_text, "%lld", (long long)head);
    const char *params[] = {head_text};
    PGresult *res = sw_db_query (db,
                                 "SELECT state, district, event_type, max(seq) FROM events"
                                 " WHERE seq <= $1::bigint GROUP BY 1, 2, 3",
                                 1, params);
    if (!res)
        return -1;
    zhashx_purge (self->district);
    zhashx_purge (self->topic);
    for (int i = 0; i < PQntuples (res); i++) {
        const char *state = PQgetvalue (res, i, 0);
        const char *district = PQgetvalue (res, i, 1);
        int64_t seq = strtoll (PQgetvalue (res, i, 3), NULL, 10);
        char key[512];
        snprintf (key, sizeof key, "%s.%s", state, district);
        int64_t *last = (int64_t *)zhashx_lookup (self->district, key);
        if (!last || *last < seq)
            s_chain_swap (self->district, key, seq);
        if (analytics_topic (key, sizeof key, state, district, PQgetvalue (res, i, 2)) == 0)
            s_chain_swap (self->topic, key, seq);
    }
    PQclear (res);
    return 0;
}

static int
s_compare_double (const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y ? 1 : 0;
}

double
analytics_percentile (double *values, size_t n, double p)
{
    if (n == 0)
        return NAN;
    qsort (values, n, sizeof *values, s_compare_double);
    if (p <= 0)
        return values[0];
    if (p >= 1)
        return values[n - 1];
    double position = p * (double)(n - 1);
    size_t lower = (size_t)floor (position);
    size_t upper = lower + 1 < n ? lower + 1 : lower;
    double fraction = position - (double)lower;
    return values[lower] + (values[upper] - values[lower]) * fraction;
}

char *
analytics_topics_json (char **topics, size_t n, char *err, size_t errlen)
{
    json_t *array = json_array ();
    if (!array) {
        snprintf (err, errlen, "out of memory");
        return NULL;
    }
    for (size_t i = 0; i < n; i++) {
        const char *topic = topics[i];
        size_t len = strlen (topic);
        if (len > 200) {
            snprintf (err, errlen, "topic prefix %zu is longer than 200 bytes", i + 1);
            json_decref (array);
            return NULL;
        }
        for (size_t j = 0; j < len; j++)
            if ((unsigned char)topic[j] < 0x20 || topic[j] == 0x7f) {
                snprintf (err, errlen, "topic prefix %zu has a control character", i + 1);
                json_decref (array);
                return NULL;
            }
        json_t *string = json_string (topic); //  NULL if not valid UTF-8
        if (!string) {
            snprintf (err, errlen, "topic prefix %zu is not valid UTF-8", i + 1);
            json_decref (array);
            return NULL;
        }
        json_array_append_new (array, string);
    }
    char *text = json_dumps (array, JSON_COMPACT);
    json_decref (array);
    if (!text)
        snprintf (err, errlen, "out of memory");
    return text;
}
