/*  sw_text: making text from the outside safe to store and compare.

    sw_text_clean validates UTF-8 (overlong forms, surrogates and code
    points past U+10FFFF are invalid), decodes HTML character references
    (X escapes &amp; &lt; &gt; in tweet text; numeric &#NNN; and &#xHH;
    too), normalises to NFC with utf8proc, drops control characters other
    than newline and tab, and truncates to a number of code points on a
    code point boundary. */
#ifndef SW_TEXT_H
#define SW_TEXT_H
#include <stdbool.h>
#include <stddef.h>

//  True if the first len bytes of s are valid UTF-8 (and contain no NUL).
bool sw_text_valid_utf8 (const char *s, size_t len);
//  Count of code points in valid UTF-8 s.
size_t sw_text_codepoints (const char *s);
//  Returns a cleaned copy (caller frees), or NULL with a reason in err
//  ("text is not valid UTF-8", "out of memory"). *truncated (may be NULL)
//  says whether max_codepoints cut it.
char *sw_text_clean (const char *s, size_t max_codepoints, bool *truncated, char *err,
                     size_t errlen);
//  Decode HTML character references only (no NFC). Caller frees.
char *sw_text_html_unescape (const char *s);

#endif
