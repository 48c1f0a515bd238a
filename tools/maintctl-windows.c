/* maintctl-windows.c: maintctl windows — expand window specs in a zone
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * maintctl windows --timezone TZ --from T (--count N | --until T) [--json] SPEC…
 *
 * Prints the union of the occurrences of all SPECs that start at or after
 * --from, as merged intervals in order: the first N of them, or those that
 * start before --until. A merged interval runs on as long as occurrences
 * overlap or touch it, even past --until.
 */
#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "maintctl.h"

#define COUNT_MAX 100000
/* Occurrences starting this long after --from are not looked at; it also
 * caps --until, and ends a run of back-to-back 24-hour windows. */
#define SPAN_MAX MAINT_DURATION_MAX

typedef struct {
  gint64 start;
  gint64 end;
} Span;

static gboolean
append_json (JsonBuilder  *builder,
             const Span   *span,
             const char   *zone,
             GError      **error)
{
  g_autofree char *start = maint_instant_format (span->start);
  g_autofree char *end = maint_instant_format (span->end);
  g_autofree char *local_start = maint_instant_format_local (span->start, zone, error);
  g_autofree char *local_end = NULL;

  if (local_start == NULL)
    return FALSE;
  local_end = maint_instant_format_local (span->end, zone, error);
  if (local_end == NULL)
    return FALSE;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "start");
  json_builder_add_string_value (builder, start);
  json_builder_set_member_name (builder, "end");
  json_builder_add_string_value (builder, end);
  json_builder_set_member_name (builder, "local_start");
  json_builder_add_string_value (builder, local_start);
  json_builder_set_member_name (builder, "local_end");
  json_builder_add_string_value (builder, local_end);
  json_builder_end_object (builder);
  return TRUE;
}

/* The merged intervals, computed by merging the per-spec streams of
 * occurrences by start. */
static gboolean
expand (MaintWindowSpec **specs,
        guint             n_specs,
        const char       *zone,
        gint64            from,
        gint64            until,      /* 0: use count */
        guint             count,
        GArray           *out,        /* of Span */
        GError          **error)
{
  g_autoptr(GPtrArray) heads = g_ptr_array_new_with_free_func ((GDestroyNotify) maint_interval_unref);
  gint64 horizon = from + SPAN_MAX;
  gboolean have_cur = FALSE;
  Span cur = { 0, 0 };

  for (guint i = 0; i < n_specs; i++)
    {
      MaintInterval *iv = maint_window_spec_next_occurrence (specs[i], zone, from, error);

      if (iv == NULL && error && *error)
        return FALSE;
      g_ptr_array_add (heads, iv);
    }

  for (;;)
    {
      MaintInterval *next = NULL;
      guint best = 0;
      Span occ;

      for (guint i = 0; i < n_specs; i++)
        {
          MaintInterval *iv = g_ptr_array_index (heads, i);

          if (iv && (next == NULL || maint_interval_get_start (iv) < maint_interval_get_start (next)))
            {
              next = iv;
              best = i;
            }
        }
      if (next == NULL || maint_interval_get_start (next) >= horizon)
        break;

      occ.start = maint_interval_get_start (next);
      occ.end = maint_interval_get_end (next);
      /* starts of one spec strictly increase, so this is the following one */
      g_ptr_array_index (heads, best) =
        maint_window_spec_next_occurrence (specs[best], zone, occ.start + 1, error);
      maint_interval_unref (next);
      if (g_ptr_array_index (heads, best) == NULL && error && *error)
        return FALSE;

      if (have_cur && occ.start <= cur.end)
        {
          cur.end = MAX (cur.end, occ.end);
          continue;
        }
      if (have_cur)
        {
          g_array_append_val (out, cur);
          if (until == 0 && out->len >= count)
            return TRUE;
        }
      if (until != 0 && occ.start >= until)
        return TRUE;
      cur = occ;
      have_cur = TRUE;
    }

  if (have_cur && (until == 0 || cur.start < until))
    g_array_append_val (out, cur);
  return TRUE;
}

int
maintctl_windows (int    argc,
                  char **argv)
{
  g_autofree char *zone = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *until_text = NULL;
  g_autofree char *count_text = NULL;
  g_auto(GStrv) spec_texts = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "timezone", 0, 0, G_OPTION_ARG_STRING, &zone,
      "IANA time zone the specs are read in (required)", "TZ" },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_text,
      "List occurrences that start at or after this RFC 3339 instant (required)", "T" },
    { "count", 0, 0, G_OPTION_ARG_STRING, &count_text,
      "List the first N merged intervals (1 to 100000)", "N" },
    { "until", 0, 0, G_OPTION_ARG_STRING, &until_text,
      "List the merged intervals that start before this instant (at most 3660 days after --from)", "T" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      "Print a JSON array with start, end, local_start and local_end", NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &spec_texts, NULL, "SPEC…" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GPtrArray) specs = g_ptr_array_new_with_free_func ((GDestroyNotify) maint_window_spec_unref);
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (Span));
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  gint64 from = 0, until = 0;
  guint64 count = 0;
  gsize length;

  context = g_option_context_new ("— expand maintenance window specs");
  g_option_context_set_summary (context,
    "Prints the occurrences of the window specs (such as “mon-fri 22:00-24:00”)\n"
    "in a time zone, merged, one “START END” line each in UTC.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return maintctl_fail ("windows: %s", error->message);

  if (zone == NULL)
    return maintctl_fail ("windows: --timezone is required");
  if (from_text == NULL)
    return maintctl_fail ("windows: --from is required");
  if (count_text == NULL && until_text == NULL)
    return maintctl_fail ("windows: one of --count or --until is required");
  if (count_text != NULL && until_text != NULL)
    return maintctl_fail ("windows: --count and --until cannot be used together");
  if (spec_texts == NULL || spec_texts[0] == NULL)
    return maintctl_fail ("windows: no window spec given (for example \"mon-fri 22:00-24:00\")");

  if (!maint_time_zone_check (zone, &error))
    return maintctl_fail ("windows: --timezone: %s", error->message);
  if (!maint_instant_parse (from_text, &from, &error))
    return maintctl_fail ("windows: --from: %s", error->message);

  if (count_text != NULL &&
      !g_ascii_string_to_unsigned (count_text, 10, 1, COUNT_MAX, &count, NULL))
    return maintctl_fail ("windows: --count: expected a whole number from 1 to %d, got \"%s\"",
                          COUNT_MAX, count_text);
  if (until_text != NULL)
    {
      if (!maint_instant_parse (until_text, &until, &error))
        return maintctl_fail ("windows: --until: %s", error->message);
      if (until <= from)
        return maintctl_fail ("windows: --until must be after --from");
      if (until - from > SPAN_MAX)
        return maintctl_fail ("windows: --until may be at most %d days after --from",
                              (int) (SPAN_MAX / 86400));
    }

  for (guint i = 0; spec_texts[i] != NULL; i++)
    {
      MaintWindowSpec *spec = maint_window_spec_parse (spec_texts[i], &error);

      if (spec == NULL)
        /* "daily 01:00-02:00" unquoted arrives as two arguments */
        return maintctl_fail ("windows: window spec \"%s\": %s%s", spec_texts[i], error->message,
                              strpbrk (spec_texts[i], " \t") ? ""
                              : " (quote each spec as one argument)");
      g_ptr_array_add (specs, spec);
    }

  if (!expand ((MaintWindowSpec **) specs->pdata, specs->len, zone, from, until,
               (guint) count, spans, &error))
    return maintctl_fail ("windows: %s", error->message);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *data = NULL;

      json_builder_begin_array (builder);
      for (guint i = 0; i < spans->len; i++)
        if (!append_json (builder, &g_array_index (spans, Span, i), zone, &error))
          return maintctl_fail ("windows: %s", error->message);
      json_builder_end_array (builder);

      root = json_builder_get_root (builder);
      json_generator_set_root (generator, root);
      json_generator_set_pretty (generator, TRUE);
      json_generator_set_indent (generator, 2);
      data = json_generator_to_data (generator, NULL);
      output = g_strconcat (data, "\n", NULL);
    }
  else
    {
      GString *text = g_string_new (NULL);

      for (guint i = 0; i < spans->len; i++)
        {
          const Span *span = &g_array_index (spans, Span, i);
          g_autofree char *start = maint_instant_format (span->start);
          g_autofree char *end = maint_instant_format (span->end);

          g_string_append_printf (text, "%s %s\n", start, end);
        }
      output = g_string_free (text, FALSE);
    }

  /* all computed before anything is written: no partial output */
  length = strlen (output);
  if (!maintctl_write_output (NULL, output, length, &error))
    return maintctl_fail ("windows: %s", error->message);
  return MAINTCTL_EXIT_OK;
}
