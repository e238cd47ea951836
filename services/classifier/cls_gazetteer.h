/*  cls_gazetteer: where a complaint happened, from its words.

    A state's gazetteer (deploy/<state>/gazetteer.yaml) lists its districts
    (LGD code, official English name, other names and spellings in both
    scripts), their tehsils and police stations, and names of places
    outside the jurisdiction (another state's cities, with the police that
    serve them).  All names are compiled into one Aho-Corasick automaton
    over romanised keys (cls_text), so लखनऊ, Lucknow and lko match in one
    pass over the tokens.  Longest match wins; a police station outranks a
    tehsil, which outranks a district name; a name that belongs to two
    districts lowers the confidence instead of guessing; a match outside
    the jurisdiction is reported as such.

    gazetteer.yaml:
        state: up
        name: Uttar Pradesh
        districts:
          - code: "162"
            name: LUCKNOW
            names: [Lucknow, लखनऊ, Lakhnau, Lko]
            tehsils: [Malihabad, मलिहाबाद, Mohanlalganj, ...]
            police_stations:
              - name: Hazratganj
                names: [Hazratganj, हजरतगंज, Hazrat Ganj]
        outside:
          - name: Delhi
            names: [Delhi, दिल्ली, New Delhi]
            police: "@DelhiPolice" */
#ifndef CLS_GAZETTEER_H
#define CLS_GAZETTEER_H
#include <stdbool.h>
#include <stddef.h>

#include "cls_text.h"

typedef struct _cls_gazetteer_t cls_gazetteer_t;

typedef enum {
    CLS_PLACE_NONE = 0,
    CLS_PLACE_DISTRICT,         //  a district's own name
    CLS_PLACE_TEHSIL,           //  a tehsil / sub-district
    CLS_PLACE_POLICE_STATION,   //  a police station
    CLS_PLACE_OUTSIDE           //  a place outside the jurisdiction
} cls_place_kind_t;

typedef struct {
    cls_place_kind_t kind;       //  what matched best
    const char *district_code;   //  LGD code, or NULL (outside / none)
    const char *district_name;   //  official English name, or NULL
    const char *police_station;  //  station name, or NULL
    const char *outside_name;    //  outside place's name (kind OUTSIDE)
    const char *outside_police;  //  who serves it, e.g. "@DelhiPolice"
    float confidence;            //  0..1; lowered by ambiguity
    int candidates;              //  districts the best name could mean
    size_t token_start;          //  first token of the match
    size_t token_end;            //  one past its last token
} cls_place_t;

//  Load and compile a gazetteer file. NULL with a reason in err
//  ("gazetteer.yaml line 12: district has no code").
cls_gazetteer_t *cls_gazetteer_load (const char *path, char *err, size_t errlen);
void cls_gazetteer_destroy (cls_gazetteer_t **self_p);

//  Best place mentioned in tokens. Returns true if anything matched.
bool cls_gazetteer_match (cls_gazetteer_t *self, const cls_tokens_t *tokens, cls_place_t *place);
//  Look up a district by LGD code or any of its names (geo/profile use).
bool cls_gazetteer_district (cls_gazetteer_t *self, const char *code_or_name,
                             cls_place_t *place);
size_t cls_gazetteer_districts (cls_gazetteer_t *self);
const char *cls_gazetteer_state (cls_gazetteer_t *self);

#endif
