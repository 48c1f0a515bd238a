/* maint-bigmem-private.h: the solver's large arrays, on huge pages
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#ifndef MAINT_COMPILATION
# error "This is a private header of libmaint."
#endif

#include <glib.h>

G_BEGIN_DECLS

/* An array of @n elements of @size bytes each, zeroed. One of at least
 * MAINT_BIG_MIN bytes is a mapping of its own, aligned to 2 MiB and
 * advised to the kernel as huge-page memory (where the system has
 * transparent huge pages); a smaller one comes from g_malloc0(). A plan
 * of 100,000 machines reads arrays of tens of megabytes in scattered
 * order, and with 4 KiB pages most of those reads also miss the TLB.
 * Free it with maint_big_free() only. Aborts on overflow or when memory
 * runs out, as g_malloc0_n() does. */
gpointer maint_big_new0 (gsize n,
                         gsize size) G_GNUC_MALLOC;
void     maint_big_free (gpointer mem);

#define MAINT_BIG_MIN ((gsize) 1 << 20)

G_END_DECLS
