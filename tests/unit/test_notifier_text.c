/*  Unit tests for nt_text (X's weighted length, fitting a reply, matching a
    post read back) and nt_rate (token buckets with a remote pause). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "nt_rate.h"
#include "nt_text.h"

static void
test_length (void **state)
{
    (void) state;
    assert_int_equal (nt_text_x_length (""), 0);
    assert_int_equal (nt_text_x_length ("hello"), 5);
    //  Devanagari weighs 1 per code point: आ प क ी, space, श ि क ा य त
    assert_int_equal (nt_text_x_length ("आपकी शिकायत"), 11);
    //  CJK and emoji weigh 2
    assert_int_equal (nt_text_x_length ("日本"), 4);
    assert_int_equal (nt_text_x_length ("ok 👍"), 5);
    //  General punctuation inside the light ranges: en dash U+2013, ‘ U+2018
    assert_int_equal (nt_text_x_length ("a–‘b"), 4);
    //  A URL counts 23 whatever its length; not inside a word
    assert_int_equal (nt_text_x_length ("see https://example.com/a/very/long/path?x=1&y=2"), 27);
    assert_int_equal (nt_text_x_length ("http://a.b"), 23);
    assert_int_equal (nt_text_x_length ("xhttp://a.b"), 11);
    //  NFC first: e + combining acute is one code point
    assert_int_equal (nt_text_x_length ("e\xCC\x81"), 1);
}

static void
test_fit_short_unchanged (void **state)
{
    (void) state;
    const char *text = "Your complaint UP-2026-0000001 has been registered. Status: "
                       "https://sunwai.example/status/UP-2026-0000001";
    char *fit = nt_text_x_fit (text, NT_TEXT_X_MAX);
    assert_string_equal (fit, text);
    free (fit);
}

static bool
s_ends_with (const char *s, const char *tail)
{
    size_t n = strlen (s), m = strlen (tail);
    return n >= m && strcmp (s + n - m, tail) == 0;
}

static void
test_fit_long_english (void **state)
{
    (void) state;
    char note[1200] = "";
    for (int i = 0; i < 60; i++)
        strcat (note, "patrol sent ");
    char text[2000];
    const char *url = "https://sunwai.example/status/UP-2026-0000042";
    snprintf (text, sizeof text, "Complaint UP-2026-0000042: action taken: %s. Status: %s", note,
              url);
    assert_true (nt_text_x_length (text) > NT_TEXT_X_MAX);
    char *fit = nt_text_x_fit (text, NT_TEXT_X_MAX);
    assert_non_null (fit);
    assert_true (nt_text_x_length (fit) <= NT_TEXT_X_MAX);
    //  Close to the limit, not cut far short of it
    assert_true (nt_text_x_length (fit) >= NT_TEXT_X_MAX - 3);
    assert_true (strncmp (fit, "Complaint UP-2026-0000042: action taken: ", 41) == 0);
    assert_true (s_ends_with (fit, url));
    assert_non_null (strstr (fit, "\xE2\x80\xA6 https://"));   //  "… " before the link
    free (fit);
}

static void
test_fit_long_hindi_keeps_graphemes (void **state)
{
    (void) state;
    //  "कि" is क + vowel sign ि: two code points, one grapheme.  A cut
    //  between them would leave a vowel sign hanging on the ellipsis.
    char text[4000] = "शिकायत UP-2026-0000007 पर कार्यवाही: ";
    for (int i = 0; i < 200; i++)
        strcat (text, "कि");
    strcat (text, " स्थिति: https://sunwai.example/status/UP-2026-0000007");
    char *fit = nt_text_x_fit (text, NT_TEXT_X_MAX);
    assert_non_null (fit);
    assert_true (nt_text_x_length (fit) <= NT_TEXT_X_MAX);
    assert_true (utf8proc_decompose ((const utf8proc_uint8_t *) fit, 0, NULL, 0, 0) >= 0);
    const char *ellipsis = strstr (fit, "\xE2\x80\xA6");
    assert_non_null (ellipsis);
    //  The code point before the ellipsis ends a "कि" (it is ि, E0 A4 BF)
    assert_true (ellipsis - fit >= 3);
    assert_memory_equal (ellipsis - 3, "\xE0\xA4\xBF", 3);
    assert_true (s_ends_with (fit, "https://sunwai.example/status/UP-2026-0000007"));
    free (fit);
}

static void
test_fit_impossible (void **state)
{
    (void) state;
    //  The link alone (23) plus the ellipsis does not fit in 20
    assert_null (nt_text_x_fit ("words words words https://a.example/x", 20));
    //  Without a link the text is simply cut
    char *fit = nt_text_x_fit ("abcdefghijklmnopqrstuvwxyz", 10);
    assert_string_equal (fit, "abcdefgh\xE2\x80\xA6");
    assert_int_equal (nt_text_x_length (fit), 10);
    free (fit);
}

static void
test_same_post (void **state)
{
    (void) state;
    const char *sent = "Your complaint UP-2026-0000001 has been registered. Status: "
                       "https://sunwai.example/status/UP-2026-0000001";
    //  X gives the text back with the link as t.co
    assert_true (nt_text_same_post (sent, "Your complaint UP-2026-0000001 has been registered. "
                                          "Status: https://t.co/AbCdEf1234"));
    assert_true (nt_text_same_post (sent, "Your  complaint UP-2026-0000001 has been\nregistered."
                                          " Status: https://t.co/x"));
    assert_false (nt_text_same_post (sent, "Your complaint UP-2026-0000002 has been registered. "
                                           "Status: https://t.co/AbCdEf1234"));
    assert_false (nt_text_same_post (sent, ""));
}

static void
test_rate_bucket (void **state)
{
    (void) state;
    nt_rate_t r;
    nt_rate_init (&r, 2, 2, 100.0);
    assert_true (nt_rate_take (&r, 100.0));
    assert_true (nt_rate_take (&r, 100.0));
    assert_false (nt_rate_take (&r, 100.0));
    assert_true (nt_rate_wait (&r, 100.0) > 0.49 && nt_rate_wait (&r, 100.0) < 0.51);
    assert_false (nt_rate_take (&r, 100.25));
    assert_true (nt_rate_take (&r, 100.5));
    //  Tokens never pile up beyond the burst
    assert_true (nt_rate_take (&r, 1000.0));
    assert_true (nt_rate_take (&r, 1000.0));
    assert_false (nt_rate_take (&r, 1000.0));
}

static void
test_rate_pause (void **state)
{
    (void) state;
    nt_rate_t r;
    nt_rate_init (&r, 0, 0, 0);   //  no local limit
    for (int i = 0; i < 1000; i++)
        assert_true (nt_rate_take (&r, 1.0));
    nt_rate_pause (&r, 10.0);
    assert_false (nt_rate_take (&r, 5.0));
    assert_true (nt_rate_wait (&r, 5.0) > 4.99 && nt_rate_wait (&r, 5.0) < 5.01);
    nt_rate_pause (&r, 7.0);   //  an earlier reset does not shorten the pause
    assert_false (nt_rate_take (&r, 8.0));
    assert_true (nt_rate_take (&r, 10.0));
    assert_true (nt_rate_wait (&r, 10.0) == 0);
}

int
main (void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test (test_length),
        cmocka_unit_test (test_fit_short_unchanged),
        cmocka_unit_test (test_fit_long_english),
        cmocka_unit_test (test_fit_long_hindi_keeps_graphemes),
        cmocka_unit_test (test_fit_impossible),
        cmocka_unit_test (test_same_post),
        cmocka_unit_test (test_rate_bucket),
        cmocka_unit_test (test_rate_pause),
    };
    return cmocka_run_group_tests (tests, NULL, NULL);
}
