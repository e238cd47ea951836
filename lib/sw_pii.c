/*  sw_pii: personal data in complaint text, found by hand-written
    scanners over the bytes (no regular expressions).

    One pass over the text: at each position where a detector may start
    (a word boundary) the detectors are tried in order, e-mail, vehicle
    registration, BH-series vehicle, Aadhaar, mobile number, and the first
    that matches consumes its bytes, so spans come out sorted and never
    overlap.  Digits may be ASCII or Devanagari (०-९), which is how numbers
    appear in Hindi text; spans are always byte offsets into the original
    UTF-8.

    What is deliberately not PII: a digit run that is part of a longer run
    (11- and 13-digit numbers, except a 0 or 91 prefix before a mobile
    number), 12-digit numbers failing the Verhoeff check, numbers right
    after a currency mark (₹, Rs, INR), dates, times, pincodes and FIR
    numbers (all too short or split by '/', ':' or '.').  A vehicle number
    written with spaces must be upper case and end in four digits, so that
    "ka 2 log 5" or "UP 2024" are left alone. */
#include "sw_pii.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

//  Verhoeff: multiplication in the dihedral group D5, the permutation
//  applied by position, and the inverse.
static const uint8_t s_verhoeff_d[10][10] = {
    { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 }, { 1, 2, 3, 4, 0, 6, 7, 8, 9, 5 },
    { 2, 3, 4, 0, 1, 7, 8, 9, 5, 6 }, { 3, 4, 0, 1, 2, 8, 9, 5, 6, 7 },
    { 4, 0, 1, 2, 3, 9, 5, 6, 7, 8 }, { 5, 9, 8, 7, 6, 0, 4, 3, 2, 1 },
    { 6, 5, 9, 8, 7, 1, 0, 4, 3, 2 }, { 7, 6, 5, 9, 8, 2, 1, 0, 4, 3 },
    { 8, 7, 6, 5, 9, 3, 2, 1, 0, 4 }, { 9, 8, 7, 6, 5, 4, 3, 2, 1, 0 }
};
static const uint8_t s_verhoeff_p[8][10] = {
    { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 }, { 1, 5, 7, 6, 2, 8, 3, 0, 9, 4 },
    { 5, 8, 0, 3, 7, 9, 6, 1, 4, 2 }, { 8, 9, 1, 6, 0, 4, 3, 5, 2, 7 },
    { 9, 4, 5, 3, 1, 2, 6, 8, 7, 0 }, { 4, 2, 8, 6, 5, 7, 3, 9, 0, 1 },
    { 2, 7, 9, 3, 8, 0, 6, 4, 1, 5 }, { 7, 0, 4, 6, 9, 1, 3, 2, 5, 8 }
};

//  Indian state and union territory codes on registration plates, with
//  the older ones still on the road (OR, UA, CT) and Telangana's TG.
static const char *s_state_codes[] = {
    "AN", "AP", "AR", "AS", "BR", "CG", "CH", "CT", "DD", "DL", "DN", "GA", "GJ",
    "HP", "HR", "JH", "JK", "KA", "KL", "LA", "LD", "MH", "ML", "MN", "MP", "MZ",
    "NL", "OD", "OR", "PB", "PY", "RJ", "SK", "TG", "TN", "TR", "TS", "UA", "UK",
    "UP", "WB", NULL
};

static const char *s_kind_names[] = { "phone", "aadhaar", "vehicle", "email" };

bool
sw_pii_verhoeff_ok (const char *digits12)
{
    if (!digits12)
        return false;
    for (int i = 0; i < 12; i++)
        if (digits12[i] < '0' || digits12[i] > '9')
            return false;
    if (digits12[12] != '\0')
        return false;
    int c = 0;
    for (int i = 0; i < 12; i++)
        c = s_verhoeff_d[c][s_verhoeff_p[i % 8][digits12[11 - i] - '0']];
    return c == 0;
}

const char *
sw_pii_kind_name (sw_pii_kind_t kind)
{
    if ((int) kind < 0 || kind > SW_PII_EMAIL)
        return "unknown";
    return s_kind_names[kind];
}

//  --------------------------------------------------------------------
//  Byte classes

static bool
s_is_alpha (unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool
s_is_upper (unsigned char c)
{
    return c >= 'A' && c <= 'Z';
}

static bool
s_is_ascii_digit (unsigned char c)
{
    return c >= '0' && c <= '9';
}

static bool
s_is_alnum (unsigned char c)
{
    return s_is_alpha (c) || s_is_ascii_digit (c);
}

static unsigned char
s_upper (unsigned char c)
{
    return c >= 'a' && c <= 'z' ? (unsigned char) (c - 'a' + 'A') : c;
}

//  The digit at text[i] (ASCII or Devanagari U+0966..U+096F), its value
//  in *value and its length in bytes as the result; 0 if none.
static size_t
s_digit_at (const char *text, size_t len, size_t i, int *value)
{
    const unsigned char *t = (const unsigned char *) text;
    if (i < len && s_is_ascii_digit (t[i])) {
        *value = t[i] - '0';
        return 1;
    }
    if (i + 2 < len && t[i] == 0xE0 && t[i + 1] == 0xA5 && t[i + 2] >= 0xA6 && t[i + 2] <= 0xAF) {
        *value = t[i + 2] - 0xA6;
        return 3;
    }
    return 0;
}

//  True if a digit ends just before i.
static bool
s_digit_before (const char *text, size_t i)
{
    const unsigned char *t = (const unsigned char *) text;
    if (i >= 1 && s_is_ascii_digit (t[i - 1]))
        return true;
    return i >= 3 && t[i - 3] == 0xE0 && t[i - 2] == 0xA5 && t[i - 1] >= 0xA6 && t[i - 1] <= 0xAF;
}

static bool
s_digit_after (const char *text, size_t len, size_t i)
{
    int v;
    return s_digit_at (text, len, i, &v) > 0;
}

//  True if i follows a currency mark: ₹, Rs, Rs., INR (spaces allowed
//  between the mark and the number).
static bool
s_after_currency (const char *text, size_t i)
{
    const unsigned char *t = (const unsigned char *) text;
    size_t j = i;
    while (j > 0 && t[j - 1] == ' ')
        j--;
    if (j >= 3 && t[j - 3] == 0xE2 && t[j - 2] == 0x82 && t[j - 1] == 0xB9)
        return true;
    if (j > 0 && t[j - 1] == '.')
        j--;
    size_t k = j;
    while (k > 0 && s_is_alpha (t[k - 1]))
        k--;
    size_t n = j - k;
    if (n == 2 && s_upper (t[k]) == 'R' && s_upper (t[k + 1]) == 'S')
        return true;
    if (n == 3 && s_upper (t[k]) == 'I' && s_upper (t[k + 1]) == 'N' && s_upper (t[k + 2]) == 'R')
        return true;
    return false;
}

//  --------------------------------------------------------------------
//  E-mail: local@domain.tld, conservative.  text[i] starts a word.

static bool
s_is_local_char (unsigned char c)
{
    return s_is_alnum (c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}

static size_t
s_match_email (const char *text, size_t len, size_t i)
{
    const unsigned char *t = (const unsigned char *) text;
    if (!s_is_alnum (t[i]))
        return 0;
    size_t p = i;
    while (p < len && s_is_local_char (t[p]))
        p++;
    if (p >= len || t[p] != '@' || t[p - 1] == '.')
        return 0;
    p++;
    //  labels of [A-Za-z0-9-], not starting or ending with '-', joined by '.'
    size_t labels = 0;
    size_t end = 0;              //  end of the last complete label
    size_t last_start = 0;       //  where that label began
    while (p < len) {
        size_t s = p;
        while (p < len && (s_is_alnum (t[p]) || t[p] == '-'))
            p++;
        if (p == s || t[s] == '-' || t[p - 1] == '-')
            break;
        labels++;
        end = p;
        last_start = s;
        if (p + 1 < len && t[p] == '.' && s_is_alnum (t[p + 1]))
            p++;
        else
            break;
    }
    if (labels < 2)
        return 0;
    //  the top-level domain is letters only, at least two
    if (end - last_start < 2)
        return 0;
    for (size_t k = last_start; k < end; k++)
        if (!s_is_alpha (t[k]))
            return 0;
    if (end < len && (s_is_alnum (t[end]) || t[end] == '@'))
        return 0;
    return end;
}

//  --------------------------------------------------------------------
//  Vehicle registration: state code, district (1-2 digits), series
//  (up to three letters, perhaps split as in DL-3C-AB), number (1-4
//  digits).  text[i] starts a word.

static bool
s_state_code (unsigned char a, unsigned char b)
{
    a = s_upper (a);
    b = s_upper (b);
    for (int k = 0; s_state_codes[k]; k++)
        if (s_state_codes[k][0] == a && s_state_codes[k][1] == b)
            return true;
    return false;
}

//  Skips one optional separator (space or hyphen); notes which.
static size_t
s_skip_sep (const unsigned char *t, size_t len, size_t p, bool *space, bool *any)
{
    if (p < len && (t[p] == ' ' || t[p] == '-')) {
        if (t[p] == ' ')
            *space = true;
        *any = true;
        return p + 1;
    }
    return p;
}

static size_t
s_match_vehicle (const char *text, size_t len, size_t i)
{
    const unsigned char *t = (const unsigned char *) text;
    if (i + 1 >= len || !s_is_alpha (t[i]) || !s_is_alpha (t[i + 1])
        || !s_state_code (t[i], t[i + 1]))
        return 0;
    bool upper = s_is_upper (t[i]) && s_is_upper (t[i + 1]);
    bool space = false;          //  a space separates groups
    bool any = false;            //  any separator at all
    size_t p = s_skip_sep (t, len, i + 2, &space, &any);
    size_t d = 0;
    while (p < len && d < 2 && s_is_ascii_digit (t[p])) {
        p++;
        d++;
    }
    if (d == 0)
        return 0;
    //  series letters: up to two groups, three letters in all
    size_t letters = 0;
    for (int group = 0; group < 2; group++) {
        size_t q = s_skip_sep (t, len, p, &space, &any);
        size_t n = 0;
        while (q < len && s_is_alpha (t[q]) && letters + n < 4) {
            q++;
            n++;
        }
        if (n == 0)
            break;
        if (letters + n > 3)
            return 0;
        if (upper)
            for (size_t k = q - n; k < q; k++)
                if (!s_is_upper (t[k]))
                    return 0;
        letters += n;
        p = q;
    }
    p = s_skip_sep (t, len, p, &space, &any);
    size_t n = 0;
    while (p < len && n < 5 && s_is_ascii_digit (t[p])) {
        p++;
        n++;
    }
    if (n == 0 || n > 4)
        return 0;
    if (p < len && s_is_alnum (t[p]))
        return 0;
    //  spelt with spaces: upper case only, a four-digit number
    if (space && (!upper || n != 4))
        return 0;
    //  no series letters: a two-digit district and a four-digit number
    if (letters == 0 && (d != 2 || n != 4))
        return 0;
    //  with separators a short number is too likely to be something else
    if (any && n != 4)
        return 0;
    return p;
}

//  BH series: 22BH1234AA (year, BH, four digits, one or two letters).
static size_t
s_match_bh (const char *text, size_t len, size_t i)
{
    const unsigned char *t = (const unsigned char *) text;
    bool space = false, any = false;
    size_t p = i;
    if (p + 2 > len || !s_is_ascii_digit (t[p]) || !s_is_ascii_digit (t[p + 1]))
        return 0;
    p = s_skip_sep (t, len, p + 2, &space, &any);
    if (p + 2 > len || s_upper (t[p]) != 'B' || s_upper (t[p + 1]) != 'H')
        return 0;
    bool upper = s_is_upper (t[p]) && s_is_upper (t[p + 1]);
    p = s_skip_sep (t, len, p + 2, &space, &any);
    for (int k = 0; k < 4; k++, p++)
        if (p >= len || !s_is_ascii_digit (t[p]))
            return 0;
    p = s_skip_sep (t, len, p, &space, &any);
    size_t n = 0;
    while (p < len && s_is_alpha (t[p]) && n < 3) {
        if (upper && !s_is_upper (t[p]))
            return 0;
        p++;
        n++;
    }
    if (n == 0 || n > 2 || (p < len && s_is_alnum (t[p])))
        return 0;
    if (space && !upper)
        return 0;
    return p;
}

//  --------------------------------------------------------------------
//  Numbers

//  Aadhaar: 12 digits, contiguous or 4-4-4 with one kind of separator,
//  first digit 2-9, Verhoeff check.
static size_t
s_match_aadhaar (const char *text, size_t len, size_t i)
{
    char digits[13];
    size_t p = i;
    char sep = 0;                //  separator between groups, if any
    for (int k = 0; k < 12; k++) {
        if (k == 4 || k == 8) {
            char c = p < len ? text[p] : '\0';
            if (k == 4 && (c == ' ' || c == '-'))
                sep = c;
            if (sep && c != sep)
                return 0;
            if (sep)
                p++;
        }
        int v;
        size_t n = s_digit_at (text, len, p, &v);
        if (n == 0)
            return 0;
        digits[k] = (char) ('0' + v);
        p += n;
    }
    digits[12] = '\0';
    if (digits[0] < '2')
        return 0;
    if (s_digit_after (text, len, p))
        return 0;
    //  "1234 5678 9012 3456" is a card number, not an Aadhaar
    if (sep && p < len && text[p] == sep && s_digit_after (text, len, p + 1))
        return 0;
    if (!sw_pii_verhoeff_ok (digits))
        return 0;
    return p;
}

//  Ten digits of a mobile number starting at p, first 6-9, in groups of
//  at least two digits joined by single spaces or hyphens (one kind).
static size_t
s_phone_body (const char *text, size_t len, size_t p)
{
    size_t count = 0;            //  digits so far
    size_t group = 0;            //  digits in the current group
    size_t groups = 1;
    char sep = 0;
    while (count < 10) {
        int v;
        size_t n = s_digit_at (text, len, p, &v);
        if (n > 0) {
            if (count == 0 && v < 6)
                return 0;
            count++;
            group++;
            p += n;
            continue;
        }
        if (count == 0 || group < 2 || p >= len || (text[p] != ' ' && text[p] != '-')
            || (sep && text[p] != sep) || !s_digit_after (text, len, p + 1) || groups == 5)
            return 0;
        sep = text[p];
        p++;
        group = 0;
        groups++;
    }
    if (group < 2 || s_digit_after (text, len, p))
        return 0;
    //  a hyphen carrying on into more digits means a longer number
    if (p < len && text[p] == '-' && s_digit_after (text, len, p + 1))
        return 0;
    return p;
}

static size_t
s_match_phone (const char *text, size_t len, size_t i)
{
    const unsigned char *t = (const unsigned char *) text;
    size_t end;
    if (t[i] == '+') {
        int a, b;
        size_t n1 = s_digit_at (text, len, i + 1, &a);
        size_t n2 = n1 ? s_digit_at (text, len, i + 1 + n1, &b) : 0;
        if (!n1 || !n2 || a != 9 || b != 1)
            return 0;
        size_t p = i + 1 + n1 + n2;
        if (p < len && (t[p] == ' ' || t[p] == '-'))
            p++;
        return s_phone_body (text, len, p);
    }
    if ((end = s_phone_body (text, len, i)) > 0)
        return end;
    int a, b;
    size_t n1 = s_digit_at (text, len, i, &a);
    if (n1 && a == 0) {
        size_t p = i + n1;
        if (p < len && (t[p] == ' ' || t[p] == '-'))
            p++;
        return s_phone_body (text, len, p);
    }
    size_t n2 = n1 ? s_digit_at (text, len, i + n1, &b) : 0;
    if (n1 && n2 && a == 9 && b == 1) {
        size_t p = i + n1 + n2;
        if (p < len && (t[p] == ' ' || t[p] == '-'))
            p++;
        return s_phone_body (text, len, p);
    }
    return 0;
}

//  --------------------------------------------------------------------
//  The scan

static size_t
s_scan (const char *text, sw_pii_span_t *spans, size_t max)
{
    if (!text || !spans || max == 0)
        return 0;
    const unsigned char *t = (const unsigned char *) text;
    size_t len = strlen (text);
    size_t count = 0;
    size_t i = 0;
    while (i < len && count < max) {
        unsigned char prev = i > 0 ? t[i - 1] : ' ';
        size_t end = 0;
        sw_pii_kind_t kind = SW_PII_PHONE;
        if (s_is_alnum (t[i]) && !s_is_local_char (prev) && prev != '@'
            && (end = s_match_email (text, len, i)) > 0)
            kind = SW_PII_EMAIL;
        else
        if (s_is_alpha (t[i]) && !s_is_alnum (prev)
            && (end = s_match_vehicle (text, len, i)) > 0)
            kind = SW_PII_VEHICLE;
        else
        if (s_is_ascii_digit (t[i]) && !s_is_alnum (prev)
            && (end = s_match_bh (text, len, i)) > 0)
            kind = SW_PII_VEHICLE;
        else {
            int v;
            bool numeric = t[i] == '+' || s_digit_at (text, len, i, &v) > 0;
            //  the number must not continue a digit run ("1.9876543210",
            //  "12/9876543210" too) nor follow a currency mark
            bool boundary = numeric && !s_digit_before (text, i) && prev != '+';
            if (boundary && i > 0 && prev && strchr (".,/:-", prev) && s_digit_before (text, i - 1))
                boundary = false;
            if (boundary && s_after_currency (text, i))
                boundary = false;
            //  an Aadhaar does not start inside a grouped number either
            //  ("1234 5678 9012 3456"); a phone may ("9876543210 8765432109")
            bool grouped = i >= 2 && (prev == ' ' || prev == '-') && s_digit_before (text, i - 1);
            if (boundary && !grouped && t[i] != '+'
                && (end = s_match_aadhaar (text, len, i)) > 0)
                kind = SW_PII_AADHAAR;
            else
            if (boundary && (end = s_match_phone (text, len, i)) > 0)
                kind = SW_PII_PHONE;
        }
        if (end > i) {
            spans[count].kind = kind;
            spans[count].start = i;
            spans[count].end = end;
            count++;
            i = end;
        }
        else
            i++;
    }
    return count;
}

size_t
sw_pii_find (const char *text, sw_pii_span_t *spans, size_t max)
{
    return s_scan (text, spans, max);
}

char *
sw_pii_mask (const char *text)
{
    if (!text)
        return NULL;
    size_t len = strlen (text);
    //  the shortest span is five bytes or more, so this bounds the count
    size_t max = len / 4 + 1;
    sw_pii_span_t *spans = malloc (max * sizeof *spans);
    if (!spans)
        return NULL;
    size_t n = s_scan (text, spans, max);
    //  every replacement ("[aadhaar]", 9 bytes) may be longer than its span
    char *out = malloc (len + n * 10 + 1);
    if (!out) {
        free (spans);
        return NULL;
    }
    size_t o = 0, from = 0;
    for (size_t k = 0; k < n; k++) {
        memcpy (out + o, text + from, spans[k].start - from);
        o += spans[k].start - from;
        o += (size_t) sprintf (out + o, "[%s]", sw_pii_kind_name (spans[k].kind));
        from = spans[k].end;
    }
    memcpy (out + o, text + from, len - from);
    o += len - from;
    out[o] = '\0';
    free (spans);
    return out;
}
