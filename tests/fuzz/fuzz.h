/*  fuzz: what the libFuzzer targets in this directory share.

    Each fuzz_<name>.c defines LLVMFuzzerTestOneInput (and, if it needs
    data loaded once, LLVMFuzzerInitialize); tests/fuzz/CMakeLists.txt
    builds it with -fsanitize=fuzzer,address,undefined and tests/fuzz/run
    runs it.  A target never calls exit, frees everything it allocates
    (LeakSanitizer runs after every input) and aborts only to report a
    broken invariant, which libFuzzer then saves as a crash. */
#ifndef SUNWAI_FUZZ_H
#define SUNWAI_FUZZ_H
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

//  The input as a NUL-terminated string (it may hold NULs inside; C
//  callers then see a prefix).  Caller frees.  NULL only if out of memory.
static inline char *
fuzz_cstring (const uint8_t *data, size_t size)
{
    char *s = malloc (size + 1);
    if (s) {
        memcpy (s, data, size);
        s[size] = '\0';
    }
    return s;
}

//  A broken invariant: say which, then abort so that libFuzzer keeps the input.
#define FUZZ_CHECK(cond)                                                          \
    do {                                                                          \
        if (!(cond)) {                                                            \
            fprintf (stderr, "%s:%d: invariant failed: %s\n", __FILE__, __LINE__, \
                     #cond);                                                      \
            abort ();                                                             \
        }                                                                         \
    } while (0)

//  A file of the source tree: $SUNWAI_SOURCE_DIR/relative, or the source
//  directory the target was built from.  Writes into path (size bytes).
static inline void
fuzz_source_path (const char *relative, char *path, size_t size)
{
    const char *root = getenv ("SUNWAI_SOURCE_DIR");
    snprintf (path, size, "%s/%s", root && *root ? root : SUNWAI_SOURCE_DIR, relative);
}

#endif
