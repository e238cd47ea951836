/*  sessions: the officer console's sign-in sessions, in memory.

    Signing in with an officer token creates a session: a random id (32
    bytes from libsodium, sent to the browser as the cookie) and a random
    CSRF token (32 bytes, which the page sends back with every POST).  The
    table is keyed by a hash of the id, so neither a memory dump nor the
    hash table's timing gives a usable cookie away, and the id itself is
    never stored.  The session keeps the officer's token because router
    checks it on every case command; the token never leaves this process
    and is wiped when the session ends.

    A session ends when it has not been used for idle_ms, when it is older
    than max_age_ms, on sign-out, and when the process stops (sessions are
    not persisted: after a restart officers sign in again).  At most max
    sessions exist; when full, the least recently used one is dropped.

    Every call takes the table's mutex: HTTP handlers run on many threads. */
#include "analytics.h"

#include <pthread.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

struct _analytics_sessions_t {
    pthread_mutex_t lock; //  guards table
    zhashx_t *table;      //  id hash (hex) -> analytics_session_t *
    size_t max;           //  sessions kept at most
    int64_t idle_ms;      //  end a session unused for this long
    int64_t max_age_ms;   //  end a session this old
};

static void
s_session_free (void **item_p)
{
    if (item_p && *item_p) {
        sodium_memzero (*item_p, sizeof (analytics_session_t));
        free (*item_p);
        *item_p = NULL;
    }
}

//  hex of BLAKE2b-256 of the id into out[65].
static void
s_id_hash (const char *id, char *out)
{
    unsigned char hash[32];
    crypto_generichash (hash, sizeof hash, (const unsigned char *)id, strlen (id), NULL, 0);
    sodium_bin2hex (out, 65, hash, sizeof hash);
}

static bool
s_valid_id (const char *id)
{
    if (!id || strlen (id) != 64)
        return false;
    for (const char *p = id; *p; p++)
        if (!((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'f')))
            return false;
    return true;
}

static bool
s_expired (analytics_sessions_t *self, const analytics_session_t *session, int64_t now)
{
    return now - session->seen_ms > self->idle_ms || now - session->created_ms > self->max_age_ms;
}

//  Drop expired sessions; if still full, the least recently used. Locked.
static void
s_sweep (analytics_sessions_t *self, int64_t now)
{
    zlistx_t *doomed = zlistx_new ();
    const char *oldest = NULL;
    int64_t oldest_seen = INT64_MAX;
    for (analytics_session_t *session = zhashx_first (self->table); session;
         session = zhashx_next (self->table)) {
        if (s_expired (self, session, now))
            zlistx_add_end (doomed, (void *)zhashx_cursor (self->table));
        else if (session->seen_ms < oldest_seen) {
            oldest_seen = session->seen_ms;
            oldest = zhashx_cursor (self->table);
        }
    }
    size_t expired = zlistx_size (doomed);
    if (zhashx_size (self->table) - expired >= self->max && oldest)
        zlistx_add_end (doomed, (void *)oldest);
    //  Keys are the table's own copies: copy each before deleting it.
    for (const char *key = zlistx_first (doomed); key; key = zlistx_next (doomed)) {
        char copy[65];
        snprintf (copy, sizeof copy, "%s", key);
        zhashx_delete (self->table, copy);
    }
    zlistx_destroy (&doomed);
}

analytics_sessions_t *
analytics_sessions_new (size_t max, int64_t idle_ms, int64_t max_age_ms)
{
    if (sodium_init () < 0)
        return NULL;
    analytics_sessions_t *self = calloc (1, sizeof *self);
    if (!self)
        return NULL;
    self->table = zhashx_new ();
    if (!self->table) {
        free (self);
        return NULL;
    }
    zhashx_set_destructor (self->table, s_session_free);
    pthread_mutex_init (&self->lock, NULL);
    self->max = max ? max : 1;
    self->idle_ms = idle_ms;
    self->max_age_ms = max_age_ms;
    return self;
}

void
analytics_sessions_destroy (analytics_sessions_t **self_p)
{
    if (!self_p || !*self_p)
        return;
    analytics_sessions_t *self = *self_p;
    zhashx_destroy (&self->table);
    pthread_mutex_destroy (&self->lock);
    free (self);
    *self_p = NULL;
}

int
analytics_sessions_create (analytics_sessions_t *self, const char *token, const char *login,
                           char *id, analytics_session_t *copy)
{
    if (!token || strlen (token) >= sizeof copy->token)
        return -1;
    analytics_session_t *session = calloc (1, sizeof *session);
    if (!session)
        return -1;
    unsigned char raw[32];
    randombytes_buf (raw, sizeof raw);
    sodium_bin2hex (id, 65, raw, sizeof raw);
    randombytes_buf (raw, sizeof raw);
    sodium_bin2hex (session->csrf, sizeof session->csrf, raw, sizeof raw);
    sodium_memzero (raw, sizeof raw);
    s_id_hash (id, session->id_hash);
    snprintf (session->token, sizeof session->token, "%s", token);
    snprintf (session->login, sizeof session->login, "%s", login ? login : "");
    session->created_ms = session->seen_ms = zclock_time ();
    *copy = *session;
    pthread_mutex_lock (&self->lock);
    s_sweep (self, session->created_ms);
    int rc = zhashx_insert (self->table, session->id_hash, session);
    pthread_mutex_unlock (&self->lock);
    if (rc != 0) {
        //  32 random bytes colliding: not in this universe, but be tidy.
        void *item = session;
        s_session_free (&item);
        return -1;
    }
    return 0;
}

int
analytics_sessions_lookup (analytics_sessions_t *self, const char *id, analytics_session_t *copy)
{
    if (!s_valid_id (id))
        return -1;
    char key[65];
    s_id_hash (id, key);
    int64_t now = zclock_time ();
    int rc = -1;
    pthread_mutex_lock (&self->lock);
    analytics_session_t *session = zhashx_lookup (self->table, key);
    if (session && s_expired (self, session, now))
        zhashx_delete (self->table, key);
    else if (session) {
        session->seen_ms = now;
        *copy = *session;
        rc = 0;
    }
    pthread_mutex_unlock (&self->lock);
    return rc;
}

void
analytics_sessions_remove (analytics_sessions_t *self, const char *id)
{
    if (!s_valid_id (id))
        return;
    char key[65];
    s_id_hash (id, key);
    pthread_mutex_lock (&self->lock);
    zhashx_delete (self->table, key);
    pthread_mutex_unlock (&self->lock);
}

size_t
analytics_sessions_size (analytics_sessions_t *self)
{
    pthread_mutex_lock (&self->lock);
    size_t size = zhashx_size (self->table);
    pthread_mutex_unlock (&self->lock);
    return size;
}

bool
analytics_sessions_csrf_ok (const analytics_session_t *session, const char *presented)
{
    size_t len = strlen (session->csrf);
    if (!presented || len != 64 || strlen (presented) != len)
        return false;
    return sodium_memcmp (session->csrf, presented, len) == 0;
}

void
analytics_sessions_test (bool verbose)
{
    printf (" * analytics_sessions: ");
    analytics_sessions_t *self = analytics_sessions_new (2, 60000, 3600000);
    assert (self);
    char id1[65], id2[65], id3[65];
    analytics_session_t s1, s2, s3, found;
    assert (analytics_sessions_create (self, "token-1", "one", id1, &s1) == 0);
    assert (strlen (id1) == 64 && strlen (s1.csrf) == 64);
    assert (!streq (id1, s1.csrf));
    assert (analytics_sessions_lookup (self, id1, &found) == 0);
    assert (streq (found.token, "token-1") && streq (found.csrf, s1.csrf));
    assert (analytics_sessions_csrf_ok (&found, s1.csrf));
    assert (!analytics_sessions_csrf_ok (&found, ""));
    assert (!analytics_sessions_csrf_ok (&found, NULL));
    char wrong[65];
    snprintf (wrong, sizeof wrong, "%s", s1.csrf);
    wrong[10] = wrong[10] == 'a' ? 'b' : 'a';
    assert (!analytics_sessions_csrf_ok (&found, wrong));
    //  Unknown and malformed ids
    assert (analytics_sessions_lookup (self, "nope", &found) == -1);
    assert (analytics_sessions_lookup (self, s1.csrf, &found) == -1);
    //  Full: the least recently used goes
    zclock_sleep (2);
    assert (analytics_sessions_create (self, "token-2", "two", id2, &s2) == 0);
    zclock_sleep (2);
    assert (analytics_sessions_lookup (self, id1, &found) == 0);
    zclock_sleep (2);
    assert (analytics_sessions_create (self, "token-3", "three", id3, &s3) == 0);
    assert (analytics_sessions_size (self) == 2);
    assert (analytics_sessions_lookup (self, id2, &found) == -1);
    assert (analytics_sessions_lookup (self, id1, &found) == 0);
    analytics_sessions_remove (self, id1);
    assert (analytics_sessions_lookup (self, id1, &found) == -1);
    analytics_sessions_destroy (&self);
    analytics_sessions_destroy (&self);
    //  Idle expiry
    self = analytics_sessions_new (10, 1, 3600000);
    assert (analytics_sessions_create (self, "t", "x", id1, &s1) == 0);
    zclock_sleep (10);
    assert (analytics_sessions_lookup (self, id1, &found) == -1);
    analytics_sessions_destroy (&self);
    printf ("OK\n");
}
