/* bench-windows.c: next-occurrence computations per second, in C and in
 * Python with zoneinfo (bench-windows.py), in one run
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Usage: bench-windows [PATH/bench-windows.py]
 *
 * Both sides compute the first occurrence starting at or after each of the
 * same pseudo-random instants (2000-2040), for every zone and spec below;
 * both print a checksum over a common prefix of the inputs, so the
 * comparison is of the same work with the same answers. A benchmark
 * measures: it prints the rates and their ratio and fails only if the
 * two sides disagree.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <libmaint/libmaint.h>

#include "maint-window-spec-private.h"

/* keep in sync with bench-windows.py */
static const char * const zones[] = {
  "Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Pacific/Chatham",
  "Asia/Kathmandu", "Europe/Dublin", "America/Santiago", "Australia/Sydney",
  "Asia/Tokyo", "America/Sao_Paulo",
};
static const char * const spec_texts[] = {
  "daily 22:00-05:00",
  "mon-fri 22:00-24:00",
  "sat,sun 10:00-14:00",
  "tue 04:30-06:30",
  "fri-mon 23:30-00:30",
  "daily 02:30-03:00",
};

#define BASE 946684800          /* 2000-01-01 */
#define SPAN ((guint64) 40 * 365 * 86400)
#define N_AFTERS 20000
#define N_PYTHON_AFTERS 400

/* CPU time of this thread: the rate "on one core" even when other
 * processes share the machine. */
static gint64
thread_cpu_usec (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static void
make_afters (gint64 *out,
             guint   n)
{
  guint64 x = 0x2545F4914F6CDD1DULL;

  for (guint i = 0; i < n; i++)
    {
      x = x * 6364136223846793005ULL + 1442695040888963407ULL;
      out[i] = BASE + (gint64) ((x >> 33) % SPAN);
    }
}

/* One pass over zones × specs × @n afters; returns the checksum. */
static guint64
run_pass (const MaintTz * const *tzs,
          MaintWindowSpec      **specs,
          const gint64          *afters,
          guint                  n,
          guint64               *out_count)
{
  guint64 checksum = 0, count = 0;

  for (gsize z = 0; z < G_N_ELEMENTS (zones); z++)
    for (gsize s = 0; s < G_N_ELEMENTS (spec_texts); s++)
      for (guint i = 0; i < n; i++)
        {
          gint64 start, end;

          if (maint_window_spec_next_occurrence_tz (specs[s], tzs[z], afters[i], &start, &end))
            checksum += (guint64) start * 3 + (guint64) end;
          count++;
        }
  *out_count = count;
  return checksum;
}

int
main (int    argc,
      char **argv)
{
  const MaintTz *tzs[G_N_ELEMENTS (zones)];
  MaintWindowSpec *specs[G_N_ELEMENTS (spec_texts)];
  g_autofree gint64 *afters = g_new (gint64, N_AFTERS);
  g_autoptr(GError) error = NULL;
  guint64 count = 0, total = 0, check_prefix, sink = 0;
  gint64 t0, cpu0, elapsed, cpu;
  double c_rate, c_wall_rate, py_rate = 0;
  int status = 0;

  for (gsize z = 0; z < G_N_ELEMENTS (zones); z++)
    if ((tzs[z] = maint_tz_get (zones[z], &error)) == NULL)
      g_error ("%s", error->message);
  for (gsize s = 0; s < G_N_ELEMENTS (spec_texts); s++)
    if ((specs[s] = maint_window_spec_parse (spec_texts[s], &error)) == NULL)
      g_error ("%s", error->message);
  make_afters (afters, N_AFTERS);

  /* the checksum the Python side must match, and a warm-up */
  check_prefix = run_pass (tzs, specs, afters, N_PYTHON_AFTERS, &count);

  t0 = g_get_monotonic_time ();
  cpu0 = thread_cpu_usec ();
  do
    {
      sink += run_pass (tzs, specs, afters, N_AFTERS, &count);
      total += count;
      cpu = thread_cpu_usec () - cpu0;
    }
  while (cpu < 2 * G_USEC_PER_SEC);
  elapsed = g_get_monotonic_time () - t0;
  c_rate = total / (cpu / (double) G_USEC_PER_SEC);
  c_wall_rate = total / (elapsed / (double) G_USEC_PER_SEC);

  printf ("zones: %u, specs: %u\n", (guint) G_N_ELEMENTS (zones), (guint) G_N_ELEMENTS (spec_texts));
  printf ("C:      %12.0f next-occurrence computations/s of CPU time (%" G_GUINT64_FORMAT
          " in %.2f s CPU, %.2f s wall = %.0f/s wall; checksum %" G_GUINT64_FORMAT ")\n",
          c_rate, total, cpu / 1e6, elapsed / 1e6, c_wall_rate, sink);

  if (argc > 1)
    {
      g_autofree char *n_text = g_strdup_printf ("%d", N_PYTHON_AFTERS);
      const char *py_argv[] = { "/usr/bin/python3", argv[1], n_text, NULL };
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      int wait_status = 0;
      guint64 py_checksum = 0, py_count = 0;

      if (!g_spawn_sync (NULL, (char **) py_argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                         &out, &err, &wait_status, &error) ||
          !g_spawn_check_wait_status (wait_status, &error))
        {
          fprintf (stderr, "python baseline failed: %s\n%s", error->message, err ? err : "");
          return 1;
        }
      if (sscanf (out, "%lf %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT,
                  &py_rate, &py_checksum, &py_count) != 3)
        {
          fprintf (stderr, "cannot read the python baseline's output: %s\n", out);
          return 1;
        }
      printf ("Python: %12.0f next-occurrence computations/s of CPU time (%" G_GUINT64_FORMAT
              " with zoneinfo, checksum %s)\n", py_rate, py_count,
              py_checksum == check_prefix ? "matches C" : "DIFFERS FROM C");
      printf ("ratio:  %12.1f x\n", c_rate / py_rate);
      if (py_checksum != check_prefix)
        status = 1;
    }

  printf ("target: >= 5000000/s and >= 30x Python\n");
  for (gsize s = 0; s < G_N_ELEMENTS (spec_texts); s++)
    maint_window_spec_unref (specs[s]);
  return status;
}
