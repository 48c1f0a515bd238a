/* test-threads.c: several plans computed in parallel on one fleet
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The design promises that fleets and values are immutable once handed to
 * the solver, so that several plans can be computed in parallel threads.
 * Here threads share one fleet (the example fleet) and, at the same time,
 * run the scheduler and compare its plan byte for byte with one computed
 * before; verify one shared plan (whose slot index is built lazily, under
 * a lock, by whichever thread asks first); expand every group's windows;
 * and look up zones that no thread has loaded yet, so that they race to
 * load them. Every thread must see exactly what a single thread sees.
 *
 * The scripts run it under ThreadSanitizer (build-tsan/), where a data
 * race is an error even when the results happen to agree. GLib's GMutex
 * is a futex that TSan cannot see; in a TSan build this program wraps
 * g_mutex_lock() and g_mutex_unlock() (which the library, linked in
 * statically, then calls) to tell TSan what they do.
 *
 * MAINT_TEST_REDUCED=1 (set by the valgrind test setup) runs fewer
 * threads and rounds: valgrind runs one thread at a time anyway.
 */
#include "config.h"

#include <string.h>

#include <libmaint/libmaint.h>

#if defined(__SANITIZE_THREAD__)
# define MAINT_TSAN 1
#elif defined(__has_feature)
# if __has_feature(thread_sanitizer)
#  define MAINT_TSAN 1
# endif
#endif

#ifdef MAINT_TSAN
#include <dlfcn.h>

void __tsan_acquire (void *addr);
void __tsan_release (void *addr);

typedef void     (*MutexFunc) (GMutex *mutex);
typedef gboolean (*MutexTryFunc) (GMutex *mutex);

/* Resolved on first use: GLib takes mutexes before main() runs. The
 * atomics keep TSan from reporting the lookup itself. */
static gpointer
real_function (gpointer   *slot,
               const char *name)
{
  gpointer f = __atomic_load_n (slot, __ATOMIC_ACQUIRE);

  if (f == NULL)
    {
      f = dlsym (RTLD_NEXT, name);
      if (f == NULL)
        abort ();
      __atomic_store_n (slot, f, __ATOMIC_RELEASE);
    }
  return f;
}

static gpointer real_lock, real_unlock, real_trylock;

static void
tsan_init (void)
{
}

void
g_mutex_lock (GMutex *mutex)
{
  ((MutexFunc) real_function (&real_lock, "g_mutex_lock")) (mutex);
  __tsan_acquire (mutex);
}

gboolean
g_mutex_trylock (GMutex *mutex)
{
  if (!((MutexTryFunc) real_function (&real_trylock, "g_mutex_trylock")) (mutex))
    return FALSE;
  __tsan_acquire (mutex);
  return TRUE;
}

void
g_mutex_unlock (GMutex *mutex)
{
  __tsan_release (mutex);
  ((MutexFunc) real_function (&real_unlock, "g_mutex_unlock")) (mutex);
}
#else
static void
tsan_init (void)
{
}
#endif

/* Zones the example fleet does not use: the threads load them first. */
static const char * const fresh_zones[] = {
  "America/Sao_Paulo", "Asia/Tehran", "Pacific/Chatham", "Europe/Dublin",
  "Africa/Casablanca", "Australia/Adelaide", "America/Havana", "Asia/Gaza",
};

typedef struct {
  MaintFleet *fleet;
  MaintPlan  *shared_plan;
  const char *plan_data;       /* the plan one thread computed */
  const char *windows;         /* every group's maintenance intervals */
  guint       rounds;
} Shared;

typedef struct {
  const Shared *shared;
  char         *zones;         /* what this thread saw of fresh_zones */
  guint         plans_equal;
  guint         windows_equal;
  guint         violations;
  gboolean      failed;
  char         *failure;
} Worker;

static char *
describe_windows (MaintFleet *fleet)
{
  GPtrArray *groups = maint_fleet_get_groups (fleet);
  gint64 now = maint_fleet_get_now (fleet);
  gint64 end = now + maint_policy_get_horizon (maint_fleet_get_policy (fleet));
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < groups->len; i++)
    {
      MaintResourceGroup *group = g_ptr_array_index (groups, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(MaintIntervalSet) set =
        maint_resource_group_get_maintenance_intervals (group, now, end, &error);
      g_autofree char *text = NULL;

      if (set == NULL)
        {
          g_string_append_printf (out, "%s: %s\n", maint_resource_group_get_name (group),
                                  error->message);
          continue;
        }
      text = maint_interval_set_to_string (set);
      g_string_append_printf (out, "%s: %s\n", maint_resource_group_get_name (group), text);
    }
  return g_string_free (out, FALSE);
}

static char *
describe_zones (void)
{
  GString *out = g_string_new (NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (fresh_zones); i++)
    for (gint64 t = 1262304000; t < 1893456000; t += 86400 * 61)   /* 2010 to 2030 */
      {
        g_autoptr(GError) error = NULL;
        gint32 offset = maint_time_zone_offset_at (fresh_zones[i], t, &error);
        g_autofree char *abbr = maint_time_zone_abbreviation_at (fresh_zones[i], t, NULL);
        g_autofree char *local = maint_instant_format_local (t, fresh_zones[i], NULL);

        g_string_append_printf (out, "%s %d %s %s %s\n", fresh_zones[i], offset,
                                abbr ? abbr : "?", local ? local : "?",
                                error ? error->message : "");
      }
  return g_string_free (out, FALSE);
}

static void
worker_fail (Worker     *w,
             const char *format,
             ...)
{
  va_list args;

  if (w->failed)
    return;
  w->failed = TRUE;
  va_start (args, format);
  w->failure = g_strdup_vprintf (format, args);
  va_end (args);
}

static gpointer
worker_run (gpointer data)
{
  Worker *w = data;
  const Shared *s = w->shared;

  w->zones = describe_zones ();

  for (guint round = 0; round < s->rounds; round++)
    {
      g_autoptr(MaintScheduler) scheduler = maint_scheduler_new (s->fleet);
      g_autoptr(MaintPlan) plan = NULL;
      g_autoptr(GPtrArray) violations = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *plan_data = NULL;
      g_autofree char *windows = NULL;

      plan = maint_scheduler_run (scheduler, NULL, &error);
      if (plan == NULL)
        {
          worker_fail (w, "maint_scheduler_run: %s", error->message);
          break;
        }
      plan_data = maint_plan_to_data (plan, NULL);
      if (strcmp (plan_data, s->plan_data) == 0)
        w->plans_equal++;
      else
        worker_fail (w, "round %u: a different plan", round);

      violations = maint_verify_plan (s->fleet, s->shared_plan);
      w->violations += violations->len;

      windows = describe_windows (s->fleet);
      if (strcmp (windows, s->windows) == 0)
        w->windows_equal++;
      else
        worker_fail (w, "round %u: different windows", round);
    }
  return NULL;
}

static char *
example_path (void)
{
  const char *dir = g_getenv ("MAINT_EXAMPLES_DIR");

  if (dir != NULL)
    return g_build_filename (dir, "fleets", "gocept.json", NULL);
  return g_test_build_filename (G_TEST_DIST, "..", "examples", "fleets", "gocept.json", NULL);
}

static void
test_parallel_plans (void)
{
  g_autofree char *path = example_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(MaintFleet) fleet = NULL;
  g_autoptr(MaintScheduler) scheduler = NULL;
  g_autoptr(MaintPlan) plan = NULL;
  g_autoptr(MaintPlan) shared_plan = NULL;
  g_autoptr(GPtrArray) violations = NULL;
  g_autofree char *plan_data = NULL;
  g_autofree char *windows = NULL;
  g_autofree char *zones = NULL;
  gboolean reduced = g_strcmp0 (g_getenv ("MAINT_TEST_REDUCED"), "1") == 0;
  guint n_threads = reduced ? 2 : 4;
  Shared shared;
  Worker *workers;
  GThread **threads;

  fleet = maint_fleet_new_from_file (path, &error);
  g_assert_no_error (error);

  /* What one thread computes, first: this also registers every type and
   * loads the fleet's zones, so the threads race on the solver and the
   * values rather than on GLib's one-time initialisation. */
  scheduler = maint_scheduler_new (fleet);
  plan = maint_scheduler_run (scheduler, NULL, &error);
  g_assert_no_error (error);
  plan_data = maint_plan_to_data (plan, NULL);
  g_assert_nonnull (strstr (plan_data, "\"slots\""));
  g_assert_cmpuint (maint_plan_get_n_scheduled (plan), >, 0);
  violations = maint_verify_plan (fleet, plan);
  g_assert_cmpuint (violations->len, ==, 0);
  windows = describe_windows (fleet);

  /* A plan shared by all threads, freshly loaded so that its slot index
   * has not been built yet. */
  shared_plan = maint_plan_new_from_data (plan_data, -1, &error);
  g_assert_no_error (error);

  shared = (Shared) { fleet, shared_plan, plan_data, windows, reduced ? 1 : 2 };
  workers = g_new0 (Worker, n_threads);
  threads = g_new0 (GThread *, n_threads);
  for (guint i = 0; i < n_threads; i++)
    {
      workers[i].shared = &shared;
      threads[i] = g_thread_new ("planner", worker_run, &workers[i]);
    }
  for (guint i = 0; i < n_threads; i++)
    g_thread_join (threads[i]);

  zones = describe_zones ();
  for (guint i = 0; i < n_threads; i++)
    {
      Worker *w = &workers[i];

      if (w->failed)
        g_error ("thread %u: %s", i, w->failure);
      g_assert_cmpuint (w->plans_equal, ==, shared.rounds);
      g_assert_cmpuint (w->windows_equal, ==, shared.rounds);
      g_assert_cmpuint (w->violations, ==, 0);
      g_assert_cmpstr (w->zones, ==, zones);
      g_free (w->zones);
      g_free (w->failure);
    }
  g_free (workers);
  g_free (threads);

  /* and the shared plan, used by all, is still the same plan */
  {
    g_autofree char *again = maint_plan_to_data (shared_plan, NULL);

    g_assert_cmpstr (again, ==, plan_data);
  }
}

int
main (int    argc,
      char **argv)
{
  tsan_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/threads/parallel-plans", test_parallel_plans);

  return g_test_run ();
}
