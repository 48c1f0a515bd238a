/* fuzz-fleet.c: libFuzzer target for the libmaint-fleet/1 loader
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Feeds the input to maint_fleet_new_from_data(). Bad input must give an
 * error in MAINT_FLEET_ERROR with a one-line message; a fleet that loads
 * must validate, save to a document that loads to an equal fleet, and
 * saving that fleet must give the same bytes again.
 */
#include "config.h"

#include <libmaint/libmaint.h>

#include "fuzz-common.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(MaintFleet) fleet = NULL;
  g_autoptr(MaintFleet) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  gsize first_length = 0, second_length = 0;

  fleet = maint_fleet_new_from_data ((const char *) data, (gssize) size, &error);
  if (fleet == NULL)
    {
      fuzz_check_error (error, MAINT_FLEET_ERROR);
      return 0;
    }
  FUZZ_CHECK (error == NULL, "success with an error");

  FUZZ_CHECK (maint_fleet_validate (fleet, &error), "a loaded fleet does not validate: %s",
              error->message);

  first = maint_fleet_to_data (fleet, &first_length);
  FUZZ_CHECK (first != NULL && strlen (first) == first_length, "to_data length");
  again = maint_fleet_new_from_data (first, (gssize) first_length, &error);
  FUZZ_CHECK (again != NULL, "a saved fleet does not load: %s\n%s", error->message, first);
  FUZZ_CHECK (maint_fleet_equal (fleet, again), "saved and loaded fleet differs:\n%s", first);

  second = maint_fleet_to_data (again, &second_length);
  FUZZ_CHECK (first_length == second_length && memcmp (first, second, first_length) == 0,
              "saving is not stable:\n%s\n---\n%s", first, second);
  return 0;
}
