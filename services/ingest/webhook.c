/*  webhook: the X Account Activity webhook.

    GET  /webhooks/x?crc_token=T  answers X's challenge-response check:
         {"response_token": "sha256=" base64(HMAC-SHA256(consumer secret, T))}
    POST /webhooks/x              accepts a body only if its
         X-Twitter-Webhooks-Signature header is "sha256=" base64 of the
         HMAC-SHA256 of the raw body under the consumer secret (compared in
         constant time); otherwise 401 and nothing is stored.

    A signed body is parsed (x_parse_webhook), every message in it is
    submitted to the store, and the answer waits for all of them: 200 once
    each is stored (new, duplicate, follow-up, delete), 503 with Retry-After
    if PostgreSQL could not take them (X then delivers again, and what was
    stored meanwhile comes back as duplicates).  A replayed body is
    therefore harmless.  Bad JSON or a body with no event kind we know gets
    400. */
#include "ingest.h"
#include "sw_log.h"
#include "x_parse.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <stdlib.h>
#include <string.h>

//  "sha256=" + base64 (HMAC-SHA256 (secret, data)) into out (size >= 64).
static void
s_signature (const char *secret, const unsigned char *data, size_t len, char *out)
{
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int mac_len = 0;
    HMAC (EVP_sha256 (), secret, (int) strlen (secret), data, len, mac, &mac_len);
    memcpy (out, "sha256=", 7);
    EVP_EncodeBlock ((unsigned char *) out + 7, mac, (int) mac_len);
}

static void
s_crc (void *arg, sw_http_request_t *request, sw_http_response_t *response)
{
    ingest_t *self = (ingest_t *) arg;
    if (!*self->consumer_secret) {
        ingest_reject (self, response, 404, "webhook_disabled",
                       "the X webhook is not configured (x.consumer_secret is empty)");
        return;
    }
    const char *token = sw_http_request_query (request, "crc_token");
    if (!token || !*token) {
        ingest_reject (self, response, 400, "missing_crc_token",
                       "query parameter \"crc_token\" is required");
        return;
    }
    char signature[80];
    s_signature (self->consumer_secret, (const unsigned char *) token, strlen (token), signature);
    json_t *body = json_pack ("{s:s}", "response_token", signature);
    ingest_reply_json (response, 200, body);
}

static void
s_post (void *arg, sw_http_request_t *request, sw_http_response_t *response)
{
    ingest_t *self = (ingest_t *) arg;
    if (!*self->consumer_secret) {
        ingest_reject (self, response, 404, "webhook_disabled",
                       "the X webhook is not configured (x.consumer_secret is empty)");
        return;
    }
    const char *given = sw_http_request_header (request, "x-twitter-webhooks-signature");
    const char *raw = sw_http_request_body (request);
    size_t len = sw_http_request_body_size (request);
    char expected[80];
    s_signature (self->consumer_secret, (const unsigned char *) raw, len, expected);
    if (!given || strlen (given) != strlen (expected)
        || CRYPTO_memcmp (given, expected, strlen (expected)) != 0) {
        ingest_reject (self, response, 401, "bad_signature",
                       given ? "the X-Twitter-Webhooks-Signature header does not match the body"
                             : "the X-Twitter-Webhooks-Signature header is missing");
        return;
    }
    json_error_t jerr;
    json_t *body = json_loadb (raw, len, JSON_REJECT_DUPLICATES, &jerr);
    if (!body) {
        char message[300];
        snprintf (message, sizeof message, "body is not valid JSON: %s (line %d, column %d)",
                  jerr.text, jerr.line, jerr.column);
        ingest_reject (self, response, 400, "malformed_json", message);
        return;
    }
    x_batch_t batch;
    x_batch_init (&batch);
    char err[256];
    if (x_parse_webhook (body, &batch, err, sizeof err) != 0) {
        json_decref (body);
        x_batch_clear (&batch);
        ingest_reject (self, response,
                       400, strstr (err, "unknown event kind") ? "unknown_event" : "bad_event",
                       err);
        return;
    }
    json_decref (body);
    intake_store_t *store = ingest_store (self);
    if (!store) {
        x_batch_clear (&batch);
        ingest_unavailable (self, response, "the database is not ready; nothing was stored");
        return;
    }
    size_t n = batch.count;
    intake_ticket_t **tickets = calloc (n ? n : 1, sizeof *tickets);
    for (size_t i = 0; i < n; i++) {
        intake_msg_t *msg = x_batch_take (&batch, i);
        tickets[i] = msg ? intake_store_submit (store, msg, NULL) : NULL;
    }
    int counts[INTAKE_ERROR + 1] = { 0 };
    for (size_t i = 0; i < n; i++)
        if (tickets[i])
            counts[intake_ticket_wait (&tickets[i], self->timeout_ms, NULL, 0)]++;
    free (tickets);
    size_t ignored = batch.ignored;
    x_batch_clear (&batch);
    if (counts[INTAKE_UNAVAILABLE] || counts[INTAKE_ERROR]) {
        ingest_unavailable (self, response, "not every event could be stored; deliver again");
        return;
    }
    json_t *reply = json_pack ("{s:i,s:i,s:i,s:i,s:i}", "new", counts[INTAKE_NEW], "duplicate",
                               counts[INTAKE_DUPLICATE], "follow_up",
                               counts[INTAKE_FOLLOW_UP] + counts[INTAKE_REOPENED], "deleted",
                               counts[INTAKE_DELETED],
                               "ignored", (int) ignored + counts[INTAKE_IGNORED]);
    ingest_reply_json (response, 200, reply);
}

void
ingest_webhook_routes (ingest_t *self)
{
    sw_http_t *http = sw_server_http (self->server);
    sw_http_route (http, "GET", "/webhooks/x", s_crc, self);
    sw_http_route (http, "POST", "/webhooks/x", s_post, self);
}
