/*  sw_pii: personal data in complaint text, as byte spans, so that it is
    masked in public replies and in the event stream.

    Detects Indian mobile numbers (10 digits starting 6-9, with optional
    +91 / 91 / 0 prefix and spaces or hyphens inside), 12-digit
    Aadhaar-like numbers that pass the Verhoeff check (with or without
    spaces in 4-4-4 groups; the first digit is not 0 or 1), vehicle
    registration numbers (UP32AB1234, UP 32 AB 1234, DL-3C-AB-1234, BH
    series 22BH1234AA) and e-mail addresses.  Dates, amounts (₹5000,
    Rs. 10,000), times, FIR numbers and 12-digit numbers failing Verhoeff
    are not PII. */
#ifndef SW_PII_H
#define SW_PII_H
#include <stdbool.h>
#include <stddef.h>

typedef enum { SW_PII_PHONE, SW_PII_AADHAAR, SW_PII_VEHICLE, SW_PII_EMAIL } sw_pii_kind_t;

typedef struct {
    sw_pii_kind_t kind;   //  what it is
    size_t start;          //  byte offset of the first byte
    size_t end;            //  byte offset one past the last byte
} sw_pii_span_t;

//  Find spans in text (UTF-8), in order, non-overlapping; at most max.
//  Returns how many were written.
size_t sw_pii_find (const char *text, sw_pii_span_t *spans, size_t max);
const char *sw_pii_kind_name (sw_pii_kind_t kind);   //  phone, aadhaar, vehicle, email
//  True if the 12 digits pass the Verhoeff checksum.
bool sw_pii_verhoeff_ok (const char *digits12);
//  A copy of text with every span replaced by "[phone]", "[aadhaar]"...
//  Caller frees.
char *sw_pii_mask (const char *text);

#endif
