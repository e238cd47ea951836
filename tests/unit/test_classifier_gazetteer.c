/*  Unit tests for cls_gazetteer: loading (and the errors, with line
    numbers, for broken files), matching Devanagari and Latin names to the
    same station, longest match, ambiguity and its resolution by a district
    mention, places outside the jurisdiction, district lookup, random bytes,
    and, when deploy/up/gazetteer.yaml is in the source tree, a few known
    places of Uttar Pradesh. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cls_gazetteer.h"
#include "cls_text.h"

//  Two districts sharing the tehsil name "Sadar" and the station name
//  "Kotwali", a tehsil named like its district, a station spelt in both
//  scripts, a station whose name is a prefix of another's, a third
//  district sharing nothing, and an outside place.
static const char *s_yaml =
    "state: test\n"
    "name: Test Pradesh\n"
    "districts:\n"
    "  - code: \"162\"\n"
    "    name: LUCKNOW\n"
    "    names: [Lucknow, लखनऊ, Lakhnau, Lko]\n"
    "    tehsils: [Lucknow, Malihabad, मलिहाबाद, Sadar]\n"
    "    police_stations:\n"
    "      - name: Hazratganj\n"
    "        names: [Hazratganj, हजरतगंज, Hazrat Ganj]\n"
    "      - name: Gomti Nagar\n"
    "        names: [Gomti Nagar, गोमती नगर]\n"
    "      - name: Gomti Nagar Extension\n"
    "        names: [Gomti Nagar Extension, गोमती नगर विस्तार]\n"
    "      - Kotwali\n"
    "  - code: \"164\"\n"
    "    name: KANPUR NAGAR\n"
    "    names: [Kanpur, कानपुर, Cawnpore]\n"
    "    tehsils: [Bilhaur, Sadar]\n"
    "    police_stations:\n"
    "      - name: Kotwali\n"
    "        names: [Kotwali, कोतवाली]\n"
    "      - name: Kalyanpur\n"
    "  - code: \"151\"\n"
    "    name: AGRA\n"
    "    names: [Agra, आगरा]\n"
    "outside:\n"
    "  - name: Delhi\n"
    "    names: [Delhi, दिल्ली, New Delhi]\n"
    "    police: \"@DelhiPolice\"\n";

//  Writes text to a new temporary file; returns its path (caller frees
//  and unlinks).
static char *
s_write_temp (const char *text)
{
    char *path = strdup ("/tmp/sunwai-gazetteer-XXXXXX");
    assert_non_null (path);
    int fd = mkstemp (path);
    assert_true (fd >= 0);
    size_t len = strlen (text);
    assert_int_equal (write (fd, text, len), (ssize_t) len);
    close (fd);
    return path;
}

static int
s_setup (void **state)
{
    char *path = s_write_temp (s_yaml);
    char err[256] = "";
    cls_gazetteer_t *gazetteer = cls_gazetteer_load (path, err, sizeof err);
    unlink (path);
    free (path);
    if (!gazetteer) {
        print_error ("could not load the test gazetteer: %s\n", err);
        return -1;
    }
    *state = gazetteer;
    return 0;
}

static int
s_teardown (void **state)
{
    cls_gazetteer_t *gazetteer = *state;
    cls_gazetteer_destroy (&gazetteer);
    assert_null (gazetteer);
    cls_gazetteer_destroy (&gazetteer);
    cls_gazetteer_destroy (NULL);
    return 0;
}

//  Matches text; returns whether anything matched.
static bool
s_match (cls_gazetteer_t *gazetteer, const char *text, cls_place_t *place)
{
    cls_tokens_t tokens;
    cls_tokens_init (&tokens);
    assert_int_equal (cls_text_tokens (text, &tokens), 0);
    bool found = cls_gazetteer_match (gazetteer, &tokens, place);
    cls_tokens_clear (&tokens);
    return found;
}

static void
s_assert_station (cls_gazetteer_t *gazetteer, const char *text, const char *code,
                  const char *station)
{
    cls_place_t place;
    assert_true (s_match (gazetteer, text, &place));
    assert_int_equal (place.kind, CLS_PLACE_POLICE_STATION);
    assert_non_null (place.district_code);
    assert_string_equal (place.district_code, code);
    assert_non_null (place.police_station);
    assert_string_equal (place.police_station, station);
    assert_int_equal (place.candidates, 1);
}

static void
test_load (void **state)
{
    cls_gazetteer_t *gazetteer = *state;
    assert_int_equal (cls_gazetteer_districts (gazetteer), 3);
    assert_string_equal (cls_gazetteer_state (gazetteer), "test");
    assert_int_equal (cls_gazetteer_districts (NULL), 0);
    assert_null (cls_gazetteer_state (NULL));
}

static void
test_scripts_match_same_station (void **state)
{
    cls_gazetteer_t *gazetteer = *state;
    s_assert_station (gazetteer, "हजरतगंज में मेरा फोन चोरी हो गया", "162", "Hazratganj");
    s_assert_station (gazetteer, "Hazratganj me mera phone chori ho gaya", "162", "Hazratganj");
    s_assert_station (gazetteer, "HAZRAT GANJ market", "162", "Hazratganj");
    s_assert_station (gazetteer, "#hazratganj", "162", "Hazratganj");

    cls_place_t place;
    assert_true (s_match (gazetteer, "mera phone हजरतगंज में चोरी", &place));
    assert_string_equal (place.district_name, "LUCKNOW");
    assert_float_equal (place.confidence, 0.95f, 0.001f);
    assert_int_equal (place.token_start, 2);
    assert_int_equal (place.token_end, 3);
    assert_null (place.outside_name);
}

static void
test_longest_match (void **state)
{
    cls_gazetteer_t *gazetteer = *state;
    s_assert_station (gazetteer, "gomti nagar extension ke paas", "162",
                      "Gomti Nagar Extension");
    s_assert_station (gazetteer, "गोमती नगर विस्तार", "162", "Gomti Nagar Extension");
    s_assert_station (gazetteer, "gomti nagar me", "162", "Gomti Nagar");
    s_assert_station (gazetteer, "गोमती नगर में", "162", "Gomti Nagar");

    cls_place_t place;
    assert_true (s_match (gazetteer, "near gomti nagar extension", &place));
    assert_int_equal (place.token_start, 1);
    assert_int_equal (place.token_end, 4);
}

static void
test_ambiguity (void **state)
{
    cls_gazetteer_t *gazetteer = *state;
    cls_place_t place;

    //  a tehsil name in two districts: no district, confidence halved
    assert_true (s_match (gazetteer, "sadar tehsil me jhagda", &place));
    assert_int_equal (place.kind, CLS_PLACE_TEHSIL);
    assert_int_equal (place.candidates, 2);
    assert_null (place.district_code);
    assert_float_equal (place.confidence, 0.75f / 2, 0.001f);

    //  a station name in two cities
    assert_true (s_match (gazetteer, "kotwali thane me koi nahi sunta", &place));
    assert_int_equal (place.kind, CLS_PLACE_POLICE_STATION);
    assert_int_equal (place.candidates, 2);
    assert_null (place.district_code);
    assert_string_equal (place.police_station, "Kotwali");
    assert_float_equal (place.confidence, 0.95f / 2, 0.001f);

    //  saying a name again is not a second source
    assert_true (s_match (gazetteer, "sadar sadar, sadar", &place));
    assert_null (place.district_code);
    assert_int_equal (place.candidates, 2);
    assert_int_equal (place.token_start, 0);
    assert_true (s_match (gazetteer, "hazratganj ... hazratganj", &place));
    assert_float_equal (place.confidence, 0.95f, 0.001f);

    //  a district that is not one of the candidates does not resolve an
    //  ambiguous name, and being unambiguous, wins over it
    assert_true (s_match (gazetteer, "sadar tehsil, agra", &place));
    assert_int_equal (place.kind, CLS_PLACE_DISTRICT);
    assert_string_equal (place.district_code, "151");
    assert_int_equal (place.candidates, 1);
    assert_float_equal (place.confidence, 0.9f, 0.001f);

    //  two ambiguous names: the station, still unresolved
    assert_true (s_match (gazetteer, "sadar ki kotwali", &place));
    assert_int_equal (place.kind, CLS_PLACE_POLICE_STATION);
    assert_null (place.district_code);
    assert_int_equal (place.candidates, 2);
}

static void
test_ambiguity_resolved (void **state)
{
    cls_gazetteer_t *gazetteer = *state;
    cls_place_t place;

    assert_true (s_match (gazetteer, "sadar tehsil, kanpur", &place));
    assert_int_equal (place.kind, CLS_PLACE_TEHSIL);
    assert_int_equal (place.candidates, 1);
    assert_string_equal (place.district_code, "164");
    assert_string_equal (place.district_name, "KANPUR NAGAR");
    assert_true (place.confidence > 0.8f);

    assert_true (s_match (gazetteer, "कोतवाली कानपुर", &place));
    assert_int_equal (place.kind, CLS_PLACE_POLICE_STATION);
    assert_string_equal (place.police_station, "Kotwali");
    assert_string_equal (place.district_code, "164");
    assert_int_equal (place.candidates, 1);
    assert_true (place.confidence > 0.95f);

    assert_true (s_match (gazetteer, "Lucknow ki kotwali", &place));
    assert_int_equal (place.kind, CLS_PLACE_POLICE_STATION);
    assert_string_equal (place.district_code, "162");
    assert_int_equal (place.token_start, 2);

    //  a station named with its district: the station, more confident
    assert_true (s_match (gazetteer, "हजरतगंज लखनऊ", &place));
    assert_int_equal (place.kind, CLS_PLACE_POLICE_STATION);
    assert_string_equal (place.police_station, "Hazratganj");
    assert_true (place.confidence > 0.95f);

    //  a unique tehsil with its district: the tehsil
    assert_true (s_match (gazetteer, "malihabad, lucknow", &place));
    assert_int_equal (place.kind, CLS_PLACE_TEHSIL);
    assert_string_equal (place.district_code, "162");
}

static void
test_district_and_outside (void **state)
{
    cls_gazetteer_t *gazetteer = *state;
    cls_place_t place;

    assert_true (s_match (gazetteer, "lakhnau me chori", &place));
    assert_int_equal (place.kind, CLS_PLACE_DISTRICT);
    assert_string_equal (place.district_code, "162");
    assert_null (place.police_station);
    assert_float_equal (place.confidence, 0.9f, 0.001f);

    //  a district's own name, though a tehsil has it too
    assert_true (s_match (gazetteer, "lucknow me chori", &place));
    assert_int_equal (place.kind, CLS_PLACE_DISTRICT);
    assert_string_equal (place.district_code, "162");
    assert_int_equal (place.candidates, 1);

    assert_true (s_match (gazetteer, "दिल्ली में फोन चोरी", &place));
    assert_int_equal (place.kind, CLS_PLACE_OUTSIDE);
    assert_string_equal (place.outside_name, "Delhi");
    assert_string_equal (place.outside_police, "@DelhiPolice");
    assert_null (place.district_code);

    assert_true (s_match (gazetteer, "phone stolen in New Delhi", &place));
    assert_int_equal (place.kind, CLS_PLACE_OUTSIDE);
    assert_int_equal (place.token_start, 3);
    assert_int_equal (place.token_end, 5);

    assert_true (s_match (gazetteer, "@DelhiPolice please help", &place));
    assert_int_equal (place.kind, CLS_PLACE_OUTSIDE);
    assert_string_equal (place.outside_name, "Delhi");

    //  inside the jurisdiction wins over outside
    assert_true (s_match (gazetteer, "delhi se kanpur aaya", &place));
    assert_int_equal (place.kind, CLS_PLACE_DISTRICT);
    assert_string_equal (place.district_code, "164");
    assert_null (place.outside_name);
}

static void
test_no_match (void **state)
{
    cls_gazetteer_t *gazetteer = *state;
    cls_place_t place;
    assert_false (s_match (gazetteer, "meri bike chori ho gayi", &place));
    assert_int_equal (place.kind, CLS_PLACE_NONE);
    assert_null (place.district_code);
    assert_false (s_match (gazetteer, "", &place));
    assert_false (s_match (gazetteer, "nagar extension", &place));
    assert_false (cls_gazetteer_match (NULL, NULL, &place));
    assert_false (cls_gazetteer_match (gazetteer, NULL, &place));
    assert_false (cls_gazetteer_match (gazetteer, NULL, NULL));
}

static void
test_district_lookup (void **state)
{
    cls_gazetteer_t *gazetteer = *state;
    cls_place_t place;
    assert_true (cls_gazetteer_district (gazetteer, "162", &place));
    assert_string_equal (place.district_name, "LUCKNOW");
    assert_int_equal (place.kind, CLS_PLACE_DISTRICT);
    assert_true (cls_gazetteer_district (gazetteer, "Lakhnau", &place));
    assert_string_equal (place.district_code, "162");
    assert_true (cls_gazetteer_district (gazetteer, "lucknow", &place));
    assert_string_equal (place.district_code, "162");
    assert_true (cls_gazetteer_district (gazetteer, "कानपुर", &place));
    assert_string_equal (place.district_code, "164");
    assert_true (cls_gazetteer_district (gazetteer, "Kanpur Nagar", &place));
    assert_string_equal (place.district_code, "164");
    assert_int_equal (place.candidates, 1);
    assert_false (cls_gazetteer_district (gazetteer, "Hazratganj", &place));
    assert_false (cls_gazetteer_district (gazetteer, "999", &place));
    assert_false (cls_gazetteer_district (gazetteer, "Kanpur Dehat", &place));
    assert_false (cls_gazetteer_district (gazetteer, "", &place));
    assert_false (cls_gazetteer_district (gazetteer, NULL, &place));
    assert_false (cls_gazetteer_district (NULL, "162", &place));
}

//  Loads a broken file and checks the message.
static void
s_assert_broken (const char *yaml, const char *want)
{
    char *path = s_write_temp (yaml);
    char err[256] = "";
    cls_gazetteer_t *gazetteer = cls_gazetteer_load (path, err, sizeof err);
    assert_null (gazetteer);
    char expected[512];
    snprintf (expected, sizeof expected, "gazetteer \"%s\"%s", path, want);
    if (strstr (err, expected) != err)
        print_error ("got: %s\nwanted: %s\n", err, expected);
    assert_ptr_equal (strstr (err, expected), err);
    unlink (path);
    free (path);
}

static void
test_errors (void **state)
{
    char err[256] = "";
    assert_null (cls_gazetteer_load ("/nonexistent/gazetteer.yaml", err, sizeof err));
    assert_string_equal (err, "gazetteer \"/nonexistent/gazetteer.yaml\": No such file or directory");
    assert_null (cls_gazetteer_load (NULL, err, sizeof err));
    assert_null (cls_gazetteer_load ("/nonexistent", NULL, 0));

    s_assert_broken ("", " is empty");
    s_assert_broken ("- a\n- b\n", " line 1: not a mapping");
    s_assert_broken ("state: up\n", " line 1: districts must be a non-empty list");
    s_assert_broken ("state: up\n"
                     "districts:\n"
                     "  - code: \"1\"\n"
                     "    name: ONE\n"
                     "  - name: TWO\n"
                     "    names: [Two]\n",
                     " line 5: district has no code");
    s_assert_broken ("state: up\n"
                     "districts:\n"
                     "  - code: \"162\"\n"
                     "    name: LUCKNOW\n"
                     "  - code: \"164\"\n"
                     "    name: KANPUR\n"
                     "  - code: \"162\"\n"
                     "    name: AGAIN\n",
                     " line 7: duplicate district code \"162\" (first at line 3)");
    s_assert_broken ("state: up\n"
                     "districts:\n"
                     "  - code: \"162\"\n",
                     " line 3: district \"162\" has no name");
    s_assert_broken ("state: up\n"
                     "districts:\n"
                     "  - code: \"162\"\n"
                     "    name: LUCKNOW\n"
                     "    police_stations:\n"
                     "      - names: [Hazratganj]\n",
                     " line 6: police station has no name");
    s_assert_broken ("state: up\n"
                     "districts:\n"
                     "  - code: \"162\"\n"
                     "    name: LUCKNOW\n"
                     "    names: [Lucknow, [nested]]\n",
                     " line 5: names must be a list of names");
    s_assert_broken ("state: up\n"
                     "districts:\n"
                     "  - code: \"162\"\n"
                     "    name: LUCKNOW\n"
                     "    names: [\"!!!\"]\n",
                     " line 5: name \"!!!\" has no words");
    s_assert_broken ("state: up\n"
                     "districts:\n"
                     "  - code: \"162\"\n"
                     "    name: LUCKNOW\n"
                     "    tehsils:\n"
                     "      - Malihabad\n"
                     "      - \"62\"\n",
                     " line 7: name \"62\" has no words");
    s_assert_broken ("state: up\n"
                     "districts:\n"
                     "  - code: \"162\"\n"
                     "    name: [LUCKNOW\n",
                     " line 5: ");
    s_assert_broken ("state: up\n"
                     "districts:\n"
                     "  - code: \"162\"\n"
                     "    name: LUCKNOW\n"
                     "outside:\n"
                     "  - police: \"@x\"\n",
                     " line 6: outside place has no name");
}

//  Random bytes must neither crash the tokenizer nor the matcher.
static void
test_random_bytes (void **state)
{
    cls_gazetteer_t *gazetteer = *state;
    //  some of the gazetteer's own words, so that matches happen too
    static const char *words[]
        = { "gomti ", "nagar ", "लखनऊ ", "sadar ", "kotwali ", "delhi ", "@delhipolice " };
    uint64_t seed = 0x5EEDF00DULL;
    char text[512];
    cls_tokens_t tokens;
    cls_tokens_init (&tokens);
    for (int round = 0; round < 2000; round++) {
        size_t len = 0;
        seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
        size_t want = (seed >> 33) % 300;
        while (len < want) {
            seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
            unsigned value = (unsigned) (seed >> 33);
            if (round % 2 == 0 && value % 5 == 0) {
                const char *word = words[(value >> 8) % (sizeof words / sizeof words[0])];
                size_t n = strlen (word);
                if (len + n >= want)
                    break;
                memcpy (text + len, word, n);
                len += n;
            }
            else {
                char c = (char) (value >> 8);
                text[len++] = c ? c : ' ';
            }
        }
        text[len] = '\0';
        assert_int_equal (cls_text_tokens (text, &tokens), 0);
        cls_place_t place;
        if (cls_gazetteer_match (gazetteer, &tokens, &place)) {
            assert_true (place.kind != CLS_PLACE_NONE);
            assert_true (place.token_start < place.token_end);
            assert_true (place.token_end <= tokens.count);
            assert_true (place.confidence > 0.0f && place.confidence <= 1.0f);
        }
    }
    cls_tokens_clear (&tokens);
}

//  The deployed Uttar Pradesh gazetteer, if it is in the tree.
static void
test_up_gazetteer (void **state)
{
    const char *source = getenv ("SUNWAI_SOURCE_DIR");
    char path[1024];
    snprintf (path, sizeof path, "%s/deploy/up/gazetteer.yaml", source ? source : "..");
    if (access (path, R_OK) != 0) {
        print_message ("skipping: %s is absent\n", path);
        skip ();
    }
    char err[512] = "";
    cls_gazetteer_t *up = cls_gazetteer_load (path, err, sizeof err);
    if (!up)
        print_error ("%s\n", err);
    assert_non_null (up);
    assert_true (cls_gazetteer_districts (up) >= 70);

    cls_place_t place;
    assert_true (s_match (up, "हजरतगंज लखनऊ", &place));
    assert_string_equal (place.district_name, "LUCKNOW");
    assert_int_equal (place.kind, CLS_PLACE_POLICE_STATION);
    assert_string_equal (place.police_station, "Hazratganj");

    assert_true (s_match (up, "Allahabad", &place));
    assert_int_equal (place.kind, CLS_PLACE_DISTRICT);
    assert_non_null (place.district_name);
    assert_string_equal (place.district_name, "PRAYAGRAJ");

    assert_true (s_match (up, "Noida sector 62", &place));
    assert_non_null (place.district_name);
    assert_string_equal (place.district_name, "GAUTAM BUDDHA NAGAR");

    assert_true (s_match (up, "Faizabad", &place));
    assert_non_null (place.district_name);
    assert_string_equal (place.district_name, "AYODHYA");

    cls_gazetteer_destroy (&up);
}

int
main (void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test (test_load),
        cmocka_unit_test (test_scripts_match_same_station),
        cmocka_unit_test (test_longest_match),
        cmocka_unit_test (test_ambiguity),
        cmocka_unit_test (test_ambiguity_resolved),
        cmocka_unit_test (test_district_and_outside),
        cmocka_unit_test (test_no_match),
        cmocka_unit_test (test_district_lookup),
        cmocka_unit_test (test_random_bytes),
    };
    const struct CMUnitTest standalone[] = {
        cmocka_unit_test (test_errors),
        cmocka_unit_test (test_up_gazetteer),
    };
    int failed = cmocka_run_group_tests (tests, s_setup, s_teardown);
    failed += cmocka_run_group_tests (standalone, NULL, NULL);
    return failed;
}
