/*  fuzz_text: the two text normalisers.  lib/sw_text.c (UTF-8 validation,
    HTML character references, NFC, control characters, truncation on a
    code point boundary) and services/classifier/cls_text.c (tokens: URLs,
    mentions, hashtags, numbers, phone numbers, Devanagari folding and the
    romanised key of every token).

    Byte 0 is the code point bound for sw_text_clean (0 means the intake
    default); the rest is the text, any bytes.  What sw_text_clean returns
    must be valid UTF-8 within the bound, and cleaning it again must change
    nothing. */
#include "cls_text.h"
#include "fuzz.h"
#include "intake.h"
#include "sw_text.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    size_t max = data[0] ? data[0] : INTAKE_MAX_TEXT;
    char *text = fuzz_cstring (data + 1, size - 1);
    if (!text)
        return 0;
    size_t len = strlen (text);
    bool valid = sw_text_valid_utf8 (text, len);
    if (valid)
        (void) sw_text_codepoints (text);

    bool truncated = false;
    char err[128] = "";
    char *clean = sw_text_clean (text, max, &truncated, err, sizeof err);
    if (clean) {
        FUZZ_CHECK (sw_text_valid_utf8 (clean, strlen (clean)));
        FUZZ_CHECK (sw_text_codepoints (clean) <= max);
        char *again = sw_text_clean (clean, max, NULL, err, sizeof err);
        FUZZ_CHECK (again);
        free (again);
        free (clean);
    }
    else
        FUZZ_CHECK (err[0] != '\0');
    char *unescaped = sw_text_html_unescape (text);
    free (unescaped);

    cls_tokens_t tokens;
    cls_tokens_init (&tokens);
    if (cls_text_tokens (text, &tokens) == 0) {
        for (size_t i = 0; i < tokens.count; i++) {
            FUZZ_CHECK (tokens.tokens[i] && tokens.keys[i]);
            char *key = cls_text_romanize (tokens.tokens[i]);
            free (key);
        }
    }
    cls_tokens_clear (&tokens);
    char *key = cls_text_romanize (text);
    free (key);
    free (text);
    return 0;
}
