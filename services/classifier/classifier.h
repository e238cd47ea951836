/*  sunwai-classifier: the service definition run by main.c. */
#ifndef SUNWAI_CLASSIFIER_H
#define SUNWAI_CLASSIFIER_H
#include "sw_service.h"

extern const sw_service_t classifier_service;

#endif
