/*  sunwai-classifier: see classifier.c for what this process does. */
#include "classifier.h"

int
main (int argc, char **argv)
{
    sw_config_t *config = sw_service_config (&classifier_service);
    int rc = sw_config_load (config, argc, argv);
    if (rc == 0)
        rc = sw_config_bool (config, "stdin") ? classifier_stdin (config)
                                              : sw_service_run (&classifier_service, config);
    else
        rc = sw_service_exit_code (rc);
    sw_config_destroy (&config);
    return rc;
}
