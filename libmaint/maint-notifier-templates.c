/* maint-notifier-templates.c: the default notice templates and their format
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A template is text: sections start with a line "@name", the lines up to
 * the next section are an ICU MessageFormat pattern with named arguments
 * (see maint-icu-private.h and the documentation of
 * maint_notifier_set_template(), which lists the sections and arguments).
 * Trailing empty lines of a section are dropped, leading ones kept.
 *
 * The defaults below are the English and German texts. They are plain
 * data: an embedding application reads them with
 * maint_notifier_get_template() and replaces them per locale with
 * maint_notifier_set_template().
 */
#include "config.h"

#include <string.h>

#include "maint-notifier-private.h"

static const char en_settings[] =
  "# libmaint default template: settings announcement, English\n"
  "@subject\n"
  "Maintenance settings for {group}\n"
  "@body\n"
  "Hello,\n"
  "\n"
  "these are the maintenance settings of your resource group {group}:\n"
  "\n"
  "  Technical contacts:  {contacts}\n"
  "  Time zone:           {timezone} (now {zone_now})\n"
  "  Maintenance windows: {schedule}\n"
  "  Notice period:       {notice_days, plural, =0 {{notice_hours, plural, =0 {{notice_minutes, plural, one {# minute} other {# minutes}}} one {# hour} other {# hours}}} one {# day} other {# days}}\n"
  "\n"
  "We schedule maintenance of your machines only within these windows and announce every window at least this long in advance, by e-mail to the technical contacts. Please let us know if anything here is not right.\n";

static const char en_new_windows[] =
  "# libmaint default template: new maintenance windows, English\n"
  "@subject\n"
  "Scheduled maintenance for {group}: {machines, plural, one {# machine} other {# machines}} from {first_date}\n"
  "@header\n"
  "Hello,\n"
  "\n"
  "we have scheduled maintenance for {machines, plural, one {one machine} other {# machines}} of your resource group {group}. All times are given in your time zone ({timezone}) with its abbreviation, and in UTC.\n"
  "@machine\n"
  "\n"
  "{machine}: {reboots, plural, =0 {no reboot} one {# reboot} other {# reboots}}{host_reboots, plural, =0 {} other { ({host_reboots, plural, one {# by the restart of its host} other {# by restarts of its host}})}}\n"
  "@window\n"
  "  - {start_date}, {start_time} {start_zone} – {same_day, select, yes {} other {{end_date}, }}{end_time} {end_zone} (UTC: {start_utc} – {end_utc})\n"
  "    {cause, select, host {Restart of the host {host}} other {{activities}}}; expected downtime: {downtime, plural, one {# minute} other {# minutes}}; {reboot, select, cold {cold reboot} warm {reboot} other {no reboot}}\n"
  "@activity\n"
  "{has_summary, select, yes {{summary}} other {{kind, select, reboot {reboot} memory_resize {memory resize} cpu_change {change of the CPU count} kernel_update {kernel update} system_update {system update} fs_check {file system check} fs_migration {file system migration} host_reboot {host reboot} other {maintenance}}}}\n"
  "@footer\n"
  "\n"
  "The services of these machines are unavailable during the downtime. If a window does not suit you, please reply to this message. The attached calendar lists every window.\n"
  "@event-summary\n"
  "Maintenance: {machine}\n"
  "@event-description\n"
  "{cause, select, host {Restart of the host {host}} other {{activities}}}\n"
  "Expected downtime: {downtime, plural, one {# minute} other {# minutes}}; {reboot, select, cold {cold reboot} warm {reboot} other {no reboot}}\n";

static const char en_changes[] =
  "# libmaint default template: changed maintenance windows, English\n"
  "@subject\n"
  "Changed maintenance for {group}: {windows, plural, one {# window} other {# windows}}\n"
  "@header\n"
  "Hello,\n"
  "\n"
  "we have to change maintenance windows we announced for your resource group {group}. All times are given in your time zone ({timezone}) with its abbreviation, and in UTC.\n"
  "@machine\n"
  "\n"
  "{machine}: {reboots, plural, =0 {no reboot} one {# reboot} other {# reboots}}{host_reboots, plural, =0 {} other { ({host_reboots, plural, one {# by the restart of its host} other {# by restarts of its host}})}}\n"
  "@window\n"
  "  - {change, select,\n"
  "      moved {Moved from {previous_start_date}, {previous_start_time} {previous_start_zone} – {previous_same_day, select, yes {} other {{previous_end_date}, }}{previous_end_time} {previous_end_zone}\n"
  "    to {start_date}, {start_time} {start_zone} – {same_day, select, yes {} other {{end_date}, }}{end_time} {end_zone} (UTC: {start_utc} – {end_utc})\n"
  "    {cause, select, host {Restart of the host {host}} other {{activities}}}; expected downtime: {downtime, plural, one {# minute} other {# minutes}}; {reboot, select, cold {cold reboot} warm {reboot} other {no reboot}}}\n"
  "      cancelled {Cancelled: {start_date}, {start_time} {start_zone} – {same_day, select, yes {} other {{end_date}, }}{end_time} {end_zone} (UTC: {start_utc} – {end_utc})\n"
  "    {cause, select, host {Restart of the host {host}} other {{activities}}}}\n"
  "      other {{start_date}, {start_time} {start_zone} – {same_day, select, yes {} other {{end_date}, }}{end_time} {end_zone} (UTC: {start_utc} – {end_utc})\n"
  "    Now with {reboot, select, cold {a cold reboot} warm {a reboot} other {no reboot}} instead of {previous_reboot, select, cold {a cold reboot} warm {a reboot} other {no reboot}}: {activities}; expected downtime: {downtime, plural, one {# minute} other {# minutes}}}}\n"
  "@activity\n"
  "{has_summary, select, yes {{summary}} other {{kind, select, reboot {reboot} memory_resize {memory resize} cpu_change {change of the CPU count} kernel_update {kernel update} system_update {system update} fs_check {file system check} fs_migration {file system migration} host_reboot {host reboot} other {maintenance}}}}\n"
  "@footer\n"
  "\n"
  "We apologize for any inconvenience. If a new window does not suit you, please reply to this message. The attached calendar updates the windows in your calendar.\n"
  "@event-summary\n"
  "Maintenance: {machine}\n"
  "@event-description\n"
  "{change, select, cancelled {Cancelled. } other {}}{cause, select, host {Restart of the host {host}} other {{activities}}}\n"
  "Expected downtime: {downtime, plural, one {# minute} other {# minutes}}; {reboot, select, cold {cold reboot} warm {reboot} other {no reboot}}\n";

static const char de_settings[] =
  "# libmaint default template: settings announcement, German\n"
  "@subject\n"
  "Wartungseinstellungen für {group}\n"
  "@body\n"
  "Guten Tag,\n"
  "\n"
  "dies sind die Wartungseinstellungen Ihrer Ressourcengruppe {group}:\n"
  "\n"
  "  Technische Kontakte: {contacts}\n"
  "  Zeitzone:            {timezone} (derzeit {zone_now})\n"
  "  Wartungsfenster:     {schedule}\n"
  "  Vorlaufzeit:         {notice_days, plural, =0 {{notice_hours, plural, =0 {{notice_minutes, plural, one {# Minute} other {# Minuten}}} one {# Stunde} other {# Stunden}}} one {# Tag} other {# Tage}}\n"
  "\n"
  "Wir planen Wartungsarbeiten an Ihren Maschinen nur innerhalb dieser Fenster und kündigen jedes Fenster mindestens so lange im Voraus per E-Mail an die technischen Kontakte an. Bitte teilen Sie uns mit, falls etwas davon nicht stimmt.\n";

static const char de_new_windows[] =
  "# libmaint default template: new maintenance windows, German\n"
  "@subject\n"
  "Geplante Wartung für {group}: {machines, plural, one {# Maschine} other {# Maschinen}} ab {first_date}\n"
  "@header\n"
  "Guten Tag,\n"
  "\n"
  "wir haben Wartungsarbeiten für {machines, plural, one {eine Maschine} other {# Maschinen}} Ihrer Ressourcengruppe {group} eingeplant. Alle Zeiten sind in Ihrer Zeitzone ({timezone}) mit deren Abkürzung sowie in UTC angegeben.\n"
  "@machine\n"
  "\n"
  "{machine}: {reboots, plural, =0 {kein Neustart} one {# Neustart} other {# Neustarts}}{host_reboots, plural, =0 {} other { (davon {host_reboots, plural, one {# durch den Neustart des Wirtssystems} other {# durch Neustarts des Wirtssystems}})}}\n"
  "@window\n"
  "  - {start_date}, {start_time} {start_zone} – {same_day, select, yes {} other {{end_date}, }}{end_time} {end_zone} (UTC: {start_utc} – {end_utc})\n"
  "    {cause, select, host {Neustart des Wirtssystems {host}} other {{activities}}}; erwartete Ausfallzeit: {downtime, plural, one {# Minute} other {# Minuten}}; {reboot, select, cold {Kaltstart} warm {Neustart} other {kein Neustart}}\n"
  "@activity\n"
  "{has_summary, select, yes {{summary}} other {{kind, select, reboot {Neustart} memory_resize {Änderung des Arbeitsspeichers} cpu_change {Änderung der CPU-Anzahl} kernel_update {Kernel-Update} system_update {Systemaktualisierung} fs_check {Dateisystemprüfung} fs_migration {Dateisystem-Migration} host_reboot {Neustart des Wirtssystems} other {Wartung}}}}\n"
  "@footer\n"
  "\n"
  "Während der Ausfallzeit sind die Dienste dieser Maschinen nicht erreichbar. Falls ein Zeitraum für Sie nicht passt, antworten Sie bitte auf diese Nachricht. Der beigefügte Kalender enthält alle Wartungsfenster.\n"
  "@event-summary\n"
  "Wartung: {machine}\n"
  "@event-description\n"
  "{cause, select, host {Neustart des Wirtssystems {host}} other {{activities}}}\n"
  "Erwartete Ausfallzeit: {downtime, plural, one {# Minute} other {# Minuten}}; {reboot, select, cold {Kaltstart} warm {Neustart} other {kein Neustart}}\n";

static const char de_changes[] =
  "# libmaint default template: changed maintenance windows, German\n"
  "@subject\n"
  "Geänderte Wartung für {group}: {windows, plural, one {# Wartungsfenster} other {# Wartungsfenster}}\n"
  "@header\n"
  "Guten Tag,\n"
  "\n"
  "wir müssen angekündigte Wartungsfenster Ihrer Ressourcengruppe {group} ändern. Alle Zeiten sind in Ihrer Zeitzone ({timezone}) mit deren Abkürzung sowie in UTC angegeben.\n"
  "@machine\n"
  "\n"
  "{machine}: {reboots, plural, =0 {kein Neustart} one {# Neustart} other {# Neustarts}}{host_reboots, plural, =0 {} other { (davon {host_reboots, plural, one {# durch den Neustart des Wirtssystems} other {# durch Neustarts des Wirtssystems}})}}\n"
  "@window\n"
  "  - {change, select,\n"
  "      moved {Verschoben von {previous_start_date}, {previous_start_time} {previous_start_zone} – {previous_same_day, select, yes {} other {{previous_end_date}, }}{previous_end_time} {previous_end_zone}\n"
  "    auf {start_date}, {start_time} {start_zone} – {same_day, select, yes {} other {{end_date}, }}{end_time} {end_zone} (UTC: {start_utc} – {end_utc})\n"
  "    {cause, select, host {Neustart des Wirtssystems {host}} other {{activities}}}; erwartete Ausfallzeit: {downtime, plural, one {# Minute} other {# Minuten}}; {reboot, select, cold {Kaltstart} warm {Neustart} other {kein Neustart}}}\n"
  "      cancelled {Abgesagt: {start_date}, {start_time} {start_zone} – {same_day, select, yes {} other {{end_date}, }}{end_time} {end_zone} (UTC: {start_utc} – {end_utc})\n"
  "    {cause, select, host {Neustart des Wirtssystems {host}} other {{activities}}}}\n"
  "      other {{start_date}, {start_time} {start_zone} – {same_day, select, yes {} other {{end_date}, }}{end_time} {end_zone} (UTC: {start_utc} – {end_utc})\n"
  "    Jetzt mit {reboot, select, cold {Kaltstart} warm {Neustart} other {keinem Neustart}} statt {previous_reboot, select, cold {Kaltstart} warm {Neustart} other {keinem Neustart}}: {activities}; erwartete Ausfallzeit: {downtime, plural, one {# Minute} other {# Minuten}}}}\n"
  "@activity\n"
  "{has_summary, select, yes {{summary}} other {{kind, select, reboot {Neustart} memory_resize {Änderung des Arbeitsspeichers} cpu_change {Änderung der CPU-Anzahl} kernel_update {Kernel-Update} system_update {Systemaktualisierung} fs_check {Dateisystemprüfung} fs_migration {Dateisystem-Migration} host_reboot {Neustart des Wirtssystems} other {Wartung}}}}\n"
  "@footer\n"
  "\n"
  "Wir bitten um Ihr Verständnis. Falls ein neuer Zeitraum für Sie nicht passt, antworten Sie bitte auf diese Nachricht. Der beigefügte Kalender aktualisiert die Wartungsfenster in Ihrem Kalender.\n"
  "@event-summary\n"
  "Wartung: {machine}\n"
  "@event-description\n"
  "{change, select, cancelled {Abgesagt. } other {}}{cause, select, host {Neustart des Wirtssystems {host}} other {{activities}}}\n"
  "Erwartete Ausfallzeit: {downtime, plural, one {# Minute} other {# Minuten}}; {reboot, select, cold {Kaltstart} warm {Neustart} other {kein Neustart}}\n";

static const char * const languages[] = { "en", "de", NULL };

const char * const *
maint_template_default_languages (void)
{
  return languages;
}

const char *
maint_template_default_text (const char      *language,
                             MaintNoticeKind  kind)
{
  static const char * const en[] = { en_settings, en_new_windows, en_changes };
  static const char * const de[] = { de_settings, de_new_windows, de_changes };

  if ((guint) kind >= G_N_ELEMENTS (en))
    return NULL;
  if (g_strcmp0 (language, "en") == 0)
    return en[kind];
  if (g_strcmp0 (language, "de") == 0)
    return de[kind];
  return NULL;
}

const char * const *
maint_template_sections (MaintNoticeKind kind)
{
  static const char * const settings[] = { "subject", "body", NULL };
  static const char * const windows[] = {
    "subject", "header", "machine", "window", "activity", "footer",
    "event-summary", "event-description", NULL
  };

  return kind == MAINT_NOTICE_KIND_SETTINGS ? settings : windows;
}

void
maint_template_free (MaintTemplate *tmpl)
{
  if (tmpl == NULL)
    return;
  g_free (tmpl->text);
  g_clear_pointer (&tmpl->sections, g_hash_table_unref);
  g_free (tmpl);
}

const char *
maint_template_get (MaintTemplate *tmpl,
                    const char    *section)
{
  return g_hash_table_lookup (tmpl->sections, section);
}

static gboolean
finish_section (MaintTemplate  *tmpl,
                char           *name,
                GString        *content,
                GError        **error)
{
  if (name == NULL)
    return TRUE;
  while (content->len > 0 && content->str[content->len - 1] == '\n')
    g_string_truncate (content, content->len - 1);
  if (!g_strv_contains (maint_template_sections (tmpl->kind), name))
    {
      g_set_error (error, MAINT_NOTIFIER_ERROR, MAINT_NOTIFIER_ERROR_TEMPLATE_FAILED,
                   "unknown section “@%s”", name);
      return FALSE;
    }
  if (g_hash_table_contains (tmpl->sections, name))
    {
      g_set_error (error, MAINT_NOTIFIER_ERROR, MAINT_NOTIFIER_ERROR_TEMPLATE_FAILED,
                   "section “@%s” appears twice", name);
      return FALSE;
    }
  g_hash_table_insert (tmpl->sections, g_strdup (name), g_strdup (content->str));
  return TRUE;
}

MaintTemplate *
maint_template_parse (MaintNoticeKind   kind,
                      const char       *text,
                      GError          **error)
{
  g_autoptr(MaintTemplate) tmpl = g_new0 (MaintTemplate, 1);
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) content = g_string_new (NULL);
  g_autofree char *name = NULL;
  const char * const *sections = maint_template_sections (kind);

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, MAINT_NOTIFIER_ERROR, MAINT_NOTIFIER_ERROR_TEMPLATE_FAILED,
                           "the template is not valid UTF-8");
      return NULL;
    }

  tmpl->kind = kind;
  tmpl->text = g_strdup (text);
  tmpl->sections = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = lines[i];
      gsize len = strlen (line);

      /* CRLF files work too */
      if (len > 0 && line[len - 1] == '\r')
        line[--len] = '\0';

      if (line[0] == '@' && line[1] != '@')
        {
          if (!finish_section (tmpl, name, content, error))
            return NULL;
          g_free (name);
          name = g_strstrip (g_strdup (line + 1));
          g_string_truncate (content, 0);
          continue;
        }
      if (name == NULL)
        {
          if (line[0] == '\0' || line[0] == '#')
            continue;
          g_set_error (error, MAINT_NOTIFIER_ERROR, MAINT_NOTIFIER_ERROR_TEMPLATE_FAILED,
                       "line %u: text before the first section (sections start with “@name”)", i + 1);
          return NULL;
        }
      g_string_append (content, line[0] == '@' ? line + 1 : line);
      g_string_append_c (content, '\n');
    }
  if (!finish_section (tmpl, name, content, error))
    return NULL;

  for (guint i = 0; sections[i] != NULL; i++)
    if (!g_hash_table_contains (tmpl->sections, sections[i]))
      {
        g_set_error (error, MAINT_NOTIFIER_ERROR, MAINT_NOTIFIER_ERROR_TEMPLATE_FAILED,
                     "section “@%s” is missing", sections[i]);
        return NULL;
      }

  return g_steal_pointer (&tmpl);
}
