/*  sunwai-ingest: the service definition run by main.c. */
#ifndef SUNWAI_INGEST_H
#define SUNWAI_INGEST_H
#include "sw_service.h"

extern const sw_service_t ingest_service;

#endif
