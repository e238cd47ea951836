/*  sw_oauth1: OAuth 1.0a request signing (RFC 5849, HMAC-SHA1).

    Strings are built with a small growable buffer (s_buf_t) that latches
    the first allocation failure, so each builder checks once at the end.

    The URL is split by hand into scheme, authority, path and query: the
    scheme and host are lowercased, a default port (80 for http, 443 for
    https) is dropped, an empty path becomes "/", and the query is decoded
    as application/x-www-form-urlencoded ("+" is a space, %XX a byte, a
    name without "=" has an empty value) and joins the parameters, as
    section 3.4.1.3.1 says.  Userinfo in the authority is kept as written;
    X's URLs never carry any.

    Parameters are encoded once, then sorted by encoded name and encoded
    value with strcmp (byte order, as section 3.4.1.3.2 requires).  The
    nonce, when the caller gives none, is 16 bytes from libsodium's
    randombytes_buf in lowercase hex. */
#include "sw_oauth1.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <sodium.h>

typedef struct {
    char *data;
    size_t len;
    size_t cap;
    bool failed;
} s_buf_t;

static void
s_buf_putn (s_buf_t *self, const char *s, size_t n)
{
    if (self->failed)
        return;
    if (self->len + n + 1 > self->cap) {
        size_t cap = self->cap ? self->cap : 64;
        while (self->len + n + 1 > cap)
            cap *= 2;
        char *data = realloc (self->data, cap);
        if (!data) {
            self->failed = true;
            return;
        }
        self->data = data;
        self->cap = cap;
    }
    memcpy (self->data + self->len, s, n);
    self->len += n;
    self->data [self->len] = 0;
}

static void
s_buf_puts (s_buf_t *self, const char *s)
{
    s_buf_putn (self, s, strlen (s));
}

//  Appends enc(s).
static void
s_buf_put_encoded (s_buf_t *self, const char *s, size_t n)
{
    static const char hex [] = "0123456789ABCDEF";
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char) s [i];
        if (isalnum (c) && c < 0x80)
            s_buf_putn (self, (const char *) &c, 1);
        else
        if (c == '-' || c == '.' || c == '_' || c == '~')
            s_buf_putn (self, (const char *) &c, 1);
        else {
            char esc [3] = { '%', hex [c >> 4], hex [c & 15] };
            s_buf_putn (self, esc, 3);
        }
    }
}

//  Returns the built string (caller frees), or NULL if anything failed.
static char *
s_buf_take (s_buf_t *self)
{
    if (self->failed || !self->data) {
        free (self->data);
        if (self->failed)
            return NULL;
        return strdup ("");
    }
    return self->data;
}

static void
s_buf_free (s_buf_t *self)
{
    free (self->data);
    self->data = NULL;
}

static int
s_hexval (char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

//  Decodes n bytes of form-urlencoded s; caller frees.  A "%" not followed
//  by two hex digits is kept as written.
static char *
s_form_decode (const char *s, size_t n)
{
    char *out = malloc (n + 1);
    if (!out)
        return NULL;
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        if (s [i] == '+')
            out [o++] = ' ';
        else
        if (s [i] == '%' && i + 2 < n
        &&  s_hexval (s [i + 1]) >= 0 && s_hexval (s [i + 2]) >= 0) {
            out [o++] = (char) (s_hexval (s [i + 1]) * 16 + s_hexval (s [i + 2]));
            i += 2;
        }
        else
            out [o++] = s [i];
    }
    out [o] = 0;
    return out;
}

char *
sw_oauth1_percent_encode (const char *s)
{
    if (!s)
        return NULL;
    s_buf_t buf = { 0 };
    s_buf_put_encoded (&buf, s, strlen (s));
    return s_buf_take (&buf);
}

//  One parameter, both halves already percent-encoded.
typedef struct {
    char *name;
    char *value;
} s_param_t;

typedef struct {
    s_param_t *items;
    size_t count;
    size_t cap;
} s_params_t;

static void
s_params_free (s_params_t *self)
{
    for (size_t i = 0; i < self->count; i++) {
        free (self->items [i].name);
        free (self->items [i].value);
    }
    free (self->items);
    self->items = NULL;
    self->count = 0;
}

//  Adds name=value (decoded), encoding both; 0 or -1.
static int
s_params_add (s_params_t *self, const char *name, const char *value)
{
    if (self->count == self->cap) {
        size_t cap = self->cap ? self->cap * 2 : 16;
        s_param_t *items = realloc (self->items, cap * sizeof *items);
        if (!items)
            return -1;
        self->items = items;
        self->cap = cap;
    }
    char *ename = sw_oauth1_percent_encode (name);
    char *evalue = sw_oauth1_percent_encode (value);
    if (!ename || !evalue) {
        free (ename);
        free (evalue);
        return -1;
    }
    self->items [self->count].name = ename;
    self->items [self->count].value = evalue;
    self->count++;
    return 0;
}

static int
s_param_cmp (const void *a, const void *b)
{
    const s_param_t *pa = a, *pb = b;
    int rc = strcmp (pa->name, pb->name);
    return rc ? rc : strcmp (pa->value, pb->value);
}

//  Adds every parameter of a form-urlencoded query of n bytes; 0 or -1.
static int
s_params_add_query (s_params_t *self, const char *query, size_t n)
{
    size_t start = 0;
    while (start <= n) {
        size_t end = start;
        while (end < n && query [end] != '&')
            end++;
        if (end > start) {
            const char *pair = query + start;
            size_t len = end - start;
            const char *eq = memchr (pair, '=', len);
            size_t nlen = eq ? (size_t) (eq - pair) : len;
            char *name = s_form_decode (pair, nlen);
            char *value = eq ? s_form_decode (eq + 1, len - nlen - 1) : strdup ("");
            int rc = (name && value) ? s_params_add (self, name, value) : -1;
            free (name);
            free (value);
            if (rc)
                return -1;
        }
        start = end + 1;
    }
    return 0;
}

//  Appends the normalised base string URI of url to buf and returns the
//  query (pointer into url, length in *query_len); NULL if url is not
//  absolute.
static const char *
s_normalise_url (s_buf_t *buf, const char *url, size_t *query_len)
{
    const char *sep = strstr (url, "://");
    if (!sep || sep == url)
        return NULL;
    size_t scheme_len = (size_t) (sep - url);
    for (size_t i = 0; i < scheme_len; i++)
        if (!isalnum ((unsigned char) url [i]) && !strchr ("+-.", url [i]))
            return NULL;
    const char *authority = sep + 3;
    size_t auth_len = strcspn (authority, "/?#");
    if (auth_len == 0)
        return NULL;
    const char *path = authority + auth_len;
    size_t path_len = strcspn (path, "?#");
    const char *query = "";
    *query_len = 0;
    if (path [path_len] == '?') {
        query = path + path_len + 1;
        *query_len = strcspn (query, "#");
    }
    for (size_t i = 0; i < scheme_len; i++) {
        char c = (char) tolower ((unsigned char) url [i]);
        s_buf_putn (buf, &c, 1);
    }
    s_buf_puts (buf, "://");

    //  Host (with userinfo, if any) and port; the port follows the last
    //  ':' that is not inside an IPv6 literal's brackets.
    size_t host_len = auth_len;
    const char *colon = NULL;
    for (size_t i = auth_len; i > 0; i--) {
        char c = authority [i - 1];
        if (c == ']' || c == '@')
            break;
        if (c == ':') {
            colon = authority + i - 1;
            break;
        }
    }
    const char *port = NULL;
    size_t port_len = 0;
    if (colon) {
        host_len = (size_t) (colon - authority);
        port = colon + 1;
        port_len = auth_len - host_len - 1;
    }
    for (size_t i = 0; i < host_len; i++) {
        char c = (char) tolower ((unsigned char) authority [i]);
        s_buf_putn (buf, &c, 1);
    }
    if (port && port_len > 0) {
        bool http = scheme_len == 4 && strncasecmp (url, "http", 4) == 0;
        bool https = scheme_len == 5 && strncasecmp (url, "https", 5) == 0;
        bool is_default = (http && port_len == 2 && memcmp (port, "80", 2) == 0)
                       || (https && port_len == 3 && memcmp (port, "443", 3) == 0);
        if (!is_default) {
            s_buf_puts (buf, ":");
            s_buf_putn (buf, port, port_len);
        }
    }
    if (path_len == 0)
        s_buf_puts (buf, "/");
    else
        s_buf_putn (buf, path, path_len);
    return query;
}

char *
sw_oauth1_base_string (const char *method, const char *url,
                       const char *const *params_incl_oauth)
{
    if (!method || !*method || !url)
        return NULL;
    s_buf_t uri = { 0 };
    size_t query_len = 0;
    const char *query = s_normalise_url (&uri, url, &query_len);
    char *base_uri = query ? s_buf_take (&uri) : NULL;
    if (!base_uri) {
        if (!query)
            s_buf_free (&uri);
        return NULL;
    }
    s_params_t params = { 0 };
    int rc = s_params_add_query (&params, query, query_len);
    for (size_t i = 0; rc == 0 && params_incl_oauth && params_incl_oauth [i]; i += 2) {
        const char *name = params_incl_oauth [i];
        const char *value = params_incl_oauth [i + 1];
        if (!value) {
            rc = -1;
            break;
        }
        if (strcmp (name, "oauth_signature") == 0)
            continue;
        rc = s_params_add (&params, name, value);
    }
    char *result = NULL;
    if (rc == 0) {
        if (params.count > 1)
            qsort (params.items, params.count, sizeof *params.items, s_param_cmp);
        s_buf_t norm = { 0 };
        for (size_t i = 0; i < params.count; i++) {
            if (i > 0)
                s_buf_puts (&norm, "&");
            s_buf_puts (&norm, params.items [i].name);
            s_buf_puts (&norm, "=");
            s_buf_puts (&norm, params.items [i].value);
        }
        char *normalised = s_buf_take (&norm);
        if (normalised) {
            s_buf_t base = { 0 };
            for (const char *m = method; *m; m++) {
                char c = (char) toupper ((unsigned char) *m);
                s_buf_putn (&base, &c, 1);
            }
            s_buf_puts (&base, "&");
            s_buf_put_encoded (&base, base_uri, strlen (base_uri));
            s_buf_puts (&base, "&");
            s_buf_put_encoded (&base, normalised, strlen (normalised));
            result = s_buf_take (&base);
            free (normalised);
        }
    }
    s_params_free (&params);
    free (base_uri);
    return result;
}

char *
sw_oauth1_signature (const char *base_string, const char *consumer_secret,
                     const char *token_secret)
{
    if (!base_string || !consumer_secret)
        return NULL;
    s_buf_t key = { 0 };
    s_buf_put_encoded (&key, consumer_secret, strlen (consumer_secret));
    s_buf_puts (&key, "&");
    if (token_secret)
        s_buf_put_encoded (&key, token_secret, strlen (token_secret));
    char *k = s_buf_take (&key);
    if (!k)
        return NULL;
    unsigned char mac [EVP_MAX_MD_SIZE];
    unsigned int mac_len = 0;
    unsigned char *ok = HMAC (EVP_sha1 (), k, (int) strlen (k),
                              (const unsigned char *) base_string, strlen (base_string),
                              mac, &mac_len);
    sodium_memzero (k, strlen (k));
    free (k);
    if (!ok)
        return NULL;
    char *out = malloc (4 * ((mac_len + 2) / 3) + 1);
    if (!out)
        return NULL;
    EVP_EncodeBlock ((unsigned char *) out, mac, (int) mac_len);
    return out;
}

static void
s_buf_put_header_param (s_buf_t *buf, const char *name, const char *value, bool first)
{
    if (!first)
        s_buf_puts (buf, ", ");
    s_buf_puts (buf, name);
    s_buf_puts (buf, "=\"");
    s_buf_put_encoded (buf, value, strlen (value));
    s_buf_puts (buf, "\"");
}

char *
sw_oauth1_authorization (const sw_oauth1_credentials_t *cred, const char *method,
                         const char *url, const char *const *params,
                         const char *nonce, long timestamp)
{
    if (!cred || !cred->consumer_key || !cred->consumer_secret || !method || !url)
        return NULL;
    char nonce_buf [33];
    if (!nonce) {
        if (sodium_init () < 0)
            return NULL;
        unsigned char raw [16];
        randombytes_buf (raw, sizeof raw);
        sodium_bin2hex (nonce_buf, sizeof nonce_buf, raw, sizeof raw);
        nonce = nonce_buf;
    }
    if (timestamp <= 0)
        timestamp = (long) time (NULL);
    char ts [32];
    snprintf (ts, sizeof ts, "%ld", timestamp);

    //  The caller's parameters plus the oauth_* ones.
    size_t nparams = 0;
    while (params && params [nparams]) {
        if (!params [nparams + 1])
            return NULL;
        nparams += 2;
    }
    const char **all = calloc (nparams + 13, sizeof *all);
    if (!all)
        return NULL;
    size_t n = 0;
    for (size_t i = 0; i < nparams; i++)
        all [n++] = params [i];
    all [n++] = "oauth_consumer_key";       all [n++] = cred->consumer_key;
    all [n++] = "oauth_nonce";              all [n++] = nonce;
    all [n++] = "oauth_signature_method";   all [n++] = "HMAC-SHA1";
    all [n++] = "oauth_timestamp";          all [n++] = ts;
    if (cred->token) {
        all [n++] = "oauth_token";          all [n++] = cred->token;
    }
    all [n++] = "oauth_version";            all [n++] = "1.0";
    all [n] = NULL;

    char *base = sw_oauth1_base_string (method, url, all);
    free (all);
    char *signature = base
        ? sw_oauth1_signature (base, cred->consumer_secret, cred->token_secret)
        : NULL;
    free (base);
    if (!signature)
        return NULL;

    s_buf_t header = { 0 };
    s_buf_puts (&header, "OAuth ");
    s_buf_put_header_param (&header, "oauth_consumer_key", cred->consumer_key, true);
    s_buf_put_header_param (&header, "oauth_nonce", nonce, false);
    s_buf_put_header_param (&header, "oauth_signature", signature, false);
    s_buf_put_header_param (&header, "oauth_signature_method", "HMAC-SHA1", false);
    s_buf_put_header_param (&header, "oauth_timestamp", ts, false);
    if (cred->token)
        s_buf_put_header_param (&header, "oauth_token", cred->token, false);
    s_buf_put_header_param (&header, "oauth_version", "1.0", false);
    free (signature);
    return s_buf_take (&header);
}
