/*  Unit tests for sw_pii: mobile numbers, Aadhaar numbers (Verhoeff),
    vehicle registrations and e-mail addresses with their exact byte spans,
    in English and in Devanagari text; the things that look like numbers
    but are not PII (dates, amounts, times, FIR numbers, pincodes, runs of
    the wrong length); masking; and random bytes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sw_pii.h"

typedef struct {
    sw_pii_kind_t kind;         //  what should be found
    const char *text;            //  the bytes it should span
} s_want_t;

//  Checks that text yields exactly the wanted spans, in order; each
//  wanted text is looked for after the previous span.
static void
s_check (const char *text, const s_want_t *want, size_t n)
{
    sw_pii_span_t spans[16];
    size_t got = sw_pii_find (text, spans, 16);
    if (got != n) {
        print_error ("\"%s\": %zu spans, wanted %zu\n", text, got, n);
        for (size_t i = 0; i < got; i++)
            print_error ("  %s [%zu, %zu) \"%.*s\"\n", sw_pii_kind_name (spans[i].kind),
                         spans[i].start, spans[i].end, (int) (spans[i].end - spans[i].start),
                         text + spans[i].start);
    }
    assert_int_equal (got, n);
    size_t from = 0;
    for (size_t i = 0; i < n; i++) {
        const char *at = strstr (text + from, want[i].text);
        assert_non_null (at);
        size_t start = (size_t) (at - text);
        if (spans[i].start != start || spans[i].end != start + strlen (want[i].text)
            || spans[i].kind != want[i].kind)
            print_error ("\"%s\": span %zu is %s [%zu, %zu), wanted %s [%zu, %zu)\n", text, i,
                         sw_pii_kind_name (spans[i].kind), spans[i].start, spans[i].end,
                         sw_pii_kind_name (want[i].kind), start, start + strlen (want[i].text));
        assert_int_equal (spans[i].kind, want[i].kind);
        assert_int_equal (spans[i].start, start);
        assert_int_equal (spans[i].end, start + strlen (want[i].text));
        from = spans[i].end;
    }
}

static void
s_check_one (const char *text, sw_pii_kind_t kind, const char *span)
{
    s_want_t want = { kind, span };
    s_check (text, &want, 1);
}

static void
s_check_none (const char *text)
{
    s_check (text, NULL, 0);
}

//  The Verhoeff check digit for a string of digits, computed
//  independently of sw_pii from the standard d, p and inv tables.
static char
s_verhoeff_digit (const char *digits)
{
    static const int d[10][10] = {
        { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 }, { 1, 2, 3, 4, 0, 6, 7, 8, 9, 5 },
        { 2, 3, 4, 0, 1, 7, 8, 9, 5, 6 }, { 3, 4, 0, 1, 2, 8, 9, 5, 6, 7 },
        { 4, 0, 1, 2, 3, 9, 5, 6, 7, 8 }, { 5, 9, 8, 7, 6, 0, 4, 3, 2, 1 },
        { 6, 5, 9, 8, 7, 1, 0, 4, 3, 2 }, { 7, 6, 5, 9, 8, 2, 1, 0, 4, 3 },
        { 8, 7, 6, 5, 9, 3, 2, 1, 0, 4 }, { 9, 8, 7, 6, 5, 4, 3, 2, 1, 0 }
    };
    static const int p[8][10] = {
        { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 }, { 1, 5, 7, 6, 2, 8, 3, 0, 9, 4 },
        { 5, 8, 0, 3, 7, 9, 6, 1, 4, 2 }, { 8, 9, 1, 6, 0, 4, 3, 5, 2, 7 },
        { 9, 4, 5, 3, 1, 2, 6, 8, 7, 0 }, { 4, 2, 8, 6, 5, 7, 3, 9, 0, 1 },
        { 2, 7, 9, 3, 8, 0, 6, 4, 1, 5 }, { 7, 0, 4, 6, 9, 1, 3, 2, 5, 8 }
    };
    static const int inv[10] = { 0, 4, 3, 2, 1, 5, 6, 7, 8, 9 };
    int c = 0;
    size_t n = strlen (digits);
    for (size_t i = 0; i < n; i++)
        c = d[c][p[(i + 1) % 8][digits[n - 1 - i] - '0']];
    return (char) ('0' + inv[c]);
}

static void
test_verhoeff (void **state)
{
    //  the generator below against the textbook vectors
    assert_int_equal (s_verhoeff_digit ("236"), '3');
    assert_int_equal (s_verhoeff_digit ("12345"), '1');
    assert_int_equal (s_verhoeff_digit ("142857"), '0');
    assert_int_equal (s_verhoeff_digit ("23412341234"), '6');
    //  the number often quoted as a sample Aadhaar
    assert_true (sw_pii_verhoeff_ok ("234123412346"));
    assert_false (sw_pii_verhoeff_ok ("234123412345"));
    assert_false (sw_pii_verhoeff_ok ("234123412"));
    assert_false (sw_pii_verhoeff_ok ("2341234123467"));
    assert_false (sw_pii_verhoeff_ok ("23412341234a"));
    assert_false (sw_pii_verhoeff_ok (NULL));

    //  every check digit computed here passes; every other digit fails,
    //  and so does every single-digit change
    uint64_t seed = 42;
    for (int round = 0; round < 500; round++) {
        char number[13];
        for (int i = 0; i < 11; i++) {
            seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
            number[i] = (char) ('0' + (seed >> 33) % 10);
        }
        number[11] = '\0';
        number[11] = s_verhoeff_digit (number);
        number[12] = '\0';
        assert_true (sw_pii_verhoeff_ok (number));
        for (int i = 0; i < 12; i++) {
            char saved = number[i];
            number[i] = (char) ('0' + (saved - '0' + 1 + round % 9) % 10);
            assert_false (sw_pii_verhoeff_ok (number));
            number[i] = saved;
        }
    }
}

static void
test_phone (void **state)
{
    s_check_one ("call 9876543210 now", SW_PII_PHONE, "9876543210");
    s_check_one ("mera number +91 98765 43210 hai", SW_PII_PHONE, "+91 98765 43210");
    s_check_one ("+91-98765-43210", SW_PII_PHONE, "+91-98765-43210");
    s_check_one ("+919876543210.", SW_PII_PHONE, "+919876543210");
    s_check_one ("91 9876543210", SW_PII_PHONE, "91 9876543210");
    s_check_one ("919876543210", SW_PII_PHONE, "919876543210");
    s_check_one ("0 98765 43210", SW_PII_PHONE, "0 98765 43210");
    s_check_one ("09876543210", SW_PII_PHONE, "09876543210");
    s_check_one ("(98765-43210)", SW_PII_PHONE, "98765-43210");
    s_check_one ("987 654 3210", SW_PII_PHONE, "987 654 3210");
    s_check_one ("mob:6000000000", SW_PII_PHONE, "6000000000");
    s_check_one ("Mob9876543210", SW_PII_PHONE, "9876543210");

    //  in Devanagari text, with ASCII and with Devanagari digits
    const char *hindi = "मेरा नंबर 9876543210 है";
    s_check_one (hindi, SW_PII_PHONE, "9876543210");
    sw_pii_span_t span;
    assert_int_equal (sw_pii_find (hindi, &span, 1), 1);
    assert_int_equal (span.start, 26);
    assert_int_equal (span.end, 36);
    s_check_one ("मेरा नंबर ९८७६५४३२१० है", SW_PII_PHONE, "९८७६५४३२१०");
    s_check_one ("नंबर9876543210पर", SW_PII_PHONE, "9876543210");

    s_want_t two[] = { { SW_PII_PHONE, "9876543210" }, { SW_PII_PHONE, "8765432109" } };
    s_check ("9876543210 ya 8765432109", two, 2);
    s_check ("9876543210, 8765432109", two, 2);

    //  first digit 0-5, too short, too long, split wrongly
    s_check_none ("5876543210");
    s_check_none ("987654321");
    s_check_none ("98765432101");       //  11 digits
    s_check_none ("12345678901");
    s_check_none ("9876543210123");     //  13 digits
    s_check_none ("98765 432101");
    s_check_none ("9 876543210");
    s_check_none ("98765-43210-12");
    s_check_none ("1.9876543210");
    s_check_none ("12/9876543210");
}

static void
test_aadhaar (void **state)
{
    s_check_one ("aadhaar 2341 2341 2346 hai", SW_PII_AADHAAR, "2341 2341 2346");
    s_check_one ("234123412346", SW_PII_AADHAAR, "234123412346");
    s_check_one ("2341-2341-2346", SW_PII_AADHAAR, "2341-2341-2346");
    s_check_one ("आधार २३४१ २३४१ २३४६ है", SW_PII_AADHAAR, "२३४१ २३४१ २३४६");

    //  one digit changed: fails Verhoeff, so it is nothing
    s_check_none ("aadhaar 2341 2341 2345 hai");
    s_check_none ("234123412345");
    s_check_none ("2341 2341 2356");
    //  first digit 0 or 1, mixed or partial grouping, part of a longer run
    char number[13] = "10000000000";
    number[11] = s_verhoeff_digit (number);
    number[12] = '\0';
    assert_true (sw_pii_verhoeff_ok (number));
    s_check_none (number);
    s_check_none ("2341 23412346");
    s_check_none ("2341 2341-2346");
    s_check_none ("2341 2341 2346 7890");
    s_check_none ("1234 5678 9012 3456");
    s_check_none ("2341234123461");

    //  computed numbers, grouped and not
    uint64_t seed = 7;
    for (int round = 0; round < 100; round++) {
        char digits[13];
        for (int i = 0; i < 11; i++) {
            seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
            digits[i] = (char) ('0' + (seed >> 33) % 10);
        }
        digits[0] = (char) ('2' + round % 8);
        digits[11] = '\0';
        digits[11] = s_verhoeff_digit (digits);
        digits[12] = '\0';
        char grouped[15];
        snprintf (grouped, sizeof grouped, "%.4s %.4s %.4s", digits, digits + 4, digits + 8);
        char text[64];
        snprintf (text, sizeof text, "UID %s.", grouped);
        s_check_one (text, SW_PII_AADHAAR, grouped);
        snprintf (text, sizeof text, "UID %s.", digits);
        s_check_one (text, SW_PII_AADHAAR, digits);
    }
}

static void
test_vehicle (void **state)
{
    s_check_one ("UP32AB1234", SW_PII_VEHICLE, "UP32AB1234");
    s_check_one ("gaadi UP 32 AB 1234 chori", SW_PII_VEHICLE, "UP 32 AB 1234");
    s_check_one ("DL-3C-AB-1234", SW_PII_VEHICLE, "DL-3C-AB-1234");
    s_check_one ("DL3CAB1234", SW_PII_VEHICLE, "DL3CAB1234");
    s_check_one ("KA01MJ2022", SW_PII_VEHICLE, "KA01MJ2022");
    s_check_one ("MH12DE1433,", SW_PII_VEHICLE, "MH12DE1433");
    s_check_one ("HR26 DQ 5551", SW_PII_VEHICLE, "HR26 DQ 5551");
    s_check_one ("bike no up32ab1234 hai", SW_PII_VEHICLE, "up32ab1234");
    s_check_one ("UP 32 1234", SW_PII_VEHICLE, "UP 32 1234");
    s_check_one ("22BH1234AA", SW_PII_VEHICLE, "22BH1234AA");
    s_check_one ("22 BH 1234 A", SW_PII_VEHICLE, "22 BH 1234 A");
    s_check_one ("मेरी गाड़ी UP32AB1234 चोरी हो गई", SW_PII_VEHICLE, "UP32AB1234");
    s_check_one ("मेरी गाड़ी UP 32 AB 1234 चोरी हो गई", SW_PII_VEHICLE, "UP 32 AB 1234");
    s_check_one ("गाड़ीUP32AB1234", SW_PII_VEHICLE, "UP32AB1234");

    s_check_none ("XX32AB1234");        //  not a state code
    s_check_none ("UP32ABCD1234");      //  four series letters
    s_check_none ("UP32AB12345");       //  five digits
    s_check_none ("AUP32AB1234");       //  not a whole word
    s_check_none ("UP32AB1234X");
    s_check_none ("UP 2024");
    s_check_none ("UP2024");
    s_check_none ("MP3 player");
    s_check_none ("ka 2 log 5");
    s_check_none ("up 32 ab 1234");     //  spaced out: upper case only
    s_check_none ("UP 32 AB 12");       //  spaced out: four digits only
    s_check_none ("22BH1234");
    s_check_none ("22BH1234ABC");
}

static void
test_email (void **state)
{
    s_check_one ("mail me at ravi.kumar@gmail.com.", SW_PII_EMAIL, "ravi.kumar@gmail.com");
    s_check_one ("<a_b+tag@mail.example.co.in>", SW_PII_EMAIL, "a_b+tag@mail.example.co.in");
    s_check_one ("ईमेल ravi9876543210@yahoo.in पर", SW_PII_EMAIL, "ravi9876543210@yahoo.in");
    s_check_none ("@lkopolice");
    s_check_none ("ravi@localhost");
    s_check_none ("ravi@gmail.c");
    s_check_none ("ravi@@gmail.com");
    s_check_none ("ravi.@gmail.com");
    s_check_none ("ravi@-gmail.com");
    s_check_none ("ravi@gmail.123");
}

static void
test_not_pii (void **state)
{
    s_check_none ("12/05/2024");
    s_check_none ("2024-05-12");
    s_check_none ("12.05.2024 ko 10:30 baje");
    s_check_none ("₹5000 le gaye");
    s_check_none ("₹ 9876543210");
    s_check_none ("Rs. 10,000");
    s_check_none ("Rs.9876543210");
    s_check_none ("INR 9876543210");
    s_check_none ("5,000 rupees");
    s_check_none ("FIR no. 123/2024");
    s_check_none ("FIR 0123/2024 dated 12/05/2024");
    s_check_none ("pincode 226001");
    s_check_none ("226001 Lucknow");
    s_check_none ("");
    assert_int_equal (sw_pii_find (NULL, NULL, 0), 0);
    sw_pii_span_t span;
    assert_int_equal (sw_pii_find ("9876543210", &span, 0), 0);
    assert_int_equal (sw_pii_find ("9876543210", NULL, 4), 0);
}

static void
test_mixed_and_max (void **state)
{
    const char *text = "Sir, UP32AB1234 chori, call +91 98765 43210 or a@b.in, "
                       "aadhaar 2341 2341 2346, FIR 12/2024";
    s_want_t want[] = {
        { SW_PII_VEHICLE, "UP32AB1234" },
        { SW_PII_PHONE, "+91 98765 43210" },
        { SW_PII_EMAIL, "a@b.in" },
        { SW_PII_AADHAAR, "2341 2341 2346" },
    };
    s_check (text, want, 4);
    sw_pii_span_t spans[2];
    assert_int_equal (sw_pii_find (text, spans, 2), 2);
    assert_int_equal (spans[1].kind, SW_PII_PHONE);
}

static void
test_mask (void **state)
{
    char *masked = sw_pii_mask ("Sir, UP32AB1234 chori, call +91 98765 43210 or a@b.in, "
                                 "aadhaar 2341 2341 2346, FIR 12/2024");
    assert_non_null (masked);
    assert_string_equal (masked, "Sir, [vehicle] chori, call [phone] or [email], "
                                 "aadhaar [aadhaar], FIR 12/2024");
    free (masked);

    masked = sw_pii_mask ("मेरा नंबर ९८७६५४३२१० है");
    assert_string_equal (masked, "मेरा नंबर [phone] है");
    free (masked);

    //  replacements longer than the text they replace
    masked = sw_pii_mask ("a@b.in,a@b.in,DL1A1,DL1A1");
    assert_string_equal (masked, "[email],[email],[vehicle],[vehicle]");
    free (masked);

    masked = sw_pii_mask ("nothing here");
    assert_string_equal (masked, "nothing here");
    free (masked);
    masked = sw_pii_mask ("");
    assert_string_equal (masked, "");
    free (masked);
    assert_null (sw_pii_mask (NULL));

    assert_string_equal (sw_pii_kind_name (SW_PII_PHONE), "phone");
    assert_string_equal (sw_pii_kind_name (SW_PII_AADHAAR), "aadhaar");
    assert_string_equal (sw_pii_kind_name (SW_PII_VEHICLE), "vehicle");
    assert_string_equal (sw_pii_kind_name (SW_PII_EMAIL), "email");
}

//  Random bytes (and random digits, letters and separators, which reach
//  the scanners' inner paths): spans must be in order, inside the text,
//  and masking must not crash.
static void
test_random_bytes (void **state)
{
    static const char alphabet[] = "0123456789 -+@.UPDLBHabk\xE0\xA5\xA6\xAF";
    uint64_t seed = 0xC0FFEEULL;
    char text[400];
    for (int round = 0; round < 2000; round++) {
        seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
        size_t len = (seed >> 33) % (sizeof text - 1);
        for (size_t i = 0; i < len; i++) {
            seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
            unsigned value = (unsigned) (seed >> 33);
            char c = round % 2 ? (char) value : alphabet[value % (sizeof alphabet - 1)];
            text[i] = c ? c : '1';
        }
        text[len] = '\0';
        sw_pii_span_t spans[64];
        size_t n = sw_pii_find (text, spans, 64);
        for (size_t i = 0; i < n; i++) {
            assert_true (spans[i].start < spans[i].end);
            assert_true (spans[i].end <= len);
            if (i > 0)
                assert_true (spans[i - 1].end <= spans[i].start);
        }
        char *masked = sw_pii_mask (text);
        assert_non_null (masked);
        free (masked);
    }
}

int
main (void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test (test_verhoeff),     cmocka_unit_test (test_phone),
        cmocka_unit_test (test_aadhaar),      cmocka_unit_test (test_vehicle),
        cmocka_unit_test (test_email),        cmocka_unit_test (test_not_pii),
        cmocka_unit_test (test_mixed_and_max), cmocka_unit_test (test_mask),
        cmocka_unit_test (test_random_bytes),
    };
    return cmocka_run_group_tests (tests, NULL, NULL);
}
