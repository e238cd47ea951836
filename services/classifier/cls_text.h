/*  cls_text: turning complaint text into comparable tokens.

    Text arrives as Devanagari Hindi, romanised Hindi, English and mixtures.
    cls_text_tokens: NFC (utf8proc), case folding, then split into tokens:
    URLs become "<url>", @mentions "<mention>", #hashtags "<hashtag>" plus the
    tag's word, numbers "<num>" (a 10-digit mobile number "<phone>"), emoji
    and symbols dropped, punctuation splits.  Devanagari nukta forms and
    chandrabindu/anusvara are folded (क़ -> क, ँ -> ं), and every Devanagari
    token also yields its romanised key so that चोरी, chori and chorí share
    features: cls_text_romanize maps Devanagari to a lossy ASCII key (vowel
    length dropped, aspirates kept: चोरी -> "chori", लखनऊ -> "lakhno"), and
    Latin tokens are reduced to the same key space (diacritics stripped,
    doubled vowels folded: "choree" -> "chori").  Invalid UTF-8 and emoji
    never fail: bad bytes are dropped. */
#ifndef CLS_TEXT_H
#define CLS_TEXT_H
#include <stdbool.h>
#include <stddef.h>

typedef struct {
    char **tokens;       //  normalised tokens, in order (UTF-8, NUL-terminated)
    char **keys;         //  romanised key of each token ("" for special tokens)
    size_t count;        //  how many
    size_t capacity;     //  allocated
    size_t devanagari;   //  tokens in Devanagari script
    size_t latin;        //  tokens in Latin script
} cls_tokens_t;

void cls_tokens_init (cls_tokens_t *self);
void cls_tokens_clear (cls_tokens_t *self);
//  Tokenise text (any bytes). 0, or -1 only if out of memory.
int cls_text_tokens (const char *text, cls_tokens_t *out);
//  Romanised key of one normalised token (Devanagari or Latin). Caller frees.
char *cls_text_romanize (const char *token);

#endif
