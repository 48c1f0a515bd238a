/* fuzz-plan.c: libFuzzer target for the libmaint-plan/1 loader
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Feeds the input to maint_plan_new_from_data(). Bad input must give an
 * error in MAINT_PLAN_ERROR with a one-line message. A plan that loads
 * must save to a document that loads and saves to the same bytes; it must
 * render as text, with and without a fleet, as documented (lines of at
 * most 159 characters, no control characters); and the verifier must check
 * it against a fixed fleet (the corpus's full.json, whose machine and
 * activity names the seed plans use) without crashing, each violation
 * with a message. Announcing the plan into a copy of that fleet
 * (maint_plan_announce) either fails with a one-line MAINT_PLAN_ERROR
 * and leaves the copy as it was, or leaves a fleet that still validates
 * and keeps every announced slot through a save and a load.
 */
#include "config.h"

#include <libmaint/libmaint.h>

#include "fuzz-common.h"

static MaintFleet *fleet;
static char *fleet_data;
static gsize fleet_length;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;

  fuzz_init ();
  fleet = maint_fleet_new_from_file (FUZZ_PLAN_FLEET, &error);
  if (fleet == NULL)
    g_error ("fuzz-plan: %s", error->message);
  fleet_data = maint_fleet_to_data (fleet, &fleet_length);
  return 0;
}

static void
check_announce (MaintPlan *plan)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MaintFleet) copy = maint_fleet_new_from_data (fleet_data, (gssize) fleet_length, &error);
  g_autoptr(MaintFleet) reloaded = NULL;
  g_autofree char *saved = NULL;
  gsize saved_length = 0;
  guint n;

  FUZZ_CHECK (copy != NULL, "the fleet does not reload");
  n = maint_plan_announce (plan, copy, G_MAXINT64, &error);
  if (error != NULL)
    {
      fuzz_check_error (error, MAINT_PLAN_ERROR);
      FUZZ_CHECK (n == 0, "an error after pinning %u activities", n);
      FUZZ_CHECK (maint_fleet_equal (copy, fleet), "a failed announce changed the fleet");
      return;
    }
  FUZZ_CHECK (maint_fleet_validate (copy, &error), "an announced fleet does not validate: %s",
              error->message);
  saved = maint_fleet_to_data (copy, &saved_length);
  reloaded = maint_fleet_new_from_data (saved, (gssize) saved_length, &error);
  FUZZ_CHECK (reloaded != NULL, "an announced fleet does not load: %s", error->message);
  FUZZ_CHECK (maint_fleet_equal (copy, reloaded), "an announced fleet changes through JSON");
}

/* As documented: UTF-8, ends with a newline, no line over 159 characters
 * (long ones wrap), no control characters but the newline. */
static void
check_text (const char *text)
{
  g_auto(GStrv) lines = NULL;

  FUZZ_CHECK (text != NULL && g_utf8_validate (text, -1, NULL), "text not UTF-8");
  FUZZ_CHECK (g_str_has_suffix (text, "\n"), "text without a final newline");
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      FUZZ_CHECK (g_utf8_strlen (lines[i], -1) <= 159, "line of %ld characters: %s",
                  (long) g_utf8_strlen (lines[i], -1), lines[i]);
      for (const char *p = lines[i]; *p; p++)
        FUZZ_CHECK ((guchar) *p >= 0x20 && *p != 0x7f, "control character %#x in: %s",
                    (guchar) *p, lines[i]);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(MaintPlan) plan = NULL;
  g_autoptr(MaintPlan) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) violations = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *text = NULL;
  g_autofree char *fleet_text = NULL;
  gsize first_length = 0, second_length = 0;

  plan = maint_plan_new_from_data ((const char *) data, (gssize) size, &error);
  if (plan == NULL)
    {
      fuzz_check_error (error, MAINT_PLAN_ERROR);
      return 0;
    }
  FUZZ_CHECK (error == NULL, "success with an error");

  first = maint_plan_to_data (plan, &first_length);
  FUZZ_CHECK (first != NULL && strlen (first) == first_length, "to_data length");
  again = maint_plan_new_from_data (first, (gssize) first_length, &error);
  FUZZ_CHECK (again != NULL, "a saved plan does not load: %s\n%s", error->message, first);
  second = maint_plan_to_data (again, &second_length);
  FUZZ_CHECK (first_length == second_length && memcmp (first, second, first_length) == 0,
              "saving is not stable:\n%s\n---\n%s", first, second);

  text = maint_plan_to_text (plan, NULL);
  check_text (text);
  fleet_text = maint_plan_to_text (plan, fleet);
  check_text (fleet_text);

  violations = maint_verify_plan (fleet, plan);
  FUZZ_CHECK (violations != NULL, "no violation list");
  for (guint i = 0; i < violations->len; i++)
    {
      const char *message = maint_violation_get_message (g_ptr_array_index (violations, i));

      FUZZ_CHECK (message != NULL && message[0] != '\0' && g_utf8_validate (message, -1, NULL),
                  "violation %u without a message", i);
    }

  check_announce (plan);
  return 0;
}
