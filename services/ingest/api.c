/*  api: the generic intake and officer capture.

    POST /v1/complaints   one complaint from a web form, a WhatsApp or SMS
                          bridge, the 112 control room or an e-mail gateway:
        Authorization: Bearer <API token>       (role api or admin)
        {"channel": "web", "source_id": "F-2026-88", "text": "...",
         "author": {"id", "name", "handle", "location"}, "language": "hi",
         "geo": {"lat", "lon", "place_name"}, "reply_to": "<source id>",
         "thread_id": "...", "media": [{"url", "type"}],
         "created_at": "2026-11-29T10:15:00Z"}
      201 {"docket", "status": "new"} for a new complaint; 200 with status
      duplicate / follow_up / reopened otherwise.  Idempotent on (channel,
      source_id): the same request twice returns the same docket.
    POST /v1/capture      an officer stores a tweet seen elsewhere:
        Authorization: Bearer <officer token>
        {"url": "https://x.com/user/status/123"} or {"tweet_id": "123"}
      The tweet is fetched through the X API v2 lookup and stored as if it
      had arrived, with channel "capture".

    Every field is checked for type and bound; unknown fields are refused
    (a misspelt "text" must not become an empty complaint). */
#include "ingest.h"
#include "sw_log.h"
#include "sw_text.h"
#include "x_parse.h"

#include <openssl/evp.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char *s_api_channels[] = { "web", "whatsapp", "sms", "email", "control_room", "api",
                                        NULL };

//  SHA-256 of the bearer token in the Authorization header. 0 or -1.
static int
s_token_hash (sw_http_request_t *request, uint8_t hash[32])
{
    const char *auth = sw_http_request_header (request, "authorization");
    if (!auth || strncasecmp (auth, "Bearer ", 7) != 0)
        return -1;
    const char *token = auth + 7;
    while (*token == ' ')
        token++;
    if (!*token)
        return -1;
    unsigned int len = 0;
    EVP_Digest (token, strlen (token), hash, &len, EVP_sha256 (), NULL);
    return len == 32 ? 0 : -1;
}

//  Parse the JSON body into an object, answering 400/415 itself on failure.
static json_t *
s_body (ingest_t *self, sw_http_request_t *request, sw_http_response_t *response)
{
    const char *type = sw_http_request_header (request, "content-type");
    if (type && strncasecmp (type, "application/json", 16) != 0) {
        ingest_reject (self, response, 415, "unsupported_media_type",
                       "send the body as application/json");
        return NULL;
    }
    json_error_t jerr;
    json_t *body = json_loadb (sw_http_request_body (request), sw_http_request_body_size (request),
                               JSON_REJECT_DUPLICATES, &jerr);
    if (!body) {
        char message[300];
        snprintf (message, sizeof message, "body is not valid JSON: %s (line %d, column %d)",
                  jerr.text, jerr.line, jerr.column);
        ingest_reject (self, response, 400, "malformed_json", message);
        return NULL;
    }
    if (!json_is_object (body)) {
        json_decref (body);
        ingest_reject (self, response, 400, "bad_field", "body must be a JSON object");
        return NULL;
    }
    return body;
}

//  A bounded string field, copied; NULL if absent. Sets err on a bad value.
static char *
s_string (json_t *obj, const char *key, size_t max_len, bool required, const char *where,
          char *err, size_t errlen)
{
    json_t *v = json_object_get (obj, key);
    if (!v || json_is_null (v)) {
        if (required)
            snprintf (err, errlen, "field \"%s%s\" is required", where, key);
        return NULL;
    }
    if (!json_is_string (v)) {
        snprintf (err, errlen, "field \"%s%s\" must be a string", where, key);
        return NULL;
    }
    size_t len = json_string_length (v);
    if (len == 0 && required) {
        snprintf (err, errlen, "field \"%s%s\" must not be empty", where, key);
        return NULL;
    }
    if (len > max_len) {
        snprintf (err, errlen, "field \"%s%s\" is longer than %zu bytes", where, key, max_len);
        return NULL;
    }
    if (memchr (json_string_value (v), '\0', len)) {
        snprintf (err, errlen, "field \"%s%s\" must not contain NUL", where, key);
        return NULL;
    }
    return strdup (json_string_value (v));
}

//  Refuse keys not in allowed (NULL-terminated).
static int
s_known_keys (json_t *obj, const char *const *allowed, const char *where, char *err,
              size_t errlen)
{
    const char *key;
    json_t *value;
    json_object_foreach (obj, key, value) {
        bool ok = false;
        for (int i = 0; allowed[i] && !ok; i++)
            ok = strcmp (key, allowed[i]) == 0;
        if (!ok) {
            snprintf (err, errlen, "unknown field \"%s%.64s\"", where, key);
            return -1;
        }
    }
    return 0;
}

//  RFC 3339 UTC or with offset -> ms; -1 if malformed.
static int64_t
s_rfc3339_ms (const char *s)
{
    struct tm tm = { 0 };
    const char *rest = strptime (s, "%Y-%m-%dT%H:%M:%S", &tm);
    if (!rest)
        return -1;
    long ms = 0;
    if (*rest == '.') {
        rest++;
        int digits = 0;
        while (*rest >= '0' && *rest <= '9') {
            if (digits < 3)
                ms = ms * 10 + (*rest - '0');
            digits++;
            rest++;
        }
        while (digits < 3) {
            ms *= 10;
            digits++;
        }
    }
    long offset = 0;
    if (*rest == 'Z')
        rest++;
    else if (*rest == '+' || *rest == '-') {
        int hh = 0, mm = 0;
        //  Exactly HH:MM: "+5:30" or "+05:3" must not move rest past the end.
        if (strspn (rest + 1, "0123456789") != 2 || rest[3] != ':'
            || strspn (rest + 4, "0123456789") != 2
            || sscanf (rest + 1, "%2d:%2d", &hh, &mm) != 2)
            return -1;
        offset = (hh * 3600 + mm * 60) * (*rest == '+' ? 1 : -1);
        rest += 6;
    }
    else
        return -1;
    if (*rest)
        return -1;
    return ((int64_t) timegm (&tm) - offset) * 1000 + ms;
}

//  The request body -> an intake message; NULL with err on bad input.
//  Pure (no network, no database), so tests/fuzz/fuzz_api_body.c calls it.
intake_msg_t *
ingest_api_parse_complaint (json_t *body, size_t max_text, char *err, size_t errlen)
{
    static const char *const allowed[] = { "channel", "source_id", "text", "author", "language",
                                           "geo", "reply_to", "thread_id", "media",
                                           "created_at", NULL };
    static const char *const author_keys[] = { "id", "name", "handle", "location", NULL };
    static const char *const geo_keys[] = { "lat", "lon", "place_name", NULL };
    static const char *const media_keys[] = { "url", "type", NULL };
    err[0] = '\0';
    if (s_known_keys (body, allowed, "", err, errlen) != 0)
        return NULL;
    intake_msg_t *msg = intake_msg_new (INTAKE_API);
    msg->channel = s_string (body, "channel", 32, true, "", err, errlen);
    bool known = false;
    for (int i = 0; msg->channel && s_api_channels[i]; i++)
        known = known || strcmp (msg->channel, s_api_channels[i]) == 0;
    if (msg->channel && !known)
        snprintf (err, errlen, "field \"channel\" must be one of web, whatsapp, sms, email, "
                               "control_room, api");
    if (!err[0]) {
        msg->source = strdup (msg->channel);
        msg->source_id = s_string (body, "source_id", 128, true, "", err, errlen);
    }
    char *text = err[0] ? NULL : s_string (body, "text", 64 * 1024, true, "", err, errlen);
    if (text) {
        bool truncated = false;
        char why[128];
        msg->text = sw_text_clean (text, max_text, &truncated, why, sizeof why);
        if (!msg->text)
            snprintf (err, errlen, "field \"text\": %s", why);
        else if (truncated)
            snprintf (err, errlen, "field \"text\" is longer than %zu characters", max_text);
        else if (!*msg->text || strspn (msg->text, " \t\n") == strlen (msg->text))
            snprintf (err, errlen, "field \"text\" must not be empty");
        free (text);
    }
    if (!err[0])
        msg->lang = s_string (body, "language", 16, false, "", err, errlen);
    if (!err[0])
        msg->in_reply_to_id = s_string (body, "reply_to", 128, false, "", err, errlen);
    if (!err[0])
        msg->conversation_id = s_string (body, "thread_id", 128, false, "", err, errlen);
    json_t *author = json_object_get (body, "author");
    if (!err[0] && author && !json_is_null (author)) {
        if (!json_is_object (author))
            snprintf (err, errlen, "field \"author\" must be an object");
        else if (s_known_keys (author, author_keys, "author.", err, errlen) == 0) {
            msg->author_id = s_string (author, "id", 128, false, "author.", err, errlen);
            if (!err[0])
                msg->author_name = s_string (author, "name", 256, false, "author.", err, errlen);
            if (!err[0])
                msg->author_handle = s_string (author, "handle", 64, false, "author.", err, errlen);
            if (!err[0])
                msg->author_location =
                    s_string (author, "location", 256, false, "author.", err, errlen);
        }
    }
    json_t *geo = json_object_get (body, "geo");
    if (!err[0] && geo && !json_is_null (geo)) {
        json_t *lat = json_object_get (geo, "lat");
        json_t *lon = json_object_get (geo, "lon");
        if (!json_is_object (geo))
            snprintf (err, errlen, "field \"geo\" must be an object");
        else if (s_known_keys (geo, geo_keys, "geo.", err, errlen) != 0)
            ;
        else if ((lat && !json_is_number (lat)) || (lon && !json_is_number (lon))
                 || (!lat) != (!lon))
            snprintf (err, errlen, "fields \"geo.lat\" and \"geo.lon\" must be numbers, together");
        else if (lat && (json_number_value (lat) < -90 || json_number_value (lat) > 90
                         || json_number_value (lon) < -180 || json_number_value (lon) > 180))
            snprintf (err, errlen, "fields \"geo.lat\" and \"geo.lon\" are out of range");
        else {
            char *place = s_string (geo, "place_name", 256, false, "geo.", err, errlen);
            if (!err[0]) {
                msg->geo = json_object ();
                if (lat) {
                    json_object_set (msg->geo, "lat", lat);
                    json_object_set (msg->geo, "lon", lon);
                }
                if (place)
                    json_object_set_new (msg->geo, "place_name", json_string (place));
            }
            free (place);
        }
    }
    json_t *media = json_object_get (body, "media");
    if (!err[0] && media && !json_is_null (media)) {
        if (!json_is_array (media) || json_array_size (media) > 16)
            snprintf (err, errlen, "field \"media\" must be an array of at most 16 items");
        else {
            msg->media = json_array ();
            size_t i;
            json_t *item;
            json_array_foreach (media, i, item) {
                char where[32];
                snprintf (where, sizeof where, "media[%zu].", i);
                if (!json_is_object (item)) {
                    snprintf (err, errlen, "field \"media[%zu]\" must be an object", i);
                    break;
                }
                if (s_known_keys (item, media_keys, where, err, errlen) != 0)
                    break;
                char *url = s_string (item, "url", 2048, true, where, err, errlen);
                char *type = err[0] ? NULL : s_string (item, "type", 32, false, where, err, errlen);
                if (!err[0])
                    json_array_append_new (msg->media,
                                           json_pack ("{s:s,s:s}", "url", url, "type",
                                                      type ? type : "unknown"));
                free (url);
                free (type);
                if (err[0])
                    break;
            }
        }
    }
    if (!err[0]) {
        char *created = s_string (body, "created_at", 64, false, "", err, errlen);
        if (created) {
            msg->created_at_ms = s_rfc3339_ms (created);
            if (msg->created_at_ms < 0)
                snprintf (err, errlen, "field \"created_at\" must be an RFC 3339 time");
            free (created);
        }
    }
    if (err[0]) {
        intake_msg_destroy (&msg);
        return NULL;
    }
    //  No raw copy: every field of the request is in its own column, and
    //  the database need not store and log the same text twice.
    return msg;
}

//  Answer with the store's outcome for one message.
static void
s_answer (ingest_t *self, sw_http_response_t *response, intake_result_t result,
          const char *docket)
{
    switch (result) {
    case INTAKE_NEW:
        ingest_reply_json (response, 201,
                           json_pack ("{s:s,s:s}", "docket", docket, "status", "new"));
        break;
    case INTAKE_DUPLICATE:
    case INTAKE_FOLLOW_UP:
    case INTAKE_REOPENED:
        ingest_reply_json (response, 200,
                           json_pack ("{s:s,s:s}", "docket", docket, "status",
                                      intake_result_name (result)));
        break;
    case INTAKE_UNAUTHORIZED:
        ingest_reject (self, response, 401, "unauthorized", "the token is not valid for this");
        break;
    case INTAKE_UNAVAILABLE:
        ingest_unavailable (self, response, "the database is unavailable; nothing was stored");
        break;
    default:
        ingest_reject (self, response, 422, "not_stored", "the complaint could not be stored");
        break;
    }
}

static void
s_post_complaint (void *arg, sw_http_request_t *request, sw_http_response_t *response)
{
    ingest_t *self = (ingest_t *) arg;
    uint8_t hash[32];
    if (s_token_hash (request, hash) != 0) {
        ingest_reject (self, response, 401, "unauthorized",
                       "send an API token as \"Authorization: Bearer <token>\"");
        return;
    }
    json_t *body = s_body (self, request, response);
    if (!body)
        return;
    char err[256];
    intake_msg_t *msg = ingest_api_parse_complaint (body, self->max_text, err, sizeof err);
    json_decref (body);
    if (!msg) {
        ingest_reject (self, response, 400,
                       strncmp (err, "unknown field", 13) == 0 ? "unknown_field" : "bad_field",
                       err);
        return;
    }
    intake_store_t *store = ingest_store (self);
    if (!store) {
        intake_msg_destroy (&msg);
        ingest_unavailable (self, response, "the database is not ready; nothing was stored");
        return;
    }
    char docket[32] = "";
    intake_result_t result = intake_store_put (store, msg, hash, self->timeout_ms, docket,
                                               sizeof docket);
    s_answer (self, response, result, docket);
}

static void
s_post_capture (void *arg, sw_http_request_t *request, sw_http_response_t *response)
{
    ingest_t *self = (ingest_t *) arg;
    uint8_t hash[32];
    if (s_token_hash (request, hash) != 0) {
        ingest_reject (self, response, 401, "unauthorized",
                       "send an officer token as \"Authorization: Bearer <token>\"");
        return;
    }
    json_t *body = s_body (self, request, response);
    if (!body)
        return;
    static const char *const allowed[] = { "url", "tweet_id", NULL };
    char err[256] = "";
    const char *given = json_string_value (json_object_get (body, "url"));
    if (!given)
        given = json_string_value (json_object_get (body, "tweet_id"));
    char id[24];
    if (s_known_keys (body, allowed, "", err, sizeof err) != 0) {
        json_decref (body);
        ingest_reject (self, response, 400, "unknown_field", err);
        return;
    }
    if (!given || x_tweet_id_from_url (given, id, sizeof id) != 0) {
        json_decref (body);
        ingest_reject (self, response, 400, "bad_field",
                       "give \"url\" (a tweet's address) or \"tweet_id\" (its id)");
        return;
    }
    json_decref (body);
    intake_store_t *store = ingest_store (self);
    if (!store) {
        ingest_unavailable (self, response, "the database is not ready; nothing was stored");
        return;
    }
    //  Check the officer before spending the X API's rate limit for them.
    int ok = intake_store_token_ok (store, hash, "officer,district,hq,admin");
    if (ok < 0) {
        ingest_unavailable (self, response, "the database is unavailable; nothing was stored");
        return;
    }
    if (ok == 0) {
        ingest_reject (self, response, 401, "unauthorized", "the token is not valid for this");
        return;
    }
    if (!*self->x.bearer_token) {
        ingest_reject (self, response, 503, "capture_disabled",
                       "capture needs the X API (x.bearer_token is empty)");
        return;
    }
    x_batch_t batch;
    x_batch_init (&batch);
    if (x_lookup_tweet (&self->x, id, &batch, err, sizeof err) != 0 || batch.count == 0) {
        x_batch_clear (&batch);
        ingest_reject (self, response, 422, "capture_failed",
                       err[0] ? err : "the tweet is not a complaint (a retweet or our own post)");
        return;
    }
    intake_msg_t *msg = x_batch_take (&batch, 0);
    x_batch_clear (&batch);
    free (msg->channel);
    msg->channel = strdup ("capture");
    char docket[32] = "";
    intake_result_t result = intake_store_put (store, msg, hash, self->timeout_ms, docket,
                                               sizeof docket);
    s_answer (self, response, result, docket);
}

void
ingest_api_routes (ingest_t *self)
{
    sw_http_t *http = sw_server_http (self->server);
    sw_http_route (http, "POST", "/v1/complaints", s_post_complaint, self);
    sw_http_route (http, "POST", "/v1/capture", s_post_capture, self);
}
