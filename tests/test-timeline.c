/* test-timeline.c: the solver's capacity counters against brute force
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * MaintTlFleet (buckets under a prefix tree) and MaintTlList (sorted
 * intervals) answer "does [start, end) stay below LIMIT at every
 * instant?" and "what is the earliest later start worth trying?". Here
 * both run seeded random sequences of insertions, removals and queries
 * over a few thousand seconds, where an array of per-second counts gives
 * the exact answer.
 */
#include "config.h"

#include <string.h>

#include <glib.h>

#include "maint-bigmem-private.h"
#include "maint-timeline-private.h"

#define DOMAIN 6000    /* instants [0, DOMAIN) are counted by brute force */

typedef struct
{
  gint64 start;
  gint64 end;
  gint32 tag;
} Iv;

/* Per-second counts of @ivs (tags other than @exclude, widened by @pad)
 * clipped to [@t0, @t1). */
static void
brute_counts (const GArray *ivs,
              gint64        t0,
              gint64        t1,
              gint64        pad,
              gint32        exclude,
              gint         *counts)
{
  memset (counts, 0, DOMAIN * sizeof (gint));
  for (guint i = 0; i < ivs->len; i++)
    {
      const Iv *iv = &g_array_index (ivs, Iv, i);

      if (iv->tag == exclude)
        continue;
      for (gint64 t = MAX (iv->start - pad, t0); t < MIN (iv->end + pad, t1); t++)
        counts[t]++;
    }
}

static gboolean
brute_fits (const gint *counts,
            gint64      start,
            gint64      end,
            guint       limit)
{
  for (gint64 t = MAX (start, 0); t < MIN (end, DOMAIN); t++)
    if (counts[t] >= (gint) limit)
      return FALSE;
  return TRUE;
}

/* Checks one failed query's conflict against the counts. For the fleet
 * @exact: `next` is exactly where the last overloaded run meeting the
 * range ends (G_MAXINT64 when it lasts to the end of the counter); for a
 * list it may be earlier (a list looks only at what meets the range) but
 * never earlier than that run's overloaded instant. */
static void
check_conflict (const gint            *counts,
                gint64                 start,
                gint64                 end,
                guint                  limit,
                const MaintTlConflict *c,
                gint64                 t1,
                gboolean               exact)
{
  gint64 last = -1, run_end = G_MAXINT64;
  gint best = 0;

  for (gint64 t = MAX (start, 0); t < MIN (end, DOMAIN); t++)
    if (counts[t] >= (gint) limit)
      {
        last = t;
        best = MAX (best, counts[t]);
      }
  g_assert_cmpint (last, >=, 0);
  for (gint64 t = last + 1; t < MIN (t1, DOMAIN); t++)
    if (counts[t] < (gint) limit)
      {
        run_end = t;
        break;
      }

  g_assert_cmpint (c->at, >=, start);
  g_assert_cmpint (c->at, <, end);
  g_assert_cmpint (counts[c->at], >=, (gint) limit);
  g_assert_cmpint (c->count, >=, (gint) limit);
  g_assert_cmpint (c->count, <=, best);
  g_assert_cmpint (c->next, >, c->at);
  if (exact)
    g_assert_cmpint (c->next, ==, run_end);
  else
    g_assert_cmpint (c->next, <=, run_end);
}

static void
test_fleet_random (gconstpointer data)
{
  guint seed = GPOINTER_TO_UINT (data);
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GArray) ivs = g_array_new (FALSE, FALSE, sizeof (Iv));
  g_autofree gint *counts = g_new (gint, DOMAIN);
  const gint64 t0 = 500, t1 = 5500;
  /* from one bucket of the whole range to 60-second buckets */
  guint expected = (guint[]) { 1, 8, 80, 700, 8000 }[seed % 5];
  MaintTlFleet *fleet = maint_tl_fleet_new (t0, t1, expected);
  guint failures = 0;

  for (guint step = 0; step < 1500; step++)
    {
      guint op = g_rand_int_range (rand, 0, 10);

      if (op < 4 || ivs->len == 0)
        {
          /* slots often share instants, as at window openings */
          gint64 s = g_rand_boolean (rand) ? 600 * g_rand_int_range (rand, 0, 10)
                                           : g_rand_int_range (rand, 0, DOMAIN);
          Iv iv = { s, s + g_rand_int_range (rand, 1, 900), 0 };

          g_array_append_val (ivs, iv);
          maint_tl_fleet_add (fleet, iv.start, iv.end, +1);
        }
      else if (op < 6)
        {
          guint k = g_rand_int_range (rand, 0, ivs->len);
          Iv iv = g_array_index (ivs, Iv, k);

          g_array_remove_index_fast (ivs, k);
          maint_tl_fleet_add (fleet, iv.start, iv.end, -1);
        }
      else
        {
          gint64 s = g_rand_int_range (rand, 0, DOMAIN);
          gint64 e = s + g_rand_int_range (rand, 1, 1200);
          guint limit = g_rand_int_range (rand, 1, 6);
          MaintTlConflict c = { 0, };
          gboolean fits;

          brute_counts (ivs, t0, t1, 0, G_MININT32, counts);
          fits = maint_tl_fleet_check (fleet, s, e, limit, &c);
          g_assert_cmpint (fits, ==, brute_fits (counts, s, e, limit));
          if (!fits)
            {
              check_conflict (counts, s, e, limit, &c, t1, TRUE);
              g_assert_cmpint (c.witness, ==, -1);
              failures++;
            }
        }
    }

  /* a reset is the same as removing everything */
  maint_tl_fleet_reset (fleet);
  g_array_set_size (ivs, 0);
  for (guint i = 0; i < 50; i++)
    {
      MaintTlConflict c;

      g_assert_true (maint_tl_fleet_check (fleet, g_rand_int_range (rand, 0, DOMAIN),
                                           DOMAIN, 1, &c));
    }
  maint_tl_fleet_free (fleet);

  /* the sequences do exercise the failing side */
  g_assert_cmpuint (failures, >, 20);
}

static void
test_list_random (gconstpointer data)
{
  guint seed = GPOINTER_TO_UINT (data);
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GArray) ivs = g_array_new (FALSE, FALSE, sizeof (Iv));
  g_autofree gint *counts = g_new (gint, DOMAIN);
  MaintTlList list = { 0, };
  guint failures = 0;

  for (guint step = 0; step < 1500; step++)
    {
      guint op = g_rand_int_range (rand, 0, 10);

      if (op < 4 || ivs->len == 0)
        {
          gint64 s = g_rand_int_range (rand, 200, DOMAIN - 1000);
          Iv iv = { s, s + g_rand_int_range (rand, 1, 900), g_rand_int_range (rand, 0, 8) };

          g_array_append_val (ivs, iv);
          maint_tl_list_add (&list, iv.start, iv.end, iv.tag);
        }
      else if (op < 6)
        {
          guint k = g_rand_int_range (rand, 0, ivs->len);
          Iv iv = g_array_index (ivs, Iv, k);

          g_array_remove_index_fast (ivs, k);
          g_assert_true (maint_tl_list_remove (&list, iv.start, iv.end, iv.tag));
          /* what is not there cannot be removed */
          g_assert_false (maint_tl_list_remove (&list, iv.start, iv.end, 99));
        }
      else
        {
          gint64 s = g_rand_int_range (rand, 200, DOMAIN - 1500);
          gint64 e = s + g_rand_int_range (rand, 1, 1200);
          guint limit = g_rand_int_range (rand, 1, 5);
          gint64 pad = g_rand_boolean (rand) ? 0 : g_rand_int_range (rand, 1, 150);
          gint32 exclude = g_rand_boolean (rand) ? -1 : g_rand_int_range (rand, 0, 8);
          MaintTlConflict c = { 0, };
          gboolean fits;

          brute_counts (ivs, 0, DOMAIN, pad, exclude, counts);
          fits = maint_tl_list_check (&list, s, e, limit, pad, exclude, &c);
          g_assert_cmpint (fits, ==, brute_fits (counts, s, e, limit));
          if (!fits)
            {
              check_conflict (counts, s, e, limit, &c, DOMAIN, FALSE);
              /* the witness is there, at that instant */
              g_assert_cmpint (c.witness, !=, exclude);
              g_assert_cmpint (c.witness, >=, 0);
              failures++;
            }
        }
    }

  maint_tl_list_reset (&list);
  for (guint i = 0; i < 50; i++)
    {
      MaintTlConflict c;

      g_assert_true (maint_tl_list_check (&list, g_rand_int_range (rand, 0, DOMAIN), DOMAIN,
                                          1, 0, -1, &c));
    }
  maint_tl_list_clear (&list);
  g_assert_cmpuint (failures, >, 20);
}

/* A downtime far longer than a bucket: the count at every bucket start in
 * between comes from the tree, not from the buckets it spans */
static void
test_fleet_long (void)
{
  MaintTlFleet *fleet = maint_tl_fleet_new (0, 28 * 86400, 200000);
  MaintTlConflict c = { 0, };

  maint_tl_fleet_add (fleet, 3600, 20 * 86400, +1);
  maint_tl_fleet_add (fleet, 86400, 86400 + 7200, +1);
  g_assert_true (maint_tl_fleet_check (fleet, 0, 3600, 1, &c));
  g_assert_true (maint_tl_fleet_check (fleet, 5 * 86400, 6 * 86400, 2, &c));
  g_assert_false (maint_tl_fleet_check (fleet, 5 * 86400, 6 * 86400, 1, &c));
  /* some overloaded instant of the range */
  g_assert_cmpint (c.at, >=, 5 * 86400);
  g_assert_cmpint (c.at, <, 6 * 86400);
  g_assert_cmpint (c.next, ==, 20 * 86400);
  g_assert_false (maint_tl_fleet_check (fleet, 0, 2 * 86400, 2, &c));
  g_assert_cmpint (c.at, >=, 86400);
  g_assert_cmpint (c.at, <, 86400 + 7200);
  g_assert_cmpint (c.count, ==, 2);
  g_assert_cmpint (c.next, ==, 86400 + 7200);
  /* until the end of the counter */
  maint_tl_fleet_add (fleet, 10 * 86400, 40 * 86400, +1);
  g_assert_false (maint_tl_fleet_check (fleet, 10 * 86400, 10 * 86400 + 1, 2, &c));
  g_assert_cmpint (c.next, ==, 20 * 86400);
  g_assert_false (maint_tl_fleet_check (fleet, 25 * 86400, 25 * 86400 + 1, 1, &c));
  g_assert_cmpint (c.next, ==, G_MAXINT64);
  maint_tl_fleet_add (fleet, 3600, 20 * 86400, -1);
  g_assert_true (maint_tl_fleet_check (fleet, 5 * 86400, 6 * 86400, 1, &c));
  maint_tl_fleet_free (fleet);
}

/* The solver's arrays: small ones from g_malloc0(), large ones mapped
 * on their own. Both come zeroed, hold every byte asked for, and free. */
static void
test_big_arrays (void)
{
  const gsize counts[] = { 0, 1, 1000, MAINT_BIG_MIN / sizeof (gint64) - 1,
                           MAINT_BIG_MIN / sizeof (gint64) + 1, 3 * MAINT_BIG_MIN / sizeof (gint64) };

  for (guint c = 0; c < G_N_ELEMENTS (counts); c++)
    {
      gint64 *a = maint_big_new0 (counts[c], sizeof (gint64));

      g_assert_nonnull (a);
      g_assert_cmpuint ((guintptr) a % 16, ==, 0);
      for (gsize i = 0; i < counts[c]; i++)
        {
          g_assert_cmpint (a[i], ==, 0);
          a[i] = (gint64) i - 7;
        }
      for (gsize i = 0; i < counts[c]; i++)
        g_assert_cmpint (a[i], ==, (gint64) i - 7);
      maint_big_free (a);
    }
  maint_big_free (NULL);
}

/* n * size beyond what memory can hold aborts, as g_malloc0_n() does,
 * instead of wrapping around to a small block */
static void
test_big_overflow (void)
{
  if (g_test_subprocess ())
    {
      maint_big_new0 (G_MAXSIZE / 8, 16);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*overflow*");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/timeline/fleet/long", test_fleet_long);
  g_test_add_func ("/timeline/big/arrays", test_big_arrays);
  g_test_add_func ("/timeline/big/overflow", test_big_overflow);
  /* MAINT_TEST_REDUCED=1 (valgrind): three sequences of each kind */
  for (guint seed = 1; seed <= (g_strcmp0 (g_getenv ("MAINT_TEST_REDUCED"), "1") == 0 ? 3 : 10); seed++)
    {
      g_autofree char *fleet_path = g_strdup_printf ("/timeline/fleet/random/%u", seed);
      g_autofree char *list_path = g_strdup_printf ("/timeline/list/random/%u", seed);

      g_test_add_data_func (fleet_path, GUINT_TO_POINTER (seed), test_fleet_random);
      g_test_add_data_func (list_path, GUINT_TO_POINTER (seed), test_list_random);
    }
  return g_test_run ();
}
