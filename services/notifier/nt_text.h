/*  nt_text: what a post on X may hold, counted as X counts it.

    X limits a post to a weighted length of 280 (twitter-text 3): after NFC
    normalisation each code point in U+0000-U+10FF, U+2000-U+200D,
    U+2010-U+201F and U+2032-U+2037 weighs 1 (Latin, Devanagari and the
    other Indic scripts among them), every other code point weighs 2 (CJK,
    emoji), and each URL counts 23 whatever its length, because X wraps it
    in a t.co link.  An emoji sequence joined by U+200D is counted per code
    point here, which is never less than X counts, so a text this module
    accepts is never refused for length.

    Only http:// and https:// links are recognised as URLs; a bare domain
    such as example.com is counted by its characters. */
#ifndef NT_TEXT_H
#define NT_TEXT_H
#include <stdbool.h>
#include <stddef.h>

#define NT_TEXT_X_MAX 280
#define NT_TEXT_X_URL 23

//  Weighted length of text (valid UTF-8, NFC applied first).
size_t nt_text_x_length (const char *text);
//  A copy of text (NFC) whose weighted length is at most max: if text is
//  longer, the words before its last URL are cut at a grapheme boundary and
//  end with "…", so the docket at the start and the status link at the
//  end survive.  NULL if even the link does not fit.  Caller frees.
char *nt_text_x_fit (const char *text, size_t max);
//  True if a and b are the same post once links are taken out and runs of
//  white space are one space: X returns a post's text with its links
//  rewritten to t.co, so this is how a post read back is matched with the
//  text that was sent.
bool nt_text_same_post (const char *a, const char *b);

#endif
