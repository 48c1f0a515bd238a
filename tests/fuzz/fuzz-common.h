/* fuzz-common.h: shared by the libFuzzer targets in tests/fuzz/
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Every target defines LLVMFuzzerTestOneInput(). Built with
 * -Dfuzzing=true and clang it is linked with libFuzzer; in every build it
 * is also linked with replay.c, whose main() feeds it the committed
 * corpus and the regressions, so the normal test suite (and the ASan and
 * valgrind runs of it) replays every input that ever crashed a target.
 *
 * A target aborts (and so reports a crash) when an invariant fails:
 * FUZZ_CHECK() works in every build, unlike g_assert(), which
 * G_DISABLE_ASSERT would compile out.
 */
#pragma once

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

int LLVMFuzzerInitialize   (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

#define FUZZ_CHECK(cond, ...)                                               \
  G_STMT_START {                                                            \
    if (G_UNLIKELY (!(cond)))                                               \
      fuzz_fail (__FILE__, __LINE__, #cond, g_strdup_printf (__VA_ARGS__)); \
  } G_STMT_END

/* abort(), not g_error(): GLib ends fatal messages with a breakpoint
 * trap, which libFuzzer does not take for a crash (it saves no input). */
G_GNUC_NORETURN static inline void
fuzz_fail (const char *file,
           int         line,
           const char *condition,
           char       *message)
{
  fprintf (stderr, "%s:%d: invariant failed: %s: %s\n", file, line, condition, message);
  abort ();
}

static inline GLogWriterOutput
fuzz_log_writer (GLogLevelFlags   level,
                 const GLogField *fields,
                 gsize            n_fields,
                 gpointer         user_data)
{
  GLogWriterOutput result = g_log_writer_standard_streams (level, fields, n_fields, user_data);

  if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    abort ();
  return result;
}

/* Criticals and warnings are bugs: a g_return_if_fail() that input can
 * reach means the library let bad input through to an API that refuses
 * it. They abort, so the fuzzer reports them as crashes. */
static inline void
fuzz_init (void)
{
  g_log_set_writer_func (fuzz_log_writer, NULL, NULL);
}

/* The input as a NUL-terminated string (for the text parsers), or NULL
 * when it holds a NUL byte, which a C string cannot carry. */
static inline char *
fuzz_strndup (const uint8_t *data,
              size_t         size)
{
  if (memchr (data, '\0', size) != NULL)
    return NULL;
  return g_strndup ((const char *) data, size);
}

/* What every error a parser or loader raises must look like: the
 * expected domain, a non-empty, one-line, UTF-8 message (maintctl prints
 * it as one line, and users read it). */
static inline void
fuzz_check_error (const GError *error,
                  GQuark        domain)
{
  FUZZ_CHECK (error != NULL, "failure without an error");
  FUZZ_CHECK (error->domain == domain, "error domain %s, expected %s",
              g_quark_to_string (error->domain), g_quark_to_string (domain));
  FUZZ_CHECK (error->message != NULL && error->message[0] != '\0', "empty message");
  FUZZ_CHECK (g_utf8_validate (error->message, -1, NULL), "message not UTF-8: %s",
              error->message);
  FUZZ_CHECK (strchr (error->message, '\n') == NULL && strchr (error->message, '\r') == NULL,
              "message not one line: %s", error->message);
}
