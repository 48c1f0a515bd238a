/* maint-bigmem.c: the solver's large arrays, on huge pages
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <string.h>
#ifdef HAVE_SYS_MMAN_H
# include <sys/mman.h>
#endif

#include "maint-bigmem-private.h"

#define HUGE_PAGE ((gsize) 2 << 20)

/* AddressSanitizer checks the bounds of malloc()'s blocks, not of a
 * mapping: under it every array is a malloc()'d one. */
#if defined(__SANITIZE_ADDRESS__)
# define USE_MAPPINGS 0
#elif defined(__has_feature)
# if __has_feature(address_sanitizer)
#  define USE_MAPPINGS 0
# endif
#endif
#if !defined(USE_MAPPINGS) && defined(HAVE_SYS_MMAN_H) && defined(MADV_HUGEPAGE)
# define USE_MAPPINGS 1
#endif
#ifndef USE_MAPPINGS
# define USE_MAPPINGS 0
#endif

/* Before the memory: how it was allocated. 64 bytes, so that in a
 * mapping the elements start on a cache line (from g_malloc0(), on
 * malloc()'s 16 bytes). */
typedef union
{
  struct
  {
    gpointer base;   /* the mapping, or NULL when it came from g_malloc0() */
    gsize    length; /* the mapping's length */
  } m;
  guint8 pad[64];
} Header;

gpointer
maint_big_new0 (gsize n,
                gsize size)
{
  gsize bytes;
  Header *h;

  if (size != 0 && n > (G_MAXSIZE - 2 * HUGE_PAGE) / size)
    g_error ("%s: overflow allocating %" G_GSIZE_FORMAT "*%" G_GSIZE_FORMAT " bytes",
             G_STRLOC, n, size);
  bytes = n * size + sizeof (Header);

#if USE_MAPPINGS
  if (bytes >= MAINT_BIG_MIN)
    {
      gsize length = (bytes + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1);
      guint8 *map = mmap (NULL, length + HUGE_PAGE, PROT_READ | PROT_WRITE,
                          MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

      if (map != MAP_FAILED)
        {
          guint8 *base = (guint8 *) (((guintptr) map + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1));
          gsize head = base - map;

          /* Only the aligned part stays mapped */
          if (head > 0)
            munmap (map, head);
          munmap (base + length, HUGE_PAGE - head);
          /* Advice only: without it the pages are small ones */
          (void) madvise (base, length, MADV_HUGEPAGE);
          h = (Header *) base;
          h->m.base = base;
          h->m.length = length;
          return h + 1;
        }
    }
#endif

  h = g_malloc0 (bytes);
  h->m.base = NULL;
  return h + 1;
}

void
maint_big_free (gpointer mem)
{
  Header *h;

  if (mem == NULL)
    return;
  h = (Header *) mem - 1;
#if USE_MAPPINGS
  if (h->m.base != NULL)
    {
      munmap (h->m.base, h->m.length);
      return;
    }
#endif
  g_free (h);
}
