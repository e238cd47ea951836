/*  Unit tests for cls_model: a tiny synthetic corpus is learnt and
    predicted (also across scripts, through the romanised keys); training
    is deterministic for a seed, down to the file's bytes; a saved model
    loads back with identical probabilities; and a truncated, corrupted,
    mis-labelled or badly written file is refused with a message saying
    which. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <openssl/evp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cls_model.h"

#define S_PER_CLASS 30

static const char *s_labels[] = { "emergency", "theft", "traffic" };

//  Words typical of each class, romanised Hindi and English.
static const char *s_words[3][6] = {
    { "bachao", "fire", "aag", "jaldi", "accident", "khoon" },
    { "chori", "stolen", "purse", "mobile", "chor", "churaya" },
    { "jam", "traffic", "road", "signal", "parking", "gaadi" },
};
static const char *s_filler[] = { "please", "help", "sir", "hai", "ho", "gaya", "me", "ki" };

typedef struct {
    char *texts[3 * S_PER_CLASS];               //  generated texts
    cls_example_t examples[3 * S_PER_CLASS];    //  pointing into texts
    char dir[64];                               //  scratch directory
} s_fixture_t;

static uint32_t
s_next (uint32_t *state)
{
    *state = *state * 1664525u + 1013904223u;
    return *state >> 8;
}

static int
s_setup (void **state)
{
    s_fixture_t *self = calloc (1, sizeof *self);
    if (!self)
        return -1;
    uint32_t rng = 7;
    for (int c = 0; c < 3; c++)
        for (int i = 0; i < S_PER_CLASS; i++) {
            char text[256] = "";
            for (int w = 0; w < 6; w++) {
                const char *word = w % 2 ? s_filler[s_next (&rng) % 8]
                                         : s_words[c][s_next (&rng) % 6];
                strcat (text, word);
                strcat (text, " ");
            }
            size_t n = (size_t) (c * S_PER_CLASS + i);
            self->texts[n] = strdup (text);
            self->examples[n] = (cls_example_t) { self->texts[n], c };
        }
    snprintf (self->dir, sizeof self->dir, "/tmp/sunwai-cls-XXXXXX");
    if (!mkdtemp (self->dir))
        return -1;
    //  A fixed creation time makes the file reproducible.
    setenv ("SOURCE_DATE_EPOCH", "1700000000", 1);
    *state = self;
    return 0;
}

static int
s_teardown (void **state)
{
    s_fixture_t *self = *state;
    for (size_t i = 0; i < 3 * S_PER_CLASS; i++)
        free (self->texts[i]);
    char command[128];
    snprintf (command, sizeof command, "rm -rf '%s'", self->dir);
    int rc = system (command);
    (void) rc;
    free (self);
    return 0;
}

static cls_model_t *
s_train (s_fixture_t *self, uint64_t seed)
{
    cls_train_options_t options;
    cls_train_options_default (&options);
    options.bits = 14;
    options.epochs = 5;
    options.seed = seed;
    cls_model_t *model = cls_model_train (self->examples, 3 * S_PER_CLASS, s_labels, 3,
                                          &options, "test-1");
    assert_non_null (model);
    return model;
}

static char *
s_path (s_fixture_t *self, const char *name)
{
    char *path = malloc (256);
    assert_non_null (path);
    snprintf (path, 256, "%s/%s", self->dir, name);
    return path;
}

static unsigned char *
s_read (const char *path, size_t *size)
{
    FILE *file = fopen (path, "rb");
    assert_non_null (file);
    fseek (file, 0, SEEK_END);
    long len = ftell (file);
    fseek (file, 0, SEEK_SET);
    unsigned char *data = malloc ((size_t) len + 1);
    assert_non_null (data);
    assert_int_equal (fread (data, 1, (size_t) len, file), (size_t) len);
    fclose (file);
    *size = (size_t) len;
    return data;
}

static void
s_write (const char *path, const unsigned char *data, size_t size)
{
    FILE *file = fopen (path, "wb");
    assert_non_null (file);
    assert_int_equal (fwrite (data, 1, size, file), size);
    fclose (file);
}

//  Loads path, expects failure, and checks that the message contains want.
static void
s_refused (const char *path, const char *want)
{
    char err[512] = "";
    cls_model_t *model = cls_model_load (path, err, sizeof err);
    assert_null (model);
    if (!strstr (err, want))
        fail_msg ("error \"%s\" does not contain \"%s\"", err, want);
}

static void
test_train_and_predict (void **state)
{
    s_fixture_t *self = *state;
    cls_model_t *model = s_train (self, 1);
    assert_string_equal (cls_model_version (model), "test-1");
    assert_int_equal (cls_model_labels (model), 3);
    assert_string_equal (cls_model_label (model, 1), "theft");
    assert_null (cls_model_label (model, 3));
    assert_string_equal (cls_model_priority (model, 0), "P1");
    assert_string_equal (cls_model_priority (model, 1), "P2");
    assert_string_equal (cls_model_priority (model, 2), "P3");

    float probs[3];
    //  Unseen combinations of the class words.
    assert_int_equal (cls_model_predict (model, "aag lagi hai jaldi bachao", probs), 0);
    assert_true (probs[0] > 0.5f);
    assert_float_equal (probs[0] + probs[1] + probs[2], 1.0f, 1e-5f);
    assert_int_equal (cls_model_predict (model, "My purse was stolen", probs), 1);
    assert_int_equal (cls_model_predict (model, "Huge traffic jam on the road", probs), 2);
    //  Devanagari and other spellings reach the romanised features.
    assert_int_equal (cls_model_predict (model, "मेरा मोबाइल चोरी हो गया", probs), 1);
    assert_int_equal (cls_model_predict (model, "sadak par jaam, gaadi nahi chal rahi", probs), 2);
    assert_int_equal (cls_model_predict (model, "आग लगी है, बचाओ", probs), 0);

    //  Every training example comes out right.
    for (size_t i = 0; i < 3 * S_PER_CLASS; i++)
        assert_int_equal (cls_model_predict (model, self->examples[i].text, NULL),
                          self->examples[i].label);

    //  Pre-computed tokens give the same answer as text.
    cls_tokens_t tokens;
    cls_tokens_init (&tokens);
    assert_int_equal (cls_text_tokens ("chor ne purse churaya", &tokens), 0);
    float again[3];
    assert_int_equal (cls_model_predict_tokens (model, &tokens, again), 1);
    assert_int_equal (cls_model_predict (model, "chor ne purse churaya", probs), 1);
    assert_memory_equal (again, probs, sizeof probs);
    cls_tokens_clear (&tokens);

    //  No words: still a distribution.
    assert_true (cls_model_predict (model, "😀 !!!", probs) >= 0);
    assert_float_equal (probs[0] + probs[1] + probs[2], 1.0f, 1e-5f);
    cls_model_destroy (&model);
    assert_null (model);
    cls_model_destroy (&model);
}

static void
test_bad_training_input (void **state)
{
    s_fixture_t *self = *state;
    cls_train_options_t options;
    cls_train_options_default (&options);
    assert_int_equal (options.bits, 18);
    options.bits = 30;
    assert_null (cls_model_train (self->examples, 3 * S_PER_CLASS, s_labels, 3, &options, "x"));
    cls_train_options_default (&options);
    options.ngram_min = 4;
    options.ngram_max = 2;
    assert_null (cls_model_train (self->examples, 3 * S_PER_CLASS, s_labels, 3, &options, "x"));
    cls_train_options_default (&options);
    //  A label index past the labels.
    cls_example_t bad[2] = { { "chori", 0 }, { "jam", 3 } };
    assert_null (cls_model_train (bad, 2, s_labels, 3, &options, "x"));
    assert_null (cls_model_train (self->examples, 0, s_labels, 3, &options, "x"));
    assert_null (cls_model_train (NULL, 3, s_labels, 3, &options, "x"));
}

static void
test_deterministic (void **state)
{
    s_fixture_t *self = *state;
    char *a = s_path (self, "a.bin");
    char *b = s_path (self, "b.bin");
    char *c = s_path (self, "c.bin");
    char err[512];
    cls_model_t *model = s_train (self, 42);
    assert_int_equal (cls_model_save (model, a, err, sizeof err), 0);
    cls_model_destroy (&model);
    model = s_train (self, 42);
    assert_int_equal (cls_model_save (model, b, err, sizeof err), 0);
    cls_model_destroy (&model);
    model = s_train (self, 43);
    assert_int_equal (cls_model_save (model, c, err, sizeof err), 0);
    cls_model_destroy (&model);

    size_t na, nb, nc;
    unsigned char *da = s_read (a, &na);
    unsigned char *db = s_read (b, &nb);
    unsigned char *dc = s_read (c, &nc);
    //  Magic, header length, header, weights, bias, SHA-256.
    assert_memory_equal (da, "SWCLS001", 8);
    uint32_t hlen = (uint32_t) da[8] | (uint32_t) da[9] << 8 | (uint32_t) da[10] << 16
                    | (uint32_t) da[11] << 24;
    assert_int_equal (na, 12 + hlen + ((1u << 14) * 3 + 3) * 4 + 32);
    assert_non_null (memmem (da + 12, hlen, "\"labels\":[\"emergency\",\"theft\",\"traffic\"]",
                             strlen ("\"labels\":[\"emergency\",\"theft\",\"traffic\"]")));
    assert_non_null (memmem (da + 12, hlen, "\"created\":\"2023-11-14T22:13:20Z\"",
                             strlen ("\"created\":\"2023-11-14T22:13:20Z\"")));
    assert_non_null (memmem (da + 12, hlen, "\"emergency\":\"P1\"", strlen ("\"emergency\":\"P1\"")));

    //  Same seed, same bytes; another seed shuffles differently.
    assert_int_equal (na, nb);
    assert_memory_equal (da, db, na);
    assert_int_equal (na, nc);
    assert_true (memcmp (da, dc, na) != 0);
    free (da);
    free (db);
    free (dc);
    free (a);
    free (b);
    free (c);
}

static void
test_round_trip (void **state)
{
    s_fixture_t *self = *state;
    char *path = s_path (self, "round.bin");
    char err[512] = "";
    cls_model_t *model = s_train (self, 5);
    assert_int_equal (cls_model_save (model, path, err, sizeof err), 0);
    cls_model_t *loaded = cls_model_load (path, err, sizeof err);
    if (!loaded)
        fail_msg ("load failed: %s", err);
    assert_string_equal (cls_model_version (loaded), "test-1");
    assert_int_equal (cls_model_labels (loaded), 3);
    for (size_t k = 0; k < 3; k++) {
        assert_string_equal (cls_model_label (loaded, k), s_labels[k]);
        assert_string_equal (cls_model_priority (loaded, k), cls_model_priority (model, k));
    }
    const char *texts[] = { "aag lagi hai", "मेरा पर्स चोरी", "road jam", "", "random words here" };
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        float p1[3], p2[3];
        assert_int_equal (cls_model_predict (model, texts[i], p1),
                          cls_model_predict (loaded, texts[i], p2));
        assert_memory_equal (p1, p2, sizeof p1);
    }
    //  Saving the loaded model gives the same file.
    char *again = s_path (self, "again.bin");
    assert_int_equal (cls_model_save (loaded, again, err, sizeof err), 0);
    size_t n1, n2;
    unsigned char *d1 = s_read (path, &n1);
    unsigned char *d2 = s_read (again, &n2);
    assert_int_equal (n1, n2);
    assert_memory_equal (d1, d2, n1);
    free (d1);
    free (d2);
    //  Save into a directory that does not exist.
    assert_int_equal (cls_model_save (loaded, "/nonexistent/dir/m.bin", err, sizeof err), -1);
    assert_non_null (strstr (err, "could not create model file \"/nonexistent/dir/m.bin.tmp\""));
    assert_int_equal (cls_model_save (NULL, path, err, sizeof err), -1);
    cls_model_destroy (&model);
    cls_model_destroy (&loaded);
    free (again);
    free (path);
}

//  Rewrites data's checksum so that only the intended damage is seen.
static void
s_reseal (unsigned char *data, size_t size)
{
    unsigned int dlen = 0;
    EVP_Digest (data, size - 32, data + size - 32, &dlen, EVP_sha256 (), NULL);
    assert_int_equal (dlen, 32);
}

//  A file with the given header and right-sized zero weights for 3
//  labels at bits 8, sealed with a correct checksum.
static void
s_write_with_header (const char *path, const char *header)
{
    size_t hlen = strlen (header);
    size_t size = 12 + hlen + ((1u << 8) * 3 + 3) * 4 + 32;
    unsigned char *data = calloc (1, size);
    assert_non_null (data);
    memcpy (data, "SWCLS001", 8);
    data[8] = (unsigned char) hlen;
    data[9] = (unsigned char) (hlen >> 8);
    memcpy (data + 12, header, hlen);
    s_reseal (data, size);
    s_write (path, data, size);
    free (data);
}

static void
test_refused_files (void **state)
{
    s_fixture_t *self = *state;
    char *good = s_path (self, "good.bin");
    char *bad = s_path (self, "bad.bin");
    char err[512];
    cls_model_t *model = s_train (self, 9);
    assert_int_equal (cls_model_save (model, good, err, sizeof err), 0);
    cls_model_destroy (&model);
    size_t size;
    unsigned char *data = s_read (good, &size);
    uint32_t hlen = (uint32_t) data[8] | (uint32_t) data[9] << 8;

    s_refused ("/nonexistent/model.bin", "could not open model file \"/nonexistent/model.bin\"");

    //  Truncated in the weights: the header says how long it should be.
    s_write (bad, data, size - 100);
    char want[256];
    snprintf (want, sizeof want, "is truncated: expected %zu bytes, found %zu", size, size - 100);
    s_refused (bad, want);
    //  Truncated inside the header, and to almost nothing.
    s_write (bad, data, 12 + hlen / 2);
    s_refused (bad, "is truncated: expected at least");
    s_write (bad, data, 5);
    s_refused (bad, "is truncated: expected at least 44 bytes, found 5");
    //  Too long.
    unsigned char *longer = calloc (1, size + 4);
    memcpy (longer, data, size);
    s_write (bad, longer, size + 4);
    s_refused (bad, "is too long");
    free (longer);

    //  One flipped bit in the weights, in the header, in the checksum.
    unsigned char *copy = malloc (size);
    memcpy (copy, data, size);
    copy[12 + hlen + 1000] ^= 0x01;
    s_write (bad, copy, size);
    s_refused (bad, "checksum mismatch");
    memcpy (copy, data, size);
    copy[12 + 1] ^= 0x20;                         //  '"' of the first key
    s_write (bad, copy, size);
    s_refused (bad, "checksum mismatch");
    memcpy (copy, data, size);
    copy[size - 1] ^= 0x80;
    s_write (bad, copy, size);
    s_refused (bad, "checksum mismatch");

    //  Wrong magic.
    memcpy (copy, data, size);
    memcpy (copy, "SWCLS002", 8);
    s_write (bad, copy, size);
    s_refused (bad, "bad magic");
    s_write (bad, (const unsigned char *) "GIF89a this is not a model at all, really, no...", 48);
    s_refused (bad, "bad magic");

    //  A NaN in the weights, with a correct checksum.
    memcpy (copy, data, size);
    memcpy (copy + 12 + hlen + 8, "\x00\x00\xc0\x7f", 4);
    s_reseal (copy, size);
    s_write (bad, copy, size);
    s_refused (bad, "non-finite");
    free (copy);

    //  Badly written headers, correctly sealed.
    s_write_with_header (bad, "{\"version\": \"x\", not json");
    s_refused (bad, "header is not valid JSON");
    s_write_with_header (bad, "[1, 2, 3]");
    s_refused (bad, "header is not a JSON object");
    const char *fields = "\"version\":\"x\",\"created\":\"2023-11-14T22:13:20Z\",\"bits\":8,"
                         "\"ngram_min\":2,\"ngram_max\":5,\"word_ngrams\":2,\"epochs\":1,"
                         "\"seed\":1,\"train_examples\":3,";
    char header[1024];
    snprintf (header, sizeof header, "{%s\"priorities\":{}}", fields);
    s_write_with_header (bad, header);
    s_refused (bad, "header field \"labels\" missing");
    snprintf (header, sizeof header, "{%s\"labels\":[\"a\",\"b\",\"c\"]}", fields);
    s_write_with_header (bad, header);
    s_refused (bad, "header field \"priorities\" missing");
    snprintf (header, sizeof header,
              "{%s\"labels\":[\"a\",\"b\",\"a\"],\"priorities\":{\"a\":\"P1\",\"b\":\"P2\"}}",
              fields);
    s_write_with_header (bad, header);
    s_refused (bad, "header field \"labels\" is invalid");
    snprintf (header, sizeof header,
              "{%s\"labels\":[\"a\",\"b\",\"c\"],\"priorities\":{\"a\":\"P1\",\"b\":\"P2\",\"c\":\"P9\"}}",
              fields);
    s_write_with_header (bad, header);
    s_refused (bad, "header field \"priorities\" is invalid");
    //  The same header with valid priorities loads: the check is real.
    snprintf (header, sizeof header,
              "{%s\"labels\":[\"a\",\"b\",\"c\"],\"priorities\":{\"a\":\"P1\",\"b\":\"P2\",\"c\":\"P3\"}}",
              fields);
    s_write_with_header (bad, header);
    model = cls_model_load (bad, err, sizeof err);
    if (!model)
        fail_msg ("hand-made model refused: %s", err);
    float probs[3];
    assert_int_equal (cls_model_predict (model, "anything", probs), 0);   //  all zero: a tie
    assert_float_equal (probs[1], 1.0f / 3, 1e-6f);
    cls_model_destroy (&model);
    //  bits says 9, the weights are sized for 8.
    snprintf (header, sizeof header,
              "{%s\"labels\":[\"a\",\"b\",\"c\"],\"priorities\":{\"a\":\"P1\",\"b\":\"P2\",\"c\":\"P3\"}}",
              "\"version\":\"x\",\"created\":\"\",\"bits\":9,\"ngram_min\":2,\"ngram_max\":5,"
              "\"word_ngrams\":2,\"epochs\":1,\"seed\":1,\"train_examples\":3,");
    s_write_with_header (bad, header);
    s_refused (bad, "is truncated: expected");
    snprintf (header, sizeof header,
              "{%s\"labels\":[\"a\",\"b\",\"c\"],\"priorities\":{\"a\":\"P1\",\"b\":\"P2\",\"c\":\"P3\"}}",
              "\"version\":\"x\",\"created\":\"\",\"bits\":\"8\",\"ngram_min\":2,\"ngram_max\":5,"
              "\"word_ngrams\":2,\"epochs\":1,\"seed\":1,\"train_examples\":3,");
    s_write_with_header (bad, header);
    s_refused (bad, "header field \"bits\" is invalid");

    free (data);
    free (good);
    free (bad);
}

int
main (void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test (test_train_and_predict),
        cmocka_unit_test (test_bad_training_input),
        cmocka_unit_test (test_deterministic),
        cmocka_unit_test (test_round_trip),
        cmocka_unit_test (test_refused_files),
    };
    return cmocka_run_group_tests (tests, s_setup, s_teardown);
}
