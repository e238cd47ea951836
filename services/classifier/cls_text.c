/*  cls_text: turning complaint text into comparable tokens.

    Tokenising runs in three steps.  The bytes are first made valid UTF-8
    by dropping every byte utf8proc_iterate refuses (a stray 0xFF, a
    truncated sequence, a surrogate), so no input is ever fatal.  The text
    is then normalised with utf8proc_map (NFC and case folding) and decoded
    into code points, and a single left-to-right scan cuts it into tokens:

      - at a word start, "http://", "https://", "www." and "t.co/" begin a
        URL that runs to the next white space: one token "<url>";
      - "@" and an X handle ([a-z0-9_]) is "<mention>" followed by the
        handle itself as a token "@handle" (lowercase), so that a district
        account such as @lkopolice can help find the place;
      - "#" before a word is "<hashtag>"; the tag's words follow as
        ordinary tokens;
      - a run of decimal digits (ASCII, Devanagari or any other script) is
        "<num>", or "<phone>" when it is 10 digits starting 6-9;
      - a word is a run of letters, with their combining marks, in one
        script (Devanagari, Latin, or anything else); a change of script
        starts a new word.  Apostrophes inside a Latin word are dropped
        ("don't" -> "dont"); ZWJ/ZWNJ and other invisible format
        characters inside a word are dropped without splitting it;
      - punctuation, white space, symbols and emoji (with their variation
        selectors and modifiers) separate tokens and are dropped.

    Devanagari words keep their vowel signs (matras), virama and anusvara
    inside the token; the nukta (U+093C) is dropped, the precomposed nukta
    letters U+0958-U+095F (and U+0929, U+0931, U+0934) become their base
    letters, and chandrabindu (U+0901) becomes anusvara (U+0902).

    Keys.  Every word token also gets a romanised key (special tokens,
    including "@handle", get ""), made by cls_text_romanize.  Devanagari is
    transliterated with a deliberately simple, lossy table:

      consonants  क k  ख kh  ग g  घ gh  ङ n  च ch  छ ch  ज j  झ jh  ञ n
                  ट t  ठ th  ड d  ढ dh  ण n  त t  थ th  द d  ध dh  न n
                  प p  फ ph  ब b  भ bh  म m  य y  र r  ल l  ळ l  व v
                  श s  ष s  स s  ह h   (nukta forms: क़ k, ख़ kh, ग़ g,
                  ज़ j, ड़ d, ढ़ dh, फ़ ph, य़ y)
      vowels      अ/आ/ा a  इ/ई/ि/ी i  उ/ऊ/ु/ू u  ऋ/ृ ri  ए/े e  ऐ/ै ai
                  ओ/ो o  औ/ौ au  ऑ/ॉ o  ं/ँ n  ः h  ॐ om
      digits      ० .. ९ -> 0 .. 9

    Each consonant carries the inherent vowel "a" unless a matra or virama
    follows.  The inherent "a" is dropped at the end of a word of two or
    more syllables, and inside a word by the usual Hindi schwa rule (Ohala):
    right to left, an inherent "a" between a vowel+consonant and a
    consonant+vowel goes (लखनऊ -> "lakhnau", कमला -> "kamla", but मदद ->
    "madad", समझ -> "samajh").  The rule has exceptions (अपराध becomes
    "apradh"); the key only has to be stable, not right.

    The result, and every Latin word, then goes through one folding shared
    by both scripts, so that common romanised spellings meet the
    transliteration: diacritics stripped and lower case; "c" before e/i/y
    -> "s", "ck" -> "k", other "c" -> "k" ("ch" stays); "q" -> "k",
    "w" -> "v", "z" -> "j", "x" -> "ks", "f" -> "ph", "sh" -> "s";
    then repeatedly "ee"/"ii" -> "i", "oo"/"uu" -> "u", "aa" -> "a",
    "au"/"ou" -> "o" and any doubled letter -> one; finally a trailing "a"
    after a consonant is dropped from keys of three or more characters.
    So चोरी, chori, choree and chouri all become "chori"; थाना, thana and
    thaana "than"; लखनऊ and lakhnau "lakhno"; गाड़ी, gadi and gaadi "gadi";
    मदद and madad "madad".  Some spellings still do not meet: "lucknow"
    is "luknov", पुलिस "pulis" but police "polise", बाइक "baik" but bike
    "bike", and ड़ is "d" so "gaari" stays "gari".  The gazetteer lists such
    spellings explicitly; the model learns them from data.  Words in other
    scripts (Urdu, Gurmukhi ...) keep their normalised letters as the key. */
#include "cls_text.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

//  --------------------------------------------------------------------------
//  A growing byte buffer that remembers an allocation failure.

typedef struct {
    char *data;      //  bytes, NUL-terminated
    size_t len;      //  bytes used (without the NUL)
    size_t cap;      //  bytes allocated
    bool failed;     //  an allocation failed; the contents are incomplete
} s_buf_t;

static void
s_buf_put (s_buf_t *self, const char *bytes, size_t n)
{
    if (self->failed)
        return;
    if (self->len + n + 1 > self->cap) {
        size_t cap = self->cap ? self->cap * 2 : 32;
        while (cap < self->len + n + 1)
            cap *= 2;
        char *data = realloc (self->data, cap);
        if (!data) {
            self->failed = true;
            return;
        }
        self->data = data;
        self->cap = cap;
    }
    memcpy (self->data + self->len, bytes, n);
    self->len += n;
    self->data[self->len] = '\0';
}

static void
s_buf_str (s_buf_t *self, const char *s)
{
    s_buf_put (self, s, strlen (s));
}

static void
s_buf_cp (s_buf_t *self, int32_t cp)
{
    utf8proc_uint8_t bytes[4];
    utf8proc_ssize_t n = utf8proc_encode_char (cp, bytes);
    if (n > 0)
        s_buf_put (self, (const char *) bytes, (size_t) n);
}

//  Hands over the contents ("" if empty), or NULL if an allocation failed.
static char *
s_buf_take (s_buf_t *self)
{
    if (!self->failed && !self->data)
        s_buf_put (self, "", 0);
    char *data = self->failed ? NULL : self->data;
    if (self->failed)
        free (self->data);
    self->data = NULL;
    self->len = self->cap = 0;
    self->failed = false;
    return data;
}

//  --------------------------------------------------------------------------
//  Normalisation: valid UTF-8, NFC, case folded, as code points.

//  Decodes text into a new code point array (*cps, *count). 0 or -1.
static int
s_decode (const char *text, int32_t **cps_p, size_t *count_p)
{
    size_t len = strlen (text);
    char *clean = malloc (len + 1);
    if (!clean)
        return -1;
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *) text;
    utf8proc_ssize_t rest = (utf8proc_ssize_t) len;
    size_t used = 0;
    while (rest > 0) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate (p, rest, &cp);
        if (n <= 0) {           //  invalid byte: skip it and resynchronise
            p++;
            rest--;
            continue;
        }
        memcpy (clean + used, p, (size_t) n);
        used += (size_t) n;
        p += n;
        rest -= n;
    }
    clean[used] = '\0';

    utf8proc_uint8_t *mapped = NULL;
    utf8proc_ssize_t mlen = utf8proc_map ((const utf8proc_uint8_t *) clean, 0, &mapped,
                                          UTF8PROC_NULLTERM | UTF8PROC_STABLE
                                              | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD);
    const utf8proc_uint8_t *src = (const utf8proc_uint8_t *) clean;
    if (mlen >= 0)
        src = mapped;
    else
        mlen = (utf8proc_ssize_t) used;     //  cannot happen for valid input

    int32_t *cps = malloc (((size_t) mlen + 1) * sizeof (int32_t));
    if (!cps) {
        free (mapped);
        free (clean);
        return -1;
    }
    size_t count = 0;
    for (utf8proc_ssize_t at = 0; at < mlen;) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate (src + at, mlen - at, &cp);
        if (n <= 0) {
            at++;
            continue;
        }
        cps[count++] = cp;
        at += n;
    }
    free (mapped);
    free (clean);
    *cps_p = cps;
    *count_p = count;
    return 0;
}

//  --------------------------------------------------------------------------
//  Classes of code points.

typedef enum { S_SEP, S_LETTER, S_MARK, S_DIGIT, S_IGNORE } s_class_t;
typedef enum { S_SCRIPT_OTHER, S_SCRIPT_DEVA, S_SCRIPT_LATIN } s_script_t;

static bool
s_is_deva (int32_t cp)
{
    return cp >= 0x0900 && cp <= 0x097F;
}

static s_script_t
s_script (int32_t cp)
{
    if (s_is_deva (cp))
        return S_SCRIPT_DEVA;
    if (cp < 0x0250 || (cp >= 0x1E00 && cp <= 0x1EFF) || (cp >= 0x2C60 && cp <= 0x2C7F)
        || (cp >= 0xA720 && cp <= 0xA7FF) || (cp >= 0xFF21 && cp <= 0xFF5A))
        return S_SCRIPT_LATIN;
    return S_SCRIPT_OTHER;
}

static s_class_t
s_class (int32_t cp)
{
    //  Variation selectors and the keycap mark belong to emoji: drop them.
    if ((cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF) || cp == 0x20E3)
        return S_IGNORE;
    switch (utf8proc_category (cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
        return S_LETTER;
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
        return S_MARK;
    case UTF8PROC_CATEGORY_ND:
        return S_DIGIT;
    case UTF8PROC_CATEGORY_CF:
        //  Zero-width space and BOM separate words; ZWJ, ZWNJ, soft
        //  hyphen and the like are invisible inside a word.
        return cp == 0x200B || cp == 0xFEFF ? S_SEP : S_IGNORE;
    default:
        return S_SEP;
    }
}

//  Devanagari folding inside tokens: 0 drops the code point.
static int32_t
s_deva_fold (int32_t cp)
{
    static const int32_t nukta_base[] = { 0x0915, 0x0916, 0x0917, 0x091C,
                                          0x0921, 0x0922, 0x092B, 0x092F };
    if (cp == 0x093C)
        return 0;                       //  nukta
    if (cp == 0x0901)
        return 0x0902;                  //  chandrabindu -> anusvara
    if (cp >= 0x0958 && cp <= 0x095F)
        return nukta_base[cp - 0x0958];
    if (cp == 0x0929)
        return 0x0928;                  //  ऩ -> न
    if (cp == 0x0931)
        return 0x0930;                  //  ऱ -> र
    if (cp == 0x0934)
        return 0x0933;                  //  ऴ -> ळ
    return cp;
}

//  Value of a decimal digit we know (ASCII, Devanagari), or -1.
static int
s_digit_value (int32_t cp)
{
    if (cp >= '0' && cp <= '9')
        return (int) (cp - '0');
    if (cp >= 0x0966 && cp <= 0x096F)
        return (int) (cp - 0x0966);
    return -1;
}

//  --------------------------------------------------------------------------
//  Romanisation of Devanagari.

//  Consonants U+0915..U+0939.
static const char *s_deva_consonants[] = {
    "k",  "kh", "g",  "gh", "n",  "ch", "ch", "j",  "jh", "n",     //  क..ञ
    "t",  "th", "d",  "dh", "n",  "t",  "th", "d",  "dh", "n",     //  ट..न
    "n",  "p",  "ph", "b",  "bh", "m",  "y",  "r",  "r",  "l",     //  ऩ..ल
    "l",  "l",  "v",  "s",  "s",  "s",  "h"                        //  ळ..ह
};

//  Independent vowels U+0904..U+0914.
static const char *s_deva_vowels[] = {
    "a", "a", "a", "i", "i", "u", "u", "ri", "li", "e", "e", "e", "ai", "o", "o", "o", "au"
};

//  Dependent vowel signs U+093E..U+094C.
static const char *s_deva_matras[] = {
    "a", "i", "i", "u", "u", "ri", "ri", "e", "e", "e", "ai", "o", "o", "o", "au"
};

static const char *
s_deva_consonant (int32_t cp)
{
    static const char *nukta[] = { "k", "kh", "g", "j", "d", "dh", "ph", "y" };
    if (cp >= 0x0915 && cp <= 0x0939)
        return s_deva_consonants[cp - 0x0915];
    if (cp >= 0x0958 && cp <= 0x095F)
        return nukta[cp - 0x0958];
    switch (cp) {
    case 0x0978: return "d";
    case 0x0979: return "j";
    case 0x097A: return "y";
    case 0x097B: return "g";
    case 0x097C: return "j";
    case 0x097E: return "d";
    case 0x097F: return "b";
    default: return NULL;
    }
}

static const char *
s_deva_vowel (int32_t cp)
{
    if (cp >= 0x0904 && cp <= 0x0914)
        return s_deva_vowels[cp - 0x0904];
    switch (cp) {
    case 0x0960: return "ri";
    case 0x0961: return "li";
    case 0x0972: return "a";
    case 0x0950: return "om";
    default: return NULL;
    }
}

static const char *
s_deva_matra (int32_t cp)
{
    if (cp >= 0x093E && cp <= 0x094C)
        return s_deva_matras[cp - 0x093E];
    switch (cp) {
    case 0x0955: return "e";
    case 0x0956:
    case 0x0957: return "u";
    case 0x0962:
    case 0x0963: return "li";
    default: return NULL;
    }
}

typedef struct {
    const char *consonant;   //  romanised consonant, "" for a vowel syllable
    const char *vowel;       //  romanised vowel, "" after virama
    bool schwa;              //  vowel is the inherent "a"
    bool dropped;            //  the inherent "a" is not pronounced
    char coda[8];            //  anusvara "n" / visarga "h" after the vowel
} s_syllable_t;

//  Romanises a Devanagari word (folded or not) into out, unfolded.
static void
s_deva_romanize (const int32_t *cps, size_t count, s_buf_t *out)
{
    s_syllable_t *syl = calloc (count + 1, sizeof *syl);
    if (!syl) {
        out->failed = true;
        return;
    }
    size_t n = 0;
    for (size_t i = 0; i < count; i++) {
        int32_t cp = cps[i];
        const char *text;
        s_syllable_t *last = n ? &syl[n - 1] : NULL;
        if ((text = s_deva_consonant (cp))) {
            syl[n++] = (s_syllable_t) { .consonant = text, .vowel = "a", .schwa = true };
        }
        else if ((text = s_deva_vowel (cp)))
            syl[n++] = (s_syllable_t) { .consonant = "", .vowel = text };
        else if ((text = s_deva_matra (cp))) {
            if (last && last->schwa && !last->coda[0]) {
                last->vowel = text;
                last->schwa = false;
            }
            else    //  a stray matra: read it as a vowel
                syl[n++] = (s_syllable_t) { .consonant = "", .vowel = text };
        }
        else if (cp == 0x094D) {        //  virama
            if (last && last->schwa && !last->coda[0]) {
                last->vowel = "";
                last->schwa = false;
            }
        }
        else if (cp == 0x0901 || cp == 0x0902 || cp == 0x0903) {
            const char *coda = cp == 0x0903 ? "h" : "n";
            if (!last)
                syl[n++] = (s_syllable_t) { .consonant = "", .vowel = "" };
            last = &syl[n - 1];
            size_t used = strlen (last->coda);
            if (used + 1 < sizeof last->coda) {
                last->coda[used] = coda[0];
                last->coda[used + 1] = '\0';
            }
        }
        else if (cp >= 0x0966 && cp <= 0x096F) {
            static const char *digits[] = { "0", "1", "2", "3", "4", "5", "6", "7", "8", "9" };
            syl[n++] = (s_syllable_t) { .consonant = digits[cp - 0x0966], .vowel = "" };
        }
        //  nukta, avagraha, stress signs and the rest add nothing
    }
    //  Schwa deletion: the final inherent "a" of a longer word, then right
    //  to left V C [a] C V.
    if (n > 1 && syl[n - 1].schwa && !syl[n - 1].coda[0])
        syl[n - 1].dropped = true;
    for (size_t i = n >= 2 ? n - 2 : 0; i >= 1 && i < n; i--) {
        s_syllable_t *self = &syl[i];
        s_syllable_t *prev = &syl[i - 1];
        s_syllable_t *next = &syl[i + 1];
        if (!self->schwa || self->coda[0] || !self->consonant[0])
            continue;
        bool vowel_before = prev->vowel[0] && !prev->dropped && !prev->coda[0];
        bool cv_after = next->consonant[0] && next->vowel[0] && !next->dropped;
        if (vowel_before && cv_after)
            self->dropped = true;
    }
    for (size_t i = 0; i < n; i++) {
        s_buf_str (out, syl[i].consonant);
        if (!syl[i].dropped)
            s_buf_str (out, syl[i].vowel);
        s_buf_str (out, syl[i].coda);
    }
    free (syl);
}

//  --------------------------------------------------------------------------
//  Key folding shared by both scripts (ASCII rules; other bytes pass).

static bool
s_is_vowel (char c)
{
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

static bool
s_is_consonant (char c)
{
    return c >= 'a' && c <= 'z' && !s_is_vowel (c);
}

//  Appends the folded form of word[0..len) to out.
static void
s_fold (const char *word, size_t len, s_buf_t *out)
{
    //  Pass 1: consonant spellings.
    s_buf_t one = { 0 };
    for (size_t i = 0; i < len; i++) {
        char c = word[i];
        char next = i + 1 < len ? word[i + 1] : '\0';
        if (c == 'c') {
            if (next == 'h') {
                s_buf_str (&one, "ch");
                i++;
            }
            else if (next == 'k')
                ;                               //  "ck": the k follows
            else if (next == 'e' || next == 'i' || next == 'y')
                s_buf_str (&one, "s");
            else
                s_buf_str (&one, "k");
        }
        else if (c == 's' && next == 'h') {
            s_buf_str (&one, "s");
            i++;
        }
        else if (c == 'q')
            s_buf_str (&one, "k");
        else if (c == 'w')
            s_buf_str (&one, "v");
        else if (c == 'z')
            s_buf_str (&one, "j");
        else if (c == 'x')
            s_buf_str (&one, "ks");
        else if (c == 'f')
            s_buf_str (&one, "ph");
        else
            s_buf_put (&one, &c, 1);
    }
    char *text = s_buf_take (&one);
    if (!text) {
        out->failed = true;
        return;
    }
    //  Pass 2: vowel spellings and doubled letters, until nothing changes.
    size_t n = strlen (text);
    bool changed = true;
    while (changed) {
        changed = false;
        size_t w = 0;
        for (size_t r = 0; r < n; r++) {
            char c = text[r];
            char next = r + 1 < n ? text[r + 1] : '\0';
            const char *pair = NULL;
            if ((c == 'e' && next == 'e') || (c == 'i' && next == 'i'))
                pair = "i";
            else if ((c == 'o' && next == 'o') || (c == 'u' && next == 'u'))
                pair = "u";
            else if (c == 'a' && next == 'a')
                pair = "a";
            else if ((c == 'a' || c == 'o') && next == 'u')
                pair = "o";
            if (pair) {
                text[w++] = pair[0];
                r++;
                changed = true;
            }
            else if (w > 0 && c == text[w - 1] && c >= 'a' && c <= 'z')
                changed = true;                 //  doubled letter
            else
                text[w++] = c;
        }
        n = w;
        text[n] = '\0';
    }
    //  Pass 3: a trailing "a" after a consonant.
    if (n >= 3 && text[n - 1] == 'a' && s_is_consonant (text[n - 2]))
        text[--n] = '\0';
    s_buf_put (out, text, n);
    free (text);
}

//  --------------------------------------------------------------------------
//  Keys of words.

//  Appends the key of one word (letters and marks of one script, or
//  digits) to out.
static void
s_word_key (const int32_t *cps, size_t count, s_script_t script, s_buf_t *out)
{
    s_buf_t raw = { 0 };
    if (script == S_SCRIPT_DEVA)
        s_deva_romanize (cps, count, &raw);
    else {
        for (size_t i = 0; i < count; i++) {
            utf8proc_int32_t parts[32];
            int boundclass = 0;
            utf8proc_ssize_t np = utf8proc_decompose_char (
                cps[i], parts, 32,
                UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD,
                &boundclass);
            for (utf8proc_ssize_t j = 0; j >= 0 && j < np && j < 32; j++) {
                int32_t cp = parts[j];
                int digit = s_digit_value (cp);
                if (digit >= 0) {
                    char d = (char) ('0' + digit);
                    s_buf_put (&raw, &d, 1);
                }
                else if (cp < 0x80 && ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z'))) {
                    char c = (char) (cp | 0x20);
                    s_buf_put (&raw, &c, 1);
                }
                else if (cp >= 0x80 && (s_class (cp) == S_LETTER || s_class (cp) == S_DIGIT))
                    s_buf_cp (&raw, cp);
            }
        }
    }
    if (raw.failed) {
        out->failed = true;
        free (raw.data);
        return;
    }
    if (raw.len)
        s_fold (raw.data, raw.len, out);
    free (raw.data);
}

//  Keys of a code point string: words separated by single spaces.
static void
s_romanize_cps (const int32_t *cps, size_t count, s_buf_t *out)
{
    size_t i = 0;
    while (i < count) {
        s_class_t cls = s_class (cps[i]);
        if (cls != S_LETTER && cls != S_DIGIT && !(cls == S_MARK && s_is_deva (cps[i]))) {
            i++;
            continue;
        }
        s_script_t script = cls == S_DIGIT ? S_SCRIPT_LATIN : s_script (cps[i]);
        size_t j = i + 1;
        while (j < count) {
            int32_t cp = cps[j];
            s_class_t c = s_class (cp);
            if (c == S_IGNORE)
                j++;
            else if (c == S_MARK && !(s_is_deva (cp) && script != S_SCRIPT_DEVA))
                j++;
            else if (c == S_LETTER && s_script (cp) == script)
                j++;
            else if (c == S_DIGIT && (script != S_SCRIPT_DEVA || s_is_deva (cp)))
                j++;
            else if ((cp == '\'' || cp == 0x2019) && script == S_SCRIPT_LATIN && j + 1 < count
                     && s_class (cps[j + 1]) == S_LETTER && s_script (cps[j + 1]) == S_SCRIPT_LATIN)
                j++;
            else
                break;
        }
        size_t before = out->len;
        if (out->len)
            s_buf_str (out, " ");
        size_t mark = out->len;
        s_word_key (cps + i, j - i, script, out);
        if (out->len == mark && mark != before && !out->failed) {   //  undo the space
            out->len = before;
            out->data[before] = '\0';
        }
        i = j;
    }
}

char *
cls_text_romanize (const char *token)
{
    if (!token)
        return NULL;
    int32_t *cps = NULL;
    size_t count = 0;
    if (s_decode (token, &cps, &count) != 0)
        return NULL;
    for (size_t i = 0; i < count; i++)
        if (s_is_deva (cps[i]))
            cps[i] = s_deva_fold (cps[i]);
    //  Dropped code points (nukta) become ZWNJ, which words ignore.
    for (size_t i = 0; i < count; i++)
        if (cps[i] == 0)
            cps[i] = 0x200C;
    s_buf_t out = { 0 };
    s_romanize_cps (cps, count, &out);
    free (cps);
    return s_buf_take (&out);
}

//  --------------------------------------------------------------------------
//  Tokens.

void
cls_tokens_init (cls_tokens_t *self)
{
    if (self)
        memset (self, 0, sizeof *self);
}

void
cls_tokens_clear (cls_tokens_t *self)
{
    if (!self)
        return;
    for (size_t i = 0; i < self->count; i++) {
        free (self->tokens[i]);
        free (self->keys[i]);
    }
    free (self->tokens);
    free (self->keys);
    memset (self, 0, sizeof *self);
}

//  Appends a token (takes token and key). 0 or -1.
static int
s_push (cls_tokens_t *self, char *token, char *key)
{
    if (!token || !key) {
        free (token);
        free (key);
        return -1;
    }
    if (self->count == self->capacity) {
        size_t capacity = self->capacity ? self->capacity * 2 : 16;
        char **tokens = realloc (self->tokens, capacity * sizeof (char *));
        if (tokens)
            self->tokens = tokens;
        char **keys = tokens ? realloc (self->keys, capacity * sizeof (char *)) : NULL;
        if (keys)
            self->keys = keys;
        if (!tokens || !keys) {
            free (token);
            free (key);
            return -1;
        }
        self->capacity = capacity;
    }
    self->tokens[self->count] = token;
    self->keys[self->count] = key;
    self->count++;
    return 0;
}

static int
s_push_special (cls_tokens_t *self, const char *token)
{
    return s_push (self, strdup (token), strdup (""));
}

//  True if the ASCII string lit starts at cps[at].
static bool
s_match (const int32_t *cps, size_t count, size_t at, const char *lit)
{
    for (size_t k = 0; lit[k]; k++)
        if (at + k >= count || cps[at + k] != (int32_t) (unsigned char) lit[k])
            return false;
    return true;
}

static bool
s_is_handle (int32_t cp)
{
    return (cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9') || cp == '_'
           || (cp >= 'A' && cp <= 'Z');
}

static bool
s_is_space (int32_t cp)
{
    if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0x200B || cp == 0xFEFF)
        return true;
    utf8proc_category_t cat = utf8proc_category (cp);
    return cat == UTF8PROC_CATEGORY_ZS || cat == UTF8PROC_CATEGORY_ZL
           || cat == UTF8PROC_CATEGORY_ZP || cat == UTF8PROC_CATEGORY_CC;
}

//  True if cps[at] starts a word: the text start, or after a code point
//  that is not part of a word.
static bool
s_word_start (const int32_t *cps, size_t at)
{
    if (at == 0)
        return true;
    s_class_t cls = s_class (cps[at - 1]);
    return cls != S_LETTER && cls != S_DIGIT && cls != S_MARK && cps[at - 1] != '_';
}

//  Reads a word from cps[at]; returns one past its end and its script.
static size_t
s_scan_word (const int32_t *cps, size_t count, size_t at, s_script_t *script_p, s_buf_t *token)
{
    s_script_t script = s_script (cps[at]);
    size_t j = at;
    while (j < count) {
        int32_t cp = cps[j];
        s_class_t cls = s_class (cp);
        if (cls == S_LETTER && s_script (cp) == script) {
            if (script == S_SCRIPT_DEVA)
                cp = s_deva_fold (cp);
            if (cp)
                s_buf_cp (token, cp);
            j++;
        }
        else if (cls == S_MARK) {
            //  A Devanagari sign belongs to a Devanagari word only.
            if (s_is_deva (cp) && script != S_SCRIPT_DEVA)
                break;
            if (s_is_deva (cp))
                cp = s_deva_fold (cp);
            if (cp)
                s_buf_cp (token, cp);
            j++;
        }
        else if (cls == S_IGNORE)
            j++;
        else if ((cp == '\'' || cp == 0x2019) && script == S_SCRIPT_LATIN && j + 1 < count
                 && s_class (cps[j + 1]) == S_LETTER && s_script (cps[j + 1]) == S_SCRIPT_LATIN)
            j++;
        else
            break;
    }
    *script_p = script;
    return j;
}

int
cls_text_tokens (const char *text, cls_tokens_t *out)
{
    if (!out)
        return -1;
    cls_tokens_clear (out);
    if (!text)
        return 0;
    int32_t *cps = NULL;
    size_t count = 0;
    if (s_decode (text, &cps, &count) != 0)
        return -1;

    int rc = 0;
    size_t i = 0;
    while (i < count && rc == 0) {
        int32_t cp = cps[i];
        s_class_t cls = s_class (cp);
        bool start = s_word_start (cps, i);
        if (start
            && (s_match (cps, count, i, "http://") || s_match (cps, count, i, "https://")
                || s_match (cps, count, i, "www.") || s_match (cps, count, i, "t.co/"))) {
            while (i < count && !s_is_space (cps[i]))
                i++;
            rc = s_push_special (out, "<url>");
        }
        else if (start && cp == '@' && i + 1 < count && s_is_handle (cps[i + 1])) {
            s_buf_t handle = { 0 };
            s_buf_str (&handle, "@");
            for (i++; i < count && s_is_handle (cps[i]); i++) {
                char c = (char) (cps[i] >= 'A' && cps[i] <= 'Z' ? cps[i] | 0x20 : cps[i]);
                s_buf_put (&handle, &c, 1);
            }
            rc = s_push_special (out, "<mention>");
            if (rc == 0)
                rc = s_push (out, s_buf_take (&handle), strdup (""));
            else
                free (s_buf_take (&handle));
        }
        else if (start && cp == '#' && i + 1 < count
                 && (s_class (cps[i + 1]) == S_LETTER || s_class (cps[i + 1]) == S_DIGIT
                     || cps[i + 1] == '_')) {
            rc = s_push_special (out, "<hashtag>");
            i++;
        }
        else if (cls == S_DIGIT) {
            size_t j = i;
            while (j < count && s_class (cps[j]) == S_DIGIT)
                j++;
            bool phone = j - i == 10 && s_digit_value (cps[i]) >= 6;
            for (size_t k = i; phone && k < j; k++)
                if (s_digit_value (cps[k]) < 0)
                    phone = false;
            rc = s_push_special (out, phone ? "<phone>" : "<num>");
            i = j;
        }
        else if (cls == S_LETTER) {
            s_buf_t token = { 0 };
            s_script_t script;
            size_t j = s_scan_word (cps, count, i, &script, &token);
            char *word = s_buf_take (&token);
            if (!word)
                rc = -1;
            else if (!*word)
                free (word);
            else {
                //  Key from the folded word's code points.
                int32_t *wcps = NULL;
                size_t wcount = 0;
                s_buf_t key = { 0 };
                if (s_decode (word, &wcps, &wcount) == 0)
                    s_romanize_cps (wcps, wcount, &key);
                else
                    key.failed = true;
                free (wcps);
                rc = s_push (out, word, s_buf_take (&key));
                if (rc == 0 && script == S_SCRIPT_DEVA)
                    out->devanagari++;
                else if (rc == 0 && script == S_SCRIPT_LATIN)
                    out->latin++;
            }
            i = j;
        }
        else
            i++;
    }
    free (cps);
    return rc;
}
