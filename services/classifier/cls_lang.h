/*  cls_lang: which language a complaint is written in.

    "hi" (mostly Devanagari), "hi-Latn" (romanised Hindi/Urdu: Latin script
    with Hindustani function words and spellings: hai, nahi, mera, ki, ko,
    ho gaya, kripya, thana ...), "en" (Latin script, English), "mixed"
    (substantial Devanagari and Latin words together, or English and
    romanised Hindi in near-equal parts), "und" when there are no words. */
#ifndef CLS_LANG_H
#define CLS_LANG_H
#include "cls_text.h"

//  A static string: "hi", "hi-Latn", "en", "mixed" or "und".
const char *cls_lang_detect (const cls_tokens_t *tokens);

#endif
