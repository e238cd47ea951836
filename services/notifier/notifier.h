/*  sunwai-notifier: the service definition run by main.c. */
#ifndef SUNWAI_NOTIFIER_H
#define SUNWAI_NOTIFIER_H
#include "sw_service.h"

extern const sw_service_t notifier_service;

#endif
