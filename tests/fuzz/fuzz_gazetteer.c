/*  fuzz_gazetteer: the place matcher (cls_gazetteer_match: the
    Aho-Corasick automaton over romanised keys, longest match, station over
    tehsil over district, ambiguity, places outside the jurisdiction) and
    the district lookup by code or name (cls_gazetteer_district), with the
    UP gazetteer (deploy/up/gazetteer.yaml, the largest) loaded once in
    LLVMFuzzerInitialize.  The input is complaint text, any bytes. */
#include "cls_gazetteer.h"
#include "fuzz.h"

static cls_gazetteer_t *s_gazetteer;

static void
s_unload (void)
{
    cls_gazetteer_destroy (&s_gazetteer);
}

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
    char path[1024], err[256] = "";
    fuzz_source_path ("deploy/up/gazetteer.yaml", path, sizeof path);
    s_gazetteer = cls_gazetteer_load (path, err, sizeof err);
    if (!s_gazetteer) {
        fprintf (stderr, "fuzz_gazetteer: %s\n", err);
        abort ();
    }
    atexit (s_unload);
    return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
    char *text = fuzz_cstring (data, size);
    if (!text)
        return 0;
    cls_tokens_t tokens;
    cls_tokens_init (&tokens);
    if (cls_text_tokens (text, &tokens) == 0) {
        cls_place_t place;
        memset (&place, 0, sizeof place);
        if (cls_gazetteer_match (s_gazetteer, &tokens, &place)) {
            FUZZ_CHECK (place.kind != CLS_PLACE_NONE);
            FUZZ_CHECK (place.token_start < place.token_end && place.token_end <= tokens.count);
            FUZZ_CHECK (place.confidence >= 0.0f && place.confidence <= 1.0f);
            if (place.kind == CLS_PLACE_OUTSIDE)
                FUZZ_CHECK (place.outside_name);
            else
                FUZZ_CHECK (place.candidates > 1 || place.district_code);
        }
    }
    cls_tokens_clear (&tokens);
    cls_place_t place;
    if (size < 512 && cls_gazetteer_district (s_gazetteer, text, &place))
        FUZZ_CHECK (place.district_code && place.district_name);
    free (text);
    return 0;
}
