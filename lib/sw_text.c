/*  sw_text: making text from the outside safe to store and compare.

    sw_text_clean runs four passes, each over a string the previous one
    made: validation (utf8proc_iterate, which refuses overlong forms,
    surrogates, code points past U+10FFFF and truncated sequences; we also
    refuse NUL), HTML character reference decoding, control character
    filtering (C0 and C1 except newline and tab; CR LF and a lone CR become
    LF), NFC with utf8proc_map, and finally truncation on a code point
    boundary.  Filtering runs after decoding, so "&#7;" cannot smuggle a
    control character in; NFC runs after filtering, and truncation last, so
    the count is of the text as stored.

    Decoding is a single pass: "&amp;lt;" becomes "&lt;", never "<".  A
    reference we do not know, or a numeric one naming no character (0,
    a surrogate, past U+10FFFF), is kept exactly as written. */
#include "sw_text.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

typedef struct {
    const char *name;   //  reference name between '&' and ';'
    const char *utf8;   //  what it decodes to
} s_entity_t;

static const s_entity_t s_entities[] = {
    { "amp", "&" },     { "lt", "<" },        { "gt", ">" },
    { "quot", "\"" },   { "apos", "'" },      { "nbsp", "\xC2\xA0" },
};

static void
s_set_err (char *err, size_t errlen, const char *reason)
{
    if (err && errlen > 0)
        snprintf (err, errlen, "%s", reason);
}

bool
sw_text_valid_utf8 (const char *s, size_t len)
{
    if (!s)
        return false;
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *) s;
    size_t i = 0;
    while (i < len) {
        if (p[i] == 0)
            return false;
        if (p[i] < 0x80) {
            i++;
            continue;
        }
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate (p + i, (utf8proc_ssize_t) (len - i), &cp);
        if (n <= 0 || cp < 0 || !utf8proc_codepoint_valid (cp))
            return false;
        i += (size_t) n;
    }
    return true;
}

size_t
sw_text_codepoints (const char *s)
{
    size_t count = 0;
    if (s)
        for (const unsigned char *p = (const unsigned char *) s; *p; p++)
            if ((*p & 0xC0) != 0x80)
                count++;
    return count;
}

//  Writes code point cp as UTF-8 at out; returns the number of bytes.
static size_t
s_encode (int32_t cp, char *out)
{
    return (size_t) utf8proc_encode_char (cp, (utf8proc_uint8_t *) out);
}

//  Parses a numeric reference body ("#123" or "#x7B", without '&' and ';')
//  of len bytes; returns the code point or -1 if it names no character.
static int32_t
s_numeric_reference (const char *body, size_t len)
{
    size_t i = 1;
    int base = 10;
    if (len > 1 && (body[1] == 'x' || body[1] == 'X')) {
        base = 16;
        i = 2;
    }
    if (i >= len)
        return -1;
    int32_t cp = 0;
    for (; i < len; i++) {
        char c = body[i];
        int digit;
        if (c >= '0' && c <= '9')
            digit = c - '0';
        else if (base == 16 && c >= 'a' && c <= 'f')
            digit = c - 'a' + 10;
        else if (base == 16 && c >= 'A' && c <= 'F')
            digit = c - 'A' + 10;
        else
            return -1;
        cp = cp * base + digit;
        if (cp > 0x10FFFF)
            return -1;
    }
    if (cp == 0 || !utf8proc_codepoint_valid (cp))
        return -1;
    return cp;
}

char *
sw_text_html_unescape (const char *s)
{
    if (!s)
        return NULL;
    //  Every reference is at least as long as what it decodes to
    //  ("&#xA0;" is 6 bytes for 2, "&nbsp;" 6 for 2, "&#1;" 4 for 1).
    size_t len = strlen (s);
    char *out = malloc (len + 1);
    if (!out)
        return NULL;
    size_t o = 0;
    for (size_t i = 0; i < len;) {
        if (s[i] != '&') {
            out[o++] = s[i++];
            continue;
        }
        //  A reference is '&', at most 32 name bytes, then ';'.
        const char *semi = NULL;
        for (size_t j = i + 1; j < len && j <= i + 33; j++) {
            if (s[j] == ';') {
                semi = s + j;
                break;
            }
            if (s[j] == '&' || s[j] == ' ' || s[j] == '\n')
                break;
        }
        bool decoded = false;
        if (semi) {
            const char *body = s + i + 1;
            size_t body_len = (size_t) (semi - body);
            if (body_len > 1 && body[0] == '#') {
                int32_t cp = s_numeric_reference (body, body_len);
                if (cp > 0) {
                    o += s_encode (cp, out + o);
                    decoded = true;
                }
            }
            else
                for (size_t e = 0; e < sizeof s_entities / sizeof s_entities[0]; e++)
                    if (strlen (s_entities[e].name) == body_len
                        && memcmp (s_entities[e].name, body, body_len) == 0) {
                        size_t n = strlen (s_entities[e].utf8);
                        memcpy (out + o, s_entities[e].utf8, n);
                        o += n;
                        decoded = true;
                        break;
                    }
            if (decoded)
                i = (size_t) (semi - s) + 1;
        }
        if (!decoded)
            out[o++] = s[i++];
    }
    out[o] = '\0';
    return out;
}

//  Copies valid UTF-8 s without C0/C1 controls other than '\n' and '\t';
//  "\r\n" and a lone '\r' become '\n'. Caller frees.
static char *
s_filter_controls (const char *s)
{
    size_t len = strlen (s);
    char *out = malloc (len + 1);
    if (!out)
        return NULL;
    const unsigned char *p = (const unsigned char *) s;
    size_t o = 0;
    for (size_t i = 0; i < len;) {
        unsigned char c = p[i];
        if (c == '\r') {
            out[o++] = '\n';
            i += (p[i + 1] == '\n') ? 2 : 1;
        }
        else if (c == '\n' || c == '\t') {
            out[o++] = (char) c;
            i++;
        }
        else if (c < 0x20 || c == 0x7F)
            i++;
        else if (c == 0xC2 && p[i + 1] >= 0x80 && p[i + 1] <= 0x9F)
            i += 2;     //  U+0080..U+009F, the C1 controls
        else
            out[o++] = (char) p[i++];
    }
    out[o] = '\0';
    return out;
}

//  Cuts valid UTF-8 s in place after max code points; true if it cut.
static bool
s_truncate (char *s, size_t max)
{
    size_t count = 0;
    for (size_t i = 0; s[i]; i++)
        if (((unsigned char) s[i] & 0xC0) != 0x80) {
            if (count == max) {
                s[i] = '\0';
                return true;
            }
            count++;
        }
    return false;
}

char *
sw_text_clean (const char *s, size_t max_codepoints, bool *truncated, char *err,
               size_t errlen)
{
    if (truncated)
        *truncated = false;
    if (!s) {
        s_set_err (err, errlen, "text is missing");
        return NULL;
    }
    if (!sw_text_valid_utf8 (s, strlen (s))) {
        s_set_err (err, errlen, "text is not valid UTF-8");
        return NULL;
    }
    char *decoded = sw_text_html_unescape (s);
    char *filtered = decoded ? s_filter_controls (decoded) : NULL;
    free (decoded);
    if (!filtered) {
        s_set_err (err, errlen, "out of memory");
        return NULL;
    }
    utf8proc_uint8_t *nfc = NULL;
    utf8proc_ssize_t n = utf8proc_map ((const utf8proc_uint8_t *) filtered,
                                       (utf8proc_ssize_t) strlen (filtered), &nfc,
                                       UTF8PROC_COMPOSE | UTF8PROC_STABLE);
    free (filtered);
    if (n < 0) {
        free (nfc);
        s_set_err (err, errlen,
                   n == UTF8PROC_ERROR_NOMEM ? "out of memory" : "text is not valid UTF-8");
        return NULL;
    }
    bool cut = s_truncate ((char *) nfc, max_codepoints);
    if (truncated)
        *truncated = cut;
    return (char *) nfc;
}
