/* clock — monotonic milliseconds for the real front ends. Nothing below
 * the front end reads a clock: the engine is handed `now` on every call,
 * and its tests move that time by hand. */
#ifndef STRETCHTUI_CLOCK_H
#define STRETCHTUI_CLOCK_H

#include <stdint.h>

/* CLOCK_MONOTONIC in milliseconds. */
int64_t clock_now_ms(void);

#endif
