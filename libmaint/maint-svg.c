/* maint-svg.c: a picture of a plan as SVG
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A timeline: time runs across, machines down, in sections per resource
 * group or per host. The layout is computed first (sizes depend on the
 * names and on the plan's span), then the document is written in one
 * pass, in a fixed order, so the same plan always gives the same bytes.
 * Numbers go through g_ascii_formatd() so the output never depends on
 * the locale; local times come from the system tz database
 * (maint-tz-private.h), never from ICU or GTimeZone.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "maint-svg.h"
#include "maint-enum-types.h"
#include "maint-time.h"
#include "maint-json-private.h"
#include "maint-tz-private.h"

/* Geometry, in SVG user units (CSS pixels). */
#define MARGIN          24.0
#define TITLE_SIZE      20.0
#define FONT_SIZE       11.0
#define SMALL_SIZE      10.0
#define ROW_H           16.0
#define BAR_H           10.0
#define SECTION_H       24.0
#define SECTION_GAP      6.0
#define AGG_ROW_H       15.0
#define AGG_BAR_H       11.0
#define LANE_H          18.0
#define MONTH_H         14.0
#define DAY_H           18.0
#define HOUR_H          13.0
#define MARK_LANE_H     12.0
#define LOAD_H          48.0
#define MIN_CHART_W    840.0
#define MIN_BAR_W        3.0
#define LABEL_MIN_W    120.0
#define LABEL_MAX_W    260.0
#define LABEL_MAX_CHARS 36
#define MAX_FOOTNOTES    8

/* Colours: quiet greys for the frame, one hue per meaning. */
#define C_TEXT        "#1f2328"
#define C_MUTED       "#656d76"
#define C_GRID        "#d0d7de"
#define C_GRID_FAINT  "#eaeef2"
#define C_ROW_LINE    "#f1f3f5"
#define C_WEEKEND     "#f6f8fa"
#define C_WINDOW      "#dcefe0"
#define C_WINDOW_EDGE "#b5dcbf"
#define C_NONE        "#7b93b0"
#define C_WARM        "#e3a33b"
#define C_COLD        "#c9553f"
#define C_PINNED      "#1f2328"
#define C_HOST        "#7a5ea8"
#define C_HOST_LIGHT  "#ece5f5"
#define C_NOW         "#0969da"
#define C_WAVE        "#eef2f8"
#define C_WAVE_EDGE   "#a9b8cc"
#define C_WARN        "#cf222e"
#define C_LOAD        "#8796ab"

/* Machines down in a bucket, in five classes up to the largest count in
 * the picture (ColorBrewer OrRd). */
static const char * const density_colours[] = {
  "#fdd49e", "#fdbb84", "#fc8d59", "#e34a33", "#b30000",
};

static const char * const weekday_names[] = {
  "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun",
};
static const char * const month_names[] = {
  "Jan", "Feb", "Mar", "Apr", "May", "Jun",
  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
};
static const char * const month_long_names[] = {
  "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December",
};

typedef struct {
  const char   *name;
  MaintMachine *machine;      /* NULL when the fleet does not know it */
  const char   *group;        /* NULL when unknown */
  const char   *host;         /* section key in host mode; NULL: none */
  gboolean      is_host;
  GPtrArray    *slots;        /* MaintSlot, sorted by start */
  GPtrArray    *downtimes;    /* MaintHostDowntime, sorted by start */
  GPtrArray    *unscheduled;  /* MaintUnscheduled, plan order */
  double        y;            /* top of the row */
} Row;

typedef struct {
  const char         *key;    /* NULL: machines of no group / no host */
  MaintResourceGroup *group;  /* group mode, when the fleet knows it */
  GPtrArray          *rows;   /* Row, sorted */
  guint               n_machines;
  double              y;      /* top of the section header (or row) */
} Section;

typedef struct {
  char   *rollout;
  char   *wave;
  gint64  start;
  gint64  end;
  guint   n_slots;
  guint   lane;
} Wave;

typedef struct {
  GString       *out;
  MaintPlan     *plan;
  MaintFleet    *fleet;
  const MaintTz *tz;
  gboolean       utc;
  gboolean       aggregate;
  MaintSvgGrouping grouping;

  GHashTable    *rows;          /* name -> Row */
  GPtrArray     *sections;      /* Section, sorted */
  GHashTable    *windows;       /* group name -> MaintIntervalSet */
  GHashTable    *reboot_counts; /* machine -> MaintRebootCount */
  GHashTable    *guests_down;   /* host -> GPtrArray of MaintHostDowntime */
  GPtrArray     *waves;         /* Wave, sorted by start */
  guint          n_lanes;
  guint          n_rows;
  guint          n_host_reboots;
  gboolean       several_rollouts;

  gint64         span_start;
  gint64         span_end;
  gint64         day0;          /* local day number of span_start */
  gint64         n_days;
  double         px_per_day;
  double         label_w;
  double         chart_x;
  double         chart_w;
  double         width;
  double         height;
  double         legend_y;
  double         header_y;
  double         chart_y;
  double         chart_bottom;
  gint64         bucket;        /* aggregate mode: seconds per bucket */
  guint          density_max;   /* the most machines down in one cell */
} Svg;

static void
row_free (gpointer data)
{
  Row *row = data;

  g_ptr_array_unref (row->slots);
  g_ptr_array_unref (row->downtimes);
  g_ptr_array_unref (row->unscheduled);
  g_free (row);
}

static void
section_free (gpointer data)
{
  Section *section = data;

  g_ptr_array_unref (section->rows);
  g_free (section);
}

static void
wave_free (gpointer data)
{
  Wave *wave = data;

  g_free (wave->rollout);
  g_free (wave->wave);
  g_free (wave);
}

static gint64
floor_div (gint64 a,
           gint64 b)
{
  gint64 q = a / b;

  if ((a % b != 0) && ((a < 0) != (b < 0)))
    q--;
  return q;
}

/* ------------------------------------------------------------------ */
/* Text and numbers                                                    */

/* Appends @text escaped for XML character data and attribute values.
 * Invalid UTF-8 and characters XML 1.0 forbids (or that only confuse a
 * reader: C0 and C1 controls, DEL, noncharacters) become U+FFFD; tabs and
 * line breaks become spaces, so a name stays on one line. */
static void
append_text (GString    *out,
             const char *text)
{
  const char *p = text;
  const char *end;

  if (text == NULL)
    return;
  end = text + strlen (text);
  while (p < end)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append (out, "\xef\xbf\xbd");
          p++;
          continue;
        }
      switch (c)
        {
        case '<': g_string_append (out, "&lt;"); break;
        case '>': g_string_append (out, "&gt;"); break;
        case '&': g_string_append (out, "&amp;"); break;
        case '"': g_string_append (out, "&quot;"); break;
        case '\'': g_string_append (out, "&#39;"); break;
        case '\t': case '\n': case '\r': g_string_append_c (out, ' '); break;
        default:
          if (c < 0x20 || (c >= 0x7f && c < 0xa0) ||
              c == 0xfffe || c == 0xffff || (c >= 0xfdd0 && c <= 0xfdef))
            g_string_append (out, "\xef\xbf\xbd");
          else
            g_string_append_len (out, p, g_utf8_next_char (p) - p);
        }
      p = g_utf8_next_char (p);
    }
}

/* Appends @text cut to @max_chars characters, with an ellipsis. */
static void
append_text_cut (GString    *out,
                 const char *text,
                 guint       max_chars)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);

  if (g_utf8_strlen (valid, -1) <= (glong) max_chars)
    {
      append_text (out, valid);
      return;
    }
  *g_utf8_offset_to_pointer (valid, max_chars - 1) = '\0';
  append_text (out, valid);
  g_string_append (out, "\xe2\x80\xa6");
}

/* Appends a number with one decimal, in the C locale, without "-0.0"
 * and without a trailing ".0". */
static void
append_num (GString *out,
            double   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  gint64 tenths = (gint64) llround (value * 10.0);

  if (tenths % 10 == 0)
    {
      g_string_append_printf (out, "%" G_GINT64_FORMAT, tenths / 10);
      return;
    }
  g_ascii_formatd (buf, sizeof buf, "%.1f", (double) tenths / 10.0);
  g_string_append (out, buf);
}

/* Appends ` NAME="VALUE"` with a number. */
static void
append_attr_num (GString    *out,
                 const char *name,
                 double      value)
{
  g_string_append_printf (out, " %s=\"", name);
  append_num (out, value);
  g_string_append_c (out, '"');
}

/* An estimate of a text's width: DejaVu Sans averages about 0.62 em. */
static double
text_width (const char *text,
            double      size)
{
  return g_utf8_strlen (text, -1) * size * 0.62;
}

/* ------------------------------------------------------------------ */
/* Time                                                                */

static gint64
local_day (Svg    *svg,
           gint64  instant)
{
  return floor_div (instant + maint_tz_offset_at (svg->tz, instant), 86400);
}

/* The instant of local midnight that starts local day @day. */
static gint64
day_start (Svg    *svg,
           gint64  day)
{
  return maint_tz_local_to_utc (svg->tz, day * 86400, MAINT_TZ_EARLIEST, NULL);
}

static gint64
local_time_at (Svg    *svg,
               gint64  day,
               int     hour)
{
  return maint_tz_local_to_utc (svg->tz, day * 86400 + hour * 3600, MAINT_TZ_EARLIEST, NULL);
}

typedef struct {
  gint64 year;
  guint  month;
  guint  day;
  guint  weekday;
  guint  hour;
  guint  minute;
  gint64 day_number;
} LocalTime;

static LocalTime
to_local (const MaintTz *tz,
          gint64         instant)
{
  LocalTime t;
  gint64 local = instant + (tz != NULL ? maint_tz_offset_at (tz, instant) : 0);
  gint64 days = floor_div (local, 86400);
  gint64 secs = local - days * 86400;

  maint_civil_from_days (days, &t.year, &t.month, &t.day);
  t.weekday = maint_weekday_from_days (days);
  t.hour = secs / 3600;
  t.minute = (secs % 3600) / 60;
  t.day_number = days;
  return t;
}

/* Appends "Mon 4 Mar 22:00–22:20 CET" (or "… – Tue 5 Mar 01:00 CEST"
 * across midnight); with @tz NULL, the same in UTC. */
static void
append_range (GString       *out,
              const MaintTz *tz,
              gint64         start,
              gint64         end)
{
  LocalTime a = to_local (tz, start);
  LocalTime b = to_local (tz, end);
  const char *abbr_a = tz != NULL ? maint_tz_abbreviation_at (tz, start) : "UTC";
  const char *abbr_b = tz != NULL ? maint_tz_abbreviation_at (tz, end) : "UTC";

  g_string_append_printf (out, "%s %u %s %02u:%02u",
                          weekday_names[a.weekday], a.day, month_names[a.month - 1],
                          a.hour, a.minute);
  if (g_strcmp0 (abbr_a, abbr_b) != 0)
    {
      g_string_append_c (out, ' ');
      append_text (out, abbr_a);
    }
  if (a.day_number == b.day_number)
    g_string_append_printf (out, "\xe2\x80\x93%02u:%02u ", b.hour, b.minute);
  else
    g_string_append_printf (out, " \xe2\x80\x93 %s %u %s %02u:%02u ",
                            weekday_names[b.weekday], b.day, month_names[b.month - 1],
                            b.hour, b.minute);
  append_text (out, abbr_b);
}

/* The range in the chosen zone and, unless that is UTC, in UTC. */
static void
append_range_both (Svg     *svg,
                   GString *out,
                   gint64   start,
                   gint64   end)
{
  append_range (out, svg->tz, start, end);
  if (!svg->utc)
    {
      g_string_append (out, " (");
      append_range (out, NULL, start, end);
      g_string_append (out, ")");
    }
}

static double
x_at (Svg    *svg,
      gint64  instant)
{
  instant = CLAMP (instant, svg->span_start, svg->span_end);
  return svg->chart_x + (double) (instant - svg->span_start) * svg->px_per_day / 86400.0;
}

/* ------------------------------------------------------------------ */
/* Collecting the rows                                                 */

static Row *
row_get (Svg        *svg,
         const char *name,
         const char *slot_group)
{
  Row *row = g_hash_table_lookup (svg->rows, name);

  if (row != NULL)
    {
      if (row->group == NULL)
        row->group = slot_group;
      return row;
    }

  row = g_new0 (Row, 1);
  row->name = name;
  row->machine = svg->fleet != NULL ? maint_fleet_lookup_machine (svg->fleet, name) : NULL;
  row->slots = g_ptr_array_new ();
  row->downtimes = g_ptr_array_new ();
  row->unscheduled = g_ptr_array_new ();
  if (row->machine != NULL)
    {
      row->group = maint_machine_get_group (row->machine);
      switch (maint_machine_get_kind (row->machine))
        {
        case MAINT_MACHINE_KIND_HOST:
          row->is_host = TRUE;
          row->host = name;
          break;
        case MAINT_MACHINE_KIND_VM:
          row->host = maint_machine_get_host (row->machine);
          break;
        case MAINT_MACHINE_KIND_INFRASTRUCTURE:
        default:
          break;
        }
    }
  else
    row->group = slot_group;
  g_hash_table_insert (svg->rows, (gpointer) name, row);
  return row;
}

static int
compare_slots (gconstpointer a,
               gconstpointer b)
{
  MaintSlot *sa = *(MaintSlot **) a;
  MaintSlot *sb = *(MaintSlot **) b;
  gint64 d = maint_slot_get_start (sa) - maint_slot_get_start (sb);

  if (d != 0)
    return d < 0 ? -1 : 1;
  d = maint_slot_get_end (sa) - maint_slot_get_end (sb);
  return d < 0 ? -1 : d > 0 ? 1 : 0;
}

static int
compare_downtimes (gconstpointer a,
                   gconstpointer b)
{
  MaintHostDowntime *da = *(MaintHostDowntime **) a;
  MaintHostDowntime *db = *(MaintHostDowntime **) b;
  gint64 d = maint_host_downtime_get_start (da) - maint_host_downtime_get_start (db);

  if (d != 0)
    return d < 0 ? -1 : 1;
  return g_strcmp0 (maint_host_downtime_get_host (da), maint_host_downtime_get_host (db));
}

/* Within a section: in host mode the host itself first; then by name. */
static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const Row *ra = *(Row **) a;
  const Row *rb = *(Row **) b;

  if (ra->is_host != rb->is_host)
    return ra->is_host ? -1 : 1;
  return strcmp (ra->name, rb->name);
}

/* Sections by name; the one without a key last. */
static int
compare_sections (gconstpointer a,
                  gconstpointer b)
{
  const Section *sa = *(Section **) a;
  const Section *sb = *(Section **) b;

  if (sa->key == NULL || sb->key == NULL)
    return (sa->key == NULL) - (sb->key == NULL);
  return strcmp (sa->key, sb->key);
}

static int
compare_waves (gconstpointer a,
               gconstpointer b)
{
  const Wave *wa = *(Wave **) a;
  const Wave *wb = *(Wave **) b;
  int c;

  if (wa->start != wb->start)
    return wa->start < wb->start ? -1 : 1;
  if ((c = g_strcmp0 (wa->rollout, wb->rollout)) != 0)
    return c;
  return g_strcmp0 (wa->wave, wb->wave);
}

static const char *
row_section_key (Svg *svg,
                 Row *row)
{
  return svg->grouping == MAINT_SVG_GROUPING_HOST ? row->host : row->group;
}

static void
collect (Svg *svg)
{
  GPtrArray *slots = maint_plan_get_slots (svg->plan);
  GPtrArray *downtimes = maint_plan_get_host_downtime (svg->plan);
  GPtrArray *unscheduled = maint_plan_get_unscheduled (svg->plan);
  GPtrArray *counts = maint_plan_get_reboot_counts (svg->plan);
  g_autoptr(GHashTable) by_key = NULL;
  g_autoptr(GHashTable) waves = NULL;
  Section *none = NULL;
  guint n_rows = 0;

  for (guint i = 0; i < slots->len; i++)
    {
      MaintSlot *slot = g_ptr_array_index (slots, i);
      Row *row = row_get (svg, maint_slot_get_machine (slot), maint_slot_get_group (slot));

      g_ptr_array_add (row->slots, slot);
    }
  for (guint i = 0; i < downtimes->len; i++)
    {
      MaintHostDowntime *downtime = g_ptr_array_index (downtimes, i);
      Row *row = row_get (svg, maint_host_downtime_get_guest (downtime), NULL);

      const char *host = maint_host_downtime_get_host (downtime);
      GPtrArray *guests;

      g_ptr_array_add (row->downtimes, downtime);
      if (row->host == NULL && row->machine == NULL)
        row->host = host;
      if (host == NULL)
        continue;
      guests = g_hash_table_lookup (svg->guests_down, host);
      if (guests == NULL)
        {
          guests = g_ptr_array_new ();
          g_hash_table_insert (svg->guests_down, (gpointer) host, guests);
        }
      g_ptr_array_add (guests, downtime);
    }
  /* A machine the fleet does not know is a host if a guest names it. */
  for (guint i = 0; i < downtimes->len; i++)
    {
      MaintHostDowntime *downtime = g_ptr_array_index (downtimes, i);
      Row *host = g_hash_table_lookup (svg->rows, maint_host_downtime_get_host (downtime));

      if (host != NULL && host->machine == NULL)
        {
          host->is_host = TRUE;
          host->host = host->name;
        }
    }
  for (guint i = 0; i < unscheduled->len; i++)
    {
      MaintUnscheduled *u = g_ptr_array_index (unscheduled, i);
      const char *machine = maint_unscheduled_get_machine (u);

      if (machine != NULL)
        g_ptr_array_add (row_get (svg, machine, NULL)->unscheduled, u);
    }
  for (guint i = 0; i < counts->len; i++)
    {
      MaintRebootCount *count = g_ptr_array_index (counts, i);

      g_hash_table_insert (svg->reboot_counts,
                           (gpointer) maint_reboot_count_get_machine (count), count);
    }

  /* Sections */
  by_key = g_hash_table_new (g_str_hash, g_str_equal);
  {
    GHashTableIter iter;
    gpointer value;

    g_hash_table_iter_init (&iter, svg->rows);
    while (g_hash_table_iter_next (&iter, NULL, &value))
      {
        Row *row = value;
        const char *key = row_section_key (svg, row);
        Section *section = key != NULL ? g_hash_table_lookup (by_key, key) : none;

        g_ptr_array_sort (row->slots, compare_slots);
        g_ptr_array_sort (row->downtimes, compare_downtimes);
        if (section == NULL)
          {
            section = g_new0 (Section, 1);
            section->key = key;
            section->rows = g_ptr_array_new ();
            if (key != NULL && svg->grouping == MAINT_SVG_GROUPING_GROUP && svg->fleet != NULL)
              section->group = maint_fleet_lookup_group (svg->fleet, key);
            if (key != NULL)
              g_hash_table_insert (by_key, (gpointer) key, section);
            else
              none = section;
            g_ptr_array_add (svg->sections, section);
          }
        g_ptr_array_add (section->rows, row);
        n_rows++;
      }
  }
  g_ptr_array_sort (svg->sections, compare_sections);
  for (guint i = 0; i < svg->sections->len; i++)
    {
      Section *section = g_ptr_array_index (svg->sections, i);

      g_ptr_array_sort (section->rows, compare_rows);
      section->n_machines = section->rows->len;
    }
  svg->n_rows = n_rows;

  /* How many machines each section has in the fleet, not only those the
   * plan touches: the aggregate strips show shares of these. */
  if (svg->fleet != NULL)
    {
      GPtrArray *machines = maint_fleet_get_machines (svg->fleet);
      g_autoptr(GHashTable) totals = g_hash_table_new (g_str_hash, g_str_equal);
      guint n_none = 0;

      for (guint i = 0; i < machines->len; i++)
        {
          MaintMachine *machine = g_ptr_array_index (machines, i);
          const char *key;

          if (svg->grouping == MAINT_SVG_GROUPING_GROUP)
            key = maint_machine_get_group (machine);
          else if (maint_machine_get_kind (machine) == MAINT_MACHINE_KIND_HOST)
            key = maint_machine_get_name (machine);
          else if (maint_machine_get_kind (machine) == MAINT_MACHINE_KIND_VM)
            key = maint_machine_get_host (machine);
          else
            key = NULL;
          if (key == NULL)
            n_none++;
          else
            g_hash_table_insert (totals, (gpointer) key,
                                 GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (totals, key)) + 1));
        }
      for (guint i = 0; i < svg->sections->len; i++)
        {
          Section *section = g_ptr_array_index (svg->sections, i);
          guint total = section->key != NULL
            ? GPOINTER_TO_UINT (g_hash_table_lookup (totals, section->key)) : n_none;

          section->n_machines = MAX (section->n_machines, total);
        }
    }

  /* Waves: the span of each wave's slots in this plan. */
  waves = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < slots->len; i++)
    {
      MaintSlot *slot = g_ptr_array_index (slots, i);
      const char *rollout = maint_slot_get_rollout (slot);
      const char *name = maint_slot_get_wave (slot);
      g_autofree char *key = NULL;
      Wave *wave;

      if (name == NULL)
        continue;
      key = g_strconcat (rollout ? rollout : "", "\x1f", name, NULL);
      wave = g_hash_table_lookup (waves, key);
      if (wave == NULL)
        {
          wave = g_new0 (Wave, 1);
          wave->rollout = g_strdup (rollout);
          wave->wave = g_strdup (name);
          wave->start = maint_slot_get_start (slot);
          wave->end = maint_slot_get_end (slot);
          g_hash_table_insert (waves, g_steal_pointer (&key), wave);
          g_ptr_array_add (svg->waves, wave);
        }
      wave->start = MIN (wave->start, maint_slot_get_start (slot));
      wave->end = MAX (wave->end, maint_slot_get_end (slot));
      wave->n_slots++;
    }
  g_ptr_array_sort (svg->waves, compare_waves);
  for (guint i = 1; i < svg->waves->len; i++)
    if (g_strcmp0 (((Wave *) g_ptr_array_index (svg->waves, i))->rollout,
                   ((Wave *) g_ptr_array_index (svg->waves, 0))->rollout) != 0)
      svg->several_rollouts = TRUE;
}

/* ------------------------------------------------------------------ */
/* Layout                                                              */

static const char *
section_title (Svg     *svg,
               Section *section)
{
  if (section->key != NULL)
    return section->key;
  return svg->grouping == MAINT_SVG_GROUPING_HOST ? "(no host)" : "(no group)";
}

/* Characters of a row label that fit the label column. */
static guint
label_chars (Svg *svg)
{
  double room = svg->label_w - (svg->aggregate ? 40.0 : 24.0);

  return MAX (8, (guint) (room / (FONT_SIZE * 0.62)));
}

typedef enum {
  LEGEND_SWATCH,
  LEGEND_OUTLINE,
  LEGEND_HATCH,
  LEGEND_MARK,
  LEGEND_LINE,
  LEGEND_WARN_TEXT,
  LEGEND_CAPTION,
} LegendKind;

typedef struct {
  LegendKind  kind;
  const char *colour;
  const char *label;
} LegendItem;

static gboolean
plan_has (Svg      *svg,
          gboolean (*pred) (MaintSlot *slot, gpointer data),
          gpointer  data)
{
  GPtrArray *slots = maint_plan_get_slots (svg->plan);

  for (guint i = 0; i < slots->len; i++)
    if (pred (g_ptr_array_index (slots, i), data))
      return TRUE;
  return FALSE;
}

static gboolean
slot_has_reboot (MaintSlot *slot,
                 gpointer   data)
{
  return maint_slot_get_reboot (slot) == (MaintRebootKind) GPOINTER_TO_INT (data);
}

static gboolean
slot_is_pinned (MaintSlot *slot,
                gpointer   data)
{
  return maint_slot_get_pinned (slot);
}

static char *bucket_caption (Svg *svg);
static void  find_density_max (Svg *svg);

/* Class k of five covers the counts (k·max/5, (k+1)·max/5]. */
static guint
density_upper (Svg   *svg,
               guint  k)
{
  return (k + 1) * svg->density_max / G_N_ELEMENTS (density_colours);
}

static guint
density_class (Svg   *svg,
               guint  count)
{
  for (guint k = 0; k + 1 < G_N_ELEMENTS (density_colours); k++)
    if (count <= density_upper (svg, k))
      return k;
  return G_N_ELEMENTS (density_colours) - 1;
}

/* "3–4", "5", or NULL for a class no count falls into. Interned, so the
 * legend can hold on to it. */
static const char *
density_label (Svg   *svg,
               guint  k)
{
  guint lower = k > 0 ? density_upper (svg, k - 1) + 1 : 1;
  guint upper = density_upper (svg, k);
  g_autofree char *label = NULL;

  if (lower > upper)
    return NULL;
  if (lower == upper)
    label = g_strdup_printf ("%u", upper);
  else
    label = g_strdup_printf ("%u\xe2\x80\x93%u", lower, upper);
  return g_intern_string (label);
}

static GArray *
legend_items (Svg *svg)
{
  GArray *items = g_array_new (FALSE, FALSE, sizeof (LegendItem));
  gboolean any_unscheduled = maint_plan_get_unscheduled (svg->plan)->len > 0;
  gboolean windows = svg->fleet != NULL &&
    !(svg->aggregate && svg->grouping == MAINT_SVG_GROUPING_HOST);
  LegendItem item;

#define ADD(k, c, l) G_STMT_START { item.kind = (k); item.colour = (c); item.label = (l); \
  g_array_append_val (items, item); } G_STMT_END

  if (windows)
    ADD (LEGEND_SWATCH, C_WINDOW, "maintenance window");
  if (!svg->aggregate)
    {
      if (plan_has (svg, slot_has_reboot, GINT_TO_POINTER (MAINT_REBOOT_KIND_NONE)))
        ADD (LEGEND_SWATCH, C_NONE, "down, no reboot");
      if (plan_has (svg, slot_has_reboot, GINT_TO_POINTER (MAINT_REBOOT_KIND_WARM)))
        ADD (LEGEND_SWATCH, C_WARM, "warm reboot");
      if (plan_has (svg, slot_has_reboot, GINT_TO_POINTER (MAINT_REBOOT_KIND_COLD)))
        ADD (LEGEND_SWATCH, C_COLD, "cold reboot");
      if (plan_has (svg, slot_is_pinned, NULL))
        ADD (LEGEND_OUTLINE, C_PINNED, "pinned (announced)");
      if (maint_plan_get_host_downtime (svg->plan)->len > 0)
        ADD (LEGEND_HATCH, C_HOST, "down for its host\xe2\x80\x99s reboot");
    }
  else
    {
      ADD (LEGEND_CAPTION, NULL, NULL);
      for (guint k = 0; k < G_N_ELEMENTS (density_colours); k++)
        if (density_label (svg, k) != NULL)
          ADD (LEGEND_SWATCH, density_colours[k], density_label (svg, k));
    }
  if (svg->n_host_reboots > 0)
    ADD (LEGEND_MARK, C_HOST, "host reboot");
  if (maint_plan_get_now (svg->plan) > 0)
    ADD (LEGEND_LINE, C_NOW, "now");
  if (any_unscheduled)
    ADD (LEGEND_WARN_TEXT, C_WARN, svg->aggregate ? "has unscheduled activities"
                                                  : "machine with unscheduled activities");
#undef ADD
  return items;
}

static double
legend_item_width (Svg              *svg,
                   const LegendItem *item)
{
  if (item->kind == LEGEND_CAPTION)
    {
      g_autofree char *caption = bucket_caption (svg);
      return text_width (caption, FONT_SIZE) + 8;
    }
  if (item->kind == LEGEND_WARN_TEXT)
    return text_width ("name", FONT_SIZE) + 8 + text_width (item->label, FONT_SIZE) + 18;
  return 20 + text_width (item->label, FONT_SIZE) + 18;
}

/* Lays the legend out in lines no wider than the picture; draws it when
 * @draw. Returns its height. */
static double
legend (Svg      *svg,
        gboolean  draw)
{
  g_autoptr(GArray) items = legend_items (svg);
  double x = MARGIN, y = svg->legend_y;
  double right = svg->width - MARGIN;

  if (draw)
    g_string_append (svg->out, "<g class=\"legend\">\n");
  for (guint i = 0; i < items->len; i++)
    {
      const LegendItem *item = &g_array_index (items, LegendItem, i);
      double w = legend_item_width (svg, item);
      GString *out = svg->out;

      if (x + w > right && x > MARGIN)
        {
          x = MARGIN;
          y += 18;
        }
      if (!draw)
        {
          x += w;
          continue;
        }
      switch (item->kind)
        {
        case LEGEND_CAPTION:
          {
            g_autofree char *caption = bucket_caption (svg);

            g_string_append (out, "<text");
            append_attr_num (out, "x", x);
            append_attr_num (out, "y", y + 9.5);
            g_string_append (out, " fill=\"" C_MUTED "\">");
            append_text (out, caption);
            g_string_append (out, "</text>\n");
            x += w;
            continue;
          }
        case LEGEND_SWATCH:
        case LEGEND_OUTLINE:
        case LEGEND_HATCH:
          g_string_append (out, "<rect");
          append_attr_num (out, "x", x);
          append_attr_num (out, "y", y + 1);
          g_string_append (out, " width=\"14\" height=\"10\" rx=\"2\"");
          if (item->kind == LEGEND_SWATCH)
            g_string_append_printf (out, " fill=\"%s\"", item->colour);
          else if (item->kind == LEGEND_OUTLINE)
            g_string_append (out, " fill=\"#ffffff\" stroke=\"" C_PINNED "\" stroke-width=\"1.4\"");
          else
            g_string_append (out, " fill=\"url(#maint-hatch)\" stroke=\"" C_HOST "\" stroke-width=\"0.6\"");
          g_string_append (out, "/>\n");
          break;
        case LEGEND_MARK:
          g_string_append (out, "<path d=\"M");
          append_num (out, x + 3);
          g_string_append_c (out, ' ');
          append_num (out, y + 2);
          g_string_append (out, "h8l-4 7z\" fill=\"" C_HOST "\"/>\n");
          break;
        case LEGEND_LINE:
          g_string_append (out, "<line");
          append_attr_num (out, "x1", x + 7);
          append_attr_num (out, "x2", x + 7);
          append_attr_num (out, "y1", y - 1);
          append_attr_num (out, "y2", y + 12);
          g_string_append (out, " stroke=\"" C_NOW "\" stroke-width=\"1.5\"/>\n");
          break;
        case LEGEND_WARN_TEXT:
          g_string_append (out, "<text");
          append_attr_num (out, "x", x);
          append_attr_num (out, "y", y + 9.5);
          g_string_append (out, " fill=\"" C_WARN "\">name</text>\n");
          g_string_append (out, "<text");
          append_attr_num (out, "x", x + text_width ("name", FONT_SIZE) + 8);
          append_attr_num (out, "y", y + 9.5);
          g_string_append (out, " fill=\"" C_TEXT "\">");
          append_text (out, item->label);
          g_string_append (out, "</text>\n");
          x += w;
          continue;
        default:
          g_assert_not_reached ();
        }
      g_string_append (out, "<text");
      append_attr_num (out, "x", x + 20);
      append_attr_num (out, "y", y + 9.5);
      g_string_append (out, " fill=\"" C_TEXT "\">");
      append_text (out, item->label);
      g_string_append (out, "</text>\n");
      x += w;
    }
  if (draw)
    g_string_append (svg->out, "</g>\n");
  return y + 12 - svg->legend_y;
}

static gboolean
show_hour_labels (Svg *svg)
{
  return svg->px_per_day >= 150;
}

static int
hour_step (Svg *svg)
{
  if (svg->px_per_day >= 480)
    return 3;
  if (svg->px_per_day >= 60)
    return 6;
  return 0;
}

static char *
wave_label (Svg  *svg,
            Wave *wave)
{
  if (svg->several_rollouts && wave->rollout != NULL)
    return g_strdup_printf ("%s: %s", wave->rollout, wave->wave);
  return g_strdup (wave->wave);
}

static gboolean
layout (Svg     *svg,
        GError **error)
{
  GPtrArray *slots = maint_plan_get_slots (svg->plan);
  GPtrArray *downtimes = maint_plan_get_host_downtime (svg->plan);
  gint64 now = maint_plan_get_now (svg->plan);
  gint64 t0 = G_MAXINT64, t1 = G_MININT64;
  gint64 day_end;
  double max_label = 0, y;
  g_autofree double *lane_end = NULL;
  static const gint64 buckets[] = { 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400 };

  for (guint i = 0; i < slots->len; i++)
    {
      MaintSlot *slot = g_ptr_array_index (slots, i);
      t0 = MIN (t0, maint_slot_get_start (slot));
      t1 = MAX (t1, maint_slot_get_end (slot));
    }
  for (guint i = 0; i < downtimes->len; i++)
    {
      MaintHostDowntime *downtime = g_ptr_array_index (downtimes, i);
      t0 = MIN (t0, maint_host_downtime_get_start (downtime));
      t1 = MAX (t1, maint_host_downtime_get_end (downtime));
    }
  if (now > 0)
    {
      t0 = MIN (t0, now);
      t1 = MAX (t1, now);
    }
  if (t0 == G_MAXINT64)
    t0 = t1 = 0;
  t0 = CLAMP (t0, MAINT_INSTANT_MIN, MAINT_INSTANT_MAX);
  t1 = CLAMP (t1, t0 + 1, MAINT_INSTANT_MAX + 1);

  svg->day0 = local_day (svg, t0);
  day_end = local_day (svg, t1 - 1) + 1;
  svg->n_days = day_end - svg->day0;
  svg->span_start = day_start (svg, svg->day0);
  svg->span_end = day_start (svg, day_end);

  /* About 1800 px across, 220 px a day at most, never narrower than the
   * title and legend need. */
  svg->px_per_day = MIN (220.0, 1800.0 / svg->n_days);
  svg->px_per_day = MAX (svg->px_per_day, MIN_CHART_W / svg->n_days);
  svg->chart_w = (double) (svg->span_end - svg->span_start) * svg->px_per_day / 86400.0;

  svg->aggregate = svg->n_rows > MAINT_SVG_MAX_MACHINE_ROWS;
  for (guint i = 0; i < svg->sections->len; i++)
    {
      Section *section = g_ptr_array_index (svg->sections, i);

      if (svg->aggregate)
        {
          g_autofree char *count = g_strdup_printf ("%u", section->n_machines);
          max_label = MAX (max_label, text_width (section_title (svg, section), FONT_SIZE) +
                           text_width (count, SMALL_SIZE) + 40);
        }
      else
        for (guint j = 0; j < section->rows->len; j++)
          {
            Row *row = g_ptr_array_index (section->rows, j);
            max_label = MAX (max_label, text_width (row->name, FONT_SIZE) + 24);
          }
    }
  svg->label_w = CLAMP (max_label + 8, LABEL_MIN_W, LABEL_MAX_W);
  svg->chart_x = MARGIN + svg->label_w;
  svg->width = svg->chart_x + svg->chart_w + MARGIN;

  for (guint i = 0; i < svg->sections->len; i++)
    {
      Section *section = g_ptr_array_index (svg->sections, i);

      for (guint j = 0; j < section->rows->len; j++)
        {
          Row *row = g_ptr_array_index (section->rows, j);
          if (row->is_host)
            svg->n_host_reboots += row->slots->len;
        }
    }

  /* Aggregate buckets: the shortest that is at least 4 px wide. */
  svg->bucket = buckets[G_N_ELEMENTS (buckets) - 1];
  for (guint i = 0; i < G_N_ELEMENTS (buckets); i++)
    if (buckets[i] * svg->px_per_day / 86400.0 >= 4.0)
      {
        svg->bucket = buckets[i];
        break;
      }

  /* Wave lanes: a wave whose band or label would touch the previous one
   * in a lane goes to the next lane. */
  lane_end = g_new0 (double, svg->waves->len + 1);
  for (guint i = 0; i < svg->waves->len; i++)
    {
      Wave *wave = g_ptr_array_index (svg->waves, i);
      g_autofree char *label = wave_label (svg, wave);
      double x0 = x_at (svg, wave->start);
      double x1 = MAX (x_at (svg, wave->end), x0 + text_width (label, SMALL_SIZE) + 10);
      guint lane = 0;

      while (lane < svg->n_lanes && lane_end[lane] > x0 - 3)
        lane++;
      wave->lane = lane;
      lane_end[lane] = x1;
      svg->n_lanes = MAX (svg->n_lanes, lane + 1);
    }

  if (svg->aggregate)
    find_density_max (svg);

  /* Top to bottom: title, subtitle, legend, waves, calendar, chart,
   * footnotes. */
  svg->legend_y = MARGIN + 58;
  y = svg->legend_y + legend (svg, FALSE) + 18;
  svg->header_y = y;
  if (svg->n_lanes > 0)
    y += svg->n_lanes * LANE_H + 4;
  y += MONTH_H + DAY_H;
  if (show_hour_labels (svg))
    y += HOUR_H;
  if (svg->n_host_reboots > 0)
    y += MARK_LANE_H;
  svg->chart_y = y;
  if (svg->aggregate)
    y += LOAD_H;

  for (guint i = 0; i < svg->sections->len; i++)
    {
      Section *section = g_ptr_array_index (svg->sections, i);

      section->y = y;
      if (svg->aggregate)
        {
          y += AGG_ROW_H;
          continue;
        }
      y += SECTION_H;
      for (guint j = 0; j < section->rows->len; j++)
        {
          Row *row = g_ptr_array_index (section->rows, j);
          row->y = y;
          y += ROW_H;
        }
      y += SECTION_GAP;
    }
  if (svg->sections->len == 0)
    y += 40;
  svg->chart_bottom = y;

  y += 22;
  if (maint_plan_get_unscheduled (svg->plan)->len > 0)
    y += 18 + 15 * MIN (maint_plan_get_unscheduled (svg->plan)->len, MAX_FOOTNOTES + 1);
  svg->height = y + MARGIN - 8;

  /* Windows, per group, over the span. */
  if (svg->fleet != NULL)
    for (guint i = 0; i < svg->sections->len; i++)
      {
        Section *section = g_ptr_array_index (svg->sections, i);

        for (guint j = 0; j < section->rows->len; j++)
          {
            Row *row = g_ptr_array_index (section->rows, j);
            MaintResourceGroup *group;
            MaintIntervalSet *set;

            if (row->group == NULL || g_hash_table_contains (svg->windows, row->group))
              continue;
            group = maint_fleet_lookup_group (svg->fleet, row->group);
            if (group == NULL)
              continue;
            set = maint_resource_group_get_maintenance_intervals (group, svg->span_start,
                                                                  svg->span_end, error);
            if (set == NULL)
              return FALSE;
            g_hash_table_insert (svg->windows, (gpointer) row->group, set);
          }
      }
  return TRUE;
}

static char *
bucket_caption (Svg *svg)
{
  if (svg->bucket % 3600 == 0)
    return g_strdup_printf ("Machines of the %s down per %" G_GINT64_FORMAT "-hour bucket:",
                            svg->grouping == MAINT_SVG_GROUPING_HOST ? "host" : "group",
                            svg->bucket / 3600);
  return g_strdup_printf ("Machines of the %s down per %" G_GINT64_FORMAT "-minute bucket:",
                          svg->grouping == MAINT_SVG_GROUPING_HOST ? "host" : "group",
                          svg->bucket / 60);
}

/* ------------------------------------------------------------------ */
/* Drawing                                                             */

static void
open_rect (GString *out,
           double   x,
           double   y,
           double   w,
           double   h)
{
  g_string_append (out, "<rect");
  append_attr_num (out, "x", x);
  append_attr_num (out, "y", y);
  append_attr_num (out, "width", w);
  append_attr_num (out, "height", h);
}

static void
draw_line (GString    *out,
           double      x1,
           double      y1,
           double      x2,
           double      y2,
           const char *extra)
{
  g_string_append (out, "<line");
  append_attr_num (out, "x1", x1);
  append_attr_num (out, "y1", y1);
  append_attr_num (out, "x2", x2);
  append_attr_num (out, "y2", y2);
  g_string_append_printf (out, " %s/>\n", extra);
}

static void
open_text (GString    *out,
           double      x,
           double      y,
           const char *extra)
{
  g_string_append (out, "<text");
  append_attr_num (out, "x", x);
  append_attr_num (out, "y", y);
  if (extra != NULL)
    g_string_append_printf (out, " %s", extra);
  g_string_append_c (out, '>');
}

static void
draw_title (Svg *svg)
{
  GString *out = svg->out;
  gint64 now = maint_plan_get_now (svg->plan);
  guint n_slots = maint_plan_get_slots (svg->plan)->len;
  guint n_scheduled = maint_plan_get_n_scheduled (svg->plan);
  guint n_unscheduled = maint_plan_get_n_unscheduled (svg->plan);
  guint n_reboots = maint_plan_get_n_reboots (svg->plan);
  g_autoptr(GString) line = g_string_new (NULL);

  open_text (out, MARGIN, MARGIN + 18, "font-size=\"20\" font-weight=\"600\" fill=\"" C_TEXT "\"");
  g_string_append (out, "Maintenance plan</text>\n");

  if (now > 0)
    {
      LocalTime t = to_local (svg->tz, now);

      g_string_append_printf (line, "as of %s %u %s %" G_GINT64_FORMAT " %02u:%02u %s",
                              weekday_names[t.weekday], t.day, month_names[t.month - 1],
                              t.year, t.hour, t.minute,
                              maint_tz_abbreviation_at (svg->tz, now));
      g_string_append (line, "  \xc2\xb7  ");
    }
  g_string_append_printf (line, "%u activit%s in %u slot%s on %u machine%s",
                          n_scheduled, n_scheduled == 1 ? "y" : "ies",
                          n_slots, n_slots == 1 ? "" : "s",
                          svg->n_rows, svg->n_rows == 1 ? "" : "s");
  g_string_append_printf (line, "  \xc2\xb7  %u unscheduled", n_unscheduled);
  g_string_append_printf (line, "  \xc2\xb7  %u reboot%s (%u saved)",
                          n_reboots, n_reboots == 1 ? "" : "s",
                          maint_plan_get_n_reboots_saved (svg->plan));
  g_string_append (line, "  \xc2\xb7  times in ");
  g_string_append (line, maint_tz_get_name (svg->tz));
  if (svg->aggregate)
    g_string_append_printf (line, "  \xc2\xb7  one row per %s",
                            svg->grouping == MAINT_SVG_GROUPING_HOST ? "host" : "group");

  open_text (out, MARGIN, MARGIN + 40, "font-size=\"12\" fill=\"" C_MUTED "\"");
  append_text (out, line->str);
  g_string_append (out, "</text>\n");
}

/* Day columns (weekends tinted), day and month labels, hour ticks. */
static void
draw_calendar (Svg *svg)
{
  GString *out = svg->out;
  double top = svg->header_y + (svg->n_lanes > 0 ? svg->n_lanes * LANE_H + 4 : 0);
  double day_y = top + MONTH_H;
  double grid_top = day_y;
  double bottom = svg->chart_bottom;
  double month_end = -1;
  int step = hour_step (svg);

  g_string_append (out, "<g class=\"calendar\">\n");
  for (gint64 d = svg->day0; d < svg->day0 + svg->n_days; d++)
    {
      gint64 start = day_start (svg, d);
      gint64 end = day_start (svg, d + 1);
      double x0 = x_at (svg, start), x1 = x_at (svg, end);
      LocalTime t = to_local (svg->tz, start);
      gboolean weekend = t.weekday >= 5;
      const char *abbr0 = maint_tz_abbreviation_at (svg->tz, start);
      const char *abbr1 = maint_tz_abbreviation_at (svg->tz, end - 1);
      g_autofree char *label = NULL;

      /* The day's column carries its tooltip; its width is the day's
       * real length, so a DST day is narrower or wider. */
      g_string_append_printf (out, "<g class=\"day\" data-date=\"%04" G_GINT64_FORMAT "-%02u-%02u\">",
                              t.year, t.month, t.day);
      g_string_append (out, "<title>");
      g_string_append_printf (out, "%s %u %s %" G_GINT64_FORMAT ": ",
                              weekday_names[t.weekday], t.day, month_names[t.month - 1], t.year);
      append_num (out, (double) (end - start) / 3600.0);
      g_string_append (out, " h");
      if (strcmp (abbr0, abbr1) != 0)
        {
          g_string_append (out, ", ");
          append_text (out, abbr0);
          g_string_append (out, " \xe2\x86\x92 ");
          append_text (out, abbr1);
        }
      else
        {
          g_string_append (out, ", ");
          append_text (out, abbr0);
        }
      g_string_append (out, "</title>");
      open_rect (out, x0, grid_top, x1 - x0, bottom - grid_top);
      g_string_append_printf (out, " fill=\"%s\"/>", weekend ? C_WEEKEND : "#ffffff");

      if (svg->px_per_day >= 80)
        label = g_strdup_printf ("%s %u %s", weekday_names[t.weekday], t.day, month_names[t.month - 1]);
      else if (svg->px_per_day >= 44)
        label = g_strdup_printf ("%s %u", weekday_names[t.weekday], t.day);
      else if (svg->px_per_day >= 16)
        label = g_strdup_printf ("%u", t.day);
      if (label != NULL)
        {
          open_text (out, (x0 + x1) / 2, day_y + 13,
                     weekend ? "text-anchor=\"middle\" fill=\"" C_MUTED "\""
                             : "text-anchor=\"middle\" fill=\"" C_TEXT "\"");
          g_string_append (out, label);
          g_string_append (out, "</text>");
        }
      g_string_append (out, "</g>\n");

      /* Month and year at the first day and on each first of a month. */
      if ((d == svg->day0 || t.day == 1) && x0 >= month_end)
        {
          g_autofree char *month = g_strdup_printf ("%s %" G_GINT64_FORMAT,
                                                    month_long_names[t.month - 1], t.year);
          open_text (out, x0 + 3, top + 10, "font-size=\"10\" font-weight=\"600\" fill=\"" C_MUTED "\"");
          g_string_append (out, month);
          g_string_append (out, "</text>\n");
          month_end = x0 + text_width (month, SMALL_SIZE) + 12;
        }
    }

  /* Hour ticks at local hours: faint lines over the chart, labels under
   * the day names when there is room. */
  if (step > 0)
    for (gint64 d = svg->day0; d < svg->day0 + svg->n_days; d++)
      for (int h = step; h < 24; h += step)
        {
          gint64 at = local_time_at (svg, d, h);
          double x = x_at (svg, at);

          draw_line (out, x, svg->chart_y, x, bottom, "stroke=\"" C_GRID_FAINT "\" stroke-width=\"1\"");
          if (show_hour_labels (svg))
            {
              open_text (out, x, day_y + DAY_H + 9,
                         "font-size=\"9\" text-anchor=\"middle\" fill=\"" C_MUTED "\"");
              g_string_append_printf (out, "%02d", h);
              g_string_append (out, "</text>\n");
            }
        }

  /* Day boundaries. */
  if (svg->px_per_day >= 6)
    for (gint64 d = svg->day0; d <= svg->day0 + svg->n_days; d++)
      {
        double x = x_at (svg, day_start (svg, d));
        draw_line (out, x, grid_top, x, bottom, "stroke=\"" C_GRID "\" stroke-width=\"1\"");
      }
  g_string_append (out, "</g>\n");
}

static void
draw_waves (Svg *svg)
{
  GString *out = svg->out;

  if (svg->waves->len == 0)
    return;

  g_string_append (out, "<g class=\"waves\">\n");
  open_text (out, MARGIN, svg->header_y + 12.5, "font-size=\"10\" fill=\"" C_MUTED "\"");
  g_string_append (out, "waves</text>\n");
  for (guint i = 0; i < svg->waves->len; i++)
    {
      Wave *wave = g_ptr_array_index (svg->waves, i);
      g_autofree char *label = wave_label (svg, wave);
      double y = svg->header_y + wave->lane * LANE_H;
      double x0 = x_at (svg, wave->start);
      double x1 = MAX (x_at (svg, wave->end), x0 + MIN_BAR_W);

      g_string_append (out, "<g class=\"wave\"><title>");
      g_string_append (out, "Wave ");
      append_text (out, label);
      g_string_append_printf (out, ": %u slot%s\n", wave->n_slots, wave->n_slots == 1 ? "" : "s");
      append_range_both (svg, out, wave->start, wave->end);
      g_string_append (out, "</title>");
      open_rect (out, x0, y + 2, x1 - x0, LANE_H - 4);
      g_string_append (out, " rx=\"3\" fill=\"" C_WAVE "\" stroke=\"" C_WAVE_EDGE "\" stroke-width=\"1\"/>");
      open_text (out, x0 + 5, y + 12.5, "font-size=\"10\" fill=\"" C_TEXT "\"");
      append_text (out, label);
      g_string_append (out, "</text></g>\n");
    }
  g_string_append (out, "</g>\n");
}

/* Triangles above the chart where hosts go down; every guest of theirs
 * goes down with them. */
static void
draw_host_marks (Svg *svg)
{
  GString *out = svg->out;
  double y = svg->chart_y - MARK_LANE_H;

  if (svg->n_host_reboots == 0)
    return;

  g_string_append (out, "<g class=\"host-reboots\">\n");
  open_text (out, MARGIN, y + 9, "font-size=\"10\" fill=\"" C_MUTED "\"");
  g_string_append (out, "host reboots</text>\n");
  for (guint i = 0; i < svg->sections->len; i++)
    {
      Section *section = g_ptr_array_index (svg->sections, i);

      for (guint j = 0; j < section->rows->len; j++)
        {
          Row *row = g_ptr_array_index (section->rows, j);

          if (!row->is_host)
            continue;
          GPtrArray *guests = g_hash_table_lookup (svg->guests_down, row->name);

          for (guint k = 0; k < row->slots->len; k++)
            {
              MaintSlot *slot = g_ptr_array_index (row->slots, k);
              gint64 start = maint_slot_get_start (slot), end = maint_slot_get_end (slot);
              guint n_guests = 0;

              for (guint m = 0; guests != NULL && m < guests->len; m++)
                {
                  MaintHostDowntime *downtime = g_ptr_array_index (guests, m);

                  if (maint_host_downtime_get_start (downtime) < end &&
                      maint_host_downtime_get_end (downtime) > start)
                    n_guests++;
                }
              g_string_append (out, "<path class=\"host-reboot\" d=\"M");
              append_num (out, x_at (svg, start) - 4);
              g_string_append_c (out, ' ');
              append_num (out, y + 1);
              g_string_append (out, "h8l-4 7z\" fill=\"" C_HOST "\"><title>");
              append_text (out, row->name);
              g_string_append (out, " reboots\n");
              append_range_both (svg, out, start, end);
              g_string_append_printf (out, "\n%u guest%s down with it</title></path>\n",
                                      n_guests, n_guests == 1 ? "" : "s");
            }
        }
    }
  g_string_append (out, "</g>\n");
}

/* Shades the windows of @group over the rows from @y0 to @y1. */
static void
draw_windows (Svg        *svg,
              const char *group,
              double      y0,
              double      y1)
{
  GString *out = svg->out;
  MaintIntervalSet *set = group != NULL ? g_hash_table_lookup (svg->windows, group) : NULL;
  guint n = set != NULL ? maint_interval_set_get_n_intervals (set) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MaintInterval) interval = maint_interval_set_get_interval (set, i);
      gint64 start = MAX (maint_interval_get_start (interval), svg->span_start);
      gint64 end = MIN (maint_interval_get_end (interval), svg->span_end);
      double x0, x1;

      if (end <= start)
        continue;
      x0 = x_at (svg, start);
      x1 = x_at (svg, end);
      g_string_append (out, "<rect class=\"window\"");
      append_attr_num (out, "x", x0);
      append_attr_num (out, "y", y0);
      append_attr_num (out, "width", MAX (x1 - x0, 1.0));
      append_attr_num (out, "height", y1 - y0);
      g_string_append (out, " fill=\"" C_WINDOW "\"><title>");
      append_text (out, group);
      g_string_append (out, ": maintenance window\n");
      append_range_both (svg, out, start, end);
      g_string_append (out, "</title></rect>\n");
    }
}

static void
append_unscheduled_list (Svg     *svg,
                         GString *out,
                         Row     *row)
{
  for (guint i = 0; i < row->unscheduled->len; i++)
    {
      MaintUnscheduled *u = g_ptr_array_index (row->unscheduled, i);

      g_string_append (out, "\nunscheduled: ");
      append_text (out, maint_unscheduled_get_activity (u));
      g_string_append_printf (out, " (%s)", maint_json_enum_nick (MAINT_TYPE_UNSCHEDULED_REASON,
                                                       maint_unscheduled_get_reason (u)));
    }
}

static void
draw_row_label (Svg *svg,
                Row *row)
{
  GString *out = svg->out;
  MaintRebootCount *count = g_hash_table_lookup (svg->reboot_counts, row->name);
  gboolean warn = row->unscheduled->len > 0;

  open_text (out, MARGIN + 10, row->y + 12,
             warn ? "class=\"machine\" fill=\"" C_WARN "\"" : "class=\"machine\" fill=\"" C_TEXT "\"");
  /* In host mode the host leads its guests. */
  if (row->is_host && svg->grouping == MAINT_SVG_GROUPING_HOST)
    {
      g_string_truncate (out, out->len - 1);
      g_string_append (out, " font-weight=\"600\">");
    }
  g_string_append (out, "<title>");
  append_text (out, row->name);
  if (row->machine != NULL)
    {
      g_string_append_printf (out, "\n%s", maint_json_enum_nick (MAINT_TYPE_MACHINE_KIND,
                                                      maint_machine_get_kind (row->machine)));
      if (maint_machine_get_host (row->machine) != NULL)
        {
          g_string_append (out, " on ");
          append_text (out, maint_machine_get_host (row->machine));
        }
    }
  if (row->group != NULL)
    {
      g_string_append (out, "\ngroup ");
      append_text (out, row->group);
    }
  if (count != NULL)
    g_string_append_printf (out, "\nreboots: %u own + %u by host = %u (%u saved)",
                            maint_reboot_count_get_own (count),
                            maint_reboot_count_get_host (count),
                            maint_reboot_count_get_total (count),
                            maint_reboot_count_get_saved (count));
  append_unscheduled_list (svg, out, row);
  g_string_append (out, "</title>");
  append_text_cut (out, row->name, label_chars (svg));
  g_string_append (out, "</text>\n");
}

static void
draw_slot (Svg       *svg,
           Row       *row,
           MaintSlot *slot)
{
  GString *out = svg->out;
  gint64 start = maint_slot_get_start (slot), end = maint_slot_get_end (slot);
  double x0 = x_at (svg, start);
  double w = MAX (x_at (svg, end) - x0, MIN_BAR_W);
  const char * const *activities = maint_slot_get_activities (slot);
  const char *colour;

  switch (maint_slot_get_reboot (slot))
    {
    case MAINT_REBOOT_KIND_COLD: colour = C_COLD; break;
    case MAINT_REBOOT_KIND_WARM: colour = C_WARM; break;
    case MAINT_REBOOT_KIND_NONE:
    default: colour = C_NONE; break;
    }

  g_string_append (out, "<rect class=\"slot\"");
  append_attr_num (out, "x", x0);
  append_attr_num (out, "y", row->y + (ROW_H - BAR_H) / 2);
  append_attr_num (out, "width", w);
  append_attr_num (out, "height", BAR_H);
  g_string_append_printf (out, " rx=\"1.5\" fill=\"%s\"", colour);
  if (maint_slot_get_pinned (slot))
    g_string_append (out, " stroke=\"" C_PINNED "\" stroke-width=\"1.4\"");
  g_string_append (out, "><title>");
  append_text (out, row->name);
  if (row->group != NULL)
    {
      g_string_append (out, " \xc2\xb7 ");
      append_text (out, row->group);
    }
  g_string_append_c (out, '\n');
  append_range_both (svg, out, start, end);
  for (guint i = 0; activities != NULL && activities[i] != NULL; i++)
    {
      g_autoptr(MaintActivity) activity = svg->fleet != NULL
        ? maint_fleet_resolve_activity (svg->fleet, activities[i]) : NULL;

      g_string_append (out, "\n\xe2\x80\xa2 ");
      append_text (out, activities[i]);
      if (activity != NULL)
        {
          g_string_append_printf (out, " %s", maint_json_enum_nick (MAINT_TYPE_ACTIVITY_KIND,
                                                         maint_activity_get_kind (activity)));
          if (maint_activity_get_summary (activity) != NULL)
            {
              g_string_append (out, ": ");
              append_text (out, maint_activity_get_summary (activity));
            }
        }
    }
  g_string_append_printf (out, "\nreboot: %s", maint_json_enum_nick (MAINT_TYPE_REBOOT_KIND,
                                                          maint_slot_get_reboot (slot)));
  if (maint_slot_get_wave (slot) != NULL)
    {
      g_string_append (out, " \xc2\xb7 wave ");
      if (maint_slot_get_rollout (slot) != NULL)
        {
          append_text (out, maint_slot_get_rollout (slot));
          g_string_append (out, " / ");
        }
      append_text (out, maint_slot_get_wave (slot));
    }
  if (maint_slot_get_pinned (slot))
    g_string_append (out, " \xc2\xb7 pinned (announced)");
  g_string_append (out, "</title></rect>\n");
}

static void
draw_host_downtime (Svg               *svg,
                    Row               *row,
                    MaintHostDowntime *downtime)
{
  GString *out = svg->out;
  gint64 start = maint_host_downtime_get_start (downtime);
  gint64 end = maint_host_downtime_get_end (downtime);
  double x0 = x_at (svg, start);

  g_string_append (out, "<rect class=\"host-downtime\"");
  append_attr_num (out, "x", x0);
  append_attr_num (out, "y", row->y + (ROW_H - BAR_H) / 2);
  append_attr_num (out, "width", MAX (x_at (svg, end) - x0, MIN_BAR_W));
  append_attr_num (out, "height", BAR_H);
  g_string_append (out, " rx=\"1.5\" fill=\"url(#maint-hatch)\" stroke=\"" C_HOST "\" stroke-width=\"0.6\"><title>");
  append_text (out, row->name);
  g_string_append (out, " is down while its host ");
  append_text (out, maint_host_downtime_get_host (downtime));
  g_string_append (out, " reboots\n");
  append_range_both (svg, out, start, end);
  g_string_append (out, "</title></rect>\n");
}

static void
draw_section_header (Svg     *svg,
                     Section *section)
{
  GString *out = svg->out;
  const char *title = section_title (svg, section);
  g_autoptr(GString) details = g_string_new (NULL);
  /* Bold DejaVu Sans is about an eighth wider than regular. */
  double x = MARGIN + MIN (text_width (title, 12.0) * 1.12, 600.0) + 12;

  draw_line (out, MARGIN, section->y + 0.5, svg->chart_x + svg->chart_w, section->y + 0.5,
             "stroke=\"" C_GRID "\" stroke-width=\"1\"");

  open_text (out, MARGIN, section->y + 16,
             "class=\"section\" font-size=\"12\" font-weight=\"600\" fill=\"" C_TEXT "\" "
             "stroke=\"#ffffff\" stroke-width=\"3\" stroke-linejoin=\"round\" paint-order=\"stroke\"");
  append_text_cut (out, title, 80);
  g_string_append (out, "</text>\n");

  if (section->group != NULL)
    {
      GPtrArray *windows = maint_resource_group_get_windows (section->group);
      g_autofree char *notice = maint_duration_format (maint_resource_group_get_notice (section->group));

      g_string_append (details, maint_resource_group_get_timezone (section->group));
      g_string_append (details, " \xc2\xb7 ");
      for (guint i = 0; i < windows->len; i++)
        {
          g_autofree char *spec = maint_window_spec_to_string (g_ptr_array_index (windows, i));

          if (i > 0)
            g_string_append (details, ", ");
          g_string_append (details, spec);
        }
      if (windows->len == 0)
        g_string_append (details, "no windows");
      g_string_append_printf (details, " \xc2\xb7 notice %s \xc2\xb7 ", notice ? notice : "?");
    }
  else if (svg->grouping == MAINT_SVG_GROUPING_HOST && section->key != NULL)
    g_string_append (details, "host and guests \xc2\xb7 ");
  g_string_append_printf (details, "%u of %u machine%s", section->rows->len, section->n_machines,
                          section->n_machines == 1 ? "" : "s");

  open_text (out, x, section->y + 16,
             "font-size=\"10\" fill=\"" C_MUTED "\" "
             "stroke=\"#ffffff\" stroke-width=\"3\" stroke-linejoin=\"round\" paint-order=\"stroke\"");
  append_text_cut (out, details->str, 160);
  g_string_append (out, "</text>\n");
}

/* Runs of rows with the same group share one shaded rectangle per window. */
static void
draw_section_windows (Svg     *svg,
                      Section *section)
{
  guint j = 0;

  while (j < section->rows->len)
    {
      Row *first = g_ptr_array_index (section->rows, j);
      guint k = j + 1;

      while (k < section->rows->len &&
             g_strcmp0 (((Row *) g_ptr_array_index (section->rows, k))->group, first->group) == 0)
        k++;
      draw_windows (svg, first->group, first->y,
                    ((Row *) g_ptr_array_index (section->rows, k - 1))->y + ROW_H);
      j = k;
    }
}

static void
draw_machines (Svg *svg)
{
  GString *out = svg->out;

  for (guint i = 0; i < svg->sections->len; i++)
    {
      Section *section = g_ptr_array_index (svg->sections, i);

      g_string_append (out, "<g class=\"group\">\n");
      draw_section_windows (svg, section);
      for (guint j = 1; j < section->rows->len; j++)
        {
          Row *row = g_ptr_array_index (section->rows, j);
          draw_line (out, svg->chart_x, row->y, svg->chart_x + svg->chart_w, row->y,
                     "stroke=\"" C_ROW_LINE "\" stroke-width=\"1\"");
        }
      draw_section_header (svg, section);
      for (guint j = 0; j < section->rows->len; j++)
        {
          Row *row = g_ptr_array_index (section->rows, j);

          draw_row_label (svg, row);
          for (guint k = 0; k < row->downtimes->len; k++)
            draw_host_downtime (svg, row, g_ptr_array_index (row->downtimes, k));
          for (guint k = 0; k < row->slots->len; k++)
            draw_slot (svg, row, g_ptr_array_index (row->slots, k));
        }
      g_string_append (out, "</g>\n");
    }
}

/* Marks the buckets [start, end) touches for machine @stamp, counting each
 * machine once per bucket. */
static void
count_buckets (Svg    *svg,
               gint64  start,
               gint64  end,
               guint   stamp,
               guint  *stamps,
               guint  *counts,
               gsize   n_buckets)
{
  gint64 b0, b1;

  if (end <= start)
    return;
  b0 = floor_div (MAX (start, svg->span_start) - svg->span_start, svg->bucket);
  b1 = floor_div (MIN (end, svg->span_end) - 1 - svg->span_start, svg->bucket);
  for (gint64 b = MAX (b0, 0); b <= b1 && b < (gint64) n_buckets; b++)
    if (stamps[b] != stamp)
      {
        stamps[b] = stamp;
        counts[b]++;
      }
}

/* Counts, per bucket, the machines of @section that are down at some time
 * in it, and those of them down for a host reboot. */
static void
section_counts (Svg     *svg,
                Section *section,
                gsize    n_buckets,
                guint   *counts,
                guint   *host_counts,
                guint   *stamps,
                guint   *host_stamps)
{
  memset (counts, 0, n_buckets * sizeof (guint));
  memset (host_counts, 0, n_buckets * sizeof (guint));
  memset (stamps, 0, n_buckets * sizeof (guint));
  memset (host_stamps, 0, n_buckets * sizeof (guint));
  for (guint j = 0; j < section->rows->len; j++)
    {
      Row *row = g_ptr_array_index (section->rows, j);

      for (guint k = 0; k < row->slots->len; k++)
        {
          MaintSlot *slot = g_ptr_array_index (row->slots, k);
          count_buckets (svg, maint_slot_get_start (slot), maint_slot_get_end (slot),
                         j + 1, stamps, counts, n_buckets);
        }
      for (guint k = 0; k < row->downtimes->len; k++)
        {
          MaintHostDowntime *downtime = g_ptr_array_index (row->downtimes, k);
          gint64 start = maint_host_downtime_get_start (downtime);
          gint64 end = maint_host_downtime_get_end (downtime);

          count_buckets (svg, start, end, j + 1, stamps, counts, n_buckets);
          count_buckets (svg, start, end, j + 1, host_stamps, host_counts, n_buckets);
        }
    }
}

static gsize
n_buckets_of (Svg *svg)
{
  return (svg->span_end - svg->span_start + svg->bucket - 1) / svg->bucket;
}

/* The largest count of any cell, for the colour classes and the legend. */
static void
find_density_max (Svg *svg)
{
  gsize n_buckets = n_buckets_of (svg);
  g_autofree guint *counts = g_new0 (guint, n_buckets);
  g_autofree guint *host_counts = g_new0 (guint, n_buckets);
  g_autofree guint *stamps = g_new0 (guint, n_buckets);
  g_autofree guint *host_stamps = g_new0 (guint, n_buckets);

  svg->density_max = 1;
  for (guint i = 0; i < svg->sections->len; i++)
    {
      section_counts (svg, g_ptr_array_index (svg->sections, i), n_buckets,
                      counts, host_counts, stamps, host_stamps);
      for (gsize b = 0; b < n_buckets; b++)
        svg->density_max = MAX (svg->density_max, counts[b]);
    }
}

static void
draw_aggregate (Svg *svg)
{
  GString *out = svg->out;
  gsize n_buckets = n_buckets_of (svg);
  g_autofree guint *counts = g_new0 (guint, n_buckets);
  g_autofree guint *host_counts = g_new0 (guint, n_buckets);
  g_autofree guint *stamps = g_new0 (guint, n_buckets);
  g_autofree guint *host_stamps = g_new0 (guint, n_buckets);
  gboolean windows = svg->grouping == MAINT_SVG_GROUPING_GROUP;

  for (guint i = 0; i < svg->sections->len; i++)
    {
      Section *section = g_ptr_array_index (svg->sections, i);
      const char *title = section_title (svg, section);
      gboolean warn = FALSE;
      gsize b = 0;

      section_counts (svg, section, n_buckets, counts, host_counts, stamps, host_stamps);
      for (guint j = 0; j < section->rows->len; j++)
        warn = warn || ((Row *) g_ptr_array_index (section->rows, j))->unscheduled->len > 0;

      g_string_append (out, "<g class=\"group\">\n");
      if (i > 0)
        draw_line (out, MARGIN, section->y, svg->chart_x + svg->chart_w, section->y,
                   "stroke=\"" C_ROW_LINE "\" stroke-width=\"1\"");
      if (windows)
        draw_windows (svg, section->key, section->y + 1, section->y + AGG_ROW_H);

      open_text (out, MARGIN, section->y + 11,
                 warn ? "class=\"section\" fill=\"" C_WARN "\"" : "class=\"section\" fill=\"" C_TEXT "\"");
      g_string_append (out, "<title>");
      append_text (out, title);
      g_string_append_printf (out, "\n%u of %u machine%s with downtime in this plan",
                              section->rows->len, section->n_machines,
                              section->n_machines == 1 ? "" : "s");
      for (guint j = 0; j < section->rows->len; j++)
        append_unscheduled_list (svg, out, g_ptr_array_index (section->rows, j));
      g_string_append (out, "</title>");
      append_text_cut (out, title, label_chars (svg));
      g_string_append (out, "</text>\n");
      open_text (out, svg->chart_x - 8, section->y + 11,
                 "font-size=\"10\" text-anchor=\"end\" fill=\"" C_MUTED "\"");
      g_string_append_printf (out, "%u</text>\n", section->n_machines);

      /* One cell per run of buckets with the same counts. */
      while (b < n_buckets)
        {
          gsize e = b + 1;
          gint64 start, end;
          double x0, x1;
          guint klass;

          if (counts[b] == 0)
            {
              b++;
              continue;
            }
          while (e < n_buckets && counts[e] == counts[b] && host_counts[e] == host_counts[b])
            e++;
          start = svg->span_start + (gint64) b * svg->bucket;
          end = MIN (svg->span_start + (gint64) e * svg->bucket, svg->span_end);
          x0 = x_at (svg, start);
          x1 = x_at (svg, end);
          klass = density_class (svg, counts[b]);

          g_string_append_printf (out, "<rect class=\"density\" data-down=\"%u\"", counts[b]);
          append_attr_num (out, "x", x0);
          append_attr_num (out, "y", section->y + (AGG_ROW_H - AGG_BAR_H) / 2);
          append_attr_num (out, "width", MAX (x1 - x0, 1.0));
          append_attr_num (out, "height", AGG_BAR_H);
          g_string_append_printf (out, " fill=\"%s\"><title>", density_colours[klass]);
          append_text (out, title);
          g_string_append_printf (out, ": %u of %u machine%s down", counts[b], section->n_machines,
                                  section->n_machines == 1 ? "" : "s");
          if (host_counts[b] > 0)
            g_string_append_printf (out, " (%u for a host reboot)", host_counts[b]);
          g_string_append_c (out, '\n');
          append_range_both (svg, out, start, end);
          g_string_append (out, "</title></rect>\n");
          b = e;
        }
      g_string_append (out, "</g>\n");
    }
}

typedef struct {
  gint64 at;
  int    delta;
} LoadEvent;

static int
compare_load_events (gconstpointer a,
                     gconstpointer b)
{
  const LoadEvent *ea = a, *eb = b;

  if (ea->at != eb->at)
    return ea->at < eb->at ? -1 : 1;
  /* An end before a start at the same instant: back to back is not
   * overlapping. */
  return ea->delta - eb->delta;
}

static int
compare_intervals (gconstpointer a,
                   gconstpointer b)
{
  const gint64 *ia = a, *ib = b;

  if (ia[0] != ib[0])
    return ia[0] < ib[0] ? -1 : 1;
  return ia[1] < ib[1] ? -1 : ia[1] > ib[1];
}

/* The fleet's load above the aggregated rows: for each bucket, the most
 * machines down at one instant (a sweep over every machine's merged
 * downtime), against the policy's fleet-wide limit. */
static void
draw_load (Svg *svg)
{
  GString *out = svg->out;
  gsize n_buckets = (svg->span_end - svg->span_start + svg->bucket - 1) / svg->bucket;
  g_autofree guint *peak = g_new0 (guint, n_buckets);
  g_autoptr(GArray) events = g_array_new (FALSE, FALSE, sizeof (LoadEvent));
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (gint64) * 2);
  MaintPolicy *policy = svg->fleet != NULL ? maint_fleet_get_policy (svg->fleet) : NULL;
  guint limit = policy != NULL ? maint_policy_get_max_concurrent (policy) : 0;
  guint peak_max = 0, level = 0;
  double base = svg->chart_y + LOAD_H - 8, h_max = LOAD_H - 16, scale;
  gsize b = 0;

  for (guint i = 0; i < svg->sections->len; i++)
    {
      Section *section = g_ptr_array_index (svg->sections, i);

      for (guint j = 0; j < section->rows->len; j++)
        {
          Row *row = g_ptr_array_index (section->rows, j);
          gint64 cur[2] = { 0, 0 };

          g_array_set_size (spans, 0);
          for (guint k = 0; k < row->slots->len; k++)
            {
              MaintSlot *slot = g_ptr_array_index (row->slots, k);
              gint64 span[2] = { maint_slot_get_start (slot), maint_slot_get_end (slot) };
              g_array_append_val (spans, span);
            }
          for (guint k = 0; k < row->downtimes->len; k++)
            {
              MaintHostDowntime *downtime = g_ptr_array_index (row->downtimes, k);
              gint64 span[2] = { maint_host_downtime_get_start (downtime),
                                 maint_host_downtime_get_end (downtime) };
              g_array_append_val (spans, span);
            }
          g_array_sort (spans, compare_intervals);
          /* A machine counts once, however many of its downtimes overlap. */
          for (guint k = 0; k <= spans->len; k++)
            {
              gint64 *span = k < spans->len ? &g_array_index (spans, gint64, 2 * k) : NULL;

              if (span != NULL && span[1] <= span[0])
                continue;
              if (span != NULL && cur[1] > cur[0] && span[0] <= cur[1])
                {
                  cur[1] = MAX (cur[1], span[1]);
                  continue;
                }
              if (cur[1] > cur[0])
                {
                  LoadEvent up = { cur[0], +1 }, down = { cur[1], -1 };
                  g_array_append_val (events, up);
                  g_array_append_val (events, down);
                }
              if (span != NULL)
                {
                  cur[0] = span[0];
                  cur[1] = span[1];
                }
            }
        }
    }
  g_array_sort (events, compare_load_events);
  for (guint i = 0; i + 1 < events->len; i++)
    {
      LoadEvent *e = &g_array_index (events, LoadEvent, i);
      gint64 next = g_array_index (events, LoadEvent, i + 1).at;
      gint64 b0, b1;

      level += e->delta;
      if (level == 0 || next <= e->at)
        continue;
      b0 = floor_div (MAX (e->at, svg->span_start) - svg->span_start, svg->bucket);
      b1 = floor_div (MIN (next, svg->span_end) - 1 - svg->span_start, svg->bucket);
      for (gint64 k = MAX (b0, 0); k <= b1 && k < (gint64) n_buckets; k++)
        peak[k] = MAX (peak[k], level);
    }
  for (gsize k = 0; k < n_buckets; k++)
    peak_max = MAX (peak_max, peak[k]);
  scale = MAX (MAX (peak_max, limit), 1);

  g_string_append (out, "<g class=\"load\">\n");
  open_text (out, MARGIN, svg->chart_y + 20, "font-weight=\"600\" fill=\"" C_TEXT "\"");
  g_string_append (out, "<title>The most machines of the whole fleet down at one instant in each bucket</title>");
  g_string_append (out, "all machines</text>\n");
  open_text (out, MARGIN, svg->chart_y + 34, "font-size=\"10\" fill=\"" C_MUTED "\"");
  g_string_append_printf (out, "at most %u down at once", peak_max);
  g_string_append (out, "</text>\n");

  while (b < n_buckets)
    {
      gsize e = b + 1;
      gint64 start, end;
      double x0, x1, h;

      if (peak[b] == 0)
        {
          b++;
          continue;
        }
      while (e < n_buckets && peak[e] == peak[b])
        e++;
      start = svg->span_start + (gint64) b * svg->bucket;
      end = MIN (svg->span_start + (gint64) e * svg->bucket, svg->span_end);
      x0 = x_at (svg, start);
      x1 = x_at (svg, end);
      h = MAX (peak[b] / scale * h_max, 1.5);
      g_string_append_printf (out, "<rect class=\"load\" data-down=\"%u\"", peak[b]);
      append_attr_num (out, "x", x0);
      append_attr_num (out, "y", base - h);
      append_attr_num (out, "width", MAX (x1 - x0, 1.0));
      append_attr_num (out, "height", h);
      g_string_append_printf (out, " fill=\"%s\"><title>", peak[b] > limit && limit > 0 ? C_WARN : C_LOAD);
      g_string_append_printf (out, "at most %u machine%s down at once\n", peak[b], peak[b] == 1 ? "" : "s");
      append_range_both (svg, out, start, end);
      g_string_append (out, "</title></rect>\n");
      b = e;
    }
  draw_line (out, svg->chart_x, base, svg->chart_x + svg->chart_w, base,
             "stroke=\"" C_GRID "\" stroke-width=\"1\"");
  if (limit > 0)
    {
      double y = base - limit / scale * h_max;

      draw_line (out, svg->chart_x, y, svg->chart_x + svg->chart_w, y,
                 "stroke=\"" C_WARN "\" stroke-width=\"1\" stroke-dasharray=\"4 3\" stroke-opacity=\"0.7\"");
      open_text (out, svg->chart_x + svg->chart_w - 4, y - 3,
                 "font-size=\"9\" text-anchor=\"end\" fill=\"" C_WARN "\" "
                 "stroke=\"#ffffff\" stroke-width=\"3\" stroke-linejoin=\"round\" paint-order=\"stroke\"");
      g_string_append_printf (out, "fleet limit %u</text>\n", limit);
    }
  draw_line (out, MARGIN, svg->chart_y + LOAD_H - 0.5, svg->chart_x + svg->chart_w,
             svg->chart_y + LOAD_H - 0.5, "stroke=\"" C_GRID "\" stroke-width=\"1\"");
  g_string_append (out, "</g>\n");
}

static void
draw_now (Svg *svg)
{
  GString *out = svg->out;
  gint64 now = maint_plan_get_now (svg->plan);
  double x, top;

  if (now <= 0 || now < svg->span_start || now > svg->span_end)
    return;
  x = x_at (svg, now);
  top = svg->chart_y - (svg->n_host_reboots > 0 ? MARK_LANE_H : 0) - 2;
  g_string_append (out, "<g class=\"now\">");
  draw_line (out, x, top, x, svg->chart_bottom + 4,
             "stroke=\"" C_NOW "\" stroke-width=\"1.5\"");
  open_text (out, x, svg->chart_bottom + 15,
             "font-size=\"10\" font-weight=\"600\" text-anchor=\"middle\" fill=\"" C_NOW "\"");
  g_string_append (out, "now</text></g>\n");
}

static void
draw_footnotes (Svg *svg)
{
  GString *out = svg->out;
  GPtrArray *unscheduled = maint_plan_get_unscheduled (svg->plan);
  double y = svg->chart_bottom + 22 + 14;

  if (svg->sections->len == 0)
    {
      open_text (out, svg->chart_x + 8, svg->chart_y + 24, "fill=\"" C_MUTED "\"");
      g_string_append (out, "No downtime planned.</text>\n");
    }
  if (unscheduled->len == 0)
    return;

  g_string_append (out, "<g class=\"unscheduled\">\n");
  open_text (out, MARGIN, y, "font-weight=\"600\" fill=\"" C_WARN "\"");
  g_string_append_printf (out, "%u activit%s could not be scheduled</text>\n",
                          unscheduled->len, unscheduled->len == 1 ? "y" : "ies");
  for (guint i = 0; i < unscheduled->len && i < MAX_FOOTNOTES + 1; i++)
    {
      MaintUnscheduled *u = g_ptr_array_index (unscheduled, i);
      g_autoptr(GString) line = g_string_new (NULL);

      y += 15;
      if (i == MAX_FOOTNOTES && unscheduled->len > MAX_FOOTNOTES + 1)
        {
          open_text (out, MARGIN + 10, y, "fill=\"" C_MUTED "\"");
          g_string_append_printf (out, "and %u more</text>\n", unscheduled->len - MAX_FOOTNOTES);
          break;
        }
      g_string_append_printf (line, "%s on %s: %s",
                              maint_unscheduled_get_activity (u),
                              maint_unscheduled_get_machine (u) ? maint_unscheduled_get_machine (u) : "?",
                              maint_json_enum_nick (MAINT_TYPE_UNSCHEDULED_REASON, maint_unscheduled_get_reason (u)));
      if (maint_unscheduled_get_detail (u) != NULL)
        g_string_append_printf (line, " \xe2\x80\x94 %s", maint_unscheduled_get_detail (u));
      open_text (out, MARGIN + 10, y, "fill=\"" C_TEXT "\"");
      append_text_cut (out, line->str, MAX (60, (guint) ((svg->width - 2 * MARGIN) / (FONT_SIZE * 0.6))));
      g_string_append (out, "</text>\n");
    }
  g_string_append (out, "</g>\n");
}

/**
 * maint_plan_to_svg:
 * @self: a plan
 * @fleet: (nullable): the fleet the plan is for, for windows, hosts,
 *   machine totals and activity kinds
 * @zone: (nullable): the time zone for day boundaries and labels, a name
 *   from the system tz database such as `Europe/Berlin`; %NULL for UTC
 * @grouping: how to arrange the machines
 * @error: return location for a #GError
 *
 * Draws the plan as a timeline in SVG 1.1: time runs across, machines
 * down, in one section per resource group or per host (see
 * [enum@Maint.SvgGrouping]), sorted by name.
 *
 * - Days are columns that start at local midnight in @zone, so a day on
 *   which the clocks change is 23 or 25 hours wide; weekends are tinted;
 *   each day has a tooltip with its length and zone abbreviation.
 * - Each group's maintenance windows (its window specs minus blackouts,
 *   from [method@Maint.ResourceGroup.get_maintenance_intervals]) are
 *   shaded behind its machines. This needs @fleet.
 * - Each slot is one `<rect class="slot">`, coloured by its reboot (none,
 *   warm, cold) and outlined when pinned, with a `<title>` that gives the
 *   machine, the local and UTC times, the activities, the reboot and the
 *   wave. A guest's downtime caused by its host's reboot is a hatched
 *   `<rect class="host-downtime">`; host reboots are marked above the
 *   chart, and waves are labelled bands spanning their slots.
 * - A title with `now` and the plan's statistics, a legend of what is
 *   shown, a line at `now`, and the unscheduled activities below; the
 *   names of machines with unscheduled activities are red.
 *
 * When the plan touches more than %MAINT_SVG_MAX_MACHINE_ROWS machines,
 * the picture is aggregated: one row per group or host, drawn as a strip
 * of `<rect class="density">` cells, each the number of the row's machines
 * that are down at some time in a bucket (the shortest of 15 minutes to a
 * day that is at least 4 px wide), shaded in five classes up to the
 * largest count, with the count and the row's size (from @fleet) in its
 * `<title>` and the count in a `data-down` attribute. Above the rows, a
 * histogram shows the most machines of the whole plan down at one instant
 * in each bucket, against the policy's `max_concurrent`. No `slot` shapes
 * are drawn then, and in host mode no windows (a host's guests belong to
 * different groups).
 *
 * Machines the plan does not touch are left out. Names are escaped for
 * XML; characters XML 1.0 does not allow are replaced by U+FFFD. The
 * output is deterministic and does not depend on the locale.
 *
 * Returns: (transfer full): the SVG document, UTF-8, or %NULL with @error
 *   set (%MAINT_TIME_ERROR_ZONE_FAILED when @zone or a group's time zone
 *   is unknown)
 */
char *
maint_plan_to_svg (MaintPlan         *self,
                   MaintFleet        *fleet,
                   const char        *zone,
                   MaintSvgGrouping   grouping,
                   GError           **error)
{
  g_autoptr(GHashTable) rows = NULL;
  g_autoptr(GPtrArray) sections = NULL;
  g_autoptr(GHashTable) windows = NULL;
  g_autoptr(GHashTable) reboot_counts = NULL;
  g_autoptr(GHashTable) guests_down = NULL;
  g_autoptr(GPtrArray) waves = NULL;
  g_autoptr(GString) out = NULL;
  Svg svg = { 0 };

  g_return_val_if_fail (MAINT_IS_PLAN (self), NULL);
  g_return_val_if_fail (fleet == NULL || MAINT_IS_FLEET (fleet), NULL);
  g_return_val_if_fail (grouping == MAINT_SVG_GROUPING_GROUP ||
                        grouping == MAINT_SVG_GROUPING_HOST, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  svg.tz = maint_tz_get (zone != NULL ? zone : "UTC", error);
  if (svg.tz == NULL)
    return NULL;
  svg.utc = zone == NULL || g_str_equal (zone, "UTC") || g_str_equal (zone, "Etc/UTC");
  svg.plan = self;
  svg.fleet = fleet;
  svg.grouping = grouping;
  svg.rows = rows = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, row_free);
  svg.sections = sections = g_ptr_array_new_with_free_func (section_free);
  svg.windows = windows = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                 (GDestroyNotify) maint_interval_set_unref);
  svg.reboot_counts = reboot_counts = g_hash_table_new (g_str_hash, g_str_equal);
  svg.guests_down = guests_down = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                         (GDestroyNotify) g_ptr_array_unref);
  svg.waves = waves = g_ptr_array_new_with_free_func (wave_free);

  collect (&svg);
  if (!layout (&svg, error))
    return NULL;

  svg.out = out = g_string_sized_new (4096 + 600 * maint_plan_get_slots (self)->len);
  g_string_append (out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  g_string_append (out, "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\"");
  append_attr_num (out, "width", svg.width);
  append_attr_num (out, "height", svg.height);
  g_string_append (out, " viewBox=\"0 0 ");
  append_num (out, svg.width);
  g_string_append_c (out, ' ');
  append_num (out, svg.height);
  g_string_append (out, "\" font-family=\"'DejaVu Sans', 'Segoe UI', Helvetica, Arial, sans-serif\""
                        " font-size=\"11\">\n");
  g_string_append (out, "<title>Maintenance plan</title>\n");
  g_string_append (out, "<desc>Drawn by libmaint " MAINT_VERSION_S "</desc>\n");
  g_string_append (out, "<defs><pattern id=\"maint-hatch\" width=\"4\" height=\"4\" "
                        "patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
                        "<rect width=\"4\" height=\"4\" fill=\"" C_HOST_LIGHT "\"/>"
                        "<rect width=\"1.5\" height=\"4\" fill=\"" C_HOST "\"/></pattern></defs>\n");
  open_rect (out, 0, 0, svg.width, svg.height);
  g_string_append (out, " fill=\"#ffffff\"/>\n");

  draw_title (&svg);
  legend (&svg, TRUE);
  draw_waves (&svg);
  draw_calendar (&svg);
  draw_host_marks (&svg);
  if (svg.aggregate)
    {
      draw_load (&svg);
      draw_aggregate (&svg);
    }
  else
    draw_machines (&svg);
  draw_now (&svg);
  draw_footnotes (&svg);
  g_string_append (out, "</svg>\n");

  return g_string_free (g_steal_pointer (&out), FALSE);
}
