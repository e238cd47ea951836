/*  sunwai-analytics: the service definition run by main.c. */
#ifndef SUNWAI_ANALYTICS_H
#define SUNWAI_ANALYTICS_H
#include "sw_service.h"

extern const sw_service_t analytics_service;

#endif
