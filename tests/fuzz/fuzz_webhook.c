/*  fuzz_webhook: the body of a signed POST /webhooks/x, as webhook.c's
    s_post handles it once the signature has matched: json_loadb with
    JSON_REJECT_DUPLICATES, then x_parse_webhook (Account Activity
    tweet_create_events, direct_message_events, tweet_delete_events, the
    other event kinds it ignores, and filtered-stream posts delivered by
    webhook).  Every message in the batch must be a complete intake message. */
#include "fuzz.h"
#include "x_parse.h"

static void
s_check (const intake_msg_t *msg)
{
    FUZZ_CHECK (msg->channel && msg->source && msg->source_id);
    if (msg->kind != INTAKE_DELETE)
        FUZZ_CHECK (msg->text);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
    json_error_t jerr;
    json_t *body = json_loadb ((const char *) data, size, JSON_REJECT_DUPLICATES, &jerr);
    if (!body)
        return 0;
    x_batch_t batch;
    x_batch_init (&batch);
    char err[256];
    if (x_parse_webhook (body, &batch, err, sizeof err) == 0) {
        for (size_t i = 0; i < batch.count; i++)
            if (batch.msgs[i])
                s_check (batch.msgs[i]);
    }
    else
        FUZZ_CHECK (err[0] != '\0');
    json_decref (body);
    x_batch_clear (&batch);
    return 0;
}
