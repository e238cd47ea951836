/*  sunwai-classifier: the service definition run by main.c, and the
    --stdin mode that classifies JSONL without sockets or a database. */
#ifndef SUNWAI_CLASSIFIER_H
#define SUNWAI_CLASSIFIER_H
#include "sw_service.h"

extern const sw_service_t classifier_service;

//  Read JSONL on stdin, write one classification per line on stdout.
//  Returns the exit code.
int classifier_stdin (sw_config_t *config);

#endif
