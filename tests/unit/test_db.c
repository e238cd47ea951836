/*  Unit test: sw_db's self-test, which needs no server (a refused port,
    the backoff, statements on a down connection, nothing secret logged). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "sw_db.h"

static void
test_db_selftest (void **state)
{
    (void) state;
    //  sw_db_test aborts on the first failed check
    sw_db_test (false);
}

int
main (void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test (test_db_selftest),
    };
    return cmocka_run_group_tests (tests, NULL, NULL);
}
