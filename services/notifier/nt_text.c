/*  nt_text: X's weighted length, fitting a reply into it, and matching a
    post read back from X with the text that was sent. */
#include "nt_text.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#define S_ELLIPSIS "\xE2\x80\xA6"   //  U+2026, weighs 2

static bool
s_space (utf8proc_int32_t c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x00A0 || c == 0x3000
           || (c >= 0x2000 && c <= 0x200A);
}

static int
s_weight (utf8proc_int32_t c)
{
    if ((c >= 0 && c <= 0x10FF) || (c >= 0x2000 && c <= 0x200D) || (c >= 0x2010 && c <= 0x201F)
        || (c >= 0x2032 && c <= 0x2037))
        return 1;
    return 2;
}

//  Length in bytes of the URL starting at s, or 0 if none starts there.
static size_t
s_url_at (const char *s)
{
    if (strncmp (s, "http://", 7) != 0 && strncmp (s, "https://", 8) != 0)
        return 0;
    size_t n = 0;
    while (s[n] && s[n] != ' ' && s[n] != '\t' && s[n] != '\n' && s[n] != '\r')
        n++;
    return n;
}

//  One unit of text at s: a whole URL (when one starts at a word start;
//  *cp is then its last byte) or one code point.  Sets *bytes, *weight and
//  *cp; false at the end.
static bool
s_unit (const char *s, bool word_start, size_t *bytes, int *weight, utf8proc_int32_t *cp)
{
    if (!*s)
        return false;
    size_t url = word_start ? s_url_at (s) : 0;
    if (url) {
        *bytes = url;
        *weight = NT_TEXT_X_URL;
        *cp = (unsigned char) s[url - 1];
        return true;
    }
    utf8proc_ssize_t n = utf8proc_iterate ((const utf8proc_uint8_t *) s, -1, cp);
    if (n <= 0) {   //  not UTF-8: count the byte as a heavy character
        *bytes = 1;
        *weight = 2;
        *cp = 0xFFFD;
        return true;
    }
    *bytes = (size_t) n;
    *weight = s_weight (*cp);
    return true;
}

static size_t
s_length (const char *s)
{
    size_t total = 0, bytes;
    int weight;
    utf8proc_int32_t cp, prev = ' ';
    while (s_unit (s, s_space (prev), &bytes, &weight, &cp)) {
        total += (size_t) weight;
        s += bytes;
        prev = cp;
    }
    return total;
}

static char *
s_nfc (const char *text)
{
    char *nfc = (char *) utf8proc_NFC ((const utf8proc_uint8_t *) (text ? text : ""));
    return nfc ? nfc : strdup (text ? text : "");
}

size_t
nt_text_x_length (const char *text)
{
    char *nfc = s_nfc (text);
    size_t length = s_length (nfc);
    free (nfc);
    return length;
}

char *
nt_text_x_fit (const char *text, size_t max)
{
    char *nfc = s_nfc (text);
    if (s_length (nfc) <= max)
        return nfc;
    //  The tail is the last URL and what follows it.
    size_t tail_at = strlen (nfc);
    for (size_t i = 0; nfc[i]; i++)
        if ((i == 0 || nfc[i - 1] == ' ' || nfc[i - 1] == '\n') && s_url_at (nfc + i))
            tail_at = i;
    const char *tail = nfc + tail_at;
    size_t tail_weight = s_length (tail);
    size_t need = tail_weight + 2 + (*tail ? 1 : 0);
    if (need > max) {
        free (nfc);
        return NULL;
    }
    size_t budget = max - need;
    //  Walk the head by grapheme clusters; cut at the last boundary that fits.
    size_t used = 0, at = 0, cut = 0, bytes;
    int weight;
    utf8proc_int32_t cp, prev = ' ';
    utf8proc_int32_t state = 0;
    size_t cluster_weight = 0;
    while (at < tail_at && s_unit (nfc + at, s_space (prev), &bytes, &weight, &cp)) {
        //  A URL is one cluster; code points break where Unicode says.
        bool boundary = at == 0 || bytes > 4
                        || utf8proc_grapheme_break_stateful (prev, cp, &state);
        if (boundary) {
            if (used + cluster_weight > budget)
                break;
            used += cluster_weight;
            cut = at;
            cluster_weight = 0;
        }
        cluster_weight += (size_t) weight;
        at += bytes;
        prev = cp;
    }
    if (at >= tail_at && used + cluster_weight <= budget)
        cut = tail_at;
    //  No dangling white space before the ellipsis.
    while (cut > 0 && (nfc[cut - 1] == ' ' || nfc[cut - 1] == '\n' || nfc[cut - 1] == '\t'))
        cut--;
    size_t tail_len = strlen (tail);
    char *out = malloc (cut + sizeof S_ELLIPSIS + 1 + tail_len + 1);
    if (!out) {
        free (nfc);
        return NULL;
    }
    memcpy (out, nfc, cut);
    size_t n = cut;
    memcpy (out + n, S_ELLIPSIS, sizeof S_ELLIPSIS - 1);
    n += sizeof S_ELLIPSIS - 1;
    if (*tail)
        out[n++] = ' ';
    memcpy (out + n, tail, tail_len + 1);
    free (nfc);
    return out;
}

//  text without its links, white space runs made one space, trimmed.
static char *
s_without_links (const char *text)
{
    char *nfc = s_nfc (text);
    char *out = malloc (strlen (nfc) + 1);
    if (!out) {
        free (nfc);
        return NULL;
    }
    size_t n = 0;
    const char *s = nfc;
    while (*s) {
        while (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r')
            s++;
        if (!*s)
            break;
        size_t word = 0;
        while (s[word] && s[word] != ' ' && s[word] != '\n' && s[word] != '\t' && s[word] != '\r')
            word++;
        if (!s_url_at (s)) {
            if (n)
                out[n++] = ' ';
            memcpy (out + n, s, word);
            n += word;
        }
        s += word;
    }
    out[n] = 0;
    free (nfc);
    return out;
}

bool
nt_text_same_post (const char *a, const char *b)
{
    char *x = s_without_links (a);
    char *y = s_without_links (b);
    bool same = x && y && strcmp (x, y) == 0;
    free (x);
    free (y);
    return same;
}
