/*  fuzz_api_body: the generic intake, POST /v1/complaints and POST
    /v1/capture, from the body on: json_loadb with JSON_REJECT_DUPLICATES,
    "must be an object", then ingest_api_parse_complaint (every field's
    type and bound, unknown fields, text cleaning, geo, media, RFC 3339
    times) and, for capture, x_tweet_id_from_url on "url" or "tweet_id". */
#include "fuzz.h"
#include "ingest.h"
#include "sw_text.h"
#include "x_parse.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
    json_error_t jerr;
    json_t *body = json_loadb ((const char *) data, size, JSON_REJECT_DUPLICATES, &jerr);
    if (!body)
        return 0;
    if (!json_is_object (body)) {
        json_decref (body);
        return 0;
    }
    char err[256];
    //  The default text.max_chars, and a small bound so truncation runs too.
    size_t bounds[] = { INTAKE_MAX_TEXT, 16 };
    for (size_t b = 0; b < 2; b++) {
        intake_msg_t *msg = ingest_api_parse_complaint (body, bounds[b], err, sizeof err);
        if (msg) {
            FUZZ_CHECK (msg->kind == INTAKE_API && msg->channel && msg->source_id && msg->text);
            FUZZ_CHECK (sw_text_valid_utf8 (msg->text, strlen (msg->text)));
            FUZZ_CHECK (sw_text_codepoints (msg->text) <= bounds[b]);
            intake_msg_destroy (&msg);
            FUZZ_CHECK (msg == NULL);
        }
        else
            FUZZ_CHECK (err[0] != '\0');
    }
    const char *given = json_string_value (json_object_get (body, "url"));
    if (!given)
        given = json_string_value (json_object_get (body, "tweet_id"));
    char id[24];
    if (given && x_tweet_id_from_url (given, id, sizeof id) == 0)
        FUZZ_CHECK (strlen (id) > 0 && strlen (id) < sizeof id);
    json_decref (body);
    return 0;
}
