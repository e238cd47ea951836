/*  cls_lang: which language a complaint is written in, from its tokens.

    The script counts that cls_text keeps (Devanagari and Latin word
    tokens) decide first: 70% or more Devanagari is "hi", neither script
    reaching 70% is "mixed".  Latin text is then told apart by marker
    words: common Hindustani function words and spellings (hai, nahi,
    mera, ko, ho gaya, thana, kripya ...) against English ones (the, is,
    my, was, stolen, please ...).  Words common to both (to, me, par, do,
    he, sir, phone) are in neither list.  One side needs twice the other's
    count to win; otherwise the text is "mixed".  Latin text with no
    markers at all (names of places, say) is "en". */
#include "cls_lang.h"

#include <pthread.h>
#include <stdint.h>
#include <string.h>

//  Hindustani words and spellings seen in romanised complaints.
static const char *s_hindi_markers[] = {
    "hai", "hain", "h", "hei", "nahi", "nahin", "nhi", "nai", "mat", "mera", "meri",
    "mere", "mujhe", "mujhse", "hamara", "hamari", "hamare", "humara", "humari",
    "humare", "hum", "ham", "hame", "hamein", "humein", "aap", "ap", "aapka",
    "aapki", "apna", "apni", "apne", "ki", "ka", "ke", "ko", "se", "mein", "mai",
    "pe", "ho", "hua", "hui", "hue", "gaya", "gayi", "gai", "gaye", "gya", "gyi",
    "raha", "rahi", "rahe", "rha", "rhi", "rhe", "kya", "kyu", "kyun", "kyon",
    "kaise", "kab", "kaun", "koi", "kuch", "kuchh", "bhi", "abhi", "sab", "sabhi",
    "thana", "thane", "thanedar", "chori", "chor", "madad", "kripya", "krpya",
    "kirpya", "kripa", "jaldi", "bahut", "bhut", "bohot", "bahot", "ghar", "wala",
    "wali", "wale", "vala", "vali", "vale", "log", "logo", "logon", "sahab",
    "saheb", "sahib", "ji", "bhai", "bhaiya", "yaar", "didi", "beta", "kar",
    "karo", "kare", "karen", "karein", "karna", "karne", "kiya", "kiye", "diya",
    "diye", "liya", "liye", "dena", "dijiye", "kijiye", "aur", "ya", "lekin",
    "magar", "toh", "phir", "fir", "tha", "thi", "woh", "wo", "vo", "yeh", "ye",
    "uska", "uski", "uske", "unka", "unki", "unke", "inka", "jab", "tab", "yahan",
    "wahan", "kahan", "idhar", "udhar", "raat", "kal", "aaj", "paisa", "paise",
    "rupaye", "gaadi", "gadi", "ladki", "ladka", "aadmi", "aurat", "maar", "mara",
    "maarpeet", "marpeet", "pitai", "dhamki", "galat", "achha", "accha", "theek",
    "thik", "bolo", "bola", "boli", "bol", "kaha", "suno", "sun", "sunte", "mil",
    "mila", "mili", "jana", "jaa", "ja", "aaya", "aaye", "aayi", "aya", "ayi",
    "chahiye", "chahie", "sakte", "sakta", "sakti", "hoga", "hogi", "hona", "hone",
    "gaon", "mohalla", "padosi", "samne", "paas", "andar", "bahar", "tak", "wapas",
    "vapas", "turant", "shikayat", "shikayt", "prarthna", "nivedan", "shriman",
    "mahoday", "dhanyavad", "dhanyawad", "shukriya", "yahi", "wahi", "sirf",
    "bilkul", "zyada", "jyada", "saath", "sath", "wajah", "kyunki", "kyuki",
    "agar", "warna", "bahen", "behen", "pati", "patni", "beti", NULL
};

//  English function words and complaint vocabulary.
static const char *s_english_markers[] = {
    "the", "is", "are", "was", "were", "am", "be", "been", "being", "has", "have",
    "had", "does", "did", "my", "your", "our", "their", "his", "her", "its", "it",
    "this", "that", "these", "those", "with", "from", "for", "of", "and", "or",
    "but", "not", "please", "kindly", "police", "stolen", "stole", "theft", "help",
    "near", "at", "in", "on", "by", "an", "a", "i", "we", "they", "she", "him",
    "them", "what", "when", "where", "why", "how", "who", "which", "there", "here",
    "will", "would", "can", "could", "should", "must", "shall", "may", "complaint",
    "someone", "nobody", "anyone", "station", "taken", "lost", "missing", "since",
    "yesterday", "today", "night", "morning", "evening", "about", "after",
    "before", "because", "very", "also", "still", "again", "take", "action",
    "against", "immediately", "urgent", "registered", "filed", "house", "home",
    "street", "road", "market", "area", "officer", "called", "number", "nothing",
    "any", "some", "all", "going", "went", "came", "come", "got", "get", "told",
    "said", "tell", "threatened", "harassed", "beaten", "listening",
    "respond", "responding", "registering", NULL
};

//  Word lists are looked up through a hash set built once (a linear scan
//  with strcmp was a sixth of the worker's time).
#define S_SET_SLOTS 1024

typedef struct {
    const char *const *list;           //  the NULL-terminated word list
    const char *slots[S_SET_SLOTS];    //  open addressing, NULL = empty
} s_set_t;

static s_set_t s_sets[2];
static pthread_once_t s_sets_once = PTHREAD_ONCE_INIT;

static uint32_t
s_hash (const char *word)
{
    uint32_t h = 2166136261u;
    for (const unsigned char *p = (const unsigned char *) word; *p; p++)
        h = (h ^ *p) * 16777619u;
    return h;
}

static void s_sets_build (void);

static bool
s_in (const char *const *list, const char *word)
{
    if (!word || !*word)
        return false;
    pthread_once (&s_sets_once, s_sets_build);
    s_set_t *set = s_sets[0].list == list ? &s_sets[0] : &s_sets[1];
    for (uint32_t slot = s_hash (word) & (S_SET_SLOTS - 1); set->slots[slot];
         slot = (slot + 1) & (S_SET_SLOTS - 1))
        if (strcmp (set->slots[slot], word) == 0)
            return true;
    return false;
}

static void
s_sets_build (void)
{
    const char *const *lists[2] = { s_hindi_markers, s_english_markers };
    for (int k = 0; k < 2; k++) {
        s_sets[k].list = lists[k];
        for (size_t i = 0; lists[k][i]; i++) {
            uint32_t slot = s_hash (lists[k][i]) & (S_SET_SLOTS - 1);
            while (s_sets[k].slots[slot])
                slot = (slot + 1) & (S_SET_SLOTS - 1);
            s_sets[k].slots[slot] = lists[k][i];
        }
    }
}

//  A token is a Latin word if it starts with an ASCII letter or a Latin
//  letter with a diacritic (U+00C0..U+024F), which cls_text keeps.
static bool
s_latin_word (const char *token)
{
    const unsigned char *t = (const unsigned char *) token;
    if ((t[0] >= 'a' && t[0] <= 'z') || (t[0] >= 'A' && t[0] <= 'Z'))
        return true;
    return t[0] >= 0xC3 && t[0] <= 0xC9;
}

const char *
cls_lang_detect (const cls_tokens_t *tokens)
{
    if (!tokens)
        return "und";
    size_t words = tokens->devanagari + tokens->latin;
    if (words == 0)
        return "und";
    if (tokens->devanagari * 10 >= words * 7)
        return "hi";
    if (tokens->latin * 10 < words * 7)
        return "mixed";

    size_t hindi = 0, english = 0;
    for (size_t i = 0; i < tokens->count; i++) {
        const char *token = tokens->tokens ? tokens->tokens[i] : NULL;
        if (!token || !s_latin_word (token))
            continue;
        const char *key = tokens->keys ? tokens->keys[i] : NULL;
        if (s_in (s_hindi_markers, token) || s_in (s_hindi_markers, key))
            hindi++;
        else
        if (s_in (s_english_markers, token))
            english++;
    }
    if (hindi == 0 && english == 0)
        return "en";
    if (hindi >= 2 * english)
        return "hi-Latn";
    if (english >= 2 * hindi)
        return "en";
    return "mixed";
}
