/*  nt_send: delivers one outbox job over its channel and says what
    happened, in the terms the outbox needs (sent with an external id, try
    again later, never, or wait for the remote's rate limit).

    Channels:
      x_reply     POST /2/tweets with reply.in_reply_to_tweet_id, text
                  masked of personal data and fitted to X's 280
      x_mention   POST /2/tweets "@handle text", masked and fitted
      x_dm        POST /2/dm_conversations/with/:participant_id/messages
      webhook     POST the job as JSON to the unit's URL, signed with
                  HMAC-SHA256 (X-Sunwai-Signature) so the receiver can
                  verify it came from Sunwai; X-Sunwai-Idempotency-Key
      sms         POST JSON {to, text, sender, idempotency_key} to the
                  configured gateway with a bearer token
      email       SMTP (libcurl), Message-ID derived from the idempotency
                  key so receivers can discard a repeat
      api_status  nothing to send: the bridge that brought the complaint
                  reads its status from the API
    X requests are signed with OAuth 1.0a user context (sw_oauth1) or carry
    an OAuth 2.0 user access token, as configured.

    One nt_send_t per thread: it keeps its curl handles (and so its
    keep-alive connections). */
#ifndef NT_SEND_H
#define NT_SEND_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct {
    const char *x_api_base;            //  e.g. https://api.x.com
    const char *x_auth;                //  "oauth1" or "oauth2"
    const char *x_consumer_key;
    const char *x_consumer_secret;
    const char *x_access_token;
    const char *x_access_token_secret;
    const char *x_user_token;          //  OAuth 2.0 user access token
    const char *x_user_id;             //  the account's own id ("" = from the token)
    int x_max_length;                  //  weighted length limit of a post
    const char *webhook_secret;        //  HMAC key for webhook bodies
    const char *sms_url;
    const char *sms_token;
    const char *sms_sender;
    const char *smtp_url;              //  smtp://host:port or smtps://host:port
    const char *smtp_from;
    const char *smtp_username;
    const char *smtp_password;
    const char *smtp_tls;              //  none, try, required
    long timeout_ms;                   //  per request
} nt_send_config_t;

typedef struct {
    int64_t id;
    int64_t complaint_id;
    const char *docket;
    const char *kind;
    const char *channel;
    const char *recipient;
    const char *in_reply_to;
    const char *language;
    const char *body;
    const char *key;                   //  idempotency key
    int attempt;
    double doubt_since;                //  in doubt: when the unrecorded attempt
                                       //  started (wall-clock seconds), else 0
} nt_job_t;

typedef enum {
    NT_SENT,       //  delivered; external_id may be set
    NT_RETRY,      //  5xx, timeout, connection refused: try again later
    NT_REJECTED,   //  4xx and the like: will never succeed as it is
    NT_LIMITED     //  429: try again at reset_at, not a failure
} nt_outcome_t;

typedef struct {
    nt_outcome_t outcome;
    long status;              //  HTTP status or SMTP reply code, 0 if none
    char error[256];          //  what went wrong, "" when sent
    char external_id[64];     //  e.g. the reply's tweet id
    double reset_at;          //  wall-clock seconds: channel paused until
                              //  then (LIMITED, or remaining hit 0); 0 if not
} nt_result_t;

typedef struct _nt_send_t nt_send_t;

nt_send_t *nt_send_new (const nt_send_config_t *config);
void nt_send_destroy (nt_send_t **self_p);

//  Send job; fills result.
void nt_send (nt_send_t *self, const nt_job_t *job, nt_result_t *result);

//  A job whose previous attempt may have been sent (its sender died before
//  recording the outcome): 1 if the message is found on the remote side
//  (result says SENT with its id), 0 if it is certainly not there or the
//  channel cannot be asked (the caller sends, with the same idempotency
//  key), -1 if asking failed (result says why; try later).  X is asked for
//  every post (or DM) made since job->doubt_since less two minutes, page by
//  page, so a busy account's later posts cannot hide the one looked for.
int nt_send_find (nt_send_t *self, const nt_job_t *job, nt_result_t *result);

//  A new batch begins: forget the posts fetched for the last one.
void nt_send_batch (nt_send_t *self);

//  The text that goes out for job on its channel (masked and fitted for
//  public posts). Caller frees; NULL if it cannot fit.
char *nt_send_text (const nt_send_t *self, const nt_job_t *job);

//  Is this a channel nt_send knows?
bool nt_send_channel_known (const char *channel);

#endif
