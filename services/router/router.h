/*  sunwai-router: the service definition run by main.c, and what its files
    share.

      router.c     the process shell: config, state file, sockets, timers
      route.c      a classified (or unclassified) complaint -> its unit,
                   status, events and outbox rows, in one transaction
      sla.c        the SLA timer: cases past their deadlines climb the
                   escalation ladder; outbox rows never taken are re-pushed
      commands.c   officers' case commands on the ROUTER socket

    Everything a transition changes (complaint status, assignment, events,
    outbox) commits in one transaction; notification jobs are pushed only
    after the commit, and the outbox row, not the message, is the job. */
#ifndef SUNWAI_ROUTER_H
#define SUNWAI_ROUTER_H
#include "sw_service.h"
#include "sw_state.h"
#include "sunwai/v1/sunwai.pb-c.h"

extern const sw_service_t router_service;

//  The ids of the outbox rows a transaction wrote, pushed after its commit.
typedef struct {
    int64_t *ids;
    size_t count;
} router_ids_t;

typedef struct {
    sw_server_t *server;        //  the process skeleton (config, loop, db, metrics)
    sw_state_t *state;          //  the state's units, rules, SLAs, templates
    const char *status_url;     //  public status page base, e.g. https://sunwai.up.gov.in/status/
    zsock_t *in;                //  PULL complaints
    zsock_t *commands;          //  ROUTER case commands
    zsock_t *notify;            //  PUSH notification jobs
    bool units_synced;          //  units table matches the state file
    sw_counter_t *received;     //  complaints decoded
    sw_counter_t *routed;       //  complaints routed
    sw_counter_t *rejected;     //  complaints rejected
    sw_counter_t *duplicates;   //  deliveries that changed nothing
    sw_counter_t *escalations;  //  SLA escalations
    sw_counter_t *bad_in;       //  undecodable complaint frames
    sw_counter_t *bad_command;  //  undecodable command frames
    sw_metrics_t *metrics;      //  the registry (for labelled counters)
    //  Added with route.c/sla.c (additive):
    sw_counter_t *pushed;       //  notification jobs pushed to notifier
    sw_counter_t *dropped;      //  complaints left RECEIVED (no state, db down, units not synced)
    //  Added with incident grouping and officer assignment (additive):
    long incident_window_s;     //  group reports received this close together; 0: never
    size_t batch_max;           //  route.batch: complaints per transaction
    long incident_similarity_pct;   //  word-set Jaccard similarity needed, in percent
    uint64_t staged_session;    //  the db session whose staged-events table exists (route.c)
} router_t;

//  route.c ---------------------------------------------------------------
//  Write the units of the state file into the units and unit_escalation
//  tables (upsert). 0 or -1.
int router_sync_units (router_t *self);
//  Route one complaint: 0 done (or a duplicate delivery, which changes
//  nothing), -1 the database failed (the complaint stays as it was; ingest's
//  re-driver sends it again).
int router_route_complaint (router_t *self, Sunwai__V1__Complaint *complaint);
//  Routes complaints in one transaction (one commit for the batch); if one
//  fails, each is routed on its own.  0, or -1 if any was left RECEIVED
//  (logged; ingest's re-driver sends it again).
int router_route_batch (router_t *self, Sunwai__V1__Complaint **complaints, size_t count);
//  Push the jobs of these outbox rows (ids) to notifier; rows that cannot
//  be pushed stay pending for the re-push timer.
void router_push_outbox (router_t *self, const int64_t *ids, size_t count);

//  sla.c -----------------------------------------------------------------
//  One pass of the SLA timer: escalate overdue cases, re-push outbox rows
//  left pending. 0 or -1.
int router_sla_tick (router_t *self);

//  commands.c ------------------------------------------------------------
//  Handle one ROUTER message (identity + two frames); always replies.
void router_handle_command (router_t *self, zmsg_t *msg);

#endif
