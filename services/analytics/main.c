/*  sunwai-analytics: see analytics.c for what this process does. */
#include "analytics.h"

int
main (int argc, char **argv)
{
    sw_config_t *config = sw_service_config (&analytics_service);
    int rc = sw_config_load (config, argc, argv);
    rc = rc == 0 ? sw_service_run (&analytics_service, config) : sw_service_exit_code (rc);
    sw_config_destroy (&config);
    return rc;
}
