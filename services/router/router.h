/*  sunwai-router: the service definition run by main.c. */
#ifndef SUNWAI_ROUTER_H
#define SUNWAI_ROUTER_H
#include "sw_service.h"

extern const sw_service_t router_service;

#endif
