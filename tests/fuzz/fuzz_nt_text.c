/*  fuzz_nt_text: what a post on X may hold (services/notifier/nt_text.c):
    the weighted length (URLs count 23, wide code points 2), fitting a
    reply into a bound (cut before the last URL at a grapheme boundary,
    "…" added) and matching a post read back from X.

    Byte 0 is the bound for nt_text_x_fit (0 means 280); the rest is the
    text, split at the first 0xFF byte into two posts for nt_text_same_post.
    For valid UTF-8 (what the notifier renders), what nt_text_x_fit returns
    must weigh at most the bound. */
#include "fuzz.h"
#include "nt_text.h"
#include "sw_text.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    size_t max = data[0] ? data[0] : NT_TEXT_X_MAX;
    char *text = fuzz_cstring (data + 1, size - 1);
    if (!text)
        return 0;
    (void) nt_text_x_length (text);
    char *fit = nt_text_x_fit (text, max);
    if (fit && sw_text_valid_utf8 (text, strlen (text))) {
        size_t weight = nt_text_x_length (fit);
        if (weight > max)
            fprintf (stderr, "nt_text_x_fit gave weight %zu for bound %zu\n", weight, max);
        FUZZ_CHECK (weight <= max);
    }
    free (fit);
    char *split = strchr (text, '\xFF');
    if (split) {
        *split = '\0';
        (void) nt_text_same_post (text, split + 1);
    }
    FUZZ_CHECK (nt_text_same_post (text, text));
    free (text);
    return 0;
}
