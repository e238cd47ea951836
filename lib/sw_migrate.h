/*  sw_migrate: applies the numbered SQL migrations (db/migrations/NNNN_*.sql,
    embedded in the binary) in order, each once, in its own transaction,
    under a PostgreSQL advisory lock so that processes starting together
    apply them once: the first applies, the others wait and then find
    nothing to do.  Applied migrations are recorded in schema_migrations
    with a SHA-256 of their text; a database holding a migration whose text
    differs from the binary's, or a version newer than the binary knows, is
    refused. */
#ifndef SW_MIGRATE_H
#define SW_MIGRATE_H
#include "sw_db.h"
#include "sw_embed.h"

//  Advisory lock key used while migrating ("sunwai" in ASCII).
#define SW_MIGRATE_LOCK_KEY 0x73756e776169LL

//  Apply the embedded migrations. Sets *applied to how many were applied
//  now (may be NULL). Returns 0, or -1 (logged) on any failure.
int sw_migrate_run (sw_db_t *db, int *applied);
//  Same with an explicit table (tests); the last entry has name == NULL.
int sw_migrate_run_with (sw_db_t *db, const sw_embed_t *migrations, int *applied);
//  Highest applied version, 0 if none, -1 on error.
int sw_migrate_version (sw_db_t *db);

#endif
