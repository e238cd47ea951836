/*  fuzz_pii: personal data detection and masking (lib/sw_pii.c: Indian
    mobile numbers, Aadhaar-like numbers with the Verhoeff check, vehicle
    registrations, e-mail addresses).  The spans must lie inside the text,
    in order and without overlap, and a caller with room for fewer gets
    the first of the same spans. */
#include "fuzz.h"
#include "sw_pii.h"

#define S_MAX 64

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
    char *text = fuzz_cstring (data, size);
    if (!text)
        return 0;
    size_t len = strlen (text);
    sw_pii_span_t spans[S_MAX];
    size_t n = sw_pii_find (text, spans, S_MAX);
    FUZZ_CHECK (n <= S_MAX);
    for (size_t i = 0; i < n; i++) {
        FUZZ_CHECK (spans[i].start < spans[i].end && spans[i].end <= len);
        if (i)
            FUZZ_CHECK (spans[i].start >= spans[i - 1].end);
        FUZZ_CHECK (sw_pii_kind_name (spans[i].kind));
    }
    //  A bounded caller gets a prefix of the same spans.
    sw_pii_span_t few[2];
    size_t m = sw_pii_find (text, few, 2);
    FUZZ_CHECK (m == (n < 2 ? n : 2));
    char *masked = sw_pii_mask (text);
    FUZZ_CHECK (masked);
    free (masked);
    //  Any run of 12 digits is a fair question for the checksum.
    char digits[13];
    size_t d = 0;
    for (size_t i = 0; i < len && d < 12; i++)
        if (text[i] >= '0' && text[i] <= '9')
            digits[d++] = text[i];
    if (d == 12) {
        digits[12] = '\0';
        (void) sw_pii_verhoeff_ok (digits);
    }
    free (text);
    return 0;
}
