/* test-interval.c: MaintInterval and MaintIntervalSet
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <string.h>

#include <libmaint/libmaint.h>

#include "maint-interval-private.h"

/* A set from a flat list of start/end pairs, through the public API. */
static MaintIntervalSet *
set_of (gsize         n_pairs,
        const gint64 *pairs)
{
  g_autoptr(GPtrArray) intervals = g_ptr_array_new_with_free_func ((GDestroyNotify) maint_interval_unref);

  for (gsize i = 0; i < n_pairs; i++)
    g_ptr_array_add (intervals, maint_interval_new (pairs[2 * i], pairs[2 * i + 1]));
  return maint_interval_set_new_from_intervals ((MaintInterval * const *) intervals->pdata,
                                                intervals->len);
}

#define SET(...) set_of (sizeof ((gint64[]) { __VA_ARGS__ }) / (2 * sizeof (gint64)), \
                         (gint64[]) { __VA_ARGS__ })

/* Checks @set holds exactly the given pairs, in order. */
static void
assert_set (const MaintIntervalSet *set,
            gsize                   n_pairs,
            const gint64           *pairs)
{
  g_autofree char *str = maint_interval_set_to_string (set);

  if (maint_interval_set_get_n_intervals (set) != n_pairs)
    g_error ("expected %" G_GSIZE_FORMAT " intervals, got %s", n_pairs, str);
  for (guint i = 0; i < n_pairs; i++)
    {
      g_autoptr(MaintInterval) iv = maint_interval_set_get_interval (set, i);

      if (maint_interval_get_start (iv) != pairs[2 * i] ||
          maint_interval_get_end (iv) != pairs[2 * i + 1])
        g_error ("interval %u: expected [%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT "), got %s",
                 i, pairs[2 * i], pairs[2 * i + 1], str);
    }
}

#define ASSERT_SET(set, ...) assert_set (set, sizeof ((gint64[]) { __VA_ARGS__ }) / (2 * sizeof (gint64)), \
                                         (gint64[]) { __VA_ARGS__ })
#define ASSERT_EMPTY(set) G_STMT_START { \
    g_assert_true (maint_interval_set_is_empty (set)); \
    g_assert_cmpuint (maint_interval_set_get_n_intervals (set), ==, 0); \
  } G_STMT_END

/* ------------------------------------------------------------------ */

static void
test_interval_basic (void)
{
  g_autoptr(MaintInterval) iv = maint_interval_new (100, 160);
  g_autoptr(MaintInterval) empty = maint_interval_new (50, 50);
  MaintInterval *copy;

  g_assert_cmpint (maint_interval_get_start (iv), ==, 100);
  g_assert_cmpint (maint_interval_get_end (iv), ==, 160);
  g_assert_cmpint (maint_interval_get_duration (iv), ==, 60);
  g_assert_false (maint_interval_is_empty (iv));
  g_assert_true (maint_interval_is_empty (empty));
  g_assert_cmpint (maint_interval_get_duration (empty), ==, 0);

  /* half-open */
  g_assert_false (maint_interval_contains (iv, 99));
  g_assert_true (maint_interval_contains (iv, 100));
  g_assert_true (maint_interval_contains (iv, 159));
  g_assert_false (maint_interval_contains (iv, 160));
  g_assert_false (maint_interval_contains (empty, 50));

  /* boxed copy is a reference to the same immutable value */
  copy = g_boxed_copy (MAINT_TYPE_INTERVAL, iv);
  g_assert_true (copy == iv);
  g_boxed_free (MAINT_TYPE_INTERVAL, copy);
  g_assert_cmpint (maint_interval_get_end (iv), ==, 160);

  g_assert_true (maint_interval_ref (iv) == iv);
  maint_interval_unref (iv);
  g_assert_true (G_TYPE_IS_BOXED (MAINT_TYPE_INTERVAL));
  g_assert_cmpstr (g_type_name (MAINT_TYPE_INTERVAL), ==, "MaintInterval");
}

static void
test_interval_invalid (void)
{
  if (g_test_subprocess ())
    {
      MaintInterval *iv = maint_interval_new (10, 9);

      g_assert_null (iv);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*start <= end*");
}

static void
test_interval_relations (void)
{
  g_autoptr(MaintInterval) a = maint_interval_new (10, 20);
  g_autoptr(MaintInterval) same = maint_interval_new (10, 20);
  g_autoptr(MaintInterval) inner = maint_interval_new (12, 18);
  g_autoptr(MaintInterval) touch_after = maint_interval_new (20, 30);
  g_autoptr(MaintInterval) touch_before = maint_interval_new (0, 10);
  g_autoptr(MaintInterval) partial = maint_interval_new (15, 25);
  g_autoptr(MaintInterval) empty_inside = maint_interval_new (15, 15);
  g_autoptr(MaintInterval) empty_outside = maint_interval_new (40, 40);
  g_autoptr(MaintInterval) x = NULL;

  g_assert_true (maint_interval_overlaps (a, same));
  g_assert_true (maint_interval_overlaps (a, inner));
  g_assert_true (maint_interval_overlaps (inner, a));
  g_assert_true (maint_interval_overlaps (a, partial));
  g_assert_false (maint_interval_overlaps (a, touch_after));
  g_assert_false (maint_interval_overlaps (touch_before, a));
  g_assert_false (maint_interval_overlaps (a, empty_inside));
  g_assert_false (maint_interval_overlaps (empty_inside, empty_inside));

  g_assert_true (maint_interval_contains_interval (a, same));
  g_assert_true (maint_interval_contains_interval (a, inner));
  g_assert_false (maint_interval_contains_interval (inner, a));
  g_assert_false (maint_interval_contains_interval (a, partial));
  g_assert_false (maint_interval_contains_interval (a, touch_after));
  g_assert_true (maint_interval_contains_interval (a, empty_inside));
  g_assert_true (maint_interval_contains_interval (a, empty_outside));

  x = maint_interval_intersect (a, partial);
  g_assert_nonnull (x);
  g_assert_cmpint (maint_interval_get_start (x), ==, 15);
  g_assert_cmpint (maint_interval_get_end (x), ==, 20);
  g_clear_pointer (&x, maint_interval_unref);

  x = maint_interval_intersect (inner, a);
  g_assert_true (maint_interval_equal (x, inner));
  g_clear_pointer (&x, maint_interval_unref);

  x = maint_interval_intersect (a, same);
  g_assert_true (maint_interval_equal (x, a));
  g_assert_true (x != a);
  g_clear_pointer (&x, maint_interval_unref);

  g_assert_null (maint_interval_intersect (a, touch_after));
  g_assert_null (maint_interval_intersect (a, empty_inside));

  g_assert_true (maint_interval_equal (a, same));
  g_assert_false (maint_interval_equal (a, inner));
  g_assert_cmpint (maint_interval_compare (a, same), ==, 0);
  g_assert_cmpint (maint_interval_compare (touch_before, a), <, 0);
  g_assert_cmpint (maint_interval_compare (a, touch_before), >, 0);
  /* same start: the shorter first */
  {
    g_autoptr(MaintInterval) shorter = maint_interval_new (10, 15);

    g_assert_cmpint (maint_interval_compare (shorter, a), <, 0);
    g_assert_cmpint (maint_interval_compare (a, shorter), >, 0);
  }
}

static void
test_interval_to_string (void)
{
  g_autoptr(MaintInterval) iv = maint_interval_new (1774746000, 1774749600);
  g_autoptr(MaintInterval) early = maint_interval_new (-1, 0);
  g_autoptr(MaintInterval) late = maint_interval_new (4133980799, 4133980799);
  g_autofree char *s1 = maint_interval_to_string (iv);
  g_autofree char *s2 = maint_interval_to_string (early);
  g_autofree char *s3 = maint_interval_to_string (late);

  g_assert_cmpstr (s1, ==, "[2026-03-29T01:00:00Z, 2026-03-29T02:00:00Z)");
  g_assert_cmpstr (s2, ==, "[1969-12-31T23:59:59Z, 1970-01-01T00:00:00Z)");
  g_assert_cmpstr (s3, ==, "[2100-12-31T23:59:59Z, 2100-12-31T23:59:59Z)");
}

/* ------------------------------------------------------------------ */

static void
test_set_new (void)
{
  g_autoptr(MaintIntervalSet) empty = maint_interval_set_new ();
  g_autoptr(MaintIntervalSet) none = maint_interval_set_new_from_intervals (NULL, 0);
  g_autoptr(MaintIntervalSet) only_empty = SET (5, 5, 7, 7);
  /* unsorted, overlapping, touching, nested, identical and empty input */
  g_autoptr(MaintIntervalSet) messy = SET (50, 60, 10, 20, 20, 25, 12, 14, 50, 60,
                                           30, 30, 55, 70, 100, 110, 90, 99);
  g_autofree char *str = NULL;

  ASSERT_EMPTY (empty);
  ASSERT_EMPTY (none);
  ASSERT_EMPTY (only_empty);
  g_assert_cmpint (maint_interval_set_get_total (empty), ==, 0);
  g_assert_true (maint_interval_set_equal (empty, only_empty));

  ASSERT_SET (messy, 10, 25, 50, 70, 90, 99, 100, 110);
  g_assert_cmpint (maint_interval_set_get_total (messy), ==, 15 + 20 + 9 + 10);

  str = maint_interval_set_to_string (empty);
  g_assert_cmpstr (str, ==, "{}");
  g_clear_pointer (&str, g_free);

  {
    g_autoptr(MaintIntervalSet) two = SET (1774749600, 1774753200, 1774746000, 1774747800);

    str = maint_interval_set_to_string (two);
    g_assert_cmpstr (str, ==, "{[2026-03-29T01:00:00Z, 2026-03-29T01:30:00Z), "
                              "[2026-03-29T02:00:00Z, 2026-03-29T03:00:00Z)}");
  }

  g_assert_true (G_TYPE_IS_BOXED (MAINT_TYPE_INTERVAL_SET));
  {
    MaintIntervalSet *copy = g_boxed_copy (MAINT_TYPE_INTERVAL_SET, messy);

    g_assert_true (copy == messy);
    g_boxed_free (MAINT_TYPE_INTERVAL_SET, copy);
  }
}

static void
test_set_get_interval_out_of_range (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(MaintIntervalSet) set = SET (1, 2);

      g_assert_null (maint_interval_set_get_interval (set, 1));
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*index_ < set->n*");
}

static void
test_set_add (void)
{
  g_autoptr(MaintIntervalSet) empty = maint_interval_set_new ();
  g_autoptr(MaintIntervalSet) base = SET (10, 20, 30, 40);
  g_autoptr(MaintIntervalSet) r = NULL;

  r = maint_interval_set_add (empty, 5, 8);
  ASSERT_SET (r, 5, 8);
  g_clear_pointer (&r, maint_interval_set_unref);

  r = maint_interval_set_add (base, 0, 5);       /* before */
  ASSERT_SET (r, 0, 5, 10, 20, 30, 40);
  g_clear_pointer (&r, maint_interval_set_unref);

  r = maint_interval_set_add (base, 20, 30);     /* touches both: bridges */
  ASSERT_SET (r, 10, 40);
  g_clear_pointer (&r, maint_interval_set_unref);

  r = maint_interval_set_add (base, 12, 15);     /* nested: no change */
  ASSERT_SET (r, 10, 20, 30, 40);
  g_assert_true (maint_interval_set_equal (r, base));
  g_clear_pointer (&r, maint_interval_set_unref);

  r = maint_interval_set_add (base, 25, 25);     /* empty: no change */
  ASSERT_SET (r, 10, 20, 30, 40);
  g_clear_pointer (&r, maint_interval_set_unref);

  r = maint_interval_set_add (base, 5, 50);      /* swallows all */
  ASSERT_SET (r, 5, 50);
  g_clear_pointer (&r, maint_interval_set_unref);

  r = maint_interval_set_add (base, 40, 41);     /* touches the end */
  ASSERT_SET (r, 10, 20, 30, 41);
  g_clear_pointer (&r, maint_interval_set_unref);

  /* the operand is untouched */
  ASSERT_SET (base, 10, 20, 30, 40);
}

static void
test_set_union (void)
{
  g_autoptr(MaintIntervalSet) empty = maint_interval_set_new ();
  g_autoptr(MaintIntervalSet) a = SET (0, 10, 20, 30, 40, 50);
  g_autoptr(MaintIntervalSet) b = SET (10, 20, 42, 43, 60, 70);
  g_autoptr(MaintIntervalSet) bridge = SET (5, 45);
  g_autoptr(MaintIntervalSet) r = NULL;

  r = maint_interval_set_union (a, empty);
  g_assert_true (maint_interval_set_equal (r, a));
  g_clear_pointer (&r, maint_interval_set_unref);
  r = maint_interval_set_union (empty, empty);
  ASSERT_EMPTY (r);
  g_clear_pointer (&r, maint_interval_set_unref);

  /* [10, 20) touches both neighbours, [42, 43) is nested */
  r = maint_interval_set_union (a, b);
  ASSERT_SET (r, 0, 30, 40, 50, 60, 70);
  g_clear_pointer (&r, maint_interval_set_unref);
  r = maint_interval_set_union (b, a);
  ASSERT_SET (r, 0, 30, 40, 50, 60, 70);
  g_clear_pointer (&r, maint_interval_set_unref);

  r = maint_interval_set_union (a, a);
  g_assert_true (maint_interval_set_equal (r, a));
  g_clear_pointer (&r, maint_interval_set_unref);

  r = maint_interval_set_union (a, bridge);
  ASSERT_SET (r, 0, 50);
  g_clear_pointer (&r, maint_interval_set_unref);

  ASSERT_SET (a, 0, 10, 20, 30, 40, 50);
  ASSERT_SET (b, 10, 20, 42, 43, 60, 70);
}

static void
test_set_intersect (void)
{
  g_autoptr(MaintIntervalSet) empty = maint_interval_set_new ();
  g_autoptr(MaintIntervalSet) a = SET (0, 10, 20, 30, 40, 50);
  g_autoptr(MaintIntervalSet) touching = SET (10, 20, 30, 40);
  g_autoptr(MaintIntervalSet) span = SET (5, 45);
  g_autoptr(MaintIntervalSet) nested = SET (22, 24, 26, 28);
  g_autoptr(MaintIntervalSet) r = NULL;

  r = maint_interval_set_intersect (a, empty);
  ASSERT_EMPTY (r);
  g_clear_pointer (&r, maint_interval_set_unref);

  r = maint_interval_set_intersect (a, touching);
  ASSERT_EMPTY (r);
  g_clear_pointer (&r, maint_interval_set_unref);

  r = maint_interval_set_intersect (a, span);
  ASSERT_SET (r, 5, 10, 20, 30, 40, 45);
  g_clear_pointer (&r, maint_interval_set_unref);
  r = maint_interval_set_intersect (span, a);
  ASSERT_SET (r, 5, 10, 20, 30, 40, 45);
  g_clear_pointer (&r, maint_interval_set_unref);

  r = maint_interval_set_intersect (a, nested);
  ASSERT_SET (r, 22, 24, 26, 28);
  g_clear_pointer (&r, maint_interval_set_unref);

  r = maint_interval_set_intersect (a, a);
  g_assert_true (maint_interval_set_equal (r, a));
  g_clear_pointer (&r, maint_interval_set_unref);
}

static void
test_set_subtract (void)
{
  g_autoptr(MaintIntervalSet) empty = maint_interval_set_new ();
  g_autoptr(MaintIntervalSet) a = SET (0, 10, 20, 30, 40, 50);
  g_autoptr(MaintIntervalSet) touching = SET (10, 20, 30, 40);
  g_autoptr(MaintIntervalSet) holes = SET (2, 3, 5, 6, 25, 45);
  g_autoptr(MaintIntervalSet) cover = SET (-5, 100);
  g_autoptr(MaintIntervalSet) ends = SET (0, 1, 9, 10);
  g_autoptr(MaintIntervalSet) r = NULL;

  r = maint_interval_set_subtract (a, empty);
  g_assert_true (maint_interval_set_equal (r, a));
  g_clear_pointer (&r, maint_interval_set_unref);

  r = maint_interval_set_subtract (empty, a);
  ASSERT_EMPTY (r);
  g_clear_pointer (&r, maint_interval_set_unref);

  r = maint_interval_set_subtract (a, touching);
  g_assert_true (maint_interval_set_equal (r, a));
  g_clear_pointer (&r, maint_interval_set_unref);

  /* two holes in one interval, one blackout spanning two intervals */
  r = maint_interval_set_subtract (a, holes);
  ASSERT_SET (r, 0, 2, 3, 5, 6, 10, 20, 25, 45, 50);
  g_clear_pointer (&r, maint_interval_set_unref);

  r = maint_interval_set_subtract (a, cover);
  ASSERT_EMPTY (r);
  g_clear_pointer (&r, maint_interval_set_unref);

  r = maint_interval_set_subtract (a, a);
  ASSERT_EMPTY (r);
  g_clear_pointer (&r, maint_interval_set_unref);

  r = maint_interval_set_subtract (a, ends);
  ASSERT_SET (r, 1, 9, 20, 30, 40, 50);
  g_clear_pointer (&r, maint_interval_set_unref);

  r = maint_interval_set_subtract (holes, a);
  ASSERT_SET (r, 30, 40);
  g_clear_pointer (&r, maint_interval_set_unref);
}

static void
test_set_queries (void)
{
  g_autoptr(MaintIntervalSet) empty = maint_interval_set_new ();
  g_autoptr(MaintIntervalSet) a = SET (0, 10, 20, 30, 40, 50);

  g_assert_false (maint_interval_set_contains (empty, 0));
  g_assert_true (maint_interval_set_contains (a, 0));
  g_assert_true (maint_interval_set_contains (a, 9));
  g_assert_false (maint_interval_set_contains (a, 10));
  g_assert_false (maint_interval_set_contains (a, 19));
  g_assert_true (maint_interval_set_contains (a, 20));
  g_assert_true (maint_interval_set_contains (a, 49));
  g_assert_false (maint_interval_set_contains (a, 50));
  g_assert_false (maint_interval_set_contains (a, -1));

  g_assert_true (maint_interval_set_contains_interval (a, 20, 30));
  g_assert_true (maint_interval_set_contains_interval (a, 21, 29));
  g_assert_false (maint_interval_set_contains_interval (a, 5, 25));   /* spans a gap */
  g_assert_false (maint_interval_set_contains_interval (a, 10, 20));  /* the gap */
  g_assert_false (maint_interval_set_contains_interval (a, 45, 51));
  g_assert_true (maint_interval_set_contains_interval (a, 15, 15));   /* empty */
  g_assert_true (maint_interval_set_contains_interval (empty, 15, 15));
  g_assert_false (maint_interval_set_contains_interval (empty, 1, 2));

  g_assert_true (maint_interval_set_overlaps (a, 5, 25));
  g_assert_true (maint_interval_set_overlaps (a, 9, 10));
  g_assert_false (maint_interval_set_overlaps (a, 10, 20));   /* touches both sides */
  g_assert_false (maint_interval_set_overlaps (a, 50, 60));
  g_assert_false (maint_interval_set_overlaps (a, -10, 0));
  g_assert_true (maint_interval_set_overlaps (a, -10, 100));
  g_assert_false (maint_interval_set_overlaps (a, 5, 5));     /* empty */
  g_assert_false (maint_interval_set_overlaps (empty, 0, 100));

  g_assert_cmpint (maint_interval_set_get_total (a), ==, 30);
  g_assert_cmpuint (maint_interval_set_get_n_intervals (a), ==, 3);
}

static void
test_set_equal (void)
{
  g_autoptr(MaintIntervalSet) a = SET (0, 10, 20, 30);
  g_autoptr(MaintIntervalSet) same = SET (20, 25, 0, 5, 25, 30, 5, 10);
  g_autoptr(MaintIntervalSet) other = SET (0, 10, 20, 31);
  g_autoptr(MaintIntervalSet) fewer = SET (0, 10);

  g_assert_true (maint_interval_set_equal (a, same));
  g_assert_false (maint_interval_set_equal (a, other));
  g_assert_false (maint_interval_set_equal (a, fewer));
  g_assert_false (maint_interval_set_equal (fewer, a));
}

/* Random sets against a bitmap model over the instants 0..127. */
#define UNIVERSE 128

static MaintIntervalSet *
random_set (GRand *rand,
            guint8 bits[UNIVERSE])
{
  g_autoptr(GPtrArray) intervals = g_ptr_array_new_with_free_func ((GDestroyNotify) maint_interval_unref);
  guint n = g_rand_int_range (rand, 0, 8);

  memset (bits, 0, UNIVERSE);
  for (guint i = 0; i < n; i++)
    {
      gint64 s = g_rand_int_range (rand, 0, UNIVERSE);
      gint64 e = g_rand_int_range (rand, (gint32) s, UNIVERSE + 1);

      g_ptr_array_add (intervals, maint_interval_new (s, e));
      for (gint64 t = s; t < e; t++)
        bits[t] = 1;
    }
  return maint_interval_set_new_from_intervals ((MaintInterval * const *) intervals->pdata,
                                                intervals->len);
}

static void
assert_matches_bits (const MaintIntervalSet *set,
                     const guint8            bits[UNIVERSE])
{
  const gint64 *b;
  guint n = maint_interval_set_peek_bounds (set, &b);
  gint64 total = 0;

  for (guint i = 0; i < n; i++)
    {
      /* normalized: non-empty, sorted, separated by a gap */
      g_assert_cmpint (b[2 * i], <, b[2 * i + 1]);
      if (i > 0)
        g_assert_cmpint (b[2 * i - 1], <, b[2 * i]);
    }
  for (gint64 t = -1; t <= UNIVERSE; t++)
    {
      gboolean expected = t >= 0 && t < UNIVERSE && bits[t];

      g_assert_cmpint (maint_interval_set_contains (set, t), ==, expected);
      total += expected;
    }
  g_assert_cmpint (maint_interval_set_get_total (set), ==, total);
}

static void
test_set_random (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260329);

  for (guint round = 0; round < 2000; round++)
    {
      guint8 ba[UNIVERSE], bb[UNIVERSE], bx[UNIVERSE];
      g_autoptr(MaintIntervalSet) a = random_set (rand, ba);
      g_autoptr(MaintIntervalSet) b = random_set (rand, bb);
      g_autoptr(MaintIntervalSet) u = maint_interval_set_union (a, b);
      g_autoptr(MaintIntervalSet) x = maint_interval_set_intersect (a, b);
      g_autoptr(MaintIntervalSet) d = maint_interval_set_subtract (a, b);
      gint64 s = g_rand_int_range (rand, 0, UNIVERSE);
      gint64 e = g_rand_int_range (rand, (gint32) s, UNIVERSE + 1);
      g_autoptr(MaintIntervalSet) added = maint_interval_set_add (a, s, e);
      gboolean all = TRUE, any = FALSE;

      assert_matches_bits (a, ba);
      assert_matches_bits (b, bb);
      for (int t = 0; t < UNIVERSE; t++)
        bx[t] = ba[t] | bb[t];
      assert_matches_bits (u, bx);
      for (int t = 0; t < UNIVERSE; t++)
        bx[t] = ba[t] & bb[t];
      assert_matches_bits (x, bx);
      for (int t = 0; t < UNIVERSE; t++)
        bx[t] = ba[t] & !bb[t];
      assert_matches_bits (d, bx);
      for (int t = 0; t < UNIVERSE; t++)
        bx[t] = ba[t] | (t >= s && t < e);
      assert_matches_bits (added, bx);

      for (gint64 t = s; t < e; t++)
        {
          all = all && ba[t];
          any = any || ba[t];
        }
      g_assert_cmpint (maint_interval_set_contains_interval (a, s, e), ==, all);
      g_assert_cmpint (maint_interval_set_overlaps (a, s, e), ==, any);

      /* equal means same instants */
      {
        gboolean same = memcmp (ba, bb, UNIVERSE) == 0;

        g_assert_cmpint (maint_interval_set_equal (a, b), ==, same);
      }
    }
}

static void
test_set_private (void)
{
  gint64 pairs[] = { 30, 40, 0, 10, 10, 15, 5, 5, 38, 45 };
  gint64 *owned = g_new (gint64, 4);
  MaintIntervalSet *taken;
  gsize n;

  n = maint_interval_pairs_normalize (pairs, G_N_ELEMENTS (pairs) / 2, FALSE);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpint (pairs[0], ==, 0);
  g_assert_cmpint (pairs[1], ==, 15);
  g_assert_cmpint (pairs[2], ==, 30);
  g_assert_cmpint (pairs[3], ==, 45);

  owned[0] = 1; owned[1] = 2; owned[2] = 4; owned[3] = 8;
  taken = maint_interval_set_new_take (owned, 2);
  ASSERT_SET (taken, 1, 2, 4, 8);
  g_assert_cmpuint (maint_interval_set_lower_bound (taken, 0), ==, 0);
  g_assert_cmpuint (maint_interval_set_lower_bound (taken, 2), ==, 1);
  g_assert_cmpuint (maint_interval_set_lower_bound (taken, 8), ==, 2);
  maint_interval_set_unref (taken);

  if (g_test_subprocess ())
    {
      gint64 *bad = g_new (gint64, 4);

      /* touching pairs are not normalized */
      bad[0] = 1; bad[1] = 2; bad[2] = 2; bad[3] = 3;
      g_assert_null (maint_interval_set_new_take (bad, 2));
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*normalized*");
}

/* Many intervals: the binary searches and the linear merges stay exact. */
static void
test_set_large (void)
{
  g_autoptr(GPtrArray) even = g_ptr_array_new_with_free_func ((GDestroyNotify) maint_interval_unref);
  g_autoptr(GPtrArray) odd = g_ptr_array_new_with_free_func ((GDestroyNotify) maint_interval_unref);
  g_autoptr(MaintIntervalSet) a = NULL, b = NULL, u = NULL, x = NULL, d = NULL;

  for (gint64 i = 0; i < 10000; i++)
    g_ptr_array_add (i % 2 ? odd : even, maint_interval_new (i * 10, i * 10 + 10));
  a = maint_interval_set_new_from_intervals ((MaintInterval * const *) even->pdata, even->len);
  b = maint_interval_set_new_from_intervals ((MaintInterval * const *) odd->pdata, odd->len);
  g_assert_cmpuint (maint_interval_set_get_n_intervals (a), ==, 5000);
  g_assert_true (maint_interval_set_contains (a, 99980));
  g_assert_false (maint_interval_set_contains (a, 99990));
  g_assert_true (maint_interval_set_contains (b, 99990));

  /* alternating touching intervals merge into one */
  u = maint_interval_set_union (a, b);
  ASSERT_SET (u, 0, 100000);
  x = maint_interval_set_intersect (a, b);
  ASSERT_EMPTY (x);
  d = maint_interval_set_subtract (u, b);
  g_assert_true (maint_interval_set_equal (d, a));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/interval/basic", test_interval_basic);
  g_test_add_func ("/interval/invalid", test_interval_invalid);
  g_test_add_func ("/interval/relations", test_interval_relations);
  g_test_add_func ("/interval/to-string", test_interval_to_string);
  g_test_add_func ("/interval-set/new", test_set_new);
  g_test_add_func ("/interval-set/get-interval-out-of-range", test_set_get_interval_out_of_range);
  g_test_add_func ("/interval-set/add", test_set_add);
  g_test_add_func ("/interval-set/union", test_set_union);
  g_test_add_func ("/interval-set/intersect", test_set_intersect);
  g_test_add_func ("/interval-set/subtract", test_set_subtract);
  g_test_add_func ("/interval-set/queries", test_set_queries);
  g_test_add_func ("/interval-set/equal", test_set_equal);
  g_test_add_func ("/interval-set/random", test_set_random);
  g_test_add_func ("/interval-set/private", test_set_private);
  g_test_add_func ("/interval-set/large", test_set_large);

  return g_test_run ();
}
