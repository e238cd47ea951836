/*  sw_state: a state deployment as configuration (DESIGN.md section 6).

    deploy/<state>/state.yaml names the state and everything router and
    notifier need to act for it: the units (district units, the 112 control
    room, the central desk, special cells) with their X handles, contacts
    and escalation ladders; routing rules (category x district x priority
    -> unit, first match wins, with a default); SLAs per priority
    (acknowledge within, resolve within); jurisdiction; reply templates in
    Hindi and English.  Credentials never appear here: contacts that need
    secrets name an environment variable.

    sw_state_load reads and validates the whole file and refuses it with a
    message naming the file, line and problem: a rule naming a unit that
    does not exist, a district not in the gazetteer, a template with an
    unknown placeholder, an SLA that does not parse, a unit without a
    ladder, a duplicate unit code.  The gazetteer (deploy/<state>/
    gazetteer.yaml, the same file the classifier loads) is read for its
    district codes and names only.

    Format (see docs/new-state.md for the full reference):

        state: up
        name: Uttar Pradesh
        docket_prefix: UP
        gazetteer: gazetteer.yaml          # relative to this file
        languages: [hi, en]
        jurisdiction:
          accept: state                    # state: anything not placed outside;
                                           # districts: only complaints placed in `districts`
          districts: ["525"]               # for accept: districts
          unknown: central_desk            # unit for complaints with no known place
        sla:                               # durations: 15m, 2h, 3d
          P1: {acknowledge: 10m, resolve: 2h}
          P2: {acknowledge: 2h, resolve: 48h}
          P3: {acknowledge: 24h, resolve: 7d}
        units:
          - code: up112
            name: UP 112 Control Room
            kind: control_room             # district, control_room, central_desk, special
            handle: "112UttarPradesh"      # X handle without @
            contacts: {webhook: "https://...", email: "...", sms: "+91..."}
            ladder: [Duty Officer, Shift In-charge, SP 112, ADG 112]
          - code: lucknow
            name: Lucknow Police Commissionerate
            kind: district
            district: "162"
            handle: lkopolice
            ladder: [SHO, ACP, DCP, Joint CP, Police Commissioner, DGP HQ]
        routing:
          emergency: up112                 # every P1 goes here, whatever else matches
          rules:                           # first match wins; omitted fields match anything
            - {category: cyber_fraud, unit: up_cyber}
            - {category: crime_against_women, priority: P2, unit: "{district}"}
            - {unit: "{district}"}         # "{district}": the unit whose district is the complaint's
          default: central_desk            # no rule matched, or "{district}" has no unit
        reject:                            # categories refused with a reason code
          spam: spam
          not_police: not_police_matter
        templates:
          hi:
            ack: "आपकी शिकायत {docket} दर्ज कर ली गई है और आवश्यक कार्यवाही हेतु @{unit_handle} को भेजी गई है।"
            ...
          en:
            ack: "Your complaint {docket} has been registered and sent to @{unit_handle} for action."
            ...
        Template names: ack, reject_outside, reject_not_police, reject_spam,
        resolved, reopened, unit_alert, escalation.  Placeholders: {docket},
        {unit_handle}, {unit_name}, {status}, {action_note}, {status_url},
        {right_police}, {category}, {district}, {rank}. */
#ifndef SW_STATE_H
#define SW_STATE_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct _sw_state_t sw_state_t;

typedef struct {
    const char *code;          //  unit code, unique in the state
    const char *name;          //  display name
    const char *kind;          //  district, control_room, central_desk, special
    const char *district;      //  LGD code for district units, or NULL
    const char *handle;        //  X handle without '@', or NULL
    const char *webhook;       //  contact URL, or NULL
    const char *email;         //  contact address, or NULL
    const char *sms;           //  contact number, or NULL
    const char *const *ladder; //  escalation ranks, level 0 first
    size_t nladder;            //  rungs
} sw_state_unit_t;

typedef struct {
    int64_t acknowledge_s;     //  acknowledge within, seconds
    int64_t resolve_s;         //  resolve within, seconds
} sw_state_sla_t;

//  Load and validate. NULL with a message in err ("state.yaml line 40:
//  rule 3 names unit \"lucknw\", which is not defined").
sw_state_t *sw_state_load (const char *path, char *err, size_t errlen);
void sw_state_destroy (sw_state_t **self_p);

const char *sw_state_code (sw_state_t *self);
const char *sw_state_name (sw_state_t *self);
const char *sw_state_docket_prefix (sw_state_t *self);

size_t sw_state_units (sw_state_t *self);
const sw_state_unit_t *sw_state_unit (sw_state_t *self, size_t index);
const sw_state_unit_t *sw_state_unit_by_code (sw_state_t *self, const char *code);
//  The district unit for an LGD code, or NULL.
const sw_state_unit_t *sw_state_unit_for_district (sw_state_t *self, const char *district);
//  Official name of a district in the gazetteer, or NULL.
const char *sw_state_district_name (sw_state_t *self, const char *district);

//  SLA for "P1", "P2" or "P3".
sw_state_sla_t sw_state_sla (sw_state_t *self, const char *priority);

typedef struct {
    const sw_state_unit_t *unit;  //  where the complaint goes, or NULL if rejected
    const char *rule;             //  "emergency", "rule 3", "default", "unknown_place", "reject"
    const char *reject_reason;    //  outside_jurisdiction, not_police_matter, spam, or NULL
    bool manual_triage;           //  no classification, or no place: the desk decides
} sw_state_route_t;

//  Apply the state's rules. category/priority/district may be NULL (no
//  classification, unknown place); outside is true when the complaint is
//  placed outside the jurisdiction.
void sw_state_route (sw_state_t *self, const char *category, const char *priority,
                     const char *district, bool outside, sw_state_route_t *route);

//  Render template name in language ("hi", "en"; others fall back to the
//  state's first language) with the given placeholders: a NULL-terminated
//  list of name, value pairs. Caller frees. NULL if there is no such
//  template.
char *sw_state_render (sw_state_t *self, const char *language, const char *name, ...)
    __attribute__ ((sentinel));

//  Parse a duration "90s", "15m", "2h", "3d" into seconds; -1 if malformed.
int64_t sw_state_duration (const char *text);

#endif
