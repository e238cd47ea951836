/*  Unit tests for cls_lang: Devanagari Hindi, romanised Hindi, English,
    the mixtures, and text with no words. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "cls_lang.h"
#include "cls_text.h"

static void
s_check (const char *text, const char *want)
{
    cls_tokens_t tokens;
    cls_tokens_init (&tokens);
    assert_int_equal (cls_text_tokens (text, &tokens), 0);
    const char *got = cls_lang_detect (&tokens);
    if (strcmp (got, want) != 0)
        print_error ("\"%s\": %s, wanted %s\n", text, got, want);
    assert_string_equal (got, want);
    cls_tokens_clear (&tokens);
}

static void
test_hindi (void **state)
{
    s_check ("मेरी मोटरसाइकिल घर के बाहर से चोरी हो गई है, कृपया मदद करें", "hi");
    s_check ("थाने वाले सुन नहीं रहे", "hi");
    //  a few English words in Devanagari text
    s_check ("मेरी bike चोरी हो गई है कृपया मदद करें", "hi");
}

static void
test_romanised_hindi (void **state)
{
    s_check ("meri bike chori ho gayi hai thane wale sun nahi rahe", "hi-Latn");
    s_check ("Sir mera phone kisi ne chura liya, kripya madad karein", "hi-Latn");
    s_check ("bhai koi sunta hi nhi h", "hi-Latn");
}

static void
test_english (void **state)
{
    s_check ("my bike was stolen near the market please help", "en");
    s_check ("Someone has been threatening me on the phone since yesterday", "en");
    //  Latin words without markers of either language
    s_check ("Hazratganj Lucknow", "en");
}

static void
test_mixed (void **state)
{
    //  both scripts
    s_check ("मेरी bike stolen हो गई please help करें", "mixed");
    s_check ("FIR not registered, थाने में कोई सुन नहीं रहा, please take action", "mixed");
    //  Latin script, English and romanised Hindi in near-equal parts
    s_check ("sir meri bike chori ho gayi hai near the market please help", "mixed");
}

static void
test_undetermined (void **state)
{
    s_check ("", "und");
    s_check ("😀😀🙏", "und");
    s_check ("9876543210 12/05/2024 !!!", "und");
    s_check ("https://t.co/abc", "und");
    assert_string_equal (cls_lang_detect (NULL), "und");
    cls_tokens_t empty;
    cls_tokens_init (&empty);
    assert_string_equal (cls_lang_detect (&empty), "und");
}

int
main (void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test (test_hindi),   cmocka_unit_test (test_romanised_hindi),
        cmocka_unit_test (test_english), cmocka_unit_test (test_mixed),
        cmocka_unit_test (test_undetermined),
    };
    return cmocka_run_group_tests (tests, NULL, NULL);
}
