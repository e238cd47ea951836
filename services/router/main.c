/*  sunwai-router: see router.c for what this process does. */
#include "router.h"

int
main (int argc, char **argv)
{
    sw_config_t *config = sw_service_config (&router_service);
    int rc = sw_config_load (config, argc, argv);
    rc = rc == 0 ? sw_service_run (&router_service, config) : sw_service_exit_code (rc);
    sw_config_destroy (&config);
    return rc;
}
