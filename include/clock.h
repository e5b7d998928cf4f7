/* clock — monotonic milliseconds for the real front ends. Nothing below
 * the front end reads a clock: the engine is handed `now` on every call,
 * and its tests move that time by hand. */
#ifndef STRETCHTUI_CLOCK_H
#define STRETCHTUI_CLOCK_H

#include <stdbool.h>
#include <stdint.h>

/* CLOCK_MONOTONIC in milliseconds. */
int64_t clock_now_ms(void);
/* CLOCK_BOOTTIME in milliseconds: it runs on while the machine is
 * suspended, where CLOCK_MONOTONIC stops (their difference is the time
 * asleep). CLOCK_MONOTONIC where there is no such clock. */
int64_t clock_boot_ms(void);

/* ---- wall time and the calendar ----------------------------------------
 * For what the calendar decides (history, reminders), never for timing.
 * Days are counted from 1970-01-01 (day 0), in the proleptic Gregorian
 * calendar; a local day is the date a clock on the wall showed. */

/* CLOCK_REALTIME in whole seconds since the epoch, and in ms. */
int64_t clock_wall_s(void);
int64_t clock_wall_ms(void);
/* The local time zone's offset from UTC at t, in seconds east (+3600 for
 * 10:00+01:00), as localtime_r() sees it under $TZ; 0 when unknown. */
int clock_utc_offset(int64_t t);
/* The day number of a date (m 1-12, d 1-31), and back. */
int64_t clock_days_from_civil(int64_t y, int m, int d);
void clock_civil_from_days(int64_t day, int64_t *y, int *m, int *d);
/* The local day of t with the given offset: floor((t + offset) / 86400). */
int64_t clock_local_day(int64_t t, int offset_s);
/* Day of the week, 0 Monday to 6 Sunday. */
int clock_weekday(int64_t day);
/* The name of weekday wd (0 Monday): "Mon", or "Monday" when full. */
const char *clock_weekday_name(int wd, bool full);

#endif
