/* test-svg.c: maint_plan_to_svg() draws what the plan says
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The SVG is parsed back with GMarkup (which rejects what is not
 * well-formed) into a flat list of classed elements with their attributes
 * and tooltips, and the tests look at those, not at strings.
 */
#include "config.h"

#include <string.h>

#include <libmaint/libmaint.h>

#include "maint-test-util.h"

#define HOUR   3600
#define DAY    86400
/* 2026-03-27T12:00:00Z, a Friday; Europe/Berlin springs forward at
 * 2026-03-29T01:00:00Z. */
#define NOW    G_GINT64_CONSTANT (1774612800)
#define SAT    G_GINT64_CONSTANT (1774656000)   /* 2026-03-28T00:00:00Z */

/* ------------------------------------------------------------------ */
/* Reading the SVG back                                                */

typedef struct {
  char       *name;
  char       *klass;
  GHashTable *attrs;
  GString    *title;   /* text of the first <title> child, or NULL */
} Element;

typedef struct {
  GPtrArray *elements;  /* Element, document order, only classed ones */
  GPtrArray *stack;     /* Element or NULL per open element */
  gboolean   in_title;
  Element   *title_of;
} Doc;

static void
element_free (gpointer data)
{
  Element *e = data;

  g_free (e->name);
  g_free (e->klass);
  g_hash_table_unref (e->attrs);
  if (e->title != NULL)
    g_string_free (e->title, TRUE);
  g_free (e);
}

static void
doc_free (Doc *doc)
{
  g_ptr_array_unref (doc->elements);
  g_ptr_array_unref (doc->stack);
  g_free (doc);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Doc, doc_free)

static void
on_start (GMarkupParseContext  *context,
          const char           *name,
          const char          **names,
          const char          **values,
          gpointer              user_data,
          GError              **error)
{
  Doc *doc = user_data;
  Element *e = NULL;

  if (g_str_equal (name, "title"))
    {
      /* The tooltip belongs to the nearest classed ancestor. */
      for (guint i = doc->stack->len; i > 0 && doc->title_of == NULL; i--)
        if (g_ptr_array_index (doc->stack, i - 1) != NULL)
          {
            Element *owner = g_ptr_array_index (doc->stack, i - 1);
            if (owner->title == NULL)
              {
                owner->title = g_string_new (NULL);
                doc->title_of = owner;
              }
            break;
          }
      doc->in_title = TRUE;
    }
  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_equal (names[i], "class"))
      {
        e = g_new0 (Element, 1);
        e->name = g_strdup (name);
        e->klass = g_strdup (values[i]);
        e->attrs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
        for (guint j = 0; names[j] != NULL; j++)
          g_hash_table_insert (e->attrs, g_strdup (names[j]), g_strdup (values[j]));
        g_ptr_array_add (doc->elements, e);
      }
  g_ptr_array_add (doc->stack, e);
}

static void
on_end (GMarkupParseContext  *context,
        const char           *name,
        gpointer              user_data,
        GError              **error)
{
  Doc *doc = user_data;

  if (g_str_equal (name, "title"))
    {
      doc->in_title = FALSE;
      doc->title_of = NULL;
    }
  g_ptr_array_set_size (doc->stack, doc->stack->len - 1);
}

static void
on_text (GMarkupParseContext  *context,
         const char           *text,
         gsize                 length,
         gpointer              user_data,
         GError              **error)
{
  Doc *doc = user_data;

  if (doc->in_title && doc->title_of != NULL)
    g_string_append_len (doc->title_of->title, text, length);
}

static Doc *
parse (const char *svg)
{
  static const GMarkupParser parser = { on_start, on_end, on_text, NULL, NULL };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) error = NULL;
  Doc *doc = g_new0 (Doc, 1);

  g_assert_true (g_utf8_validate (svg, -1, NULL));
  /* No character XML 1.0 forbids, escaped or not. */
  for (const char *p = svg; *p != '\0'; p++)
    g_assert_true ((guchar) *p >= 0x20 || *p == '\n');
  g_assert_null (strstr (svg, "&#x"));
  g_assert_true (g_str_has_prefix (svg, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg "));

  doc->elements = g_ptr_array_new_with_free_func (element_free);
  doc->stack = g_ptr_array_new ();
  context = g_markup_parse_context_new (&parser, G_MARKUP_TREAT_CDATA_AS_TEXT, doc, NULL);
  g_assert_true (g_markup_parse_context_parse (context, svg, -1, &error));
  g_assert_true (g_markup_parse_context_end_parse (context, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (doc->stack->len, ==, 0);
  return doc;
}

static GPtrArray *
find (Doc        *doc,
      const char *klass)
{
  GPtrArray *found = g_ptr_array_new ();

  for (guint i = 0; i < doc->elements->len; i++)
    {
      Element *e = g_ptr_array_index (doc->elements, i);
      if (g_str_equal (e->klass, klass))
        g_ptr_array_add (found, e);
    }
  return found;
}

static Element *
find_with (Doc        *doc,
           const char *klass,
           const char *attr,
           const char *value)
{
  g_autoptr(GPtrArray) found = find (doc, klass);

  for (guint i = 0; i < found->len; i++)
    {
      Element *e = g_ptr_array_index (found, i);
      if (g_strcmp0 (g_hash_table_lookup (e->attrs, attr), value) == 0)
        return e;
    }
  return NULL;
}

static double
num_attr (Element    *e,
          const char *name)
{
  const char *v = g_hash_table_lookup (e->attrs, name);
  char *end = NULL;
  double d;

  g_assert_nonnull (v);
  d = g_ascii_strtod (v, &end);
  g_assert_true (end != v && *end == '\0');
  return d;
}

/* A day's column is the <rect> inside <g class="day">; GMarkup gives us
 * only classed elements, so find it by the svg text instead. */
static double
day_width (const char *svg,
           const char *date)
{
  g_autofree char *needle = g_strdup_printf ("data-date=\"%s\">", date);
  const char *p = strstr (svg, needle);
  const char *w;

  g_assert_nonnull (p);
  p = strstr (p, "<rect");
  g_assert_nonnull (p);
  w = strstr (p, " width=\"");
  g_assert_nonnull (w);
  return g_ascii_strtod (w + 8, NULL);
}

static double
day_x (const char *svg,
       const char *date)
{
  g_autofree char *needle = g_strdup_printf ("data-date=\"%s\">", date);
  const char *p = strstr (svg, needle);

  g_assert_nonnull (p);
  p = strstr (p, "<rect x=\"");
  g_assert_nonnull (p);
  return g_ascii_strtod (p + 9, NULL);
}

/* ------------------------------------------------------------------ */
/* Building fleets and plans by hand                                   */

static MaintSlot *
add_slot (MaintPlan       *plan,
          const char      *machine,
          const char      *group,
          gint64           start,
          gint64           end,
          const char      *activity,
          MaintRebootKind  reboot)
{
  g_autoptr(MaintSlot) slot = maint_slot_new (machine, start, end);
  const char *activities[] = { activity, NULL };

  maint_slot_set_group (slot, group);
  maint_slot_set_activities (slot, activities);
  maint_slot_set_reboot (slot, reboot);
  maint_plan_add_slot (plan, slot);
  return slot;
}

/* Two groups in Europe/Berlin, a host with two guests, an infrastructure
 * machine: six slots, one pinned, one in a wave, one host downtime. */
static void
build_small (MaintFleet **out_fleet,
             MaintPlan  **out_plan)
{
  g_autoptr(MaintFleet) fleet = maint_fleet_new ();
  g_autoptr(MaintPlan) plan = maint_plan_new (NOW);
  g_autoptr(MaintHostDowntime) downtime = NULL;

  maint_fleet_set_now (fleet, NOW);
  maint_test_add_group (fleet, "acme", "Europe/Berlin", "daily 22:00-05:00", 0);
  maint_test_add_group (fleet, "infra", "Europe/Berlin", "sat 10:00-14:00", 0);
  maint_test_add_machine (fleet, "kvm01", "infra", MAINT_MACHINE_KIND_HOST, NULL);
  maint_test_add_machine (fleet, "router1", "infra", MAINT_MACHINE_KIND_INFRASTRUCTURE, NULL);
  maint_test_add_machine (fleet, "acme-web1", "acme", MAINT_MACHINE_KIND_VM, "kvm01");
  maint_test_add_machine (fleet, "acme-db1", "acme", MAINT_MACHINE_KIND_VM, "kvm01");
  maint_test_add_machine (fleet, "acme-idle", "acme", MAINT_MACHINE_KIND_VM, "kvm01");

  /* Friday night 23:00-23:30 CET, and Saturday night. */
  add_slot (plan, "acme-web1", "acme", SAT - 2 * HOUR, SAT - 90 * 60, "a-1", MAINT_REBOOT_KIND_WARM);
  add_slot (plan, "acme-web1", "acme", SAT + 22 * HOUR, SAT + 22 * HOUR + 1800, "a-2", MAINT_REBOOT_KIND_NONE);
  maint_slot_set_pinned (add_slot (plan, "acme-db1", "acme", SAT - HOUR, SAT - HOUR + 1200, "a-3",
                                   MAINT_REBOOT_KIND_COLD), TRUE);
  {
    MaintSlot *slot = add_slot (plan, "router1", "infra", SAT + 9 * HOUR, SAT + 9 * HOUR + 900, "a-4",
                                MAINT_REBOOT_KIND_WARM);
    maint_slot_set_rollout (slot, "os-2026-03");
    maint_slot_set_wave (slot, "infrastructure");
  }
  add_slot (plan, "kvm01", "infra", SAT + 10 * HOUR, SAT + 10 * HOUR + 1200, "h-1", MAINT_REBOOT_KIND_COLD);
  add_slot (plan, "acme-db1", "acme", SAT + 23 * HOUR, SAT + 24 * HOUR, "a-5", MAINT_REBOOT_KIND_WARM);
  downtime = maint_host_downtime_new ("acme-web1", "kvm01", SAT + 10 * HOUR, SAT + 10 * HOUR + 1200);
  maint_plan_add_host_downtime (plan, downtime);

  *out_fleet = g_steal_pointer (&fleet);
  *out_plan = g_steal_pointer (&plan);
}

static char *
to_svg (MaintPlan        *plan,
        MaintFleet       *fleet,
        const char       *zone,
        MaintSvgGrouping  grouping)
{
  g_autoptr(GError) error = NULL;
  char *svg = maint_plan_to_svg (plan, fleet, zone, grouping, &error);

  g_assert_no_error (error);
  g_assert_nonnull (svg);
  return svg;
}

/* ------------------------------------------------------------------ */
/* Tests                                                               */

static void
test_slots (void)
{
  g_autoptr(MaintFleet) fleet = NULL;
  g_autoptr(MaintPlan) plan = NULL;
  g_autofree char *svg = NULL;
  g_autoptr(Doc) doc = NULL;
  g_autoptr(GPtrArray) slots = NULL;
  g_autoptr(GPtrArray) downtimes = NULL;
  g_autoptr(GPtrArray) machines = NULL;
  g_autoptr(GPtrArray) sections = NULL;
  guint n_pinned = 0;

  build_small (&fleet, &plan);
  svg = to_svg (plan, fleet, "Europe/Berlin", MAINT_SVG_GROUPING_GROUP);
  doc = parse (svg);

  slots = find (doc, "slot");
  g_assert_cmpuint (slots->len, ==, maint_plan_get_slots (plan)->len);
  for (guint i = 0; i < slots->len; i++)
    {
      Element *e = g_ptr_array_index (slots, i);

      g_assert_cmpstr (e->name, ==, "rect");
      g_assert_nonnull (e->title);
      if (g_hash_table_contains (e->attrs, "stroke"))
        {
          n_pinned++;
          g_assert_true (g_str_has_prefix (e->title->str, "acme-db1 \xc2\xb7 acme\n"));
          g_assert_nonnull (strstr (e->title->str, "pinned"));
        }
    }
  g_assert_cmpuint (n_pinned, ==, 1);

  /* Rows go by name: acme-db1's two slots, then acme-web1's; the first of
   * those shows local and UTC times, the activity and the reboot. */
  {
    Element *e = g_ptr_array_index (slots, 2);
    g_assert_cmpstr (e->title->str, ==,
                     "acme-web1 \xc2\xb7 acme\n"
                     "Fri 27 Mar 23:00\xe2\x80\x93" "23:30 CET (Fri 27 Mar 22:00\xe2\x80\x93" "22:30 UTC)\n"
                     "\xe2\x80\xa2 a-1\n"
                     "reboot: warm");
  }

  downtimes = find (doc, "host-downtime");
  g_assert_cmpuint (downtimes->len, ==, 1);
  g_assert_true (g_str_has_prefix (((Element *) g_ptr_array_index (downtimes, 0))->title->str,
                                   "acme-web1 is down while its host kvm01 reboots\n"));
  g_assert_nonnull (find_with (doc, "host-reboot", "class", "host-reboot"));
  g_assert_nonnull (find_with (doc, "wave", "class", "wave"));

  /* Rows: the machines the plan touches, by group, by name. */
  machines = find (doc, "machine");
  g_assert_cmpuint (machines->len, ==, 4);
  sections = find (doc, "section");
  g_assert_cmpuint (sections->len, ==, 2);
  {
    Element *db = g_ptr_array_index (machines, 0);
    Element *web = g_ptr_array_index (machines, 1);
    Element *kvm = g_ptr_array_index (machines, 2);
    Element *router = g_ptr_array_index (machines, 3);

    g_assert_true (g_str_has_prefix (db->title->str, "acme-db1\n"));
    g_assert_true (g_str_has_prefix (web->title->str, "acme-web1\nvm on kvm01\ngroup acme"));
    g_assert_true (g_str_has_prefix (kvm->title->str, "kvm01\n"));
    g_assert_true (g_str_has_prefix (router->title->str, "router1\n"));
    g_assert_cmpfloat (num_attr (db, "y"), <, num_attr (web, "y"));
    g_assert_cmpfloat (num_attr (web, "y"), <, num_attr (kvm, "y"));
  }
  g_assert_null (find_with (doc, "density", "class", "density"));
}

static void
test_group_by_host (void)
{
  g_autoptr(MaintFleet) fleet = NULL;
  g_autoptr(MaintPlan) plan = NULL;
  g_autofree char *svg = NULL;
  g_autoptr(Doc) doc = NULL;
  g_autoptr(GPtrArray) machines = NULL;
  g_autoptr(GPtrArray) sections = NULL;
  g_autoptr(GPtrArray) slots = NULL;

  build_small (&fleet, &plan);
  svg = to_svg (plan, fleet, "Europe/Berlin", MAINT_SVG_GROUPING_HOST);
  doc = parse (svg);

  slots = find (doc, "slot");
  g_assert_cmpuint (slots->len, ==, 6);
  /* kvm01 with its guests, the host first; then the machines on no host. */
  sections = find (doc, "section");
  g_assert_cmpuint (sections->len, ==, 2);
  machines = find (doc, "machine");
  g_assert_cmpuint (machines->len, ==, 4);
  g_assert_true (g_str_has_prefix (((Element *) g_ptr_array_index (machines, 0))->title->str, "kvm01\n"));
  g_assert_true (g_str_has_prefix (((Element *) g_ptr_array_index (machines, 1))->title->str, "acme-db1\n"));
  g_assert_true (g_str_has_prefix (((Element *) g_ptr_array_index (machines, 2))->title->str, "acme-web1\n"));
  g_assert_true (g_str_has_prefix (((Element *) g_ptr_array_index (machines, 3))->title->str, "router1\n"));
  g_assert_nonnull (strstr (svg, ">kvm01</text>"));
  g_assert_nonnull (strstr (svg, ">(no host)</text>"));
}

static void
test_windows (void)
{
  g_autoptr(MaintFleet) fleet = NULL;
  g_autoptr(MaintPlan) plan = NULL;
  g_autofree char *svg = NULL;
  g_autoptr(Doc) doc = NULL;
  g_autoptr(GPtrArray) windows = NULL;
  g_autoptr(MaintIntervalSet) acme = NULL, infra = NULL;
  guint n_acme = 0, n_infra = 0;

  build_small (&fleet, &plan);
  svg = to_svg (plan, fleet, "Europe/Berlin", MAINT_SVG_GROUPING_GROUP);
  doc = parse (svg);

  /* The picture spans Fri 27 to Sun 29 March, Berlin midnights. */
  acme = maint_resource_group_get_maintenance_intervals (maint_fleet_lookup_group (fleet, "acme"),
                                                         SAT - DAY - HOUR, SAT + 2 * DAY - 2 * HOUR, NULL);
  infra = maint_resource_group_get_maintenance_intervals (maint_fleet_lookup_group (fleet, "infra"),
                                                          SAT - DAY - HOUR, SAT + 2 * DAY - 2 * HOUR, NULL);
  windows = find (doc, "window");
  for (guint i = 0; i < windows->len; i++)
    {
      Element *e = g_ptr_array_index (windows, i);

      if (g_str_has_prefix (e->title->str, "acme: maintenance window\n"))
        n_acme++;
      else if (g_str_has_prefix (e->title->str, "infra: maintenance window\n"))
        n_infra++;
      else
        g_assert_not_reached ();
    }
  g_assert_cmpuint (n_acme, ==, maint_interval_set_get_n_intervals (acme));
  g_assert_cmpuint (n_infra, ==, maint_interval_set_get_n_intervals (infra));
  g_assert_cmpuint (n_infra, ==, 1);
  g_assert_nonnull (find_with (doc, "window", "class", "window"));
  {
    Element *e = g_ptr_array_index (windows, windows->len - 1);
    g_assert_cmpstr (e->title->str, ==,
                     "infra: maintenance window\n"
                     "Sat 28 Mar 10:00\xe2\x80\x93" "14:00 CET (Sat 28 Mar 09:00\xe2\x80\x93" "13:00 UTC)");
  }

  /* Without the fleet: the same slots, no windows. */
  {
    g_autofree char *bare = to_svg (plan, NULL, "Europe/Berlin", MAINT_SVG_GROUPING_GROUP);
    g_autoptr(Doc) bare_doc = parse (bare);
    g_autoptr(GPtrArray) bare_slots = find (bare_doc, "slot");
    g_autoptr(GPtrArray) bare_windows = find (bare_doc, "window");

    g_assert_cmpuint (bare_slots->len, ==, 6);
    g_assert_cmpuint (bare_windows->len, ==, 0);
  }
}

static void
test_escape (void)
{
  g_autoptr(MaintFleet) fleet = maint_fleet_new ();
  g_autoptr(MaintPlan) plan = maint_plan_new (NOW);
  g_autofree char *svg = NULL;
  g_autoptr(Doc) doc = NULL;
  g_autoptr(GPtrArray) slots = NULL;
  g_autoptr(GPtrArray) sections = NULL;
  g_autoptr(MaintUnscheduled) unscheduled = NULL;
  const char *machine = "<web&\"'>\x01\x1b[31m\x7f\xc2\x85\n\tdb";
  const char *group = "</text><script>alert(1)</script>";

  maint_test_add_group (fleet, group, "Europe/Berlin", "daily 22:00-05:00", 0);
  maint_test_add_machine (fleet, machine, group, MAINT_MACHINE_KIND_VM, NULL);
  add_slot (plan, machine, group, SAT - 2 * HOUR, SAT - HOUR, "a-<1>&\x02", MAINT_REBOOT_KIND_WARM);
  unscheduled = maint_unscheduled_new ("b-\"2\"", machine, MAINT_UNSCHEDULED_CAPACITY, "full & \x03busy");
  maint_plan_add_unscheduled (plan, unscheduled);

  svg = to_svg (plan, fleet, "Europe/Berlin", MAINT_SVG_GROUPING_GROUP);
  doc = parse (svg);
  g_assert_null (strstr (svg, "<script"));
  g_assert_null (strstr (svg, "<web"));

  slots = find (doc, "slot");
  g_assert_cmpuint (slots->len, ==, 1);
  /* The parser gives the text back: the markup characters survive, the
   * control characters became U+FFFD, the line break and tab spaces. */
  g_assert_true (g_str_has_prefix (((Element *) g_ptr_array_index (slots, 0))->title->str,
                                   "<web&\"'>\xef\xbf\xbd\xef\xbf\xbd[31m\xef\xbf\xbd\xef\xbf\xbd  db"
                                   " \xc2\xb7 </text><script>alert(1)</script>\n"));
  g_assert_nonnull (strstr (((Element *) g_ptr_array_index (slots, 0))->title->str,
                            "\xe2\x80\xa2 a-<1>&\xef\xbf\xbd\n"));
  sections = find (doc, "section");
  g_assert_cmpuint (sections->len, ==, 1);

  /* Invalid UTF-8 in a name. */
  {
    g_autoptr(MaintPlan) bad = maint_plan_new (NOW);
    g_autofree char *bad_svg = NULL;
    g_autoptr(Doc) bad_doc = NULL;

    add_slot (bad, "caf\xe9-\xff\xfe", NULL, SAT, SAT + HOUR, "a-1", MAINT_REBOOT_KIND_NONE);
    bad_svg = to_svg (bad, NULL, NULL, MAINT_SVG_GROUPING_GROUP);
    bad_doc = parse (bad_svg);
    g_assert_nonnull (strstr (bad_svg, "caf\xef\xbf\xbd-\xef\xbf\xbd\xef\xbf\xbd"));
  }
}

static void
test_deterministic (void)
{
  g_autoptr(MaintFleet) fleet = NULL;
  g_autoptr(MaintPlan) plan = NULL;
  g_autoptr(MaintFleet) fleet2 = NULL;
  g_autoptr(MaintPlan) plan2 = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;

  build_small (&fleet, &plan);
  build_small (&fleet2, &plan2);
  a = to_svg (plan, fleet, "Europe/Berlin", MAINT_SVG_GROUPING_GROUP);
  b = to_svg (plan, fleet, "Europe/Berlin", MAINT_SVG_GROUPING_GROUP);
  g_assert_cmpstr (a, ==, b);
  /* Equal plans built apart (other hash table layouts, other pointers). */
  c = to_svg (plan2, fleet2, "Europe/Berlin", MAINT_SVG_GROUPING_GROUP);
  g_assert_cmpstr (a, ==, c);
}

static void
test_days_in_zone (void)
{
  g_autoptr(MaintPlan) plan = maint_plan_new (NOW);
  g_autofree char *berlin = NULL;
  g_autofree char *utc = NULL;
  g_autoptr(Doc) berlin_doc = NULL;
  g_autoptr(Doc) utc_doc = NULL;
  g_autoptr(GPtrArray) slots = NULL;
  double w28, w29, w30, x29, x30, slot_x;

  /* 2026-03-28T23:30Z is 00:30 on Sunday the 29th in Berlin (CET). */
  add_slot (plan, "web1", "acme", SAT + 23 * HOUR + 1800, SAT + 24 * HOUR, "a-1", MAINT_REBOOT_KIND_WARM);
  add_slot (plan, "web2", "acme", SAT + 2 * DAY + 6 * HOUR, SAT + 2 * DAY + 7 * HOUR, "a-2", MAINT_REBOOT_KIND_WARM);

  berlin = to_svg (plan, NULL, "Europe/Berlin", MAINT_SVG_GROUPING_GROUP);
  berlin_doc = parse (berlin);
  w28 = day_width (berlin, "2026-03-28");
  w29 = day_width (berlin, "2026-03-29");
  w30 = day_width (berlin, "2026-03-30");
  g_assert_cmpfloat_with_epsilon (w29 / w28, 23.0 / 24.0, 0.002);
  g_assert_cmpfloat_with_epsilon (w30, w28, 0.11);
  {
    Element *day = find_with (berlin_doc, "day", "data-date", "2026-03-29");
    g_assert_nonnull (day);
    g_assert_cmpstr (day->title->str, ==, "Sun 29 Mar 2026: 23 h, CET \xe2\x86\x92 CEST");
    day = find_with (berlin_doc, "day", "data-date", "2026-03-27");
    g_assert_cmpstr (day->title->str, ==, "Fri 27 Mar 2026: 24 h, CET");
  }
  /* The slot lies in Sunday's column. */
  slots = find (berlin_doc, "slot");
  slot_x = num_attr (g_ptr_array_index (slots, 0), "x");
  x29 = day_x (berlin, "2026-03-29");
  x30 = day_x (berlin, "2026-03-30");
  g_assert_cmpfloat (slot_x, >=, x29);
  g_assert_cmpfloat (slot_x, <, x30);
  g_assert_true (g_str_has_prefix (((Element *) g_ptr_array_index (slots, 0))->title->str,
                                   "web1 \xc2\xb7 acme\nSun 29 Mar 00:30\xe2\x80\x93" "01:00 CET "
                                   "(Sat 28 Mar 23:30 \xe2\x80\x93 Sun 29 Mar 00:00 UTC)\n"));

  /* In UTC every day has 24 hours, and the slot is on Saturday. */
  utc = to_svg (plan, NULL, NULL, MAINT_SVG_GROUPING_GROUP);
  utc_doc = parse (utc);
  g_assert_cmpfloat_with_epsilon (day_width (utc, "2026-03-29"), day_width (utc, "2026-03-28"), 0.11);
  {
    Element *day = find_with (utc_doc, "day", "data-date", "2026-03-29");
    g_autoptr(GPtrArray) utc_slots = find (utc_doc, "slot");

    g_assert_cmpstr (day->title->str, ==, "Sun 29 Mar 2026: 24 h, UTC");
    slot_x = num_attr (g_ptr_array_index (utc_slots, 0), "x");
    g_assert_cmpfloat (slot_x, >=, day_x (utc, "2026-03-28"));
    g_assert_cmpfloat (slot_x, <, day_x (utc, "2026-03-29"));
    g_assert_cmpstr (((Element *) g_ptr_array_index (utc_slots, 0))->title->str, ==,
                     "web1 \xc2\xb7 acme\nSat 28 Mar 23:30 \xe2\x80\x93 Sun 29 Mar 00:00 UTC\n"
                     "\xe2\x80\xa2 a-1\nreboot: warm");
  }
  /* The first column starts at local midnight before now. */
  g_assert_nonnull (find_with (berlin_doc, "day", "data-date", "2026-03-27"));
  g_assert_null (find_with (berlin_doc, "day", "data-date", "2026-03-26"));
  g_assert_null (find_with (berlin_doc, "day", "data-date", "2026-03-31"));
}

/* @n_machines VMs in groups of ten, each down for half an hour on
 * Saturday at 00:00..06:00 UTC (by its number modulo 7); group g0000's
 * first four machines instead together at 00:30-01:00, when no other
 * machine is down. */
static void
build_large (guint        n_machines,
             MaintFleet **out_fleet,
             MaintPlan  **out_plan)
{
  g_autoptr(MaintFleet) fleet = maint_fleet_new ();
  g_autoptr(MaintPlan) plan = maint_plan_new (NOW);

  for (guint i = 0; i < n_machines; i++)
    {
      g_autofree char *group = g_strdup_printf ("g%04u", i / 10);
      g_autofree char *name = g_strdup_printf ("vm%05u", i);
      g_autofree char *id = g_strdup_printf ("a-%05u", i);
      gint64 start = i / 10 == 0 && i % 10 < 4 ? SAT + HOUR / 2 : SAT + (i % 7) * HOUR;

      if (i % 10 == 0)
        maint_test_add_group (fleet, group, "UTC", "daily 00:00-08:00", 0);
      maint_test_add_machine (fleet, name, group, MAINT_MACHINE_KIND_VM, NULL);
      add_slot (plan, name, group, start, start + 1800, id, MAINT_REBOOT_KIND_WARM);
    }
  *out_fleet = g_steal_pointer (&fleet);
  *out_plan = g_steal_pointer (&plan);
}

static void
test_aggregate (void)
{
  g_autoptr(MaintFleet) fleet = NULL;
  g_autoptr(MaintPlan) plan = NULL;
  g_autofree char *svg = NULL;
  g_autoptr(Doc) doc = NULL;
  g_autoptr(GPtrArray) slots = NULL;
  g_autoptr(GPtrArray) sections = NULL;
  g_autoptr(GPtrArray) cells = NULL;
  Element *e;

  /* At the threshold: one row per machine. */
  build_large (MAINT_SVG_MAX_MACHINE_ROWS, &fleet, &plan);
  svg = to_svg (plan, fleet, NULL, MAINT_SVG_GROUPING_GROUP);
  doc = parse (svg);
  slots = find (doc, "slot");
  g_assert_cmpuint (slots->len, ==, MAINT_SVG_MAX_MACHINE_ROWS);
  g_clear_pointer (&slots, g_ptr_array_unref);
  g_clear_pointer (&doc, doc_free);
  g_clear_pointer (&svg, g_free);
  g_clear_object (&fleet);
  g_clear_object (&plan);

  /* One more: one row per group, density cells, no slot shapes. */
  build_large (MAINT_SVG_MAX_MACHINE_ROWS + 1, &fleet, &plan);
  svg = to_svg (plan, fleet, NULL, MAINT_SVG_GROUPING_GROUP);
  doc = parse (svg);
  slots = find (doc, "slot");
  g_assert_cmpuint (slots->len, ==, 0);
  sections = find (doc, "section");
  g_assert_cmpuint (sections->len, ==, 21);
  cells = find (doc, "density");
  g_assert_cmpuint (cells->len, >, 0);

  /* Four of g0000's ten machines are down at 00:30. */
  e = find_with (doc, "density", "data-down", "4");
  g_assert_nonnull (e);
  g_assert_cmpstr (e->title->str, ==, "g0000: 4 of 10 machines down\nSat 28 Mar 00:30\xe2\x80\x93" "01:00 UTC");
  g_assert_nonnull (find_with (doc, "density", "class", "density"));
  {
    /* The group's row label: all ten machines have downtime. */
    Element *first = g_ptr_array_index (sections, 0);
    g_assert_cmpstr (first->title->str, ==, "g0000\n10 of 10 machines with downtime in this plan");
  }

  /* The fleet's load: the most machines down at once, per bucket. */
  {
    guint per_hour[8] = { 0 };
    guint peak = 0;
    g_autofree char *text = NULL;
    g_autoptr(GPtrArray) load = find (doc, "load");

    for (guint i = 0; i <= MAINT_SVG_MAX_MACHINE_ROWS; i++)
      per_hour[i / 10 == 0 && i % 10 < 4 ? 7 : i % 7]++;
    for (guint h = 0; h < 8; h++)
      peak = MAX (peak, per_hour[h]);
    text = g_strdup_printf ("%u", peak);
    g_assert_nonnull (find_with (doc, "load", "data-down", text));
    for (guint i = 0; i < load->len; i++)
      {
        Element *cell = g_ptr_array_index (load, i);
        if (g_str_equal (cell->name, "rect"))
          g_assert_cmpfloat (num_attr (cell, "data-down"), <=, peak);
      }
  }
}

static void
test_errors (void)
{
  g_autoptr(MaintFleet) fleet = NULL;
  g_autoptr(MaintPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  char *svg;

  build_small (&fleet, &plan);
  svg = maint_plan_to_svg (plan, fleet, "Mars/Olympus_Mons", MAINT_SVG_GROUPING_GROUP, &error);
  g_assert_null (svg);
  g_assert_error (error, MAINT_TIME_ERROR, MAINT_TIME_ERROR_ZONE_FAILED);
  g_clear_error (&error);

  /* A group whose zone is unknown cannot have its windows shaded. */
  maint_resource_group_set_timezone (maint_fleet_lookup_group (fleet, "acme"), "Nowhere/Town");
  svg = maint_plan_to_svg (plan, fleet, "UTC", MAINT_SVG_GROUPING_GROUP, &error);
  g_assert_null (svg);
  g_assert_error (error, MAINT_TIME_ERROR, MAINT_TIME_ERROR_ZONE_FAILED);
}

static void
test_empty (void)
{
  g_autoptr(MaintPlan) plan = maint_plan_new (NOW);
  g_autofree char *svg = to_svg (plan, NULL, "Europe/Berlin", MAINT_SVG_GROUPING_HOST);
  g_autoptr(Doc) doc = parse (svg);
  g_autoptr(GPtrArray) slots = find (doc, "slot");
  g_autoptr(GPtrArray) days = find (doc, "day");

  g_assert_cmpuint (slots->len, ==, 0);
  g_assert_cmpuint (days->len, ==, 1);
  g_assert_nonnull (strstr (svg, "No downtime planned."));
  g_assert_nonnull (strstr (svg, "as of Fri 27 Mar 2026 13:00 CET"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/svg/slots", test_slots);
  g_test_add_func ("/svg/group-by-host", test_group_by_host);
  g_test_add_func ("/svg/windows", test_windows);
  g_test_add_func ("/svg/escape", test_escape);
  g_test_add_func ("/svg/deterministic", test_deterministic);
  g_test_add_func ("/svg/days-in-zone", test_days_in_zone);
  g_test_add_func ("/svg/aggregate", test_aggregate);
  g_test_add_func ("/svg/errors", test_errors);
  g_test_add_func ("/svg/empty", test_empty);

  return g_test_run ();
}
