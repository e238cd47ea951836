/*  nt_send: one job out over HTTP (X, webhook, SMS gateway) or SMTP. */
#include "nt_send.h"
#include "nt_text.h"
#include "sw_log.h"
#include "sw_oauth1.h"
#include "sw_pii.h"
#include "sw_xerror.h"

#include <curl/curl.h>
#include <czmq.h>
#include <jansson.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#define S_BODY_MAX (1 << 20)   //  most response bytes kept

struct _nt_send_t {
    nt_send_config_t config;
    CURL *http;                //  X, webhook and SMS (keep-alive)
    CURL *smtp;
    char user_id[32];          //  the X account's own id, once known
    json_t *posts;             //  our posts fetched for in-doubt jobs, this batch
    double posts_since;        //  ... since when
};

typedef struct {
    char *body;
    size_t size;
    long remaining;            //  x-rate-limit-remaining, -1 if absent
    double reset;              //  x-rate-limit-reset (epoch s), 0 if absent
    double retry_after;        //  Retry-After (s), 0 if absent
} s_response_t;

static pthread_once_t s_curl_once = PTHREAD_ONCE_INIT;
static void
s_curl_init (void)
{
    curl_global_init (CURL_GLOBAL_DEFAULT);
}

static double
s_wallclock (void)
{
    struct timespec ts;
    clock_gettime (CLOCK_REALTIME, &ts);
    return (double) ts.tv_sec + ts.tv_nsec / 1e9;
}

static void
s_result (nt_result_t *result, nt_outcome_t outcome, long status, const char *format, ...)
{
    result->outcome = outcome;
    result->status = status;
    va_list args;
    va_start (args, format);
    vsnprintf (result->error, sizeof result->error, format, args);
    va_end (args);
}

bool
nt_send_channel_known (const char *channel)
{
    static const char *known[]
        = { "x_reply", "x_mention", "x_dm", "webhook", "sms", "email", "api_status", NULL };
    for (int i = 0; known[i]; i++)
        if (strcmp (channel, known[i]) == 0)
            return true;
    return false;
}

nt_send_t *
nt_send_new (const nt_send_config_t *config)
{
    pthread_once (&s_curl_once, s_curl_init);
    nt_send_t *self = calloc (1, sizeof *self);
    if (!self)
        return NULL;
    self->config = *config;
    self->http = curl_easy_init ();
    self->smtp = curl_easy_init ();
    if (!self->http || !self->smtp) {
        nt_send_destroy (&self);
        return NULL;
    }
    //  An OAuth 1.0a access token starts with the account's id: "<id>-...".
    const char *id = config->x_user_id;
    if (id && *id)
        snprintf (self->user_id, sizeof self->user_id, "%s", id);
    else if (config->x_access_token) {
        const char *dash = strchr (config->x_access_token, '-');
        size_t n = dash ? (size_t) (dash - config->x_access_token) : 0;
        if (n > 0 && n < sizeof self->user_id
            && strspn (config->x_access_token, "0123456789") == n)
            memcpy (self->user_id, config->x_access_token, n);
    }
    return self;
}

void
nt_send_destroy (nt_send_t **self_p)
{
    nt_send_t *self = *self_p;
    if (!self)
        return;
    curl_easy_cleanup (self->http);
    curl_easy_cleanup (self->smtp);
    json_decref (self->posts);
    free (self);
    *self_p = NULL;
}

//  --------------------------------------------------------------------------
//  HTTP

static size_t
s_body_cb (char *data, size_t size, size_t nmemb, void *arg)
{
    s_response_t *r = (s_response_t *) arg;
    size_t bytes = size * nmemb;
    if (r->size + bytes > S_BODY_MAX)
        return bytes;   //  keep the start; the rest is not needed
    char *grown = realloc (r->body, r->size + bytes + 1);
    if (!grown)
        return 0;
    memcpy (grown + r->size, data, bytes);
    r->body = grown;
    r->size += bytes;
    r->body[r->size] = 0;
    return bytes;
}

static bool
s_header_value (const char *line, size_t size, const char *name, char *out, size_t outsize)
{
    size_t n = strlen (name);
    if (size <= n + 1 || strncasecmp (line, name, n) != 0 || line[n] != ':')
        return false;
    const char *v = line + n + 1;
    const char *end = line + size;
    while (v < end && (*v == ' ' || *v == '\t'))
        v++;
    while (end > v && (end[-1] == '\r' || end[-1] == '\n' || end[-1] == ' '))
        end--;
    size_t len = (size_t) (end - v) < outsize - 1 ? (size_t) (end - v) : outsize - 1;
    memcpy (out, v, len);
    out[len] = 0;
    return true;
}

static size_t
s_header_cb (char *data, size_t size, size_t nitems, void *arg)
{
    s_response_t *r = (s_response_t *) arg;
    size_t bytes = size * nitems;
    char value[64];
    if (s_header_value (data, bytes, "x-rate-limit-remaining", value, sizeof value))
        r->remaining = strtol (value, NULL, 10);
    else if (s_header_value (data, bytes, "x-rate-limit-reset", value, sizeof value))
        r->reset = strtod (value, NULL);
    else if (s_header_value (data, bytes, "retry-after", value, sizeof value))
        r->retry_after = strtod (value, NULL);
    return bytes;
}

//  Why the request was refused: X's reason, or (a webhook's or SMS
//  gateway's answer) the start of the body.
static void
s_error_text (const s_response_t *r, char *buf, size_t size)
{
    sw_xerror_reason_text (r->body, r->size, buf, size);
    if (!*buf)
        snprintf (buf, size, "%.200s", r->body ? r->body : "");
}

//  One HTTP request.  Returns the curl code; status and response filled.
static CURLcode
s_http (nt_send_t *self, const char *method, const char *url, struct curl_slist *headers,
        const char *body, long *status, s_response_t *r)
{
    CURL *curl = self->http;
    memset (r, 0, sizeof *r);
    r->remaining = -1;
    curl_easy_reset (curl);
    curl_easy_setopt (curl, CURLOPT_URL, url);
    curl_easy_setopt (curl, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt (curl, CURLOPT_USERAGENT, "sunwai-notifier/" SUNWAI_VERSION);
    curl_easy_setopt (curl, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt (curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt (curl, CURLOPT_TIMEOUT_MS, self->config.timeout_ms);
    curl_easy_setopt (curl, CURLOPT_CONNECTTIMEOUT_MS, self->config.timeout_ms);
    curl_easy_setopt (curl, CURLOPT_HEADERFUNCTION, s_header_cb);
    curl_easy_setopt (curl, CURLOPT_HEADERDATA, r);
    curl_easy_setopt (curl, CURLOPT_WRITEFUNCTION, s_body_cb);
    curl_easy_setopt (curl, CURLOPT_WRITEDATA, r);
    if (strcmp (method, "POST") == 0) {
        curl_easy_setopt (curl, CURLOPT_POSTFIELDS, body ? body : "");
        curl_easy_setopt (curl, CURLOPT_POSTFIELDSIZE, (long) (body ? strlen (body) : 0));
    }
    CURLcode code = curl_easy_perform (curl);
    *status = 0;
    if (code == CURLE_OK)
        curl_easy_getinfo (curl, CURLINFO_RESPONSE_CODE, status);
    curl_easy_setopt (curl, CURLOPT_HTTPHEADER, NULL);
    return code;
}

//  Maps a finished request to an outcome.  2xx -> SENT (caller fills the
//  id); 429 -> LIMITED until the reset; 408, 5xx, transport errors -> RETRY;
//  other statuses -> REJECTED.  A 2xx that used the last request of the
//  window also pauses the channel until the reset.
static void
s_classify (CURLcode code, long status, const s_response_t *r, nt_result_t *result)
{
    char detail[220];
    if (code != CURLE_OK) {
        s_result (result, NT_RETRY, 0, "%s", curl_easy_strerror (code));
        return;
    }
    if (status >= 200 && status < 300) {
        s_result (result, NT_SENT, status, "%s", "");
        if (r->remaining == 0 && r->reset > 0)
            result->reset_at = r->reset;
        return;
    }
    s_error_text (r, detail, sizeof detail);
    if (status == 429) {
        s_result (result, NT_LIMITED, status, "rate limited (429): %s", detail);
        double now = s_wallclock ();
        result->reset_at = r->reset > now           ? r->reset
                           : r->retry_after > 0     ? now + r->retry_after
                                                    : now + 60;
    }
    else if (status == 408 || status >= 500)
        s_result (result, NT_RETRY, status, "HTTP %ld: %s", status, detail);
    else
        s_result (result, NT_REJECTED, status, "HTTP %ld: %s", status, detail);
}

//  --------------------------------------------------------------------------
//  X

static struct curl_slist *
s_x_headers (nt_send_t *self, const char *method, const char *url, bool json)
{
    struct curl_slist *headers = NULL;
    char *auth = NULL;
    if (strcmp (self->config.x_auth, "oauth2") == 0)
        auth = zsys_sprintf ("Authorization: Bearer %s", self->config.x_user_token);
    else {
        sw_oauth1_credentials_t cred = { self->config.x_consumer_key,
                                         self->config.x_consumer_secret,
                                         self->config.x_access_token,
                                         self->config.x_access_token_secret };
        char *value = sw_oauth1_authorization (&cred, method, url, NULL, NULL, 0);
        auth = value ? zsys_sprintf ("Authorization: %s", value) : NULL;
        free (value);
    }
    if (auth)
        headers = curl_slist_append (headers, auth);
    free (auth);
    if (json)
        headers = curl_slist_append (headers, "Content-Type: application/json");
    return headers;
}

//  POST a JSON body to the X API path; on 2xx the id at data.<id_field>.
static void
s_x_post (nt_send_t *self, const char *path, json_t *payload, const char *id_field,
          nt_result_t *result)
{
    char *url = zsys_sprintf ("%s%s", self->config.x_api_base, path);
    char *body = json_dumps (payload, JSON_COMPACT);
    struct curl_slist *headers = url ? s_x_headers (self, "POST", url, true) : NULL;
    if (!url || !body || !headers) {
        s_result (result, NT_RETRY, 0, "%s", "out of memory or bad credentials");
        goto done;
    }
    long status;
    s_response_t r;
    CURLcode code = s_http (self, "POST", url, headers, body, &status, &r);
    s_classify (code, status, &r, result);
    if (result->outcome == NT_SENT) {
        json_t *json = r.body ? json_loads (r.body, 0, NULL) : NULL;
        const char *id = json_string_value (json_object_get (json_object_get (json, "data"), id_field));
        snprintf (result->external_id, sizeof result->external_id, "%s", id ? id : "");
        json_decref (json);
    }
    free (r.body);
done:
    curl_slist_free_all (headers);
    free (body);
    free (url);
}

//  GET an X API URL; the parsed body on 2xx, NULL otherwise (result says why).
static json_t *
s_x_get (nt_send_t *self, const char *url, nt_result_t *result)
{
    struct curl_slist *headers = s_x_headers (self, "GET", url, false);
    long status;
    s_response_t r;
    CURLcode code = s_http (self, "GET", url, headers, NULL, &status, &r);
    curl_slist_free_all (headers);
    s_classify (code, status, &r, result);
    json_t *json = NULL;
    if (result->outcome == NT_SENT) {
        json = r.body ? json_loads (r.body, 0, NULL) : NULL;
        if (!json)
            s_result (result, NT_RETRY, status, "%s", "response is not JSON");
    }
    free (r.body);
    return json;
}

//  The account's own id, asking /2/users/me the first time if the
//  configuration and the token do not say.
static const char *
s_x_me (nt_send_t *self, nt_result_t *result)
{
    if (*self->user_id)
        return self->user_id;
    char *url = zsys_sprintf ("%s/2/users/me", self->config.x_api_base);
    json_t *json = url ? s_x_get (self, url, result) : NULL;
    free (url);
    const char *id = json_string_value (json_object_get (json_object_get (json, "data"), "id"));
    if (id && strlen (id) < sizeof self->user_id)
        snprintf (self->user_id, sizeof self->user_id, "%s", id);
    json_decref (json);
    return *self->user_id ? self->user_id : NULL;
}

char *
nt_send_text (const nt_send_t *self, const nt_job_t *job)
{
    const char *channel = job->channel;
    if (strcmp (channel, "x_reply") == 0 || strcmp (channel, "x_mention") == 0) {
        //  A public post: no personal data, and within X's length.
        char *masked = sw_pii_mask (job->body);
        char *text = masked;
        if (masked && strcmp (channel, "x_mention") == 0) {
            const char *handle = job->recipient[0] == '@' ? job->recipient + 1 : job->recipient;
            text = zsys_sprintf ("@%s %s", handle, masked);
            free (masked);
        }
        char *fitted = text ? nt_text_x_fit (text, (size_t) self->config.x_max_length) : NULL;
        free (text);
        return fitted;
    }
    return strdup (job->body);
}

static void
s_send_x (nt_send_t *self, const nt_job_t *job, const char *text, nt_result_t *result)
{
    json_t *payload = json_pack ("{s:s}", "text", text);
    if (strcmp (job->channel, "x_dm") == 0) {
        char *escaped = curl_easy_escape (self->http, job->recipient, 0);
        char *path = escaped ? zsys_sprintf ("/2/dm_conversations/with/%s/messages", escaped) : NULL;
        if (path)
            s_x_post (self, path, payload, "dm_event_id", result);
        else
            s_result (result, NT_RETRY, 0, "%s", "out of memory");
        free (path);
        curl_free (escaped);
    }
    else {
        if (strcmp (job->channel, "x_reply") == 0)
            json_object_set_new (payload, "reply",
                                 json_pack ("{s:s}", "in_reply_to_tweet_id", job->in_reply_to));
        s_x_post (self, "/2/tweets", payload, "id", result);
    }
    json_decref (payload);
}

//  --------------------------------------------------------------------------
//  Webhook and SMS gateway

static void
s_hmac_hex (const char *key, const char *data, char out[65])
{
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    HMAC (EVP_sha256 (), key, (int) strlen (key), (const unsigned char *) data, strlen (data),
          mac, &len);
    for (unsigned int i = 0; i < len && i < 32; i++)
        sprintf (out + 2 * i, "%02x", mac[i]);
    out[64] = 0;
}

static void
s_post_json (nt_send_t *self, const char *url, json_t *payload, struct curl_slist *headers,
             nt_result_t *result)
{
    char *body = json_dumps (payload, JSON_COMPACT);
    headers = curl_slist_append (headers, "Content-Type: application/json");
    if (!body || !headers) {
        s_result (result, NT_RETRY, 0, "%s", "out of memory");
        goto done;
    }
    long status;
    s_response_t r;
    CURLcode code = s_http (self, "POST", url, headers, body, &status, &r);
    s_classify (code, status, &r, result);
    free (r.body);
done:
    curl_slist_free_all (headers);
    free (body);
}

static void
s_send_webhook (nt_send_t *self, const nt_job_t *job, nt_result_t *result)
{
    if (!*self->config.webhook_secret) {
        s_result (result, NT_REJECTED, 0, "%s", "webhook.secret is not set: webhooks are not signed");
        return;
    }
    char timestamp[32];
    snprintf (timestamp, sizeof timestamp, "%lld", (long long) time (NULL));
    json_t *payload = json_pack ("{s:I, s:s, s:s, s:s, s:s, s:s, s:i}", "complaint_id",
                                 (json_int_t) job->complaint_id, "docket", job->docket, "kind",
                                 job->kind, "text", job->body, "language", job->language,
                                 "idempotency_key", job->key, "attempt", job->attempt);
    char *body = json_dumps (payload, JSON_COMPACT);
    //  The signature covers "<timestamp>.<body>", so a captured request
    //  cannot be replayed later with a fresh timestamp.
    char *signed_text = body ? zsys_sprintf ("%s.%s", timestamp, body) : NULL;
    char mac[65];
    struct curl_slist *headers = NULL;
    if (signed_text) {
        s_hmac_hex (self->config.webhook_secret, signed_text, mac);
        char *h1 = zsys_sprintf ("X-Sunwai-Signature: sha256=%s", mac);
        char *h2 = zsys_sprintf ("X-Sunwai-Timestamp: %s", timestamp);
        char *h3 = zsys_sprintf ("X-Sunwai-Idempotency-Key: %s", job->key);
        if (h1 && h2 && h3) {
            headers = curl_slist_append (headers, h1);
            headers = curl_slist_append (headers, h2);
            headers = curl_slist_append (headers, h3);
        }
        free (h1);
        free (h2);
        free (h3);
    }
    free (signed_text);
    free (body);
    //  s_post_json serialises payload again: the same compact form.
    if (headers)
        s_post_json (self, job->recipient, payload, headers, result);
    else
        s_result (result, NT_RETRY, 0, "%s", "out of memory");
    json_decref (payload);
}

static void
s_send_sms (nt_send_t *self, const nt_job_t *job, nt_result_t *result)
{
    if (!*self->config.sms_url) {
        s_result (result, NT_REJECTED, 0, "%s", "sms.url is not set: no SMS gateway");
        return;
    }
    json_t *payload = json_pack ("{s:s, s:s, s:s, s:s}", "to", job->recipient, "text", job->body,
                                 "sender", self->config.sms_sender, "idempotency_key", job->key);
    struct curl_slist *headers = NULL;
    if (*self->config.sms_token) {
        char *auth = zsys_sprintf ("Authorization: Bearer %s", self->config.sms_token);
        headers = curl_slist_append (headers, auth);
        free (auth);
    }
    s_post_json (self, self->config.sms_url, payload, headers, result);
    json_decref (payload);
}

//  --------------------------------------------------------------------------
//  E-mail

typedef struct {
    const char *data;
    size_t size;
    size_t at;
} s_upload_t;

static size_t
s_read_cb (char *buffer, size_t size, size_t nitems, void *arg)
{
    s_upload_t *u = (s_upload_t *) arg;
    size_t room = size * nitems;
    size_t left = u->size - u->at;
    size_t n = left < room ? left : room;
    memcpy (buffer, u->data + u->at, n);
    u->at += n;
    return n;
}

//  The RFC 5322 message: UTF-8 text body in base64 lines of 76.
static char *
s_email_message (const nt_send_t *self, const nt_job_t *job)
{
    char date[64];
    time_t now = time (NULL);
    struct tm tm;
    gmtime_r (&now, &tm);
    strftime (date, sizeof date, "%a, %d %b %Y %H:%M:%S +0000", &tm);
    //  Message-ID: the idempotency key with ':' (not allowed there) as '.'.
    char id[256];
    snprintf (id, sizeof id, "%s", job->key);
    for (char *c = id; *c; c++)
        if (!(*c == '.' || *c == '-' || *c == '_' || (*c >= '0' && *c <= '9')
              || (*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z')))
            *c = '.';
    size_t len = strlen (job->body);
    size_t b64len = 4 * ((len + 2) / 3);
    unsigned char *b64 = malloc (b64len + 1);
    char *wrapped = malloc (b64len + b64len / 76 * 2 + 3);
    char *message = NULL;
    if (b64 && wrapped) {
        EVP_EncodeBlock (b64, (const unsigned char *) job->body, (int) len);
        size_t n = 0;
        for (size_t i = 0; i < b64len; i += 76) {
            size_t chunk = b64len - i < 76 ? b64len - i : 76;
            memcpy (wrapped + n, b64 + i, chunk);
            n += chunk;
            wrapped[n++] = '\r';
            wrapped[n++] = '\n';
        }
        wrapped[n] = 0;
        message = zsys_sprintf ("Date: %s\r\n"
                            "From: %s\r\n"
                            "To: %s\r\n"
                            "Message-ID: <%s@sunwai>\r\n"
                            "Subject: Sunwai %s: %s\r\n"
                            "X-Sunwai-Idempotency-Key: %s\r\n"
                            "MIME-Version: 1.0\r\n"
                            "Content-Type: text/plain; charset=UTF-8\r\n"
                            "Content-Transfer-Encoding: base64\r\n"
                            "\r\n%s",
                            date, self->config.smtp_from, job->recipient, id, job->docket,
                            job->kind, job->key, wrapped);
    }
    free (b64);
    free (wrapped);
    return message;
}

static void
s_send_email (nt_send_t *self, const nt_job_t *job, nt_result_t *result)
{
    if (!*self->config.smtp_url) {
        s_result (result, NT_REJECTED, 0, "%s", "smtp.url is not set: no mail server");
        return;
    }
    if (strpbrk (job->recipient, "\r\n<>") || !strchr (job->recipient, '@')) {
        s_result (result, NT_REJECTED, 0, "not an e-mail address: %.100s", job->recipient);
        return;
    }
    char *message = s_email_message (self, job);
    char *from = zsys_sprintf ("<%s>", self->config.smtp_from);
    char *to = zsys_sprintf ("<%s>", job->recipient);
    struct curl_slist *rcpt = to ? curl_slist_append (NULL, to) : NULL;
    if (!message || !from || !rcpt) {
        s_result (result, NT_RETRY, 0, "%s", "out of memory");
        goto done;
    }
    s_upload_t upload = { message, strlen (message), 0 };
    CURL *curl = self->smtp;
    curl_easy_reset (curl);
    curl_easy_setopt (curl, CURLOPT_URL, self->config.smtp_url);
    curl_easy_setopt (curl, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
    curl_easy_setopt (curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt (curl, CURLOPT_TIMEOUT_MS, self->config.timeout_ms);
    curl_easy_setopt (curl, CURLOPT_CONNECTTIMEOUT_MS, self->config.timeout_ms);
    curl_easy_setopt (curl, CURLOPT_MAIL_FROM, from);
    curl_easy_setopt (curl, CURLOPT_MAIL_RCPT, rcpt);
    curl_easy_setopt (curl, CURLOPT_READFUNCTION, s_read_cb);
    curl_easy_setopt (curl, CURLOPT_READDATA, &upload);
    curl_easy_setopt (curl, CURLOPT_UPLOAD, 1L);
    const char *tls = self->config.smtp_tls;
    curl_easy_setopt (curl, CURLOPT_USE_SSL,
                      strcmp (tls, "required") == 0 ? (long) CURLUSESSL_ALL
                      : strcmp (tls, "try") == 0    ? (long) CURLUSESSL_TRY
                                                    : (long) CURLUSESSL_NONE);
    if (*self->config.smtp_username) {
        curl_easy_setopt (curl, CURLOPT_USERNAME, self->config.smtp_username);
        curl_easy_setopt (curl, CURLOPT_PASSWORD, self->config.smtp_password);
    }
    CURLcode code = curl_easy_perform (curl);
    long reply = 0;
    curl_easy_getinfo (curl, CURLINFO_RESPONSE_CODE, &reply);
    if (code == CURLE_OK)
        s_result (result, NT_SENT, reply, "%s", "");
    //  5xx replies are permanent (no such mailbox, refused); 4xx and
    //  transport failures are worth another try.
    else if (reply >= 500 || code == CURLE_LOGIN_DENIED)
        s_result (result, NT_REJECTED, reply, "SMTP %ld: %s", reply, curl_easy_strerror (code));
    else
        s_result (result, NT_RETRY, reply, "SMTP %ld: %s", reply, curl_easy_strerror (code));
done:
    curl_slist_free_all (rcpt);
    free (to);
    free (from);
    free (message);
}

//  --------------------------------------------------------------------------

void
nt_send (nt_send_t *self, const nt_job_t *job, nt_result_t *result)
{
    memset (result, 0, sizeof *result);
    const char *channel = job->channel;
    if (strcmp (channel, "api_status") == 0) {
        s_result (result, NT_SENT, 0, "%s", "");
        return;
    }
    if (strncmp (channel, "x_", 2) == 0) {
        if (strcmp (channel, "x_reply") == 0 && !*job->in_reply_to) {
            s_result (result, NT_REJECTED, 0, "%s", "x_reply without a tweet to reply to");
            return;
        }
        char *text = nt_send_text (self, job);
        if (!text)
            s_result (result, NT_REJECTED, 0, "%s", "the text cannot be made to fit a post");
        else
            s_send_x (self, job, text, result);
        free (text);
    }
    else if (strcmp (channel, "webhook") == 0)
        s_send_webhook (self, job, result);
    else if (strcmp (channel, "sms") == 0)
        s_send_sms (self, job, result);
    else if (strcmp (channel, "email") == 0)
        s_send_email (self, job, result);
    else
        s_result (result, NT_REJECTED, 0, "unknown channel \"%.40s\"", channel);
}

//  Is the post the one job would send?  For a reply, it must answer the
//  same tweet.
static bool
s_post_matches (const nt_job_t *job, const char *text, json_t *post)
{
    if (!nt_text_same_post (text, json_string_value (json_object_get (post, "text"))))
        return false;
    if (strcmp (job->channel, "x_reply") != 0)
        return true;
    size_t i;
    json_t *ref;
    json_array_foreach (json_object_get (post, "referenced_tweets"), i, ref) {
        const char *type = json_string_value (json_object_get (ref, "type"));
        const char *id = json_string_value (json_object_get (ref, "id"));
        if (type && id && strcmp (type, "replied_to") == 0 && strcmp (id, job->in_reply_to) == 0)
            return true;
    }
    return false;
}

#define S_FIND_PAGES 32   //  3,200 posts: as far back as X's timeline goes

//  Every item of every page of an X listing from url (a query string
//  already there), following meta.next_token; NULL if a page failed
//  (result says why).
static json_t *
s_x_list (nt_send_t *self, const char *url, nt_result_t *result)
{
    json_t *items = json_array ();
    char token[128] = "";
    for (int page = 0; page < S_FIND_PAGES; page++) {
        char *page_url = *token ? zsys_sprintf ("%s&pagination_token=%s", url, token) : strdup (url);
        json_t *json = page_url ? s_x_get (self, page_url, result) : NULL;
        free (page_url);
        if (!json) {
            json_decref (items);
            return NULL;
        }
        json_array_extend (items, json_object_get (json, "data"));
        const char *next = json_string_value (
            json_object_get (json_object_get (json, "meta"), "next_token"));
        snprintf (token, sizeof token, "%s", next && strlen (next) < sizeof token ? next : "");
        json_decref (json);
        if (!*token)
            break;
    }
    return items;
}

void
nt_send_batch (nt_send_t *self)
{
    json_decref (self->posts);
    self->posts = NULL;
}

int
nt_send_find (nt_send_t *self, const nt_job_t *job, nt_result_t *result)
{
    memset (result, 0, sizeof *result);
    const char *channel = job->channel;
    bool post = strcmp (channel, "x_reply") == 0 || strcmp (channel, "x_mention") == 0;
    bool dm = strcmp (channel, "x_dm") == 0;
    if (!post && !dm)
        return 0;   //  webhook, SMS, e-mail: resent with the same key
    char *text = nt_send_text (self, job);
    if (!text)
        return 0;
    const char *me = s_x_me (self, result);
    if (!me) {
        if (result->outcome == NT_SENT)
            s_result (result, NT_RETRY, 0, "%s", "the account's own X user id is not known");
        free (text);
        return -1;
    }
    //  Our own posts since the doubtful attempt (two minutes' margin for
    //  clock skew; kept for the rest of the batch, whose other in-doubt
    //  jobs are as old), or our messages in the conversation.
    double since = job->doubt_since > 0 ? job->doubt_since - 120 : (double) time (NULL) - 86400;
    json_t *items = NULL;
    if (post && self->posts && since >= self->posts_since)
        items = json_incref (self->posts);
    else {
        char from[32];
        time_t t = (time_t) since;
        struct tm tm;
        gmtime_r (&t, &tm);
        strftime (from, sizeof from, "%Y-%m-%dT%H:%M:%SZ", &tm);
        char *escaped = curl_easy_escape (self->http, dm ? job->recipient : me, 0);
        char *url = NULL;
        if (escaped)
            url = post ? zsys_sprintf ("%s/2/users/%s/tweets?max_results=100&start_time=%s"
                                   "&tweet.fields=referenced_tweets",
                                   self->config.x_api_base, escaped, from)
                       : zsys_sprintf ("%s/2/dm_conversations/with/%s/dm_events?max_results=100"
                                   "&event_types=MessageCreate&dm_event.fields=sender_id,text",
                                   self->config.x_api_base, escaped);
        curl_free (escaped);
        items = url ? s_x_list (self, url, result) : NULL;
        free (url);
        if (items && post) {
            nt_send_batch (self);
            self->posts = json_incref (items);
            self->posts_since = since;
        }
    }
    int found = items ? 0 : -1;
    size_t i;
    json_t *item;
    json_array_foreach (items, i, item) {
        if (dm) {
            const char *sender = json_string_value (json_object_get (item, "sender_id"));
            const char *type = json_string_value (json_object_get (item, "event_type"));
            if (!sender || strcmp (sender, me) != 0 || (type && strcmp (type, "MessageCreate") != 0))
                continue;
        }
        if (s_post_matches (job, text, item)) {
            const char *id = json_string_value (json_object_get (item, "id"));
            s_result (result, NT_SENT, 200, "%s", "");
            snprintf (result->external_id, sizeof result->external_id, "%s", id ? id : "");
            found = 1;
            break;
        }
    }
    if (found == 0)
        memset (result, 0, sizeof *result);
    json_decref (items);
    free (text);
    return found;
}
