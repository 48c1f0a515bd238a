/* maint-tz.c: time zone rules from the system tz database
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A zone is loaded once from its TZif file (RFC 8536) and expanded into one
 * sorted table of periods: the file's own transitions, followed by the
 * transitions that the footer's POSIX TZ string generates up to
 * MAINT_TZ_LAST_YEAR. Every lookup is then a binary search over that
 * table, without allocation or locking. Zones are cached for the life of
 * the process and never freed.
 *
 * We do not use GTimeZone: it silently falls back to UTC for unknown names
 * and offers no "earliest/latest/gap" resolution of local times. ICU is
 * not used either: its built-in rules lag behind the system database.
 */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "maint-error.h"
#include "maint-json-private.h"
#include "maint-tz-private.h"

/* The footer rule is expanded up to the end of this year. Instants are
 * limited to 2100 (MAINT_INSTANT_MAX); the margin covers local readings
 * and windows that end shortly after it. */
#define MAINT_TZ_LAST_YEAR 2110
/* Zones without file transitions get footer transitions from this year. */
#define MAINT_TZ_FIRST_YEAR 1890

/* Real TZif files are a few KiB; anything huge is not a zone. */
#define MAX_TZIF_SIZE (1024 * 1024)
#define MAX_TZIF_TIMES 50000
#define MAX_TZIF_TYPES 256
#define MAX_TZIF_CHARS 4096
/* RFC 8536 only excludes -2^31; tzcode limits offsets to under 26 hours,
 * which also bounds the search window of local_to_utc. */
#define MAX_UTOFF (26 * 3600 - 1)
/* RFC 8536 section 3.3.1: rule times may range over -167..167 hours. */
#define MAX_RULE_HOURS 167

typedef struct {
  gint32  offset;     /* seconds east of UTC: local = utc + offset */
  guint16 abbr;       /* byte offset of a NUL-terminated string in abbrs */
  guint8  is_dst;
} MaintTzPeriod;

struct _MaintTz {
  const char          *name;
  /* n period start instants, ascending; starts[0] is G_MININT64 so every
   * instant falls into some period. Kept apart from the period details
   * so the binary search touches as few cache lines as possible. */
  const gint64        *starts;
  const MaintTzPeriod *periods;
  guint                n;
  /* Extremes of periods[].offset: they bound the UTC instants at which a
   * local reading can occur. */
  gint32               min_offset;
  gint32               max_offset;
  const char          *abbrs;
};

static const gint64 utc_starts[1] = { G_MININT64 };
static const MaintTzPeriod utc_periods[1] = { { 0, 0, 0 } };

/* UTC needs no file: it works in chroots and containers without tzdata. */
static const MaintTz utc_zone = {
  "UTC", utc_starts, utc_periods, 1, 0, 0, "UTC"
};
static const MaintTz etc_utc_zone = {
  "Etc/UTC", utc_starts, utc_periods, 1, 0, 0, "UTC"
};

/* Cache: full file path -> MaintTz*. Keyed by path rather than by name so
 * that a changed $TZDIR is honoured instead of serving a stale zone. */
static GMutex      tz_cache_lock;
static GHashTable *tz_cache;

/* ------------------------------------------------------------------ */
/* Calendar                                                            */

gint64
maint_days_from_civil (gint64 year,
                       guint  month,
                       guint  day)
{
  gint64 era;
  guint yoe, doy, doe;

  g_return_val_if_fail (month >= 1 && month <= 12, 0);
  g_return_val_if_fail (day >= 1 && day <= 31, 0);

  /* Years start in March so the leap day is the last day of the year. */
  year -= month <= 2;
  era = (year >= 0 ? year : year - 399) / 400;
  yoe = (guint) (year - era * 400);
  doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + (gint64) doe - 719468;
}

void
maint_civil_from_days (gint64  days,
                       gint64 *out_year,
                       guint  *out_month,
                       guint  *out_day)
{
  gint64 era, year;
  guint doe, yoe, doy, mp, month, day;

  days += 719468;
  era = (days >= 0 ? days : days - 146096) / 146097;
  doe = (guint) (days - era * 146097);
  yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  year = (gint64) yoe + era * 400;
  doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  mp = (5 * doy + 2) / 153;
  day = doy - (153 * mp + 2) / 5 + 1;
  month = mp < 10 ? mp + 3 : mp - 9;
  year += month <= 2;

  if (out_year)
    *out_year = year;
  if (out_month)
    *out_month = month;
  if (out_day)
    *out_day = day;
}

guint
maint_weekday_from_days (gint64 days)
{
  /* 1970-01-01 was a Thursday (3 with Monday = 0). */
  return (guint) ((days % 7 + 7 + 3) % 7);
}

static gboolean
is_leap_year (gint64 year)
{
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

static guint
days_in_month (gint64 year,
               guint  month)
{
  static const guint8 lengths[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

  if (month == 2 && is_leap_year (year))
    return 29;
  return lengths[month - 1];
}

/* Floor division for instants before 1970. */
static gint64
div_floor (gint64 a,
           gint64 b)
{
  gint64 q = a / b;

  if ((a % b != 0) && ((a < 0) != (b < 0)))
    q--;
  return q;
}

/* ------------------------------------------------------------------ */
/* Messages                                                            */

static void
set_zone_error (GError    **error,
                const char *name,
                const char *detail)
{
  g_autofree char *quoted = maint_json_quote (name);

  if (detail != NULL)
    g_set_error (error, MAINT_TIME_ERROR, MAINT_TIME_ERROR_ZONE_FAILED,
                 "unknown time zone %s: %s", quoted, detail);
  else
    g_set_error (error, MAINT_TIME_ERROR, MAINT_TIME_ERROR_ZONE_FAILED,
                 "unknown time zone %s", quoted);
}

/* ------------------------------------------------------------------ */
/* POSIX TZ strings (the TZif footer)                                  */

typedef enum {
  RULE_JULIAN,        /* Jn: 1..365, February 29 never counted */
  RULE_DAY,           /* n: 0..365, February 29 counted */
  RULE_MONTH_WEEK,    /* Mm.w.d: day d (0 = Sunday) of week w (5 = last) */
} RuleKind;

typedef struct {
  RuleKind kind;
  int      day;       /* RULE_JULIAN, RULE_DAY; weekday for RULE_MONTH_WEEK */
  int      month;
  int      week;
  gint32   time;      /* local seconds after midnight, may be negative */
} TzRule;

typedef struct {
  char     std_name[32];
  gint32   std_offset;  /* seconds east of UTC (POSIX signs are inverted) */
  gboolean has_dst;
  char     dst_name[32];
  gint32   dst_offset;
  TzRule   start;       /* given in standard time */
  TzRule   end;         /* given in daylight saving time */
} TzFooter;

static gboolean
parse_number (const char **p,
              int          max_digits,
              int         *out)
{
  int v = 0, n = 0;

  while (n < max_digits && g_ascii_isdigit (**p))
    {
      v = v * 10 + (**p - '0');
      (*p)++;
      n++;
    }
  *out = v;
  return n > 0;
}

/* Abbreviation: 3+ letters, or <...> with letters, digits, '+', '-'. */
static gboolean
parse_tz_name (const char **p,
               char        *buf,
               gsize        size)
{
  gsize n = 0;

  if (**p == '<')
    {
      (*p)++;
      while (g_ascii_isalnum (**p) || **p == '+' || **p == '-')
        {
          if (n + 1 >= size)
            return FALSE;
          buf[n++] = *(*p)++;
        }
      if (**p != '>')
        return FALSE;
      (*p)++;
    }
  else
    {
      while (g_ascii_isalpha (**p))
        {
          if (n + 1 >= size)
            return FALSE;
          buf[n++] = *(*p)++;
        }
    }
  buf[n] = '\0';
  return n >= 3;
}

/* [+-]hh[:mm[:ss]] with hh <= @max_hours; returns seconds. */
static gboolean
parse_hms (const char **p,
           int          max_hours,
           gint32      *out)
{
  int sign = 1, h, m = 0, s = 0;

  if (**p == '+' || **p == '-')
    {
      sign = **p == '-' ? -1 : 1;
      (*p)++;
    }
  if (!parse_number (p, 3, &h) || h > max_hours)
    return FALSE;
  if (**p == ':')
    {
      (*p)++;
      if (!parse_number (p, 2, &m) || m > 59)
        return FALSE;
      if (**p == ':')
        {
          (*p)++;
          if (!parse_number (p, 2, &s) || s > 59)
            return FALSE;
        }
    }
  *out = sign * (h * 3600 + m * 60 + s);
  return TRUE;
}

static gboolean
parse_rule (const char **p,
            TzRule      *rule)
{
  int v;

  if (**p == 'J')
    {
      (*p)++;
      if (!parse_number (p, 3, &v) || v < 1 || v > 365)
        return FALSE;
      rule->kind = RULE_JULIAN;
      rule->day = v;
    }
  else if (**p == 'M')
    {
      (*p)++;
      if (!parse_number (p, 2, &rule->month) || rule->month < 1 || rule->month > 12)
        return FALSE;
      if (*(*p)++ != '.')
        return FALSE;
      if (!parse_number (p, 1, &rule->week) || rule->week < 1 || rule->week > 5)
        return FALSE;
      if (*(*p)++ != '.')
        return FALSE;
      if (!parse_number (p, 1, &rule->day) || rule->day > 6)
        return FALSE;
      rule->kind = RULE_MONTH_WEEK;
    }
  else
    {
      if (!parse_number (p, 3, &v) || v > 365)
        return FALSE;
      rule->kind = RULE_DAY;
      rule->day = v;
    }

  rule->time = 2 * 3600;
  if (**p == '/')
    {
      (*p)++;
      if (!parse_hms (p, MAX_RULE_HOURS, &rule->time))
        return FALSE;
    }
  return TRUE;
}

static gboolean
parse_footer (const char *text,
              TzFooter   *f)
{
  const char *p = text;
  gint32 posix;

  memset (f, 0, sizeof *f);
  if (!parse_tz_name (&p, f->std_name, sizeof f->std_name))
    return FALSE;
  if (!parse_hms (&p, 24, &posix))
    return FALSE;
  /* POSIX offsets count hours west of Greenwich. */
  f->std_offset = -posix;

  if (*p == '\0')
    return TRUE;

  if (!parse_tz_name (&p, f->dst_name, sizeof f->dst_name))
    return FALSE;
  f->has_dst = TRUE;
  f->dst_offset = f->std_offset + 3600;
  if (*p != ',' && *p != '\0')
    {
      if (!parse_hms (&p, 24, &posix))
        return FALSE;
      f->dst_offset = -posix;
    }

  if (*p == '\0')
    {
      /* No rules: tzcode's default (TZDEFRULESTRING), the US rules. */
      p = ",M3.2.0,M11.1.0";
    }
  if (*p++ != ',' || !parse_rule (&p, &f->start))
    return FALSE;
  if (*p++ != ',' || !parse_rule (&p, &f->end))
    return FALSE;
  return *p == '\0';
}

/* The local wall-clock reading (seconds since 1970-01-01T00:00 local) at
 * which @rule fires in @year. */
static gint64
rule_local_time (const TzRule *rule,
                 gint64        year)
{
  gint64 days;

  switch (rule->kind)
    {
    case RULE_JULIAN:
      days = maint_days_from_civil (year, 1, 1) + rule->day - 1;
      if (is_leap_year (year) && rule->day >= 60)
        days++;
      break;
    case RULE_DAY:
      days = maint_days_from_civil (year, 1, 1) + rule->day;
      break;
    case RULE_MONTH_WEEK:
    default:
      {
        gint64 first = maint_days_from_civil (year, (guint) rule->month, 1);
        /* POSIX counts weekdays from Sunday = 0; ours from Monday = 0. */
        int wd_first = (int) (maint_weekday_from_days (first) + 1) % 7;
        int mday = (rule->day - wd_first + 7) % 7 + 7 * (rule->week - 1);
        int len = (int) days_in_month (year, (guint) rule->month);

        while (mday >= len)   /* week 5 means "last" */
          mday -= 7;
        days = first + mday;
      }
      break;
    }
  return days * 86400 + rule->time;
}

/* ------------------------------------------------------------------ */
/* Building the period table                                           */

typedef struct {
  GArray  *starts;    /* gint64 */
  GArray  *periods;   /* MaintTzPeriod */
  GString *abbrs;
} TableBuilder;

static gboolean
period_equal (const TableBuilder  *b,
              const MaintTzPeriod *x,
              const MaintTzPeriod *y)
{
  return x->offset == y->offset && x->is_dst == y->is_dst &&
         strcmp (b->abbrs->str + x->abbr, b->abbrs->str + y->abbr) == 0;
}

/* Appends a period starting at @start (>= the last start). Periods that
 * change nothing are dropped, and a period starting at the same instant
 * as the previous one replaces it, so the table has no empty periods. */
static void
push_period (TableBuilder        *b,
             gint64               start,
             const MaintTzPeriod *p)
{
  guint n = b->starts->len;

  if (n > 0 && g_array_index (b->starts, gint64, n - 1) >= start)
    {
      g_array_index (b->periods, MaintTzPeriod, n - 1) = *p;
      if (n > 1 && period_equal (b, &g_array_index (b->periods, MaintTzPeriod, n - 2), p))
        {
          g_array_set_size (b->starts, n - 1);
          g_array_set_size (b->periods, n - 1);
        }
      return;
    }
  if (n > 0 && period_equal (b, &g_array_index (b->periods, MaintTzPeriod, n - 1), p))
    return;
  g_array_append_val (b->starts, start);
  g_array_append_val (b->periods, *p);
}

/* Offset of @name in the abbreviation pool, appending it if needed. The
 * pool is a sequence of NUL-terminated strings; any suffix of one of them
 * is a valid abbreviation too (TZif files share "CEST" and "EST"). */
static guint16
intern_abbr (TableBuilder *b,
             const char   *name)
{
  gsize len = strlen (name);
  gsize i;

  for (i = 0; i + len < b->abbrs->len; i++)
    if (b->abbrs->str[i + len] == '\0' && memcmp (b->abbrs->str + i, name, len) == 0)
      return (guint16) i;
  i = b->abbrs->len;
  g_string_append_len (b->abbrs, name, (gssize) len + 1);
  return (guint16) i;
}

typedef struct {
  gint64   time;
  gint64   year;
  gboolean to_dst;
} FooterTransition;

static int
footer_transition_compare (gconstpointer a,
                           gconstpointer b)
{
  const FooterTransition *x = a, *y = b;

  if (x->time != y->time)
    return x->time < y->time ? -1 : 1;
  /* At equal instants the later year wins (it is applied last): this
   * keeps "DST all year" rules such as EST5EDT,0/0,J365/25 in DST. */
  if (x->year != y->year)
    return x->year < y->year ? -1 : 1;
  return x->to_dst ? -1 : 1;
}

/* Appends the footer's periods after @after (G_MININT64: the footer
 * governs all time). The period in force at @after is already the last
 * one in the table unless the table is empty. */
static void
expand_footer (TableBuilder   *b,
               const TzFooter *f,
               gint64          after)
{
  MaintTzPeriod std = { f->std_offset, intern_abbr (b, f->std_name), 0 };
  MaintTzPeriod dst;
  g_autoptr(GArray) trans = NULL;
  gint64 first_year, year;
  guint i;

  if (!f->has_dst)
    {
      /* After the last transition the file's last type stays in force;
       * RFC 8536 requires the footer to agree with it. */
      if (b->starts->len == 0)
        push_period (b, G_MININT64, &std);
      return;
    }

  dst.offset = f->dst_offset;
  dst.abbr = intern_abbr (b, f->dst_name);
  dst.is_dst = 1;

  if (after == G_MININT64)
    first_year = MAINT_TZ_FIRST_YEAR;
  else
    {
      maint_civil_from_days (div_floor (after, 86400), &first_year, NULL, NULL);
      /* Rule times reach up to a week into the neighbouring year. */
      first_year--;
      /* A file whose last transition lies far in the past (a crafted or
       * corrupt one: the fuzzer found one at -2^59) would otherwise make
       * this loop run for billions of years. */
      first_year = MAX (first_year, MAINT_TZ_FIRST_YEAR);
    }

  trans = g_array_new (FALSE, FALSE, sizeof (FooterTransition));
  for (year = first_year; year <= MAINT_TZ_LAST_YEAR; year++)
    {
      FooterTransition on = { rule_local_time (&f->start, year) - f->std_offset, year, TRUE };
      FooterTransition off = { rule_local_time (&f->end, year) - f->dst_offset, year, FALSE };

      g_array_append_val (trans, on);
      g_array_append_val (trans, off);
    }
  g_array_sort (trans, footer_transition_compare);

  if (b->starts->len == 0)
    {
      /* Before the first generated transition the other state holds. */
      const FooterTransition *t0 = &g_array_index (trans, FooterTransition, 0);
      push_period (b, G_MININT64, t0->to_dst ? &std : &dst);
    }

  for (i = 0; i < trans->len; i++)
    {
      const FooterTransition *t = &g_array_index (trans, FooterTransition, i);

      if (t->time > after)
        push_period (b, t->time, t->to_dst ? &dst : &std);
    }
}

/* ------------------------------------------------------------------ */
/* TZif                                                                */

typedef struct {
  guint32 isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt;
} TzifCounts;

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

static gint64
read_be64 (const guint8 *p)
{
  return (gint64) (((guint64) read_be32 (p) << 32) | read_be32 (p + 4));
}

static gboolean
read_header (const guint8 *data,
             gsize         len,
             gsize         pos,
             char         *out_version,
             TzifCounts   *c)
{
  const guint8 *p = data + pos;

  if (len - pos < 44 || memcmp (p, "TZif", 4) != 0)
    return FALSE;
  *out_version = (char) p[4];
  c->isutcnt = read_be32 (p + 20);
  c->isstdcnt = read_be32 (p + 24);
  c->leapcnt = read_be32 (p + 28);
  c->timecnt = read_be32 (p + 32);
  c->typecnt = read_be32 (p + 36);
  c->charcnt = read_be32 (p + 40);
  /* Bounded counts keep the size arithmetic below far from overflow. */
  return c->timecnt <= MAX_TZIF_TIMES && c->typecnt <= MAX_TZIF_TYPES &&
         c->charcnt <= MAX_TZIF_CHARS && c->leapcnt <= MAX_TZIF_TIMES &&
         c->isutcnt <= MAX_TZIF_TYPES && c->isstdcnt <= MAX_TZIF_TYPES;
}

static gsize
block_size (const TzifCounts *c,
            gsize             time_size)
{
  return c->timecnt * time_size + c->timecnt + c->typecnt * 6 + c->charcnt +
         c->leapcnt * (time_size + 4) + c->isstdcnt + c->isutcnt;
}

/* Parses a TZif file into @b. Returns NULL on success, else a static
 * description of the problem. */
static const char *
parse_tzif (const guint8 *data,
            gsize         len,
            TableBuilder *b)
{
  TzifCounts c;
  char version;
  gsize pos = 0, time_size = 4;
  const guint8 *times, *idxs, *types, *chars;
  MaintTzPeriod tt[MAX_TZIF_TYPES];
  gboolean have_footer = FALSE;
  TzFooter footer;
  gint64 last = G_MININT64;
  guint32 i;

  if (!read_header (data, len, 0, &version, &c))
    return "not a TZif file";
  if (version != '\0' && (version < '2' || version > '9'))
    return "unsupported TZif version";

  if (version != '\0')
    {
      /* Skip the 32-bit block: the 64-bit one follows and is complete. */
      pos = 44 + block_size (&c, 4);
      if (pos > len || !read_header (data, len, pos, &version, &c))
        return "truncated TZif file";
      time_size = 8;
    }
  pos += 44;

  if (c.leapcnt != 0)
    return "zones with leap seconds (\"right/\") are not supported";
  if (c.typecnt == 0 || c.charcnt == 0)
    return "TZif file without local time types";
  if ((c.isstdcnt != 0 && c.isstdcnt != c.typecnt) ||
      (c.isutcnt != 0 && c.isutcnt != c.typecnt))
    return "inconsistent TZif header";
  if (len - pos < block_size (&c, time_size))
    return "truncated TZif file";

  times = data + pos;
  idxs = times + c.timecnt * time_size;
  types = idxs + c.timecnt;
  chars = types + c.typecnt * 6;
  pos += block_size (&c, time_size);

  if (chars[c.charcnt - 1] != '\0')
    return "unterminated abbreviation in TZif file";
  g_string_append_len (b->abbrs, (const char *) chars, c.charcnt);

  for (i = 0; i < c.typecnt; i++)
    {
      const guint8 *t = types + 6 * i;
      gint32 utoff = (gint32) read_be32 (t);

      if (utoff < -MAX_UTOFF || utoff > MAX_UTOFF || t[4] > 1 || t[5] >= c.charcnt)
        return "invalid local time type in TZif file";
      tt[i].offset = utoff;
      tt[i].is_dst = t[4];
      tt[i].abbr = t[5];
    }

  if (time_size == 8)
    {
      const char *start, *end;

      /* Footer: "\n" TZ-string "\n". An empty string means no rule. */
      if (pos >= len || data[pos] != '\n')
        return "TZif file without footer";
      start = (const char *) data + pos + 1;
      end = memchr (start, '\n', len - pos - 1);
      if (end == NULL)
        return "unterminated TZif footer";
      if (end > start)
        {
          g_autofree char *tz = g_strndup (start, (gsize) (end - start));

          if (strlen (tz) != (gsize) (end - start) || !parse_footer (tz, &footer))
            return "invalid TZ string in TZif footer";
          have_footer = TRUE;
        }
    }

  /* Before the first transition, local time type 0 applies (RFC 8536
   * section 3.2); with no transitions at all the footer governs. */
  if (c.timecnt > 0 || !have_footer)
    push_period (b, G_MININT64, &tt[0]);

  for (i = 0; i < c.timecnt; i++)
    {
      gint64 t = time_size == 8 ? read_be64 (times + 8 * i)
                                : (gint64) (gint32) read_be32 (times + 4 * i);

      if (i > 0 && t <= last)
        return "TZif transitions out of order";
      if (idxs[i] >= c.typecnt)
        return "invalid transition type in TZif file";
      last = t;
      push_period (b, t, &tt[idxs[i]]);
    }

  if (have_footer)
    expand_footer (b, &footer, c.timecnt > 0 ? last : G_MININT64);
  return NULL;
}

/* tz database names: "Area/Location" made of letters, digits, '_', '-',
 * '+' and '.', relative, without empty, hidden or ".." components. */
static gboolean
zone_name_is_valid (const char *name)
{
  const char *p;

  if (name[0] == '\0' || name[0] == '/' || strlen (name) > 255)
    return FALSE;
  if (strstr (name, "..") != NULL || strstr (name, "//") != NULL ||
      strstr (name, "/.") != NULL || name[0] == '.')
    return FALSE;
  /* A symlink to the host's configured zone, not a zone name. */
  if (strcmp (name, "localtime") == 0)
    return FALSE;
  for (p = name; *p; p++)
    if (!g_ascii_isalnum (*p) && strchr ("_-+./", *p) == NULL)
      return FALSE;
  return p[-1] != '/';
}

MaintTz *
maint_tz_new_from_data (const char    *name,
                        const guint8  *data,
                        gsize          length,
                        const char   **out_problem)
{
  TableBuilder b;
  const char *problem;
  MaintTz *tz;
  guint i;

  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (length > MAX_TZIF_SIZE)
    {
      if (out_problem)
        *out_problem = "file too large for a TZif file";
      return NULL;
    }

  b.starts = g_array_new (FALSE, FALSE, sizeof (gint64));
  b.periods = g_array_new (FALSE, FALSE, sizeof (MaintTzPeriod));
  b.abbrs = g_string_new (NULL);
  problem = parse_tzif (data, length, &b);
  if (problem != NULL)
    {
      g_array_unref (b.starts);
      g_array_unref (b.periods);
      g_string_free (b.abbrs, TRUE);
      if (out_problem)
        *out_problem = problem;
      return NULL;
    }

  tz = g_new0 (MaintTz, 1);
  tz->name = g_strdup (name);
  tz->n = b.starts->len;
  g_assert (g_array_index (b.starts, gint64, 0) == G_MININT64);
  tz->starts = (const gint64 *) g_array_free (b.starts, FALSE);
  tz->periods = (const MaintTzPeriod *) g_array_free (b.periods, FALSE);
  tz->abbrs = g_string_free (b.abbrs, FALSE);
  tz->min_offset = tz->max_offset = tz->periods[0].offset;
  for (i = 1; i < tz->n; i++)
    {
      tz->min_offset = MIN (tz->min_offset, tz->periods[i].offset);
      tz->max_offset = MAX (tz->max_offset, tz->periods[i].offset);
    }
  return tz;
}

void
maint_tz_free (MaintTz *tz)
{
  if (tz == NULL)
    return;
  g_free ((char *) tz->name);
  g_free ((gint64 *) tz->starts);
  g_free ((MaintTzPeriod *) tz->periods);
  g_free ((char *) tz->abbrs);
  g_free (tz);
}

static MaintTz *
load_zone (const char  *name,
           const char  *path,
           GError     **error)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) local_error = NULL;
  GStatBuf st;
  gsize len;
  const char *problem = NULL;
  MaintTz *tz;

  if (g_stat (path, &st) != 0 || !S_ISREG (st.st_mode))
    {
      set_zone_error (error, name, NULL);
      return NULL;
    }
  if (st.st_size > MAX_TZIF_SIZE)
    {
      set_zone_error (error, name, "file too large for a TZif file");
      return NULL;
    }
  if (!g_file_get_contents (path, &contents, &len, &local_error))
    {
      g_autofree char *detail = maint_json_quote (local_error->message);

      set_zone_error (error, name, detail);
      return NULL;
    }

  tz = maint_tz_new_from_data (name, (const guint8 *) contents, len, &problem);
  if (tz == NULL)
    set_zone_error (error, name, problem);
  return tz;
}

const MaintTz *
maint_tz_get (const char  *name,
              GError     **error)
{
  g_autofree char *path = NULL;
  const char *dir;
  MaintTz *tz;

  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (strcmp (name, "UTC") == 0)
    return &utc_zone;
  if (strcmp (name, "Etc/UTC") == 0)
    return &etc_utc_zone;

  /* Names come from users (fleet files, command lines): never let one
   * escape the database directory. */
  if (!zone_name_is_valid (name))
    {
      set_zone_error (error, name, NULL);
      return NULL;
    }

  /* As in tzcode, an empty $TZDIR counts as unset. */
  dir = g_getenv ("TZDIR");
  if (dir == NULL || dir[0] == '\0')
    dir = MAINT_ZONEINFO_DIR;
  path = g_build_filename (dir, name, NULL);

  /* Held while loading, so each zone is read once even when several
   * threads ask for it at the same time. Lookups never take it. */
  g_mutex_lock (&tz_cache_lock);
  if (tz_cache == NULL)
    tz_cache = g_hash_table_new (g_str_hash, g_str_equal);
  tz = g_hash_table_lookup (tz_cache, path);
  if (tz == NULL)
    {
      tz = load_zone (name, path, error);
      if (tz != NULL)
        g_hash_table_insert (tz_cache, g_steal_pointer (&path), tz);
    }
  g_mutex_unlock (&tz_cache_lock);

  return tz;
}

const char *
maint_tz_get_name (const MaintTz *tz)
{
  g_return_val_if_fail (tz != NULL, NULL);

  return tz->name;
}

/* Index of the period in force at @t: the last i with starts[i] <= t.
 * Branch-light binary search; starts[0] == G_MININT64 guarantees a hit. */
static inline guint
find_period (const MaintTz *tz,
             gint64         t)
{
  const gint64 *s = tz->starts;
  guint base = 0, len = tz->n;

  while (len > 1)
    {
      guint half = len / 2;

      base = s[base + half] <= t ? base + half : base;
      len -= half;
    }
  return base;
}

gint32
maint_tz_offset_at (const MaintTz *tz,
                    gint64         utc)
{
  g_return_val_if_fail (tz != NULL, 0);

  return tz->periods[find_period (tz, utc)].offset;
}

const char *
maint_tz_abbreviation_at (const MaintTz *tz,
                          gint64         utc)
{
  g_return_val_if_fail (tz != NULL, NULL);

  return tz->abbrs + tz->periods[find_period (tz, utc)].abbr;
}

gint64
maint_tz_local_to_utc (const MaintTz *tz,
                       gint64         local,
                       MaintTzPick    pick,
                       gboolean      *out_in_gap)
{
  gint64 latest = 0, highest;
  gboolean found = FALSE;
  guint k, gap_period = 0;

  g_return_val_if_fail (tz != NULL, 0);
  /* Keeps local - offset far from overflow. */
  g_return_val_if_fail (local > G_MININT64 / 2 && local < G_MAXINT64 / 2, 0);

  if (out_in_gap)
    *out_in_gap = FALSE;
  if (tz->n == 1)
    return local - tz->periods[0].offset;

  /* The reading can only occur at instants in [local - max_offset,
   * local - min_offset]. Period k yields the candidate local - offset_k
   * if that instant lies inside period k. Candidates from successive
   * periods are increasing, so the first is the earliest. */
  highest = local - tz->min_offset;
  for (k = find_period (tz, local - tz->max_offset); k < tz->n; k++)
    {
      gint64 u = local - tz->periods[k].offset;
      gint64 next = k + 1 < tz->n ? tz->starts[k + 1] : G_MAXINT64;

      if (u >= tz->starts[k] && u < next)
        {
          if (pick == MAINT_TZ_EARLIEST)
            return u;
          latest = u;
          found = TRUE;
        }
      else if (u < tz->starts[k] && gap_period == 0)
        {
          /* Too early for period k but (see below) too late for k - 1:
           * the reading falls into the gap opened at starts[k]. */
          gap_period = k;
        }
      if (next > highest)
        break;
    }

  if (found)
    return latest;

  /* The first period of the window is never "too early" and the last is
   * never "too late", so without a candidate a gap was seen. RFC 5545:
   * read the time with the offset in force before the gap, which moves
   * it forward by the length of the gap. */
  g_assert (gap_period > 0);
  if (out_in_gap)
    *out_in_gap = TRUE;
  return local - tz->periods[gap_period - 1].offset;
}
