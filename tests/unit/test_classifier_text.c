/*  Unit tests for cls_text: tokens of Devanagari, romanised Hindi,
    English and mixed text; URLs, mentions, hashtags, numbers and phone
    numbers; emoji; invalid UTF-8; nukta and chandrabindu folding; and the
    romanised keys that make the two scripts meet. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "cls_text.h"

//  Tokenises text and checks tokens and keys against want, a NULL-ended
//  list of "token", "key" pairs (key NULL: not checked).
static void
s_check (const char *text, const char *const *want)
{
    cls_tokens_t tokens;
    cls_tokens_init (&tokens);
    assert_int_equal (cls_text_tokens (text, &tokens), 0);
    size_t n = 0;
    while (want[2 * n])
        n++;
    for (size_t i = 0; i < n && i < tokens.count; i++) {
        assert_string_equal (tokens.tokens[i], want[2 * i]);
        if (want[2 * i + 1])
            assert_string_equal (tokens.keys[i], want[2 * i + 1]);
    }
    assert_int_equal (tokens.count, n);
    cls_tokens_clear (&tokens);
}

static char *
s_key (const char *text)
{
    char *key = cls_text_romanize (text);
    assert_non_null (key);
    return key;
}

//  Every spelling in the NULL-ended list has the key want.
static void
s_same_key (const char *want, const char *const *spellings)
{
    for (size_t i = 0; spellings[i]; i++) {
        char *key = s_key (spellings[i]);
        assert_string_equal (key, want);
        free (key);
        //  The tokeniser gives the same key.
        cls_tokens_t tokens;
        cls_tokens_init (&tokens);
        assert_int_equal (cls_text_tokens (spellings[i], &tokens), 0);
        assert_int_equal (tokens.count, 1);
        assert_string_equal (tokens.keys[0], want);
        cls_tokens_clear (&tokens);
    }
}

static void
test_devanagari (void **state)
{
    //  मेरी बाइक चोरी हो गई।
    cls_tokens_t tokens;
    cls_tokens_init (&tokens);
    assert_int_equal (cls_text_tokens ("मेरी बाइक चोरी हो गई। कृपया मदद करें!!", &tokens), 0);
    assert_int_equal (tokens.count, 8);
    assert_int_equal (tokens.devanagari, 8);
    assert_int_equal (tokens.latin, 0);
    const char *want[] = { "मेरी", "बाइक", "चोरी", "हो", "गई", "कृपया", "मदद", "करें" };
    const char *keys[] = { "meri", "baik", "chori", "ho", "gai", "kripy", "madad", "karen" };
    for (size_t i = 0; i < 8; i++) {
        assert_string_equal (tokens.tokens[i], want[i]);
        assert_string_equal (tokens.keys[i], keys[i]);
    }
    cls_tokens_clear (&tokens);
    assert_int_equal (tokens.count, 0);
    assert_null (tokens.tokens);

    //  Matras, virama and anusvara stay inside the word.
    const char *signs[] = { "क्या", "ky", "किताब", "kitab", "संत", "sant", "पुलिस", "pulis", NULL };
    s_check ("क्या किताब संत पुलिस", signs);
    //  The danda and other punctuation split words.
    const char *danda[] = { "थाना", "than", "चौकी", "choki", NULL };
    s_check ("थाना।चौकी॥", danda);
    //  Schwa deletion inside words, and where it keeps the vowel.
    char *key = s_key ("लड़की");
    assert_string_equal (key, "ladki");
    free (key);
    key = s_key ("समझ");
    assert_string_equal (key, "samajh");
    free (key);
    key = s_key ("कमला");
    assert_string_equal (key, "kaml");
    free (key);
}

static void
test_romanised_and_english (void **state)
{
    const char *romanised[] = { "meri", "meri", "bike", "bike", "chori", "chori", "ho", "ho",
                                "gayi", "gayi", NULL };
    s_check ("Meri BIKE chori ho gayi", romanised);

    const char *english[] = { "my", "my", "phone", "phone", "was", "vas", "stolen", "stolen",
                              "please", "please", "help", "help", NULL };
    s_check ("My phone was stolen!!! Please, help.", english);

    //  Apostrophes join, hyphens split, diacritics stay in the token but
    //  not in the key.
    const char *marks[] = { "dont", "dont", "e", "e", "mail", "mail", "café", "kaphe", NULL };
    s_check ("don't e-mail Café", marks);

    cls_tokens_t tokens;
    cls_tokens_init (&tokens);
    assert_int_equal (cls_text_tokens ("Meri BIKE chori ho gayi", &tokens), 0);
    assert_int_equal (tokens.latin, 5);
    assert_int_equal (tokens.devanagari, 0);
    cls_tokens_clear (&tokens);
}

static void
test_mixed (void **state)
{
    cls_tokens_t tokens;
    cls_tokens_init (&tokens);
    assert_int_equal (cls_text_tokens ("Hazratganj थाना me FIR nahi likhi, पुलिसwale sun nahi rahe",
                                       &tokens),
                      0);
    const char *want[] = { "hazratganj", "थाना", "me", "fir", "nahi", "likhi",
                           "पुलिस", "wale", "sun", "nahi", "rahe" };
    assert_int_equal (tokens.count, 11);
    for (size_t i = 0; i < 11; i++)
        assert_string_equal (tokens.tokens[i], want[i]);
    assert_int_equal (tokens.devanagari, 2);
    assert_int_equal (tokens.latin, 9);
    assert_string_equal (tokens.keys[0], "hajratganj");
    assert_string_equal (tokens.keys[3], "phir");
    assert_string_equal (tokens.keys[7], "vale");
    cls_tokens_clear (&tokens);

    //  Tokenising again into the same structure replaces its contents.
    assert_int_equal (cls_text_tokens ("चोरी", &tokens), 0);
    assert_int_equal (cls_text_tokens ("chori ho gayi", &tokens), 0);
    assert_int_equal (tokens.count, 3);
    assert_int_equal (tokens.devanagari, 0);
    assert_int_equal (tokens.latin, 3);
    cls_tokens_clear (&tokens);
}

static void
test_special_tokens (void **state)
{
    const char *urls[] = { "see", "si", "<url>", "", "<url>", "", "<url>", "", "<url>", "",
                           "and", "and", NULL };
    s_check ("see https://t.co/AbC123 http://Example.com/x?y=1 www.up.gov.in/fir t.co/xyz and",
             urls);

    const char *mention[] = { "<mention>", "", "@uppolice", "", "<mention>", "", "@lkopolice", "",
                              "help", "help", NULL };
    s_check ("@UPPolice @lkopolice help", mention);
    //  An e-mail address is not a mention.
    const char *email[] = { "ram", "ram", "gmail", "gmail", "com", "kom", NULL };
    s_check ("ram@gmail.com", email);

    const char *hashtag[] = { "<hashtag>", "", "lucknowpolice", "luknovpolise", "<hashtag>", "",
                              "चोरी", "chori", NULL };
    s_check ("#LucknowPolice #चोरी", hashtag);

    const char *numbers[] = { "<phone>", "", "<num>", "", "<num>", "", "<phone>", "",
                              "<num>", "", "<num>", "", "<num>", "", NULL };
    s_check ("9876543210 1234567890 98765432101 ९८७६५४३२१० १२३ 12,000", numbers);

    //  +91 prefix: the plus is punctuation, 91 a number of its own.
    const char *prefixed[] = { "call", "kal", "<num>", "", "<phone>", "", NULL };
    s_check ("call +91 7007001234", prefixed);

    //  Digits glued to letters split from them.
    const char *glued[] = { "up", "up", "<num>", "", "ab", "ab", "<num>", "", NULL };
    s_check ("UP32AB1234", glued);
}

static void
test_emoji (void **state)
{
    const char *want[] = { "help", "help", "please", "please", "धन्यवाद", NULL, NULL };
    s_check ("help 🙏🏽 please ❤️ 😀 👨‍👩‍👧 धन्यवाद 🇮🇳", want);
    const char *none[] = { NULL };
    s_check ("😀😀😀 🙏", none);
    s_check ("", none);
    s_check ("  ,,, !!! ...", none);

    cls_tokens_t tokens;
    cls_tokens_init (&tokens);
    assert_int_equal (cls_text_tokens (NULL, &tokens), 0);
    assert_int_equal (tokens.count, 0);
    assert_int_equal (cls_text_tokens ("x", NULL), -1);
    assert_null (cls_text_romanize (NULL));
}

static void
test_invalid_bytes (void **state)
{
    const char *none[] = { NULL };
    s_check ("\xff\xfe", none);
    s_check ("\xc0\x80\xed\xa0\x80", none);               //  overlong NUL, a surrogate

    //  A truncated sequence at the end, and one in the middle.
    const char *truncated[] = { "chori", "chori", NULL };
    s_check ("chori \xe0\xa4", truncated);
    const char *middle[] = { "चोरी", "chori", "hui", "hui", NULL };
    s_check ("चोरी \xe0\xa4 hui", middle);
    //  Dropped bytes inside a word join its halves.
    const char *inside[] = { "abcd", "abkd", NULL };
    s_check ("ab\xff\xfe" "cd", inside);

    char *key = s_key ("\xff" "chori\xe0");
    assert_string_equal (key, "chori");
    free (key);
}

static void
test_nukta_and_chandrabindu (void **state)
{
    //  Precomposed क़ (U+0958) and decomposed ज + nukta both lose the nukta.
    const char *nukta[] = { "कलम", "kalam", "जमीन", "jamin", "जमीन", "jamin", "फोन", "phon", NULL };
    s_check ("\xe0\xa5\x98लम ज़मीन \xe0\xa4\x9c\xe0\xa4\xbcमीन फ़ोन", nukta);

    //  Chandrabindu becomes anusvara: गाँव and गांव are one token.
    const char *village[] = { "गांव", "ganv", "गांव", "ganv", NULL };
    s_check ("गाँव गांव", village);

    //  ड़ (U+095C precomposed, or ड + nukta) is ड.
    const char *cart[] = { "गाडी", "gadi", "गाडी", "gadi", NULL };
    s_check ("गा\xe0\xa5\x9cी गाड़ी", cart);
}

static void
test_key_collisions (void **state)
{
    const char *theft[] = { "चोरी", "chori", "choree", "chouri", "CHORI", "chorí", NULL };
    s_same_key ("chori", theft);
    const char *lucknow[] = { "लखनऊ", "lakhnau", "Lakhnau", NULL };
    s_same_key ("lakhno", lucknow);
    const char *station[] = { "थाना", "thana", "thaana", NULL };
    s_same_key ("than", station);
    const char *help[] = { "मदद", "madad", NULL };
    s_same_key ("madad", help);
    const char *cart[] = { "गाड़ी", "gadi", "gaadi", "gaddi", NULL };
    s_same_key ("gadi", cart);
    const char *complaint[] = { "शिकायत", "shikayat", "shikaayat", NULL };
    s_same_key ("sikayat", complaint);
    const char *land[] = { "ज़मीन", "जमीन", "zameen", "jamin", NULL };
    s_same_key ("jamin", land);

    //  Documented misses: these spellings do not meet.
    char *a = s_key ("lucknow");
    assert_string_equal (a, "luknov");
    char *b = s_key ("लखनऊ");
    assert_string_not_equal (a, b);
    free (a);
    free (b);
    a = s_key ("police");
    b = s_key ("पुलिस");
    assert_string_equal (a, "polise");
    assert_string_equal (b, "pulis");
    free (a);
    free (b);
    a = s_key ("bike");
    b = s_key ("बाइक");
    assert_string_not_equal (a, b);
    free (a);
    free (b);

    //  Several words: keys separated by single spaces.
    a = s_key ("Hazrat  Ganj, लखनऊ");
    assert_string_equal (a, "hajrat ganj lakhno");
    free (a);
}

int
main (void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test (test_devanagari),
        cmocka_unit_test (test_romanised_and_english),
        cmocka_unit_test (test_mixed),
        cmocka_unit_test (test_special_tokens),
        cmocka_unit_test (test_emoji),
        cmocka_unit_test (test_invalid_bytes),
        cmocka_unit_test (test_nukta_and_chandrabindu),
        cmocka_unit_test (test_key_collisions),
    };
    return cmocka_run_group_tests (tests, NULL, NULL);
}
