/*  x_parse: X (Twitter) payloads -> intake messages.

    Every parser works on a jansson tree its caller loaded and checks each
    field it reads: a field that is absent or JSON null is "not given", a
    field of the wrong JSON type is an error naming the field, and ids must
    be strings of 1 to 20 decimal digits (X's ids exceed 2^53, so a JSON
    number is never read as an id).  A body holding several events is
    parsed into a private batch first and moved into the caller's batch
    only when every event parsed: a body is taken whole or not at all.

    Shapes understood:
    - the v1.1 Tweet (Account Activity tweet_create_events, archives):
      id_str, extended_tweet.full_text / full_text / text, "Wed Oct 10
      20:19:24 +0000 2018" dates, user, place, GeoJSON coordinates, media
      from extended_entities / entities;
    - the v2 Tweet with its response's includes (users, places, media),
      note_tweet for long posts, referenced_tweets for replies/retweets;
    - Account Activity bodies: direct_message_events with the users map,
      tweet_delete_events, and the kinds that are never complaints; a
      filtered-stream Post delivered by webhook ({"data", "includes",
      "matching_rules"}) is parsed as a stream line would be.

    Retweets and the police account's own posts and DMs are counted in
    batch->ignored.  v2 DM events ({"event_type": "MessageCreate"}) are
    refused by the v2 Tweet parser rather than mistaken for posts: DMs
    reach Sunwai through the Account Activity webhook only. */
#include "x_parse.h"
#include "sw_text.h"

#include <assert.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

//  Display names and profile locations are kept to this many code points.
#define S_MAX_PROFILE_TEXT 256

//  Account Activity event kinds that are never complaints.
static const char *s_ignored_kinds[] = {
    "favorite_events",
    "follow_events",
    "unfollow_events",
    "block_events",
    "unblock_events",
    "mute_events",
    "unmute_events",
    "user_event",
    "direct_message_indicate_typing_events",
    "direct_message_mark_read_events",
};

static int
s_fail (char *err, size_t errlen, const char *format, ...)
{
    if (err && errlen > 0) {
        va_list args;
        va_start (args, format);
        vsnprintf (err, errlen, format, args);
        va_end (args);
    }
    return -1;
}

//  --------------------------------------------------------------------------
//  Batches

void
x_batch_init (x_batch_t *batch)
{
    memset (batch, 0, sizeof *batch);
}

void
x_batch_clear (x_batch_t *batch)
{
    if (!batch)
        return;
    for (size_t i = 0; i < batch->count; i++)
        intake_msg_destroy (&batch->msgs[i]);
    free (batch->msgs);
    x_batch_init (batch);
}

//  Makes room for more messages; 0 or -1 when out of memory.
static int
s_batch_reserve (x_batch_t *batch, size_t more)
{
    if (batch->count + more <= batch->capacity)
        return 0;
    size_t capacity = batch->capacity ? batch->capacity * 2 : 16;
    while (capacity < batch->count + more)
        capacity *= 2;
    intake_msg_t **msgs = realloc (batch->msgs, capacity * sizeof *msgs);
    if (!msgs)
        return -1;
    batch->msgs = msgs;
    batch->capacity = capacity;
    return 0;
}

//  Appends msg, or destroys it and fails when out of memory.
static int
s_batch_push (x_batch_t *batch, intake_msg_t *msg, char *err, size_t errlen)
{
    if (s_batch_reserve (batch, 1)) {
        intake_msg_destroy (&msg);
        return s_fail (err, errlen, "out of memory");
    }
    batch->msgs[batch->count++] = msg;
    return 0;
}

void
x_batch_add (x_batch_t *batch, intake_msg_t *msg)
{
    int rc = s_batch_push (batch, msg, NULL, 0);
    assert (rc == 0);   //  out of memory
    (void) rc;
}

intake_msg_t *
x_batch_take (x_batch_t *batch, size_t i)
{
    if (!batch || i >= batch->count)
        return NULL;
    intake_msg_t *msg = batch->msgs[i];
    batch->msgs[i] = NULL;
    return msg;
}

//  Moves every message and the ignored count of from into batch; from is
//  cleared either way.
static int
s_batch_move (x_batch_t *batch, x_batch_t *from, char *err, size_t errlen)
{
    if (s_batch_reserve (batch, from->count)) {
        x_batch_clear (from);
        return s_fail (err, errlen, "out of memory");
    }
    for (size_t i = 0; i < from->count; i++) {
        batch->msgs[batch->count++] = from->msgs[i];
        from->msgs[i] = NULL;
    }
    batch->ignored += from->ignored;
    x_batch_clear (from);
    return 0;
}

//  --------------------------------------------------------------------------
//  Fields

//  True if s is an X id: 1 to 20 decimal digits that fit in 64 bits.
static bool
s_is_id (const char *s, size_t len)
{
    if (len == 0 || len > 20)
        return false;
    for (size_t i = 0; i < len; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return len < 20 || memcmp (s, "18446744073709551615", 20) <= 0;
}

//  The string obj[key] (where prefixes the field's name in reasons): *value
//  NULL if absent or null; -1 if another type or not clean UTF-8.
static int
s_string (json_t *obj, const char *key, const char *where, const char **value, char *err,
          size_t errlen)
{
    *value = NULL;
    json_t *v = json_object_get (obj, key);
    if (!v || json_is_null (v))
        return 0;
    if (!json_is_string (v))
        return s_fail (err, errlen, "field \"%s%s\" is not a string", where, key);
    const char *s = json_string_value (v);
    size_t len = json_string_length (v);
    if (strlen (s) != len || !sw_text_valid_utf8 (s, len))
        return s_fail (err, errlen, "field \"%s%s\" is not valid UTF-8", where, key);
    *value = s;
    return 0;
}

//  Like s_string, but absent is an error.
static int
s_required (json_t *obj, const char *key, const char *where, const char **value, char *err,
            size_t errlen)
{
    if (s_string (obj, key, where, value, err, errlen))
        return -1;
    if (!*value)
        return s_fail (err, errlen, "field \"%s%s\" is missing", where, key);
    return 0;
}

//  An id string obj[key]; required says whether absent is an error.
static int
s_id (json_t *obj, const char *key, const char *where, bool required, const char **value,
      char *err, size_t errlen)
{
    if (required ? s_required (obj, key, where, value, err, errlen)
                 : s_string (obj, key, where, value, err, errlen))
        return -1;
    if (*value && !s_is_id (*value, strlen (*value)))
        return s_fail (err, errlen, "field \"%s%s\" is not a numeric id", where, key);
    return 0;
}

//  obj[key] if it has the given JSON type, NULL if absent or null; any
//  other type is an error naming the field and what it should be.
static int
s_typed (json_t *obj, const char *key, const char *where, json_type type, const char *what,
         json_t **value, char *err, size_t errlen)
{
    *value = json_object_get (obj, key);
    if (*value && json_is_null (*value))
        *value = NULL;
    if (*value && json_typeof (*value) != type)
        return s_fail (err, errlen, "field \"%s%s\" is not %s", where, key, what);
    return 0;
}

//  The object obj[key], NULL if absent or null.
static int
s_object (json_t *obj, const char *key, const char *where, json_t **value, char *err,
          size_t errlen)
{
    return s_typed (obj, key, where, JSON_OBJECT, "an object", value, err, errlen);
}

//  The array obj[key], NULL if absent or null.
static int
s_array (json_t *obj, const char *key, const char *where, json_t **value, char *err,
         size_t errlen)
{
    return s_typed (obj, key, where, JSON_ARRAY, "an array", value, err, errlen);
}

//  Sets *field to a copy of value (NULL stays NULL); -1 when out of memory.
static int
s_set (char **field, const char *value)
{
    free (*field);
    *field = NULL;
    if (value && !(*field = strdup (value)))
        return -1;
    return 0;
}

//  Sets *field to value cleaned by sw_text_clean (NULL stays NULL).
static int
s_set_text (char **field, const char *value, size_t max, char *err, size_t errlen)
{
    free (*field);
    *field = NULL;
    if (!value)
        return 0;
    char why[128];
    *field = sw_text_clean (value, max, NULL, why, sizeof why);
    if (!*field)
        return s_fail (err, errlen, "%s", why);
    return 0;
}

//  --------------------------------------------------------------------------
//  Dates

//  n decimal digits at s, or -1.
static int
s_digits (const char *s, int n)
{
    int value = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        value = value * 10 + (s[i] - '0');
    }
    return value;
}

//  Milliseconds since the epoch for a UTC date, or -1 if it is no date.
static int64_t
s_utc_ms (int year, int month, int day, int hour, int minute, int second, int millis)
{
    if (year < 1970 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31
        || hour > 23 || minute > 59 || second > 60 || millis < 0 || millis > 999)
        return -1;
    struct tm tm = { 0 };
    tm.tm_year = year - 1900;
    tm.tm_mon = month - 1;
    tm.tm_mday = day;
    tm.tm_hour = hour;
    tm.tm_min = minute;
    tm.tm_sec = second;
    time_t t = timegm (&tm);
    //  timegm normalises 31 April into 1 May: refuse what moved.
    struct tm check;
    if (t == (time_t) -1 || !gmtime_r (&t, &check) || check.tm_mday != day
        || check.tm_mon != month - 1)
        return -1;
    return (int64_t) t * 1000 + millis;
}

//  v1.1 "Wed Oct 10 20:19:24 +0000 2018"; -1 if it is not one.
static int64_t
s_parse_v1_date (const char *s)
{
    static const char weekdays[] = "MonTueWedThuFriSatSun";
    static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
    if (strlen (s) != 30 || s[3] != ' ' || s[7] != ' ' || s[10] != ' ' || s[13] != ':'
        || s[16] != ':' || s[19] != ' ' || (s[20] != '+' && s[20] != '-') || s[25] != ' ')
        return -1;
    bool weekday = false;
    for (int i = 0; i < 7; i++)
        weekday |= memcmp (s, weekdays + 3 * i, 3) == 0;
    int month = 0;
    for (int i = 0; i < 12; i++)
        if (memcmp (s + 4, months + 3 * i, 3) == 0)
            month = i + 1;
    int day = s_digits (s + 8, 2), hour = s_digits (s + 11, 2);
    int minute = s_digits (s + 14, 2), second = s_digits (s + 17, 2);
    int off_h = s_digits (s + 21, 2), off_m = s_digits (s + 23, 2);
    int year = s_digits (s + 26, 4);
    if (!weekday || !month || day < 0 || hour < 0 || minute < 0 || second < 0 || off_h < 0
        || off_h > 23 || off_m < 0 || off_m > 59 || year < 0)
        return -1;
    int64_t ms = s_utc_ms (year, month, day, hour, minute, second, 0);
    if (ms < 0)
        return -1;
    int64_t offset = ((int64_t) off_h * 3600 + off_m * 60) * 1000;
    return s[20] == '+' ? ms - offset : ms + offset;
}

//  ISO 8601 "2024-01-15T10:35:00.000Z" (fraction optional, Z or +hh:mm).
static int64_t
s_parse_iso_date (const char *s)
{
    if (strlen (s) < 20 || s[4] != '-' || s[7] != '-' || (s[10] != 'T' && s[10] != 't')
        || s[13] != ':' || s[16] != ':')
        return -1;
    int year = s_digits (s, 4), month = s_digits (s + 5, 2), day = s_digits (s + 8, 2);
    int hour = s_digits (s + 11, 2), minute = s_digits (s + 14, 2);
    int second = s_digits (s + 17, 2);
    if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0)
        return -1;
    const char *p = s + 19;
    int millis = 0;
    if (*p == '.') {
        int digits = 0;
        for (p++; *p >= '0' && *p <= '9'; p++, digits++)
            if (digits < 3)
                millis = millis * 10 + (*p - '0');
        if (digits == 0)
            return -1;
        for (; digits < 3; digits++)
            millis *= 10;
    }
    int64_t offset = 0;
    if ((*p == 'Z' || *p == 'z') && p[1] == '\0')
        offset = 0;
    else if ((*p == '+' || *p == '-') && strlen (p) == 6 && p[3] == ':') {
        int off_h = s_digits (p + 1, 2), off_m = s_digits (p + 4, 2);
        if (off_h < 0 || off_h > 23 || off_m < 0 || off_m > 59)
            return -1;
        offset = ((int64_t) off_h * 3600 + off_m * 60) * 1000;
        if (*p == '-')
            offset = -offset;
    }
    else
        return -1;
    int64_t ms = s_utc_ms (year, month, day, hour, minute, second, millis);
    return ms < 0 ? -1 : ms - offset;
}

//  Milliseconds given as a decimal string ("1516403560557"), or -1.
static int64_t
s_parse_ms (const char *s)
{
    size_t len = strlen (s);
    if (len == 0 || len > 15)
        return -1;
    int64_t ms = 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        ms = ms * 10 + (s[i] - '0');
    }
    return ms;
}

//  --------------------------------------------------------------------------
//  Geo and media

//  A GeoJSON Point obj[key]; lat_first for v1.1's "geo" ([lat, lon]).
//  Sets *found and writes into geo when there is one.
static int
s_point (json_t *obj, const char *key, const char *where, bool lat_first, json_t *geo,
         bool *found, char *err, size_t errlen)
{
    *found = false;
    json_t *point;
    if (s_object (obj, key, where, &point, err, errlen))
        return -1;
    if (!point)
        return 0;
    char at[64];
    snprintf (at, sizeof at, "%s%s.", where, key);
    json_t *pair;
    if (s_array (point, "coordinates", at, &pair, err, errlen))
        return -1;
    if (!pair)
        return 0;
    json_t *a = json_array_get (pair, 0);
    json_t *b = json_array_get (pair, 1);
    if (json_array_size (pair) != 2 || !json_is_number (a) || !json_is_number (b))
        return s_fail (err, errlen, "field \"%s%s.coordinates\" is not a pair of numbers", where,
                       key);
    double lat = json_number_value (lat_first ? a : b);
    double lon = json_number_value (lat_first ? b : a);
    if (lat < -90 || lat > 90 || lon < -180 || lon > 180)
        return s_fail (err, errlen, "field \"%s%s.coordinates\" is out of range", where, key);
    json_object_set_new (geo, "lat", json_real (lat));
    json_object_set_new (geo, "lon", json_real (lon));
    *found = true;
    return 0;
}

//  Adds place_id, place_name and country_code to geo (strings may be NULL).
static void
s_place (json_t *geo, const char *id, const char *name, const char *country)
{
    if (id)
        json_object_set_new (geo, "place_id", json_string (id));
    if (name)
        json_object_set_new (geo, "place_name", json_string (name));
    if (country)
        json_object_set_new (geo, "country_code", json_string (country));
}

//  v1.1 geo: exact coordinates, else "geo", plus the place.
static int
s_geo_v1 (json_t *tweet, json_t **geo_p, char *err, size_t errlen)
{
    json_t *geo = json_object ();
    if (!geo)
        return s_fail (err, errlen, "out of memory");
    //  "coordinates" is [lon, lat]; the deprecated "geo" is [lat, lon] and
    //  counts only without it (but is checked either way).
    json_t *scratch = json_object ();
    bool found, found_old;
    if (!scratch
        || s_point (tweet, "coordinates", "", false, geo, &found, err, errlen)
        || s_point (tweet, "geo", "", true, found ? scratch : geo, &found_old, err, errlen)) {
        if (!scratch)
            s_fail (err, errlen, "out of memory");
        json_decref (scratch);
        goto fail;
    }
    json_decref (scratch);
    json_t *place;
    if (s_object (tweet, "place", "", &place, err, errlen))
        goto fail;
    if (place) {
        const char *id, *name, *country;
        if (s_string (place, "id", "place.", &id, err, errlen)
            || s_string (place, "full_name", "place.", &name, err, errlen)
            || s_string (place, "country_code", "place.", &country, err, errlen))
            goto fail;
        s_place (geo, id, name, country);
    }
    if (json_object_size (geo) == 0)
        json_decref (geo);
    else
        *geo_p = geo;
    return 0;
fail:
    json_decref (geo);
    return -1;
}

//  Appends {"id", "type", "url"} for each element of a v1.1 media array.
static int
s_media_v1_list (json_t *list, const char *where, json_t *media, char *err, size_t errlen)
{
    size_t i;
    json_t *item;
    json_array_foreach (list, i, item) {
        char at[96];
        snprintf (at, sizeof at, "%s[%zu].", where, i);
        if (!json_is_object (item))
            return s_fail (err, errlen, "field \"%s[%zu]\" is not an object", where, i);
        const char *id, *type, *url, *url_http;
        if (s_id (item, "id_str", at, true, &id, err, errlen)
            || s_string (item, "type", at, &type, err, errlen)
            || s_string (item, "media_url_https", at, &url, err, errlen)
            || s_string (item, "media_url", at, &url_http, err, errlen))
            return -1;
        json_t *entry = json_pack ("{ss}", "id", id);
        if (!entry)
            return s_fail (err, errlen, "out of memory");
        if (type)
            json_object_set_new (entry, "type", json_string (type));
        if (url || url_http)
            json_object_set_new (entry, "url", json_string (url ? url : url_http));
        json_array_append_new (media, entry);
    }
    return 0;
}

//  v1.1 media: the first of extended_tweet.extended_entities,
//  extended_entities, extended_tweet.entities and entities with any.
static int
s_media_v1 (json_t *tweet, json_t *extended, json_t **media_p, char *err, size_t errlen)
{
    struct {
        json_t *parent;
        const char *key;
        const char *where;
    } places[] = {
        { extended, "extended_entities", "extended_tweet.extended_entities" },
        { tweet, "extended_entities", "extended_entities" },
        { extended, "entities", "extended_tweet.entities" },
        { tweet, "entities", "entities" },
    };
    for (size_t p = 0; p < sizeof places / sizeof places[0]; p++) {
        if (!places[p].parent)
            continue;
        json_t *entities, *list;
        const char *parent = places[p].parent == extended ? "extended_tweet." : "";
        char where[96];
        snprintf (where, sizeof where, "%s.", places[p].where);
        if (s_object (places[p].parent, places[p].key, parent, &entities, err, errlen))
            return -1;
        if (!entities)
            continue;
        if (s_array (entities, "media", where, &list, err, errlen))
            return -1;
        if (!list || json_array_size (list) == 0)
            continue;
        json_t *media = json_array ();
        if (!media)
            return s_fail (err, errlen, "out of memory");
        snprintf (where, sizeof where, "%s.media", places[p].where);
        if (s_media_v1_list (list, where, media, err, errlen)) {
            json_decref (media);
            return -1;
        }
        *media_p = media;
        return 0;
    }
    return 0;
}

//  --------------------------------------------------------------------------
//  v1.1 Tweet

//  Parses one v1.1 Tweet; *out stays NULL when it is not a complaint.
static int
s_tweet_v1 (json_t *tweet, const char *channel, const char *self_user_id, intake_msg_t **out,
            char *err, size_t errlen)
{
    *out = NULL;
    if (!json_is_object (tweet))
        return s_fail (err, errlen, "tweet is not an object");
    const char *id, *created, *reply_to, *lang, *text, *full_text, *ext_text = NULL;
    json_t *user, *extended, *retweeted;
    if (s_id (tweet, "id_str", "", true, &id, err, errlen)
        || s_string (tweet, "created_at", "", &created, err, errlen)
        || s_id (tweet, "in_reply_to_status_id_str", "", false, &reply_to, err, errlen)
        || s_string (tweet, "lang", "", &lang, err, errlen)
        || s_string (tweet, "text", "", &text, err, errlen)
        || s_string (tweet, "full_text", "", &full_text, err, errlen)
        || s_object (tweet, "extended_tweet", "", &extended, err, errlen)
        || (extended
            && s_string (extended, "full_text", "extended_tweet.", &ext_text, err, errlen))
        || s_object (tweet, "retweeted_status", "", &retweeted, err, errlen)
        || s_object (tweet, "user", "", &user, err, errlen))
        return -1;
    if (!user)
        return s_fail (err, errlen, "field \"user\" is missing");
    const char *user_id, *handle, *name, *location;
    if (s_id (user, "id_str", "user.", true, &user_id, err, errlen)
        || s_string (user, "screen_name", "user.", &handle, err, errlen)
        || s_string (user, "name", "user.", &name, err, errlen)
        || s_string (user, "location", "user.", &location, err, errlen))
        return -1;
    if (ext_text)
        text = ext_text;
    else if (full_text)
        text = full_text;
    if (!text)
        return s_fail (err, errlen, "field \"text\" is missing");
    int64_t created_ms = 0;
    if (created && (created_ms = s_parse_v1_date (created)) < 0)
        return s_fail (err, errlen, "field \"created_at\" is not a date like "
                                    "\"Wed Oct 10 20:19:24 +0000 2018\"");
    json_t *geo = NULL, *media = NULL;
    if (s_geo_v1 (tweet, &geo, err, errlen))
        return -1;
    if (s_media_v1 (tweet, extended, &media, err, errlen)) {
        json_decref (geo);
        return -1;
    }
    //  A retweet repeats someone else's words; our own posts are replies.
    if (retweeted || (self_user_id && strcmp (user_id, self_user_id) == 0)) {
        json_decref (geo);
        json_decref (media);
        return 0;
    }
    intake_msg_t *msg = intake_msg_new (INTAKE_TWEET);
    if (!msg) {
        json_decref (geo);
        json_decref (media);
        return s_fail (err, errlen, "out of memory");
    }
    msg->geo = geo;
    msg->media = media;
    msg->created_at_ms = created_ms;
    msg->raw = json_incref (tweet);
    if (s_set_text (&msg->text, text, INTAKE_MAX_TEXT, err, errlen)
        || s_set_text (&msg->author_name, name, S_MAX_PROFILE_TEXT, err, errlen)
        || s_set_text (&msg->author_location, location, S_MAX_PROFILE_TEXT, err, errlen)) {
        intake_msg_destroy (&msg);
        return -1;
    }
    if (s_set (&msg->channel, channel) || s_set (&msg->source, "x")
        || s_set (&msg->source_id, id) || s_set (&msg->in_reply_to_id, reply_to)
        || s_set (&msg->author_id, user_id) || s_set (&msg->author_handle, handle)
        || s_set (&msg->lang, lang)) {
        intake_msg_destroy (&msg);
        return s_fail (err, errlen, "out of memory");
    }
    *out = msg;
    return 0;
}

int
x_parse_tweet_v1 (json_t *tweet, const char *channel, const char *self_user_id,
                  x_batch_t *batch, char *err, size_t errlen)
{
    intake_msg_t *msg;
    if (s_tweet_v1 (tweet, channel, self_user_id, &msg, err, errlen))
        return -1;
    if (!msg) {
        batch->ignored++;
        return 0;
    }
    return s_batch_push (batch, msg, err, errlen);
}

//  --------------------------------------------------------------------------
//  v2 Tweet

//  The element of includes[list] whose key equals value, or NULL.
static int
s_include (json_t *includes, const char *list, const char *key, const char *value,
           json_t **found, char *err, size_t errlen)
{
    *found = NULL;
    if (!includes || !value)
        return 0;
    json_t *items;
    if (s_array (includes, list, "includes.", &items, err, errlen))
        return -1;
    size_t i;
    json_t *item;
    json_array_foreach (items, i, item) {
        if (!json_is_object (item))
            return s_fail (err, errlen, "field \"includes.%s[%zu]\" is not an object", list, i);
        json_t *v = json_object_get (item, key);
        if (json_is_string (v) && strcmp (json_string_value (v), value) == 0) {
            *found = item;
            return 0;
        }
    }
    return 0;
}

//  Appends item to raw.includes[list] (the includes a message depends on).
static void
s_raw_include (json_t *raw, const char *list, json_t *item)
{
    json_t *includes = json_object_get (raw, "includes");
    if (!includes) {
        includes = json_object ();
        json_object_set_new (raw, "includes", includes);
    }
    json_t *items = json_object_get (includes, list);
    if (!items) {
        items = json_array ();
        json_object_set_new (includes, list, items);
    }
    json_array_append (items, item);
}

//  v2 geo: geo.coordinates and geo.place_id resolved in includes.places.
static int
s_geo_v2 (json_t *data, json_t *includes, json_t *raw, json_t **geo_p, char *err,
          size_t errlen)
{
    json_t *tgeo;
    if (s_object (data, "geo", "", &tgeo, err, errlen))
        return -1;
    if (!tgeo)
        return 0;
    json_t *geo = json_object ();
    if (!geo)
        return s_fail (err, errlen, "out of memory");
    bool found;
    const char *place_id;
    json_t *place = NULL;
    if (s_point (tgeo, "coordinates", "geo.", false, geo, &found, err, errlen)
        || s_string (tgeo, "place_id", "geo.", &place_id, err, errlen)
        || s_include (includes, "places", "id", place_id, &place, err, errlen))
        goto fail;
    const char *name = NULL, *country = NULL;
    if (place) {
        if (s_string (place, "full_name", "includes.places[].", &name, err, errlen)
            || s_string (place, "country_code", "includes.places[].", &country, err, errlen))
            goto fail;
        s_raw_include (raw, "places", place);
    }
    s_place (geo, place_id, name, country);
    if (json_object_size (geo) == 0)
        json_decref (geo);
    else
        *geo_p = geo;
    return 0;
fail:
    json_decref (geo);
    return -1;
}

//  v2 media: attachments.media_keys resolved in includes.media.
static int
s_media_v2 (json_t *data, json_t *includes, json_t *raw, json_t **media_p, char *err,
            size_t errlen)
{
    json_t *attachments, *keys;
    if (s_object (data, "attachments", "", &attachments, err, errlen)
        || (attachments
            && s_array (attachments, "media_keys", "attachments.", &keys, err, errlen)))
        return -1;
    if (!attachments || !keys || json_array_size (keys) == 0)
        return 0;
    json_t *media = json_array ();
    if (!media)
        return s_fail (err, errlen, "out of memory");
    size_t i;
    json_t *key;
    json_array_foreach (keys, i, key) {
        if (!json_is_string (key)) {
            json_decref (media);
            return s_fail (err, errlen, "field \"attachments.media_keys[%zu]\" is not a string",
                           i);
        }
        const char *media_key = json_string_value (key);
        json_t *item;
        const char *type = NULL, *url = NULL, *preview = NULL;
        if (s_include (includes, "media", "media_key", media_key, &item, err, errlen)
            || (item
                && (s_string (item, "type", "includes.media[].", &type, err, errlen)
                    || s_string (item, "url", "includes.media[].", &url, err, errlen)
                    || s_string (item, "preview_image_url", "includes.media[].", &preview,
                                 err, errlen)))) {
            json_decref (media);
            return -1;
        }
        json_t *entry = json_pack ("{ss}", "id", media_key);
        if (!entry) {
            json_decref (media);
            return s_fail (err, errlen, "out of memory");
        }
        if (type)
            json_object_set_new (entry, "type", json_string (type));
        if (url || preview)
            json_object_set_new (entry, "url", json_string (url ? url : preview));
        json_array_append_new (media, entry);
        if (item)
            s_raw_include (raw, "media", item);
    }
    *media_p = media;
    return 0;
}

//  Parses one v2 Tweet; *out stays NULL when it is not a complaint.
static int
s_tweet_v2 (json_t *data, json_t *includes, const char *channel, const char *self_user_id,
            intake_msg_t **out, char *err, size_t errlen)
{
    *out = NULL;
    if (!json_is_object (data))
        return s_fail (err, errlen, "tweet is not an object");
    if (json_object_get (data, "event_type"))
        return s_fail (err, errlen, "field \"event_type\" marks a direct message event, "
                                    "not a post");
    const char *id, *text, *author_id, *created, *conversation_id, *lang, *note_text = NULL;
    json_t *note, *refs;
    if (s_id (data, "id", "", true, &id, err, errlen)
        || s_string (data, "text", "", &text, err, errlen)
        || s_object (data, "note_tweet", "", &note, err, errlen)
        || (note && s_string (note, "text", "note_tweet.", &note_text, err, errlen))
        || s_id (data, "author_id", "", false, &author_id, err, errlen)
        || s_string (data, "created_at", "", &created, err, errlen)
        || s_id (data, "conversation_id", "", false, &conversation_id, err, errlen)
        || s_string (data, "lang", "", &lang, err, errlen)
        || s_array (data, "referenced_tweets", "", &refs, err, errlen))
        return -1;
    if (note_text)
        text = note_text;
    if (!text)
        return s_fail (err, errlen, "field \"text\" is missing");
    int64_t created_ms = 0;
    if (created && (created_ms = s_parse_iso_date (created)) < 0)
        return s_fail (err, errlen, "field \"created_at\" is not an ISO 8601 date");
    const char *reply_to = NULL;
    bool retweet = false;
    size_t i;
    json_t *ref;
    json_array_foreach (refs, i, ref) {
        char at[48];
        snprintf (at, sizeof at, "referenced_tweets[%zu].", i);
        if (!json_is_object (ref))
            return s_fail (err, errlen, "field \"referenced_tweets[%zu]\" is not an object", i);
        const char *type, *ref_id;
        if (s_required (ref, "type", at, &type, err, errlen)
            || s_id (ref, "id", at, true, &ref_id, err, errlen))
            return -1;
        if (strcmp (type, "retweeted") == 0)
            retweet = true;
        else if (strcmp (type, "replied_to") == 0 && !reply_to)
            reply_to = ref_id;
    }
    if (includes && !json_is_object (includes))
        return s_fail (err, errlen, "field \"includes\" is not an object");
    json_t *user = NULL;
    const char *handle = NULL, *name = NULL, *location = NULL;
    if (s_include (includes, "users", "id", author_id, &user, err, errlen)
        || (user
            && (s_string (user, "username", "includes.users[].", &handle, err, errlen)
                || s_string (user, "name", "includes.users[].", &name, err, errlen)
                || s_string (user, "location", "includes.users[].", &location, err, errlen))))
        return -1;
    json_t *raw = json_pack ("{sO}", "data", data);
    if (!raw)
        return s_fail (err, errlen, "out of memory");
    if (user)
        s_raw_include (raw, "users", user);
    json_t *geo = NULL, *media = NULL;
    if (s_geo_v2 (data, includes, raw, &geo, err, errlen)
        || s_media_v2 (data, includes, raw, &media, err, errlen)) {
        json_decref (geo);
        json_decref (raw);
        return -1;
    }
    if (retweet || (self_user_id && author_id && strcmp (author_id, self_user_id) == 0)) {
        json_decref (geo);
        json_decref (media);
        json_decref (raw);
        return 0;
    }
    intake_msg_t *msg = intake_msg_new (INTAKE_TWEET);
    if (!msg) {
        json_decref (geo);
        json_decref (media);
        json_decref (raw);
        return s_fail (err, errlen, "out of memory");
    }
    msg->geo = geo;
    msg->media = media;
    msg->raw = raw;
    msg->created_at_ms = created_ms;
    if (s_set_text (&msg->text, text, INTAKE_MAX_TEXT, err, errlen)
        || s_set_text (&msg->author_name, name, S_MAX_PROFILE_TEXT, err, errlen)
        || s_set_text (&msg->author_location, location, S_MAX_PROFILE_TEXT, err, errlen)) {
        intake_msg_destroy (&msg);
        return -1;
    }
    if (s_set (&msg->channel, channel) || s_set (&msg->source, "x")
        || s_set (&msg->source_id, id) || s_set (&msg->conversation_id, conversation_id)
        || s_set (&msg->in_reply_to_id, reply_to) || s_set (&msg->author_id, author_id)
        || s_set (&msg->author_handle, handle) || s_set (&msg->lang, lang)) {
        intake_msg_destroy (&msg);
        return s_fail (err, errlen, "out of memory");
    }
    *out = msg;
    return 0;
}

int
x_parse_tweet_v2 (json_t *data, json_t *includes, const char *channel,
                  const char *self_user_id, x_batch_t *batch, char *err, size_t errlen)
{
    intake_msg_t *msg;
    if (s_tweet_v2 (data, includes, channel, self_user_id, &msg, err, errlen))
        return -1;
    if (!msg) {
        batch->ignored++;
        return 0;
    }
    return s_batch_push (batch, msg, err, errlen);
}

//  --------------------------------------------------------------------------
//  v2 responses

//  The reason for an {"errors": [...]} body, from the first error.
static int
s_api_error (json_t *errors, char *err, size_t errlen)
{
    json_t *first = json_array_get (errors, 0);
    const char *title = NULL, *detail = NULL, *message = NULL;
    if (json_is_object (first)) {
        title = json_string_value (json_object_get (first, "title"));
        detail = json_string_value (json_object_get (first, "detail"));
        message = json_string_value (json_object_get (first, "message"));
    }
    if (!detail)
        detail = message;
    if (title && detail)
        return s_fail (err, errlen, "x api error: %s: %s", title, detail);
    if (title || detail)
        return s_fail (err, errlen, "x api error: %s", title ? title : detail);
    return s_fail (err, errlen, "x api error");
}

int
x_parse_v2_response (json_t *body, const char *channel, const char *self_user_id,
                     x_batch_t *batch, char *err, size_t errlen)
{
    if (!json_is_object (body))
        return s_fail (err, errlen, "response is not an object");
    json_t *includes, *errors, *meta, *rules;
    if (s_object (body, "includes", "", &includes, err, errlen)
        || s_array (body, "errors", "", &errors, err, errlen)
        || s_object (body, "meta", "", &meta, err, errlen)
        || s_array (body, "matching_rules", "", &rules, err, errlen))
        return -1;
    json_t *data = json_object_get (body, "data");
    if (!data || json_is_null (data)) {
        if (errors && json_array_size (errors) > 0)
            return s_api_error (errors, err, errlen);
        json_t *count = meta ? json_object_get (meta, "result_count") : NULL;
        if (count && !json_is_integer (count))
            return s_fail (err, errlen, "field \"meta.result_count\" is not an integer");
        if (count && json_integer_value (count) == 0)
            return 0;
        return s_fail (err, errlen, "field \"data\" is missing");
    }
    const char *tag = NULL;
    json_t *rule = json_array_get (rules, 0);
    if (rule) {
        if (!json_is_object (rule))
            return s_fail (err, errlen, "field \"matching_rules[0]\" is not an object");
        if (s_string (rule, "tag", "matching_rules[0].", &tag, err, errlen))
            return -1;
    }
    x_batch_t parsed;
    x_batch_init (&parsed);
    char why[256];
    if (json_is_array (data)) {
        size_t i;
        json_t *item;
        json_array_foreach (data, i, item)
            if (x_parse_tweet_v2 (item, includes, channel, self_user_id, &parsed, why,
                                  sizeof why)) {
                x_batch_clear (&parsed);
                return s_fail (err, errlen, "data[%zu]: %s", i, why);
            }
    }
    else if (json_is_object (data)) {
        if (x_parse_tweet_v2 (data, includes, channel, self_user_id, &parsed, why,
                              sizeof why)) {
            x_batch_clear (&parsed);
            return s_fail (err, errlen, "data: %s", why);
        }
    }
    else
        return s_fail (err, errlen, "field \"data\" is not an array or an object");
    for (size_t i = 0; tag && i < parsed.count; i++)
        if (s_set (&parsed.msgs[i]->match_tag, tag)) {
            x_batch_clear (&parsed);
            return s_fail (err, errlen, "out of memory");
        }
    return s_batch_move (batch, &parsed, err, errlen);
}

//  --------------------------------------------------------------------------
//  Account Activity

//  Parses one direct_message_events element.
static int
s_dm_event (json_t *event, json_t *users, const char *self_user_id, intake_msg_t **out,
            char *err, size_t errlen)
{
    *out = NULL;
    if (!json_is_object (event))
        return s_fail (err, errlen, "event is not an object");
    const char *type;
    if (s_required (event, "type", "", &type, err, errlen))
        return -1;
    if (strcmp (type, "message_create") != 0)
        return 0;
    const char *id, *created, *sender, *text;
    json_t *create, *data, *attachment;
    if (s_id (event, "id", "", true, &id, err, errlen)
        || s_string (event, "created_timestamp", "", &created, err, errlen)
        || s_object (event, "message_create", "", &create, err, errlen))
        return -1;
    if (!create)
        return s_fail (err, errlen, "field \"message_create\" is missing");
    if (s_id (create, "sender_id", "message_create.", true, &sender, err, errlen)
        || s_object (create, "message_data", "message_create.", &data, err, errlen))
        return -1;
    if (!data)
        return s_fail (err, errlen, "field \"message_create.message_data\" is missing");
    if (s_required (data, "text", "message_create.message_data.", &text, err, errlen)
        || s_object (data, "attachment", "message_create.message_data.", &attachment, err,
                     errlen))
        return -1;
    int64_t created_ms = 0;
    if (created && (created_ms = s_parse_ms (created)) < 0)
        return s_fail (err, errlen, "field \"created_timestamp\" is not milliseconds");
    json_t *user = users ? json_object_get (users, sender) : NULL;
    const char *handle = NULL, *name = NULL, *location = NULL;
    if (user && !json_is_object (user))
        return s_fail (err, errlen, "field \"users.%s\" is not an object", sender);
    if (user
        && (s_string (user, "screen_name", "users[].", &handle, err, errlen)
            || s_string (user, "name", "users[].", &name, err, errlen)
            || s_string (user, "location", "users[].", &location, err, errlen)))
        return -1;
    json_t *media = NULL;
    if (attachment) {
        json_t *item;
        if (s_object (attachment, "media", "message_create.message_data.attachment.", &item,
                      err, errlen))
            return -1;
        if (item) {
            json_t *list = json_pack ("[O]", item);
            media = json_array ();
            if (!list || !media
                || s_media_v1_list (list, "message_create.message_data.attachment.media",
                                    media, err, errlen)) {
                json_decref (list);
                json_decref (media);
                return list && media ? -1 : s_fail (err, errlen, "out of memory");
            }
            json_decref (list);
        }
    }
    //  What the police account sends is its own answer, not a complaint.
    if (self_user_id && strcmp (sender, self_user_id) == 0) {
        json_decref (media);
        return 0;
    }
    intake_msg_t *msg = intake_msg_new (INTAKE_DM);
    if (!msg) {
        json_decref (media);
        return s_fail (err, errlen, "out of memory");
    }
    msg->media = media;
    msg->created_at_ms = created_ms;
    msg->raw = json_incref (event);
    char conversation[32];
    snprintf (conversation, sizeof conversation, "dm:%s", sender);
    if (s_set_text (&msg->text, text, INTAKE_MAX_TEXT, err, errlen)
        || s_set_text (&msg->author_name, name, S_MAX_PROFILE_TEXT, err, errlen)
        || s_set_text (&msg->author_location, location, S_MAX_PROFILE_TEXT, err, errlen)) {
        intake_msg_destroy (&msg);
        return -1;
    }
    if (s_set (&msg->channel, "x_webhook") || s_set (&msg->source, "x_dm")
        || s_set (&msg->source_id, id) || s_set (&msg->conversation_id, conversation)
        || s_set (&msg->author_id, sender) || s_set (&msg->author_handle, handle)) {
        intake_msg_destroy (&msg);
        return s_fail (err, errlen, "out of memory");
    }
    *out = msg;
    return 0;
}

//  Parses one tweet_delete_events element.
static int
s_delete_event (json_t *event, intake_msg_t **out, char *err, size_t errlen)
{
    *out = NULL;
    if (!json_is_object (event))
        return s_fail (err, errlen, "event is not an object");
    json_t *status;
    const char *id, *user_id, *timestamp;
    if (s_object (event, "status", "", &status, err, errlen)
        || s_string (event, "timestamp_ms", "", &timestamp, err, errlen))
        return -1;
    if (!status)
        return s_fail (err, errlen, "field \"status\" is missing");
    if (s_id (status, "id", "status.", true, &id, err, errlen)
        || s_id (status, "user_id", "status.", false, &user_id, err, errlen))
        return -1;
    int64_t ms = 0;
    if (timestamp && (ms = s_parse_ms (timestamp)) < 0)
        return s_fail (err, errlen, "field \"timestamp_ms\" is not milliseconds");
    intake_msg_t *msg = intake_msg_new (INTAKE_DELETE);
    if (!msg)
        return s_fail (err, errlen, "out of memory");
    msg->created_at_ms = ms;
    msg->raw = json_incref (event);
    if (s_set (&msg->channel, "x_webhook") || s_set (&msg->source, "x")
        || s_set (&msg->source_id, id) || s_set (&msg->author_id, user_id)
        || s_set (&msg->text, "")) {
        intake_msg_destroy (&msg);
        return s_fail (err, errlen, "out of memory");
    }
    *out = msg;
    return 0;
}

int
x_parse_webhook (json_t *body, x_batch_t *batch, char *err, size_t errlen)
{
    if (!json_is_object (body))
        return s_fail (err, errlen, "webhook body is not an object");
    const char *self_user_id;
    json_t *users, *tweets, *dms, *deletes;
    if (s_id (body, "for_user_id", "", false, &self_user_id, err, errlen)
        || s_object (body, "users", "", &users, err, errlen)
        || s_array (body, "tweet_create_events", "", &tweets, err, errlen)
        || s_array (body, "direct_message_events", "", &dms, err, errlen)
        || s_array (body, "tweet_delete_events", "", &deletes, err, errlen))
        return -1;
    bool known = tweets || dms || deletes;
    size_t ignored = 0;
    for (size_t k = 0; k < sizeof s_ignored_kinds / sizeof s_ignored_kinds[0]; k++) {
        json_t *events = json_object_get (body, s_ignored_kinds[k]);
        if (!events || json_is_null (events))
            continue;
        known = true;
        if (json_is_array (events))
            ignored += json_array_size (events);
        else if (json_is_object (events))
            ignored++;      //  user_event holds one event, not a list
        else
            return s_fail (err, errlen, "field \"%s\" is not an array", s_ignored_kinds[k]);
    }
    if (!known) {
        //  The filtered stream's webhook delivery posts stream lines.
        if (json_object_get (body, "data"))
            return x_parse_v2_response (body, "x_webhook", self_user_id, batch, err, errlen);
        return s_fail (err, errlen, "unknown event kind");
    }
    x_batch_t parsed;
    x_batch_init (&parsed);
    parsed.ignored = ignored;
    char why[256];
    size_t i;
    json_t *event;
    json_array_foreach (tweets, i, event)
        if (x_parse_tweet_v1 (event, "x_webhook", self_user_id, &parsed, why, sizeof why)) {
            x_batch_clear (&parsed);
            return s_fail (err, errlen, "tweet_create_events[%zu]: %s", i, why);
        }
    json_array_foreach (dms, i, event) {
        intake_msg_t *msg;
        if (s_dm_event (event, users, self_user_id, &msg, why, sizeof why)) {
            x_batch_clear (&parsed);
            return s_fail (err, errlen, "direct_message_events[%zu]: %s", i, why);
        }
        if (!msg)
            parsed.ignored++;
        else if (s_batch_push (&parsed, msg, err, errlen)) {
            x_batch_clear (&parsed);
            return -1;
        }
    }
    json_array_foreach (deletes, i, event) {
        intake_msg_t *msg;
        if (s_delete_event (event, &msg, why, sizeof why)) {
            x_batch_clear (&parsed);
            return s_fail (err, errlen, "tweet_delete_events[%zu]: %s", i, why);
        }
        if (s_batch_push (&parsed, msg, err, errlen)) {
            x_batch_clear (&parsed);
            return -1;
        }
    }
    return s_batch_move (batch, &parsed, err, errlen);
}

int
x_parse_archive_line (json_t *line, const char *self_user_id, x_batch_t *batch, char *err,
                      size_t errlen)
{
    if (!json_is_object (line))
        return s_fail (err, errlen, "archive line is not an object");
    if (json_object_get (line, "data"))
        return x_parse_v2_response (line, "replay", self_user_id, batch, err, errlen);
    if (json_object_get (line, "id_str"))
        return x_parse_tweet_v1 (line, "replay", self_user_id, batch, err, errlen);
    return s_fail (err, errlen, "archive line is neither a v1.1 nor a v2 tweet");
}

//  --------------------------------------------------------------------------
//  Tweet URLs

//  Writes the id in s[0..len) to id if it is one (leading zeros dropped).
static int
s_copy_id (const char *s, size_t len, char *id, size_t size)
{
    if (!s_is_id (s, len))
        return -1;
    uint64_t value = 0;
    for (size_t i = 0; i < len; i++)
        value = value * 10 + (uint64_t) (s[i] - '0');
    if (value == 0)
        return -1;
    int n = snprintf (id, size, "%" PRIu64, value);
    return n > 0 && (size_t) n < size ? 0 : -1;
}

//  Length of the path segment at p (up to '/', '?', '#' or the end).
static size_t
s_segment (const char *p, const char *end)
{
    const char *q = p;
    while (q < end && *q != '/' && *q != '?' && *q != '#')
        q++;
    return (size_t) (q - p);
}

static bool
s_segment_is (const char *p, size_t len, const char *word)
{
    return len == strlen (word) && strncasecmp (p, word, len) == 0;
}

int
x_tweet_id_from_url (const char *url_or_id, char *id, size_t size)
{
    if (!url_or_id || !id || size == 0)
        return -1;
    const char *p = url_or_id;
    const char *end = p + strlen (p);
    while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
        p++;
    while (end > p && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\n' || end[-1] == '\r'))
        end--;
    if (p < end && *p >= '0' && *p <= '9')
        return s_copy_id (p, (size_t) (end - p), id, size);
    if ((size_t) (end - p) > 8 && strncasecmp (p, "https://", 8) == 0)
        p += 8;
    else if ((size_t) (end - p) > 7 && strncasecmp (p, "http://", 7) == 0)
        p += 7;
    static const char *hosts[] = { "x.com",       "www.x.com",       "mobile.x.com",
                                   "twitter.com", "www.twitter.com", "mobile.twitter.com" };
    size_t len = s_segment (p, end);
    bool host = false;
    for (size_t h = 0; h < sizeof hosts / sizeof hosts[0]; h++)
        host |= s_segment_is (p, len, hosts[h]);
    if (!host || p + len >= end || p[len] != '/')
        return -1;
    p += len + 1;
    //  /<user>/status/<id>, or /i/web/status/<id>
    len = s_segment (p, end);
    if (len == 0 || len > 50)
        return -1;
    for (size_t i = 0; i < len; i++)
        if (!((p[i] >= 'a' && p[i] <= 'z') || (p[i] >= 'A' && p[i] <= 'Z')
              || (p[i] >= '0' && p[i] <= '9') || p[i] == '_'))
            return -1;
    bool i_web = s_segment_is (p, len, "i");
    if (p + len >= end || p[len] != '/')
        return -1;
    p += len + 1;
    len = s_segment (p, end);
    if (i_web && s_segment_is (p, len, "web") && p + len < end && p[len] == '/') {
        p += len + 1;
        len = s_segment (p, end);
    }
    if (!s_segment_is (p, len, "status") && !s_segment_is (p, len, "statuses"))
        return -1;
    if (p + len >= end || p[len] != '/')
        return -1;
    p += len + 1;
    len = s_segment (p, end);
    return s_copy_id (p, len, id, size);
}
