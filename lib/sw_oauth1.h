/*  sw_oauth1: OAuth 1.0a request signing (RFC 5849, HMAC-SHA1), as X's
    user-context authentication needs it to post replies to citizens.

    sw_oauth1_authorization builds the complete Authorization header value
    for one request: it collects the oauth_* protocol parameters, the query
    parameters of the URL and the form-body parameters the caller gives,
    makes the signature base string, signs it with HMAC-SHA1 keyed by the
    consumer secret and the token secret, and renders the header.  JSON
    bodies are never signed: X's v2 JSON POSTs sign only the oauth_* and
    query parameters.  The pieces are exposed so the tests can check each
    one against the RFC's and X's worked examples. */
#ifndef SW_OAUTH1_H
#define SW_OAUTH1_H

typedef struct {
    const char *consumer_key;
    const char *consumer_secret;
    const char *token;           //  NULL for a request without a token
    const char *token_secret;    //  NULL means ""
} sw_oauth1_credentials_t;

//  params: the request's query and form-body parameters as NULL-terminated
//  name,value pairs (already decoded), or NULL; the query of url is also
//  signed, so a parameter must not be given both ways.  JSON bodies are not
//  signed.  nonce and timestamp: given by the caller (tests) or NULL and 0
//  to generate them (32 random hex characters; the current time).
//  Returns the complete Authorization header value
//  "OAuth oauth_consumer_key=\"...\", oauth_nonce=\"...\", ...,
//  oauth_version=\"1.0\"" (caller frees), or NULL on bad input.
char *sw_oauth1_authorization (const sw_oauth1_credentials_t *cred, const char *method,
                               const char *url, const char *const *params,
                               const char *nonce, long timestamp);

//  RFC 3986 percent-encoding: everything but ALPHA DIGIT - . _ ~ becomes
//  %XX (uppercase hex, one per UTF-8 byte). Caller frees; NULL if s is NULL.
char *sw_oauth1_percent_encode (const char *s);

//  The signature base string (RFC 5849 section 3.4.1): the uppercased
//  method, the normalised URL (lowercase scheme and host, no default port,
//  no query or fragment) and the normalised parameters (the decoded query
//  of url plus params_incl_oauth, NULL-terminated name,value pairs that
//  include the oauth_* ones; sorted by encoded name then encoded value;
//  oauth_signature is left out).  Caller frees; NULL on bad input.
char *sw_oauth1_base_string (const char *method, const char *url,
                             const char *const *params_incl_oauth);

//  Base64 HMAC-SHA1 of base_string keyed by enc(consumer_secret) "&"
//  enc(token_secret) (NULL token_secret means "").  Caller frees; NULL on
//  bad input.
char *sw_oauth1_signature (const char *base_string, const char *consumer_secret,
                           const char *token_secret);

#endif
