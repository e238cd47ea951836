/*  Unit tests for sw_state: the five committed deployments (deploy/<state>/
    state.yaml under $SUNWAI_SOURCE_DIR) load, hang together and keep their
    X replies under 280 characters; routing decisions on Uttar Pradesh and
    Bengaluru; rendering in Hindi and English; the duration parser; and,
    with small files written to a temporary directory, every validation
    error and the line its message names. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sw_state.h"

static const char *s_states[] = { "up", "uttarakhand", "rajasthan", "bihar", "bengaluru", NULL };
static const char *s_categories[] = {
    "emergency", "crime_against_women", "cyber_fraud", "theft", "vehicle_theft", "assault",
    "missing_person", "domestic_violence", "land_dispute", "traffic", "nuisance",
    "police_conduct", "information", "appreciation", "spam", "not_police", NULL
};

//  Load deploy/<state>/state.yaml from the checkout; skips the test when
//  the checkout is not known.
static sw_state_t *
s_load_committed (const char *state)
{
    const char *source = getenv ("SUNWAI_SOURCE_DIR");
    if (!source)
        skip ();
    char path[1024];
    snprintf (path, sizeof path, "%s/deploy/%s/state.yaml", source, state);
    char err[1024] = "";
    sw_state_t *self = sw_state_load (path, err, sizeof err);
    if (!self)
        fail_msg ("%s", err);
    return self;
}

//  X's weighted length of a reply (twitter-text configuration v3): code
//  points up to U+10FF (Latin, Devanagari, Kannada) and a few punctuation
//  ranges weigh 1, all others 2.  Our test values contain no URL.
static size_t
s_x_length (const char *text)
{
    size_t weight = 0;
    const unsigned char *p = (const unsigned char *) text;
    while (*p) {
        uint32_t cp;
        size_t n = *p < 0x80 ? 1 : *p < 0xE0 ? 2 : *p < 0xF0 ? 3 : 4;
        cp = n == 1 ? *p : n == 2 ? *p & 0x1F : n == 3 ? *p & 0x0F : *p & 0x07;
        for (size_t i = 1; i < n && p[i]; i++)
            cp = (cp << 6) | (p[i] & 0x3F);
        p += n;
        bool light = cp <= 4351 || (cp >= 8192 && cp <= 8205) || (cp >= 8208 && cp <= 8223)
                     || (cp >= 8242 && cp <= 8247);
        weight += light ? 1 : 2;
    }
    return weight;
}

static void
test_committed_states_load (void **state)
{
    for (size_t s = 0; s_states[s]; s++) {
        sw_state_t *self = s_load_committed (s_states[s]);
        assert_string_equal (sw_state_code (self), s_states[s]);
        assert_non_null (sw_state_name (self));
        assert_true (sw_state_units (self) > 0);
        //  every unit is found by its code, has a ladder, and a district
        //  unit's district is in the gazetteer
        for (size_t i = 0; i < sw_state_units (self); i++) {
            const sw_state_unit_t *unit = sw_state_unit (self, i);
            assert_ptr_equal (sw_state_unit_by_code (self, unit->code), unit);
            assert_true (unit->nladder > 0);
            if (strcmp (unit->kind, "district") == 0) {
                assert_non_null (unit->district);
                if (!sw_state_district_name (self, unit->district))
                    fail_msg ("%s: unit %s names district %s, not in the gazetteer", s_states[s],
                              unit->code, unit->district);
                assert_ptr_equal (sw_state_unit_for_district (self, unit->district), unit);
            }
        }
        assert_null (sw_state_unit (self, sw_state_units (self)));
        sw_state_destroy (&self);
        assert_null (self);
    }
}

//  Every route of every category, priority and district lands on a unit of
//  the state (so every rule names a unit that exists) or is a rejection.
static void
test_committed_rules_name_units (void **state)
{
    static const char *priorities[] = { "P1", "P2", "P3", NULL };
    for (size_t s = 0; s_states[s]; s++) {
        sw_state_t *self = s_load_committed (s_states[s]);
        for (size_t c = 0; s_categories[c]; c++)
            for (size_t p = 0; priorities[p]; p++)
                for (size_t u = 0; u < sw_state_units (self); u++) {
                    const char *district = sw_state_unit (self, u)->district;
                    sw_state_route_t route;
                    sw_state_route (self, s_categories[c], priorities[p], district, false,
                                    &route);
                    assert_non_null (route.rule);
                    if (route.unit)
                        assert_ptr_equal (sw_state_unit_by_code (self, route.unit->code),
                                          route.unit);
                    else
                        assert_non_null (route.reject_reason);
                }
        sw_state_destroy (&self);
    }
}

//  Every reply posted on X fits in 280 characters with a 16-character
//  docket, the longest handle or unit name of the state, a 20-character
//  handle for the right police, a status URL (23, as t.co) and an action
//  note of 60 characters.
static void
test_committed_replies_fit_x (void **state)
{
    static const char *replies[] = { "ack", "reject_outside", "reject_not_police", "reject_spam",
                                     "resolved", "reopened", NULL };
    static const char *languages[] = { "hi", "en", NULL };
    for (size_t s = 0; s_states[s]; s++) {
        sw_state_t *self = s_load_committed (s_states[s]);
        size_t longest = 0;
        for (size_t u = 0; u < sw_state_units (self); u++) {
            const sw_state_unit_t *unit = sw_state_unit (self, u);
            size_t len = unit->handle ? strlen (unit->handle) + 1 : strlen (unit->name);
            longest = len > longest ? len : longest;
        }
        char handle[64];
        memset (handle, 'h', sizeof handle);
        handle[longest < sizeof handle ? longest : sizeof handle - 1] = '\0';
        for (size_t l = 0; languages[l]; l++)
            for (size_t r = 0; replies[r]; r++) {
                char *text = sw_state_render (
                    self, languages[l], replies[r], "docket", "UP-2026-00001234", "unit_handle",
                    handle, "right_police", "@RRRRRRRRRRRRRRRRRRR", "status_url",
                    "https://t.co/abcdefghij", "action_note",
                    "FIR 123/2026 registered; accused arrested; bike recovered", NULL);
                if (!text)
                    continue;   //  optional templates may be missing
                if (s_x_length (text) > 280)
                    fail_msg ("%s %s.%s is %zu characters as X counts: %s", s_states[s],
                              languages[l], replies[r], s_x_length (text), text);
                free (text);
            }
        sw_state_destroy (&self);
    }
}

static void
s_assert_route (sw_state_t *self, const char *category, const char *priority,
                const char *district, bool outside, const char *unit, const char *rule,
                const char *reason, bool manual)
{
    sw_state_route_t route;
    sw_state_route (self, category, priority, district, outside, &route);
    if (unit) {
        assert_non_null (route.unit);
        assert_string_equal (route.unit->code, unit);
    }
    else
        assert_null (route.unit);
    assert_string_equal (route.rule, rule);
    if (reason)
        assert_string_equal (route.reject_reason, reason);
    else
        assert_null (route.reject_reason);
    assert_int_equal (route.manual_triage, manual);
}

static void
test_route_up (void **state)
{
    sw_state_t *self = s_load_committed ("up");
    assert_string_equal (sw_state_name (self), "Uttar Pradesh");
    assert_string_equal (sw_state_docket_prefix (self), "UP");
    //  P1, and the emergency category, go to the 112 control room
    s_assert_route (self, "theft", "P1", "162", false, "up112", "emergency", NULL, false);
    s_assert_route (self, "emergency", NULL, NULL, false, "up112", "emergency", NULL, false);
    s_assert_route (self, "cyber_fraud", "P2", "162", false, "up_cyber", "rule 1", NULL, false);
    s_assert_route (self, "theft", "P2", "162", false, "lucknow", "rule 5", NULL, false);
    s_assert_route (self, "crime_against_women", "P2", "144", false, "gautam_buddha_nagar",
                    "rule 2", NULL, false);
    s_assert_route (self, "police_conduct", "P2", "162", false, "central_desk", "rule 3", NULL,
                    false);
    //  no classifier: the default unit decides by hand
    s_assert_route (self, NULL, NULL, "162", false, "central_desk", "default", NULL, true);
    s_assert_route (self, NULL, NULL, NULL, false, "central_desk", "default", NULL, true);
    //  no place
    s_assert_route (self, "theft", "P2", NULL, false, "central_desk", "unknown_place", NULL,
                    true);
    //  outside, spam and not police are refused, even at P1
    s_assert_route (self, "theft", "P2", NULL, true, NULL, "jurisdiction",
                    "outside_jurisdiction", false);
    s_assert_route (self, "spam", "P3", "162", false, NULL, "reject", "spam", false);
    s_assert_route (self, "spam", "P1", "162", false, NULL, "reject", "spam", false);
    s_assert_route (self, "not_police", "P3", "162", false, NULL, "reject",
                    "not_police_matter", false);
    //  "{district}" with no unit for the district falls through to the default
    s_assert_route (self, "theft", "P2", "9999", false, "central_desk", "default", NULL, false);

    const sw_state_unit_t *lucknow = sw_state_unit_for_district (self, "162");
    assert_non_null (lucknow);
    assert_string_equal (lucknow->code, "lucknow");
    assert_string_equal (lucknow->handle, "lkopolice");
    assert_string_equal (lucknow->ladder[lucknow->nladder - 1], "DGP HQ");
    assert_string_equal (sw_state_district_name (self, "162"), "LUCKNOW");
    assert_null (sw_state_district_name (self, "9999"));
    assert_null (sw_state_unit_by_code (self, "lucknw"));
    assert_null (sw_state_unit_for_district (self, NULL));

    sw_state_sla_t sla = sw_state_sla (self, "P1");
    assert_int_equal (sla.acknowledge_s, 600);
    assert_int_equal (sla.resolve_s, 4 * 3600);
    sla = sw_state_sla (self, "P2");
    assert_int_equal (sla.acknowledge_s, 2 * 3600);
    assert_int_equal (sla.resolve_s, 48 * 3600);
    sla = sw_state_sla (self, "P3");
    assert_int_equal (sla.acknowledge_s, 24 * 3600);
    assert_int_equal (sla.resolve_s, 7 * 86400);
    sla = sw_state_sla (self, "P9");
    assert_int_equal (sla.resolve_s, 0);
    sw_state_destroy (&self);
}

static void
test_route_bengaluru (void **state)
{
    sw_state_t *self = s_load_committed ("bengaluru");
    //  placed in Lucknow: not the city's
    s_assert_route (self, "theft", "P2", "162", false, NULL, "jurisdiction",
                    "outside_jurisdiction", false);
    s_assert_route (self, "theft", "P2", NULL, false, "central_desk", "unknown_place", NULL,
                    true);
    s_assert_route (self, "theft", "P2", "525", false, "bengaluru_urban", "rule 5", NULL, false);
    s_assert_route (self, "cyber_fraud", "P2", "525", false, "blr_cyber", "rule 1", NULL, false);
    s_assert_route (self, "assault", "P1", "525", false, "blr112", "emergency", NULL, false);
    //  English first: a language without templates falls back to it
    char *text = sw_state_render (self, "kn", "reject_spam", NULL);
    assert_non_null (text);
    assert_non_null (strstr (text, "dial 112"));
    free (text);
    sw_state_destroy (&self);
}

static void
test_render (void **state)
{
    sw_state_t *self = s_load_committed ("up");
    char *text = sw_state_render (self, "hi", "ack", "docket", "UP-2026-0000123", "unit_handle",
                                  "@lkopolice", "status_url", "https://sunwai.example/s/1", NULL);
    assert_non_null (text);
    assert_string_equal (text, "आपकी शिकायत UP-2026-0000123 दर्ज कर ली गई है और आवश्यक कार्यवाही "
                               "हेतु @lkopolice को भेजी गई है। स्थिति: https://sunwai.example/s/1");
    free (text);
    text = sw_state_render (self, "en", "ack", "docket", "UP-2026-0000123", "unit_handle",
                            "@lkopolice", "status_url", "https://sunwai.example/s/1", NULL);
    assert_string_equal (text, "Your complaint UP-2026-0000123 has been registered and sent to "
                               "@lkopolice for action. Status: https://sunwai.example/s/1");
    free (text);
    //  a placeholder not given renders empty
    text = sw_state_render (self, "en", "escalation", "docket", "UP-2026-0000123", NULL);
    assert_string_equal (text, "UP-2026-0000123 has passed its SLA and is escalated to . "
                               "Details: ");
    free (text);
    //  other languages, and none, fall back to the first language (Hindi)
    text = sw_state_render (self, "ta", "reject_spam", NULL);
    assert_non_null (text);
    assert_non_null (strstr (text, "112 डायल करें"));
    free (text);
    text = sw_state_render (self, NULL, "reject_spam", NULL);
    assert_non_null (strstr (text, "डायल"));
    free (text);
    assert_null (sw_state_render (self, "en", "no_such_template", NULL));
    assert_null (sw_state_render (NULL, "en", "ack", NULL));
    sw_state_destroy (&self);
}

static void
test_duration (void **state)
{
    assert_int_equal (sw_state_duration ("90s"), 90);
    assert_int_equal (sw_state_duration ("15m"), 900);
    assert_int_equal (sw_state_duration ("2h"), 7200);
    assert_int_equal (sw_state_duration ("3d"), 259200);
    assert_int_equal (sw_state_duration ("0m"), 0);
    assert_int_equal (sw_state_duration ("48h"), 172800);
    static const char *bad[] = { "", "2", "h", "2hh", "-1h", " 2h", "2 h", "2H", "1w", "1.5h",
                                 "2h ", "99999999999999999999d", "9223372036854775807d", NULL };
    for (size_t i = 0; bad[i]; i++)
        if (sw_state_duration (bad[i]) != -1)
            fail_msg ("\"%s\" parsed", bad[i]);
    assert_int_equal (sw_state_duration (NULL), -1);
}

//  --------------------------------------------------------------------------
//  Validation, on small files

static const char *s_gazetteer =
    "state: test\n"
    "name: Test Pradesh\n"
    "districts:\n"
    "  - code: \"162\"\n"
    "    name: LUCKNOW\n"
    "    names: [Lucknow]\n"
    "  - code: \"164\"\n"
    "    name: KANPUR NAGAR\n"
    "    names: [Kanpur]\n";

//  Line numbers matter: the tests below name them.
static const char *s_base =
    "state: test\n"                                                  //  1
    "name: Test Pradesh\n"                                           //  2
    "docket_prefix: TP\n"                                            //  3
    "languages: [hi, en]\n"                                          //  4
    "jurisdiction:\n"                                                //  5
    "  accept: state\n"                                              //  6
    "  unknown: desk\n"                                              //  7
    "sla:\n"                                                         //  8
    "  P1: {acknowledge: 10m, resolve: 4h}\n"                        //  9
    "  P2: {acknowledge: 2h, resolve: 48h}\n"                        //  10
    "  P3: {acknowledge: 24h, resolve: 7d}\n"                        //  11
    "units:\n"                                                       //  12
    "  - code: desk\n"                                               //  13
    "    name: Central Desk\n"                                       //  14
    "    kind: central_desk\n"                                       //  15
    "    handle: TestPolice\n"                                       //  16
    "    ladder: [Duty Officer, DGP HQ]\n"                           //  17
    "  - code: lucknow\n"                                            //  18
    "    name: Lucknow Police\n"                                     //  19
    "    kind: district\n"                                           //  20
    "    district: \"162\"\n"                                        //  21
    "    contacts: {webhook: \"${SUNWAI_LKO_WEBHOOK}\", sms: \"+919999999999\"}\n"  //  22
    "    ladder: [SHO, ACP, DCP]\n"                                  //  23
    "routing:\n"                                                     //  24
    "  emergency: desk\n"                                            //  25
    "  rules:\n"                                                     //  26
    "    - {category: cyber_fraud, priority: P2, unit: desk}\n"      //  27
    "    - {unit: \"{district}\"}\n"                                 //  28
    "  default: desk\n"                                              //  29
    "reject:\n"                                                      //  30
    "  spam: spam\n"                                                 //  31
    "templates:\n"                                                   //  32
    "  hi:\n"                                                        //  33
    "    ack: \"शिकायत {docket} {unit_handle} को भेजी गई।\"\n"       //  34
    "    reject_outside: \"{docket}: {right_police} से संपर्क करें।\"\n"  //  35
    "    resolved: \"{docket}: {action_note}\"\n"                    //  36
    "    unit_alert: \"{docket} {category} {district}\"\n"           //  37
    "    escalation: \"{docket} -> {rank}\"\n"                       //  38
    "  en:\n"                                                        //  39
    "    ack: \"Complaint {docket} sent to {unit_handle}.\"\n"       //  40
    "    reject_outside: \"{docket}: contact {right_police}.\"\n"    //  41
    "    resolved: \"{docket}: {action_note}\"\n"                    //  42
    "    unit_alert: \"{docket} {category} {district}\"\n"           //  43
    "    escalation: \"{docket} -> {rank}\"\n";                      //  44

typedef struct {
    char dir[64];                //  temporary directory
    char state_path[128];        //  dir/state.yaml
    char gazetteer_path[128];    //  dir/gazetteer.yaml
} s_fixture_t;

static void
s_write (const char *path, const char *text)
{
    FILE *file = fopen (path, "wb");
    assert_non_null (file);
    assert_int_equal (fwrite (text, 1, strlen (text), file), strlen (text));
    fclose (file);
}

static int
s_setup (void **state)
{
    s_fixture_t *fixture = calloc (1, sizeof *fixture);
    snprintf (fixture->dir, sizeof fixture->dir, "/tmp/sunwai-state-XXXXXX");
    if (!mkdtemp (fixture->dir)) {
        free (fixture);
        return -1;
    }
    snprintf (fixture->state_path, sizeof fixture->state_path, "%s/state.yaml", fixture->dir);
    snprintf (fixture->gazetteer_path, sizeof fixture->gazetteer_path, "%s/gazetteer.yaml",
              fixture->dir);
    s_write (fixture->gazetteer_path, s_gazetteer);
    *state = fixture;
    return 0;
}

static int
s_teardown (void **state)
{
    s_fixture_t *fixture = *state;
    unlink (fixture->state_path);
    unlink (fixture->gazetteer_path);
    rmdir (fixture->dir);
    free (fixture);
    return 0;
}

//  The base file with one piece of text replaced (from must occur).
static char *
s_variant (const char *from, const char *to)
{
    const char *at = strstr (s_base, from);
    if (!at)
        fail_msg ("\"%s\" is not in the base file", from);
    size_t len = strlen (s_base) - strlen (from) + strlen (to) + 1;
    char *text = malloc (len);
    snprintf (text, len, "%.*s%s%s", (int) (at - s_base), s_base, to, at + strlen (from));
    return text;
}

//  Loading the variant fails, and the message names the file, the line
//  and contains phrase.
static void
s_expect_error (void **state, const char *from, const char *to, int line, const char *phrase)
{
    s_fixture_t *fixture = *state;
    char *text = s_variant (from, to);
    s_write (fixture->state_path, text);
    free (text);
    char err[1024] = "";
    sw_state_t *self = sw_state_load (fixture->state_path, err, sizeof err);
    if (self) {
        sw_state_destroy (&self);
        fail_msg ("loaded with \"%s\" replaced by \"%s\"", from, to);
    }
    char where[200];
    snprintf (where, sizeof where, "%s line %d: ", fixture->state_path, line);
    if (!strstr (err, where) || !strstr (err, phrase))
        fail_msg ("expected \"%s...%s\", got: %s", where, phrase, err);
}

static void
test_valid_base (void **state)
{
    s_fixture_t *fixture = *state;
    s_write (fixture->state_path, s_base);
    char err[1024] = "";
    sw_state_t *self = sw_state_load (fixture->state_path, err, sizeof err);
    if (!self)
        fail_msg ("%s", err);
    assert_int_equal (sw_state_units (self), 2);
    const sw_state_unit_t *lucknow = sw_state_unit_by_code (self, "lucknow");
    assert_string_equal (lucknow->webhook, "${SUNWAI_LKO_WEBHOOK}");
    assert_string_equal (lucknow->sms, "+919999999999");
    assert_null (lucknow->email);
    assert_null (lucknow->handle);
    assert_int_equal (lucknow->nladder, 3);
    //  a rule with a priority matches only that priority
    s_assert_route (self, "cyber_fraud", "P2", "162", false, "desk", "rule 1", NULL, false);
    s_assert_route (self, "cyber_fraud", "P3", "162", false, "lucknow", "rule 2", NULL, false);
    s_assert_route (self, "cyber_fraud", NULL, "164", false, "desk", "default", NULL, false);
    sw_state_destroy (&self);
}

static void
test_error_unknown_unit_in_rule (void **state)
{
    s_expect_error (state, "priority: P2, unit: desk}", "priority: P2, unit: lucknw}", 27,
                    "rule 1 names unit \"lucknw\", which is not defined (did you mean "
                    "\"lucknow\"?)");
}

static void
test_error_district_not_in_gazetteer (void **state)
{
    s_expect_error (state, "district: \"162\"", "district: \"999\"", 21,
                    "unit \"lucknow\" names district \"999\", which is not in the gazetteer");
}

static void
test_error_unknown_placeholder (void **state)
{
    s_expect_error (state, "Complaint {docket} sent", "Complaint {dockt} sent", 40,
                    "template templates.en.ack has unknown placeholder \"{dockt}\" (did you "
                    "mean \"docket\"?)");
}

static void
test_error_bad_duration (void **state)
{
    s_expect_error (state, "resolve: 48h", "resolve: 2 days", 10,
                    "sla.P2.resolve \"2 days\" is not a duration");
}

static void
test_error_duplicate_unit_code (void **state)
{
    s_expect_error (state, "code: lucknow", "code: desk", 18,
                    "duplicate unit code \"desk\" (first at line 13)");
}

static void
test_error_unknown_top_level_key (void **state)
{
    s_expect_error (state, "docket_prefix: TP\n", "docket_prefix: TP\nhandels: [x]\n", 4,
                    "unknown key \"handels\" in the state file");
}

static void
test_error_missing_sla (void **state)
{
    s_expect_error (state,
                    "sla:\n"
                    "  P1: {acknowledge: 10m, resolve: 4h}\n"
                    "  P2: {acknowledge: 2h, resolve: 48h}\n"
                    "  P3: {acknowledge: 24h, resolve: 7d}\n",
                    "", 1, "missing required key \"sla\"");
}

//  The other problems the loader refuses, one line each.
static void
test_error_others (void **state)
{
    s_expect_error (state, "  P3: {acknowledge: 24h, resolve: 7d}\n", "", 8,
                    "missing required key \"P3\" in sla");
    s_expect_error (state, "acknowledge: 10m, resolve: 4h", "acknowledge: 10m", 9,
                    "missing required key \"resolve\" in sla.P1");
    s_expect_error (state, "acknowledge: 10m, resolve: 4h", "acknowledge: 5h, resolve: 4h", 9,
                    "sla.P1: acknowledge is later than resolve");
    s_expect_error (state, "category: cyber_fraud", "category: cyber_fruad", 27,
                    "rule 1 names unknown category \"cyber_fruad\" (did you mean "
                    "\"cyber_fraud\"?)");
    s_expect_error (state, "priority: P2", "priority: P4", 27,
                    "rule 1 names unknown priority \"P4\"");
    s_expect_error (state, "    - {unit: \"{district}\"}\n",
                    "    - {district: \"999\", unit: \"{district}\"}\n", 28,
                    "rule 2 names district \"999\", which is not in the gazetteer");
    s_expect_error (state, "kind: central_desk", "kind: headquarters", 15,
                    "unit \"desk\" has unknown kind \"headquarters\"");
    s_expect_error (state, "    ladder: [Duty Officer, DGP HQ]\n", "", 13,
                    "unit \"desk\" has no ladder");
    s_expect_error (state, "ladder: [Duty Officer, DGP HQ]", "ladder: []", 17,
                    "unit \"desk\" has no ladder");
    s_expect_error (state, "    kind: district\n    district: \"162\"\n", "    kind: district\n",
                    18, "district unit \"lucknow\" has no district");
    s_expect_error (state, "    kind: central_desk\n",
                    "    kind: central_desk\n    district: \"164\"\n", 16,
                    "unit \"desk\" is not a district unit");
    s_expect_error (state, "handle: TestPolice", "handle: \"@TestPolice\"", 16,
                    "write the handle without '@'");
    s_expect_error (state, "    name: Lucknow Police\n", "    nme: Lucknow Police\n", 19,
                    "unknown key \"nme\" in unit 2 (did you mean \"name\"?)");
    s_expect_error (state, "  default: desk\n", "", 24,
                    "missing required key \"default\" in routing");
    s_expect_error (state, "  emergency: desk\n", "  emergency: up112\n", 25,
                    "routing.emergency names unit \"up112\", which is not defined");
    s_expect_error (state, "  unknown: desk\n", "  unknown: dsk\n", 7,
                    "jurisdiction.unknown names unit \"dsk\"");
    s_expect_error (state, "  accept: state\n", "  accept: districts\n", 5,
                    "jurisdiction.districts lists none");
    s_expect_error (state, "  accept: state\n", "  accept: city\n", 6,
                    "jurisdiction.accept \"city\" is not");
    s_expect_error (state, "  accept: state\n",
                    "  accept: districts\n  districts: [\"162\", \"999\"]\n", 7,
                    "jurisdiction.districts names district \"999\"");
    s_expect_error (state, "  spam: spam\n", "  spam: junk\n", 31,
                    "reject.spam: \"junk\" is not a reason code");
    s_expect_error (state, "  spam: spam\n", "  spams: spam\n", 31,
                    "reject names unknown category \"spams\"");
    s_expect_error (state, "    escalation: \"{docket} -> {rank}\"\n  en:",
                    "  en:", 33, "missing required key \"escalation\" in templates.hi");
    s_expect_error (state, "    ack: \"Complaint", "    acknowledge: \"Complaint", 40,
                    "unknown key \"acknowledge\" in templates.en");
    s_expect_error (state, "languages: [hi, en]", "languages: [hi, en, kn]", 4,
                    "language \"kn\" has no templates");
    s_expect_error (state, "languages: [hi, en]", "languages: [hi]", 4,
                    "templates.en is defined but \"en\" is not in languages");
    s_expect_error (state, "name: Test Pradesh\n", "", 1, "missing required key \"name\"");
    s_expect_error (state, "state: test", "state: up", 1,
                    "is for state \"test\", not \"up\"");
    s_expect_error (state, "webhook: \"${SUNWAI_LKO_WEBHOOK}\"",
                    "webhook: \"https://hooks.example/x?token=abc\"", 22,
                    "webhook carries a credential; name an environment variable instead, for "
                    "example \"${SUNWAI_LUCKNOW_WEBHOOK}\"");
    s_expect_error (state, "webhook: \"${SUNWAI_LKO_WEBHOOK}\"",
                    "webhook: \"https://user:pw@hooks.example/x\"", 22,
                    "webhook carries a credential");
    s_expect_error (state, "sms: \"+919999999999\"", "sms: \"99999\"", 22,
                    "sms \"99999\" is not a number");
    s_expect_error (state, "  spam: spam\n", "  spam: spam\n  spam: spam\n", 32,
                    "key \"spam\" is given twice in reject (first at line 31)");
    s_expect_error (state, "routing:\n", "routing: [\n", 26,
                    "could not parse YAML: while parsing a flow sequence (line 24)");
}

static void
test_error_files (void **state)
{
    s_fixture_t *fixture = *state;
    char err[1024] = "";
    assert_null (sw_state_load ("/nonexistent/state.yaml", err, sizeof err));
    assert_non_null (strstr (err, "could not open state file \"/nonexistent/state.yaml\""));
    assert_null (sw_state_load (NULL, err, sizeof err));
    //  errlen 0 and NULL err are safe
    assert_null (sw_state_load ("/nonexistent/state.yaml", NULL, 0));
    //  a gazetteer that is not there is named, at the line of the key
    char *text = s_variant ("docket_prefix: TP\n", "docket_prefix: TP\ngazetteer: gone.yaml\n");
    s_write (fixture->state_path, text);
    free (text);
    assert_null (sw_state_load (fixture->state_path, err, sizeof err));
    assert_non_null (strstr (err, "line 4: could not open gazetteer"));
    assert_non_null (strstr (err, "gone.yaml"));
    sw_state_destroy (NULL);
}

int
main (void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test (test_committed_states_load),
        cmocka_unit_test (test_committed_rules_name_units),
        cmocka_unit_test (test_committed_replies_fit_x),
        cmocka_unit_test (test_route_up),
        cmocka_unit_test (test_route_bengaluru),
        cmocka_unit_test (test_render),
        cmocka_unit_test (test_duration),
        cmocka_unit_test_setup_teardown (test_valid_base, s_setup, s_teardown),
        cmocka_unit_test_setup_teardown (test_error_unknown_unit_in_rule, s_setup, s_teardown),
        cmocka_unit_test_setup_teardown (test_error_district_not_in_gazetteer, s_setup,
                                         s_teardown),
        cmocka_unit_test_setup_teardown (test_error_unknown_placeholder, s_setup, s_teardown),
        cmocka_unit_test_setup_teardown (test_error_bad_duration, s_setup, s_teardown),
        cmocka_unit_test_setup_teardown (test_error_duplicate_unit_code, s_setup, s_teardown),
        cmocka_unit_test_setup_teardown (test_error_unknown_top_level_key, s_setup, s_teardown),
        cmocka_unit_test_setup_teardown (test_error_missing_sla, s_setup, s_teardown),
        cmocka_unit_test_setup_teardown (test_error_others, s_setup, s_teardown),
        cmocka_unit_test_setup_teardown (test_error_files, s_setup, s_teardown),
    };
    return cmocka_run_group_tests (tests, NULL, NULL);
}
