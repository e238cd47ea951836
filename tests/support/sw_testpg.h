/*  sw_testpg: the tests' view of the private PostgreSQL cluster that the
    CTest fixture "pg" starts (tests/support/pgcluster). The cluster's
    directory comes from $SUNWAI_TEST_PGDIR. */
#ifndef SW_TESTPG_H
#define SW_TESTPG_H
#include <stdbool.h>

//  True when the fixture cluster is reachable.
bool sw_testpg_available (void);
//  Conninfo for database dbname in the cluster. Caller frees.
char *sw_testpg_conninfo (const char *dbname);
//  Drop (if it exists) and create an empty database dbname; returns its
//  conninfo (caller frees) or NULL on failure.
char *sw_testpg_fresh_db (const char *dbname);

#endif
