/*  fuzz_x_tweet: the tweet and DM normaliser of x_parse.c on every path
    that reads X's JSON: a v1.1 Tweet object (x_parse_tweet_v1, as in
    archives and tweet_create_events), a v2 response page or stream line
    (x_parse_v2_response), each v2 "data" item alone with the page's
    includes (x_parse_tweet_v2, as xclient.c retries a page one tweet at a
    time), a replay archive line (x_parse_archive_line), and a tweet URL
    (x_tweet_id_from_url).  The input is one JSON document, or, if it is
    not, JSON lines (stream and archive files), each parsed on its own. */
#include "fuzz.h"
#include "x_parse.h"

#define S_SELF "1500000000000000000"   //  the police account, so "own post" paths run

static void
s_check_batch (x_batch_t *batch)
{
    for (size_t i = 0; i < batch->count; i++) {
        intake_msg_t *msg = batch->msgs[i];
        if (!msg)
            continue;
        FUZZ_CHECK (msg->channel && msg->source && msg->source_id);
        if (msg->kind != INTAKE_DELETE)
            FUZZ_CHECK (msg->text);
    }
    x_batch_clear (batch);
    x_batch_init (batch);
}

static void
s_document (json_t *doc)
{
    x_batch_t batch;
    x_batch_init (&batch);
    char err[256];
    x_parse_tweet_v1 (doc, "x_webhook", S_SELF, &batch, err, sizeof err);
    s_check_batch (&batch);
    x_parse_tweet_v1 (doc, "replay", NULL, &batch, err, sizeof err);
    s_check_batch (&batch);
    x_parse_v2_response (doc, "x_stream", S_SELF, &batch, err, sizeof err);
    s_check_batch (&batch);
    x_parse_archive_line (doc, NULL, &batch, err, sizeof err);
    s_check_batch (&batch);
    json_t *data = json_object_get (doc, "data");
    json_t *includes = json_object_get (doc, "includes");
    if (!json_is_object (includes))
        includes = NULL;
    if (json_is_object (data)) {
        x_parse_tweet_v2 (data, includes, "x_mentions", S_SELF, &batch, err, sizeof err);
        s_check_batch (&batch);
    }
    else if (json_is_array (data)) {
        size_t index;
        json_t *tweet;
        json_array_foreach (data, index, tweet) {
            x_parse_tweet_v2 (tweet, includes, "x_mentions", S_SELF, &batch, err, sizeof err);
            s_check_batch (&batch);
        }
    }
    x_batch_clear (&batch);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
    char *text = fuzz_cstring (data, size);
    if (!text)
        return 0;
    char id[24];
    if (size < 4096 && x_tweet_id_from_url (text, id, sizeof id) == 0)
        FUZZ_CHECK (id[0] >= '0' && id[0] <= '9' && strlen (id) < sizeof id);
    json_error_t jerr;
    json_t *doc = json_loadb (text, size, JSON_REJECT_DUPLICATES, &jerr);
    if (doc) {
        s_document (doc);
        json_decref (doc);
    }
    else {
        char *line = text;
        while (line) {
            char *next = strchr (line, '\n');
            if (next)
                *next++ = '\0';
            doc = json_loads (line, JSON_REJECT_DUPLICATES, &jerr);
            if (doc) {
                s_document (doc);
                json_decref (doc);
            }
            line = next;
        }
    }
    free (text);
    return 0;
}
