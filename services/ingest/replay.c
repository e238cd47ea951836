/*  replay: sunwai-ingest --replay FILE.jsonl

    Loads an archive of tweets for a migration or a backfill: one JSON
    object per line, either a v1.1 Tweet object or a v2 {"data", "includes"}
    object.  Each line goes through the same parser and the same store as
    live traffic, so a tweet already stored is a duplicate and a reply in a
    known thread a follow-up.  Up to a window of messages is in flight at
    once, so replay runs at the store's batch rate.  A progress line is
    logged every 1,000 lines; the final counts go to the log and to stdout:
        replay: 1200 lines, 1100 new, 60 duplicate, 20 follow-up, 15 ignored, 5 rejected
    A line that cannot be parsed is "rejected" (logged with its line number)
    and does not stop the replay.  A message the store could not take
    (database down) is retried until it is stored, so a replay never
    silently loses a line. */
#include "ingest.h"
#include "sw_log.h"
#include "x_parse.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define S_WINDOW 256

struct _ingest_replay_t {
    ingest_t *ingest;        //  the service
    char *path;              //  the archive
    pthread_t thread;        //  the reader
    atomic_bool stop;        //  destroy was called
    atomic_bool done;        //  finished
    int exit_code;           //  0 read to the end, 1 could not read the file
    long lines;              //  lines read
    long counts[INTAKE_ERROR + 1];  //  outcomes
    long rejected;           //  lines that could not be parsed
    long ignored;            //  well-formed lines that are not complaints
};

typedef struct {
    intake_ticket_t *ticket;  //  in flight
    intake_msg_t *copy;       //  kept to resubmit if the store was unavailable
    long line;                //  line number, for the log
} s_slot_t;

static intake_msg_t *
s_copy (const intake_msg_t *m)
{
    intake_msg_t *c = intake_msg_new (m->kind);
#define S_DUP(f) c->f = m->f ? strdup (m->f) : NULL;
    S_DUP (channel) S_DUP (source) S_DUP (source_id) S_DUP (conversation_id)
    S_DUP (in_reply_to_id) S_DUP (author_id) S_DUP (author_handle) S_DUP (author_name)
    S_DUP (author_location) S_DUP (text) S_DUP (lang) S_DUP (match_tag) S_DUP (cursor)
#undef S_DUP
    c->created_at_ms = m->created_at_ms;
    c->geo = m->geo ? json_deep_copy (m->geo) : NULL;
    c->media = m->media ? json_deep_copy (m->media) : NULL;
    c->raw = m->raw ? json_incref (m->raw) : NULL;
    return c;
}

//  Wait for a slot's outcome; resubmit while the store is unavailable.
static void
s_settle (ingest_replay_t *self, s_slot_t *slot)
{
    ingest_t *ingest = self->ingest;
    while (slot->ticket) {
        intake_result_t result =
            intake_ticket_wait (&slot->ticket, ingest->timeout_ms, NULL, 0);
        if (result == INTAKE_UNAVAILABLE && !atomic_load (&self->stop)) {
            sleep (1);
            intake_store_t *store = ingest_store (ingest);
            slot->ticket = intake_store_submit (store, s_copy (slot->copy), NULL);
            continue;
        }
        if (result == INTAKE_ERROR) {
            char line[24];
            snprintf (line, sizeof line, "%ld", slot->line);
            sw_log_kv (SW_LOG_WARN, "replay line not stored", "line", line, NULL);
        }
        self->counts[result]++;
    }
    intake_msg_destroy (&slot->copy);
}

static void *
s_run (void *arg)
{
    ingest_replay_t *self = (ingest_replay_t *) arg;
    FILE *file = fopen (self->path, "rb");
    if (!file) {
        sw_log_kv (SW_LOG_ERROR, "could not open replay file", "path", self->path, "error",
                   strerror (errno), NULL);
        self->exit_code = 1;
        atomic_store (&self->done, true);
        return NULL;
    }
    sw_log_kv (SW_LOG_INFO, "replay started", "path", self->path, NULL);
    const char *self_user = self->ingest->x.user_id;
    s_slot_t window[S_WINDOW] = { 0 };
    long next = 0;
    char *buf = NULL;
    size_t cap = 0;
    ssize_t len;
    while (!atomic_load (&self->stop) && (len = getline (&buf, &cap, file)) >= 0) {
        self->lines++;
        while (len > 0 && (buf[len - 1] == '\n' || buf[len - 1] == '\r'))
            buf[--len] = '\0';
        if (len == 0)
            continue;
        json_error_t jerr;
        json_t *obj = json_loadb (buf, (size_t) len, 0, &jerr);
        x_batch_t batch;
        x_batch_init (&batch);
        char err[256] = "";
        if (!obj)
            snprintf (err, sizeof err, "not valid JSON: %s", jerr.text);
        else if (x_parse_archive_line (obj, *self_user ? self_user : NULL, &batch, err,
                                       sizeof err) != 0 && !err[0])
            snprintf (err, sizeof err, "not a tweet");
        json_decref (obj);
        if (err[0]) {
            char line[24];
            snprintf (line, sizeof line, "%ld", self->lines);
            sw_log_kv (SW_LOG_WARN, "replay line rejected", "line", line, "reason", err, NULL);
            self->rejected++;
            x_batch_clear (&batch);
            continue;
        }
        self->ignored += (long) batch.ignored;
        for (size_t i = 0; i < batch.count; i++) {
            intake_msg_t *msg = x_batch_take (&batch, i);
            if (!msg)
                continue;
            s_slot_t *slot = &window[next % S_WINDOW];
            s_settle (self, slot);
            slot->copy = s_copy (msg);
            slot->line = self->lines;
            slot->ticket = intake_store_submit (ingest_store (self->ingest), msg, NULL);
            next++;
        }
        x_batch_clear (&batch);
        if (self->lines % 1000 == 0) {
            char lines[24], stored[24];
            snprintf (lines, sizeof lines, "%ld", self->lines);
            snprintf (stored, sizeof stored, "%ld", self->counts[INTAKE_NEW]);
            sw_log_kv (SW_LOG_INFO, "replay progress", "lines", lines, "new", stored, NULL);
        }
    }
    free (buf);
    fclose (file);
    for (int i = 0; i < S_WINDOW; i++)
        s_settle (self, &window[i]);
    char summary[256];
    snprintf (summary, sizeof summary,
              "replay: %ld lines, %ld new, %ld duplicate, %ld follow-up, %ld ignored, "
              "%ld rejected",
              self->lines, self->counts[INTAKE_NEW], self->counts[INTAKE_DUPLICATE],
              self->counts[INTAKE_FOLLOW_UP] + self->counts[INTAKE_REOPENED],
              self->ignored + self->counts[INTAKE_IGNORED] + self->counts[INTAKE_DELETED],
              self->rejected + self->counts[INTAKE_ERROR]);
    printf ("%s\n", summary);
    fflush (stdout);
    sw_log (SW_LOG_INFO, "%s", summary);
    self->exit_code = atomic_load (&self->stop) ? 1 : 0;
    atomic_store (&self->done, true);
    return NULL;
}

ingest_replay_t *
ingest_replay_new (ingest_t *ingest, const char *path)
{
    ingest_replay_t *self = calloc (1, sizeof *self);
    self->ingest = ingest;
    self->path = strdup (path);
    atomic_init (&self->stop, false);
    atomic_init (&self->done, false);
    if (pthread_create (&self->thread, NULL, s_run, self) != 0) {
        free (self->path);
        free (self);
        return NULL;
    }
    return self;
}

bool
ingest_replay_done (ingest_replay_t *self, int *exit_code)
{
    if (!atomic_load (&self->done))
        return false;
    *exit_code = self->exit_code;
    return true;
}

void
ingest_replay_destroy (ingest_replay_t **self_p)
{
    if (!self_p || !*self_p)
        return;
    ingest_replay_t *self = *self_p;
    atomic_store (&self->stop, true);
    pthread_join (self->thread, NULL);
    free (self->path);
    free (self);
    *self_p = NULL;
}
