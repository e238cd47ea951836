/*  Unit tests for sw_text: UTF-8 validation (every kind of ill-formed
    sequence), HTML character references, control characters, NFC (and
    the Devanagari nukta letters NFC deliberately leaves decomposed), and
    truncation on a code point boundary. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "sw_text.h"

//  Cleans s with a large limit and checks the result.
static void
s_check_clean (const char *s, const char *want)
{
    char err[128] = "";
    bool truncated = true;
    char *got = sw_text_clean (s, 100000, &truncated, err, sizeof err);
    assert_non_null (got);
    assert_string_equal (got, want);
    assert_false (truncated);
    assert_true (sw_text_valid_utf8 (got, strlen (got)));
    free (got);
}

static void
s_check_unescape (const char *s, const char *want)
{
    char *got = sw_text_html_unescape (s);
    assert_non_null (got);
    assert_string_equal (got, want);
    free (got);
}

static void
s_check_invalid (const char *s, size_t len)
{
    assert_false (sw_text_valid_utf8 (s, len));
    //  sw_text_clean sees a C string: only the bytes before a NUL.
    if (memchr (s, 0, len))
        return;
    char err[128] = "";
    assert_null (sw_text_clean (s, 100, NULL, err, sizeof err));
    assert_string_equal (err, "text is not valid UTF-8");
}

static void
test_valid_utf8 (void **state)
{
    const char *good[] = {
        "",
        "plain ASCII",
        "\xC2\xA0",                             //  U+00A0
        "\xE0\xA4\xB9\xE0\xA4\xBF\xE0\xA4\x82", //  हिं
        "\xEF\xBF\xBD",                         //  U+FFFD
        "\xF0\x9F\x98\x80",                     //  U+1F600
        "\xF4\x8F\xBF\xBF",                     //  U+10FFFF, the last code point
        "\xED\x9F\xBF",                         //  U+D7FF, just below the surrogates
        "\xEE\x80\x80",                         //  U+E000, just above them
    };
    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++)
        assert_true (sw_text_valid_utf8 (good[i], strlen (good[i])));
    //  len bounds the check: a valid prefix of an invalid string is valid.
    assert_true (sw_text_valid_utf8 ("ab\xFF", 2));
    assert_false (sw_text_valid_utf8 (NULL, 0));
}

static void
test_invalid_utf8 (void **state)
{
    s_check_invalid ("\xC0\x80", 2);                 //  overlong NUL
    s_check_invalid ("\xC1\xBF", 2);                 //  overlong U+007F
    s_check_invalid ("\xE0\x80\xAF", 3);             //  overlong '/'
    s_check_invalid ("\xF0\x80\x80\xAF", 4);         //  overlong '/' in four bytes
    s_check_invalid ("\xED\xA0\x80", 3);             //  U+D800, a surrogate
    s_check_invalid ("\xED\xBF\xBF", 3);             //  U+DFFF
    s_check_invalid ("\xED\xA0\xBD\xED\xB8\x80", 6); //  CESU-8 surrogate pair
    s_check_invalid ("\xF4\x90\x80\x80", 4);         //  U+110000
    s_check_invalid ("\xF5\x80\x80\x80", 4);         //  past the range entirely
    s_check_invalid ("\xF8\x88\x80\x80\x80", 5);     //  five-byte form
    s_check_invalid ("\x80", 1);                     //  lone continuation byte
    s_check_invalid ("ok \xBF ok", 7);               //  one inside ASCII
    s_check_invalid ("\xE0\xA4", 2);                 //  truncated three-byte sequence
    s_check_invalid ("abc\xF0\x9F\x98", 6);          //  truncated emoji at the end
    s_check_invalid ("\xE0\xA4\x41", 3);             //  continuation replaced by ASCII
    s_check_invalid ("\xFE\xFF", 2);                 //  never valid in UTF-8
    s_check_invalid ("a\0b", 3);                     //  NUL inside
}

static void
test_codepoints (void **state)
{
    assert_int_equal (sw_text_codepoints (""), 0);
    assert_int_equal (sw_text_codepoints ("abc"), 3);
    //  नमस्ते: न म स ् त े
    assert_int_equal (sw_text_codepoints ("\xE0\xA4\xA8\xE0\xA4\xAE\xE0\xA4\xB8\xE0\xA5\x8D"
                                          "\xE0\xA4\xA4\xE0\xA5\x87"),
                      6);
    assert_int_equal (sw_text_codepoints ("\xF0\x9F\x98\x80!"), 2);
    assert_int_equal (sw_text_codepoints (NULL), 0);
}

static void
test_nfc (void **state)
{
    //  e + COMBINING ACUTE composes to é.
    s_check_clean ("caf" "e\xCC\x81", "caf\xC3\xA9");
    //  A + COMBINING RING composes to Å; the ANGSTROM SIGN becomes Å too.
    s_check_clean ("A\xCC\x8A", "\xC3\x85");
    s_check_clean ("\xE2\x84\xAB", "\xC3\x85");
    //  क + NUKTA stays two code points: क़ (U+0958) is a composition
    //  exclusion, so NFC keeps the decomposed form ...
    s_check_clean ("\xE0\xA4\x95\xE0\xA4\xBC", "\xE0\xA4\x95\xE0\xA4\xBC");
    //  ... and turns a precomposed क़ or ज़ (U+095B) into it.
    s_check_clean ("\xE0\xA5\x98", "\xE0\xA4\x95\xE0\xA4\xBC");
    s_check_clean ("\xE0\xA5\x9B", "\xE0\xA4\x9C\xE0\xA4\xBC");
    //  ऩ (U+0929 = न + nukta) is not excluded: NFC composes it.
    s_check_clean ("\xE0\xA4\xA8\xE0\xA4\xBC", "\xE0\xA4\xA9");
    //  Compatibility characters are left alone (NFC, not NFKC).
    s_check_clean ("\xEF\xAC\x81", "\xEF\xAC\x81");    //  ﬁ ligature
    //  Emoji ZWJ sequences and variation selectors survive.
    s_check_clean ("\xF0\x9F\x91\xAE\xE2\x80\x8D\xE2\x99\x80\xEF\xB8\x8F",
                   "\xF0\x9F\x91\xAE\xE2\x80\x8D\xE2\x99\x80\xEF\xB8\x8F");
    s_check_clean ("", "");
}

static void
test_entities (void **state)
{
    s_check_unescape ("&amp; &lt; &gt; &quot; &apos; &#39; &nbsp;|",
                      "& < > \" ' ' \xC2\xA0|");
    s_check_unescape ("Tom &amp; Jerry &lt;3", "Tom & Jerry <3");
    s_check_unescape ("&#128512;&#x1F600;&#X1f600;", "\xF0\x9F\x98\x80\xF0\x9F\x98\x80"
                                                     "\xF0\x9F\x98\x80");
    s_check_unescape ("&#2325;&#x93C;", "\xE0\xA4\x95\xE0\xA4\xBC");
    //  Decoding is one pass.
    s_check_unescape ("&amp;lt;", "&lt;");
    s_check_unescape ("&amp;amp;", "&amp;");
    //  Not references, or references to no character: kept as written.
    s_check_unescape ("AT&T, a & b, a &b, &", "AT&T, a & b, a &b, &");
    s_check_unescape ("&copy; &hellip; &AMP; &amp", "&copy; &hellip; &AMP; &amp");
    s_check_unescape ("&#0; &#xD800; &#55296; &#xDFFF; &#x110000; &#99999999999;",
                      "&#0; &#xD800; &#55296; &#xDFFF; &#x110000; &#99999999999;");
    s_check_unescape ("&#; &#x; &#12a; &#xZZ; & #38;", "&#; &#x; &#12a; &#xZZ; & #38;");
    s_check_unescape ("&&amp;&", "&&&");
    s_check_unescape ("&#9;", "\t");
    assert_null (sw_text_html_unescape (NULL));

    //  sw_text_clean decodes too, then filters what the references made.
    s_check_clean ("a &amp; b &#7;c&#x85;d&#10;e", "a & b cd\ne");
}

static void
test_controls (void **state)
{
    s_check_clean ("a\x01" "b\x1F" "c\x7F" "d\x1B[31me", "abcd[31me");
    s_check_clean ("one\r\ntwo\rthree\nfour\tfive", "one\ntwo\nthree\nfour\tfive");
    s_check_clean ("\r\n\r\n", "\n\n");
    //  C1 controls (U+0080..U+009F) go, U+00A0 and above stay.
    s_check_clean ("x\xC2\x80y\xC2\x85z\xC2\x9F.\xC2\xA0.", "xyz.\xC2\xA0.");
    //  Format characters are not controls: ZWJ, ZWNJ stay.
    s_check_clean ("\xE2\x80\x8C\xE2\x80\x8D", "\xE2\x80\x8C\xE2\x80\x8D");
}

static void
test_truncation (void **state)
{
    const char *namaste = "\xE0\xA4\xA8\xE0\xA4\xAE\xE0\xA4\xB8\xE0\xA5\x8D\xE0\xA4\xA4"
                          "\xE0\xA5\x87";   //  नमस्ते, 6 code points
    bool truncated = false;
    char err[64];
    char *got = sw_text_clean (namaste, 3, &truncated, err, sizeof err);
    assert_non_null (got);
    assert_true (truncated);
    assert_string_equal (got, "\xE0\xA4\xA8\xE0\xA4\xAE\xE0\xA4\xB8");
    free (got);

    //  The limit equal to the length cuts nothing.
    got = sw_text_clean (namaste, 6, &truncated, err, sizeof err);
    assert_false (truncated);
    assert_string_equal (got, namaste);
    free (got);

    //  👮‍♀️ ok: U+1F46E U+200D U+2640 U+FE0F ' ' 'o' 'k'
    const char *officer = "\xF0\x9F\x91\xAE\xE2\x80\x8D\xE2\x99\x80\xEF\xB8\x8F ok";
    for (size_t max = 0; max <= 7; max++) {
        got = sw_text_clean (officer, max, &truncated, err, sizeof err);
        assert_non_null (got);
        assert_true (sw_text_valid_utf8 (got, strlen (got)));
        assert_int_equal (sw_text_codepoints (got), max);
        assert_int_equal (truncated, max < 7);
        assert_memory_equal (got, officer, strlen (got));
        free (got);
    }
    got = sw_text_clean (officer, 2, NULL, err, sizeof err);
    assert_string_equal (got, "\xF0\x9F\x91\xAE\xE2\x80\x8D");
    free (got);

    //  The count is of the cleaned text: entities decoded, NFC applied.
    got = sw_text_clean ("&amp;&amp;&amp;", 2, &truncated, err, sizeof err);
    assert_string_equal (got, "&&");
    assert_true (truncated);
    free (got);
    got = sw_text_clean ("e\xCC\x81" "e\xCC\x81", 2, &truncated, err, sizeof err);
    assert_string_equal (got, "\xC3\xA9\xC3\xA9");
    assert_false (truncated);
    free (got);
}

static void
test_clean_errors (void **state)
{
    char err[64] = "";
    bool truncated = true;
    assert_null (sw_text_clean (NULL, 10, &truncated, err, sizeof err));
    assert_string_equal (err, "text is missing");
    assert_false (truncated);
    //  err and truncated may be NULL.
    assert_null (sw_text_clean ("\xC0\x80", 10, NULL, NULL, 0));
    char *got = sw_text_clean ("ok", 10, NULL, NULL, 0);
    assert_string_equal (got, "ok");
    free (got);
    //  Invalid UTF-8 behind an entity is still refused before decoding.
    assert_null (sw_text_clean ("&amp;\xED\xA0\x80", 10, NULL, err, sizeof err));
    assert_string_equal (err, "text is not valid UTF-8");
}

int
main (void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test (test_valid_utf8),   cmocka_unit_test (test_invalid_utf8),
        cmocka_unit_test (test_codepoints),   cmocka_unit_test (test_nfc),
        cmocka_unit_test (test_entities),     cmocka_unit_test (test_controls),
        cmocka_unit_test (test_truncation),   cmocka_unit_test (test_clean_errors),
    };
    return cmocka_run_group_tests (tests, NULL, NULL);
}
