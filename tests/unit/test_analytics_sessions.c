/*  Unit test for the console's session table (services/analytics/sessions.c):
    its self-test creates, finds, expires and evicts sessions and checks
    CSRF tokens, with the clock it is given. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "analytics.h"

static void
test_sessions (void **state)
{
    (void) state;
    analytics_sessions_test (false);
}

int
main (void)
{
    const struct CMUnitTest tests[] = { cmocka_unit_test (test_sessions) };
    return cmocka_run_group_tests (tests, NULL, NULL);
}
