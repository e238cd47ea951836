/*  fuzz_state: the state file loader (sw_state_load: YAML parse, every
    section's validation, unit and district references, templates and
    their placeholders) and, on a file it accepts, routing and rendering.

    sw_state_load reads a path and finds the gazetteer beside it, so each
    input is written to state.yaml in a private temporary directory that
    also holds, made once in LLVMFuzzerInitialize, deploy/up/gazetteer.yaml
    as gazetteer.yaml and every deploy/<state>/gazetteer.yaml as
    <state>.gazetteer.yaml (the seeds of the other states name theirs). */
#include "fuzz.h"
#include "sw_state.h"

#include <dirent.h>
#include <unistd.h>

static char s_dir[64];          //  the private directory
static char s_state_path[128];  //  <dir>/state.yaml, rewritten per input
static int s_verbose;           //  SUNWAI_FUZZ_VERBOSE=1: print why a file was refused

static int
s_copy (const char *from, const char *to)
{
    FILE *in = fopen (from, "rb");
    FILE *out = in ? fopen (to, "wb") : NULL;
    int rc = in && out ? 0 : -1;
    char buf[8192];
    size_t n;
    while (rc == 0 && (n = fread (buf, 1, sizeof buf, in)) > 0)
        if (fwrite (buf, 1, n, out) != n)
            rc = -1;
    if (in)
        fclose (in);
    if (out && fclose (out) != 0)
        rc = -1;
    return rc;
}

static void
s_cleanup (void)
{
    DIR *dir = opendir (s_dir);
    struct dirent *entry;
    while (dir && (entry = readdir (dir))) {
        char path[400];
        if (entry->d_name[0] == '.')
            continue;
        snprintf (path, sizeof path, "%s/%s", s_dir, entry->d_name);
        unlink (path);
    }
    if (dir)
        closedir (dir);
    rmdir (s_dir);
}

static void
s_copy_or_abort (const char *from, const char *to)
{
    if (s_copy (from, to) != 0) {
        fprintf (stderr, "fuzz_state: could not copy \"%s\" to \"%s\"\n", from, to);
        abort ();
    }
}

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
    const char *tmp = getenv ("TMPDIR");
    snprintf (s_dir, sizeof s_dir, "%s/sunwai-fuzz-state-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp (s_dir)) {
        perror ("fuzz_state: mkdtemp");
        abort ();
    }
    atexit (s_cleanup);
    s_verbose = getenv ("SUNWAI_FUZZ_VERBOSE") != NULL;
    snprintf (s_state_path, sizeof s_state_path, "%s/state.yaml", s_dir);
    char deploy[1024], from[1400], to[400];
    fuzz_source_path ("deploy", deploy, sizeof deploy);
    snprintf (from, sizeof from, "%s/up/gazetteer.yaml", deploy);
    snprintf (to, sizeof to, "%s/gazetteer.yaml", s_dir);
    s_copy_or_abort (from, to);
    DIR *dir = opendir (deploy);
    struct dirent *entry;
    while (dir && (entry = readdir (dir))) {
        snprintf (from, sizeof from, "%s/%s/gazetteer.yaml", deploy, entry->d_name);
        if (entry->d_name[0] == '.' || access (from, R_OK) != 0)
            continue;
        snprintf (to, sizeof to, "%s/%s.gazetteer.yaml", s_dir, entry->d_name);
        s_copy_or_abort (from, to);
    }
    if (dir)
        closedir (dir);
    return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
    FILE *file = fopen (s_state_path, "wb");
    if (!file)
        return 0;
    size_t written = fwrite (data, 1, size, file);
    if (fclose (file) != 0 || written != size)
        return 0;
    char err[512] = "";
    sw_state_t *state = sw_state_load (s_state_path, err, sizeof err);
    if (s_verbose)
        fprintf (stderr, "fuzz_state: %s\n", state ? "loaded" : err);
    if (!state) {
        FUZZ_CHECK (err[0] != '\0');
        return 0;
    }
    FUZZ_CHECK (sw_state_code (state) && sw_state_name (state) && sw_state_docket_prefix (state));
    static const char *categories[] = { NULL, "theft", "cyber_fraud", "spam", "not_police" };
    static const char *priorities[] = { NULL, "P1", "P2", "P3" };
    static const char *districts[] = { NULL, "162", "999999" };
    for (size_t c = 0; c < 5; c++)
        for (size_t p = 0; p < 4; p++)
            for (size_t d = 0; d < 3; d++) {
                sw_state_route_t route;
                sw_state_route (state, categories[c], priorities[p], districts[d], d == 2, &route);
                FUZZ_CHECK (route.rule);
            }
    for (size_t u = 0; u < sw_state_units (state); u++)
        FUZZ_CHECK (sw_state_unit (state, u)->code);
    sw_state_sla (state, "P1");
    static const char *templates[] = { "ack", "reject_outside", "reject_not_police",
                                       "reject_spam", "resolved", "reopened", "unit_alert",
                                       "escalation" };
    for (size_t t = 0; t < sizeof templates / sizeof templates[0]; t++) {
        char *text = sw_state_render (state, t % 2 ? "hi" : "xx", templates[t], "docket",
                                      "UP-2026-000001", "unit_handle", "lkopolice", "status",
                                      "{docket}", NULL);
        free (text);
    }
    sw_state_destroy (&state);
    FUZZ_CHECK (state == NULL);
    return 0;
}
