/* replay.c: runs a fuzz target over files, without libFuzzer
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * replay FILE-OR-DIRECTORY...
 *
 * Linked with one target's LLVMFuzzerTestOneInput(). Feeds it every file
 * named, and every regular file in every directory named (not recursive,
 * hidden files skipped), in sorted order. A crash or a failed invariant aborts;
 * a missing argument, an empty directory or an unreadable file is an
 * error, so a test that replays nothing cannot pass.
 */
#include "config.h"

#include <stdio.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "fuzz-common.h"

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static gboolean
replay_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  guint8 *copy;

  if (!g_file_get_contents (path, &contents, &length, &error))
    {
      fprintf (stderr, "replay: %s\n", error->message);
      return FALSE;
    }
  /* An exact-size heap copy, so ASan and valgrind see reads past the end */
  copy = g_memdup2 (contents, length);
  LLVMFuzzerTestOneInput (copy != NULL ? copy : (const guint8 *) "", length);
  g_free (copy);
  printf ("ok %s (%" G_GSIZE_FORMAT " bytes)\n", path, length);
  return TRUE;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);

  if (argc < 2)
    {
      fprintf (stderr, "usage: %s FILE-OR-DIRECTORY...\n", argv[0]);
      return 2;
    }
  LLVMFuzzerInitialize (&argc, &argv);

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GDir) dir = NULL;
      g_autoptr(GError) error = NULL;
      const char *name;
      guint before = files->len;

      if (!g_file_test (argv[i], G_FILE_TEST_IS_DIR))
        {
          g_ptr_array_add (files, g_strdup (argv[i]));
          continue;
        }
      dir = g_dir_open (argv[i], 0, &error);
      if (dir == NULL)
        {
          fprintf (stderr, "replay: %s\n", error->message);
          return 1;
        }
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (argv[i], name, NULL);

          if (name[0] != '.' && g_file_test (path, G_FILE_TEST_IS_REGULAR))
            g_ptr_array_add (files, g_steal_pointer (&path));
        }
      if (files->len == before)
        {
          fprintf (stderr, "replay: %s: no inputs\n", argv[i]);
          return 1;
        }
    }
  g_ptr_array_sort (files, compare_paths);

  for (guint i = 0; i < files->len; i++)
    if (!replay_file (g_ptr_array_index (files, i)))
      return 1;
  printf ("replayed %u inputs\n", files->len);
  return 0;
}
