/* maint-plan-report.c: what a plan reports besides its slots
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * MaintLateActivity (a planned activity that misses its deadline) and
 * MaintFinding (a problem of the fleet's placement). Both are immutable
 * once constructed.
 */
#include "config.h"

#include "maint-plan.h"
#include "maint-enum-types.h"

/* ------------------------------------------------------------------ */
/* MaintLateActivity                                                   */

/**
 * MaintLateActivity:
 *
 * An activity that is planned, but whose slot ends after its deadline:
 * its own [property@Maint.Activity:deadline], or the implicit one
 * `booted_at + max_uptime` of [property@Maint.Policy:max-uptime]. The
 * scheduler places such activities as early as it can and reports here
 * by how much they are late. An absorbed activity's end is the end of its
 * host's reboot.
 */
struct _MaintLateActivity
{
  GObject parent_instance;

  char   *activity;
  char   *machine;
  gint64  deadline;
  gint64  end;
};

G_DEFINE_FINAL_TYPE (MaintLateActivity, maint_late_activity, G_TYPE_OBJECT)

enum {
  LATE_PROP_0,
  LATE_PROP_ACTIVITY,
  LATE_PROP_MACHINE,
  LATE_PROP_DEADLINE,
  LATE_PROP_END,
  LATE_PROP_LATENESS,
  LATE_N_PROPS
};

static GParamSpec *late_properties[LATE_N_PROPS];

static void
maint_late_activity_finalize (GObject *object)
{
  MaintLateActivity *self = MAINT_LATE_ACTIVITY (object);

  g_clear_pointer (&self->activity, g_free);
  g_clear_pointer (&self->machine, g_free);

  G_OBJECT_CLASS (maint_late_activity_parent_class)->finalize (object);
}

static void
maint_late_activity_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  MaintLateActivity *self = MAINT_LATE_ACTIVITY (object);

  switch (prop_id)
    {
    case LATE_PROP_ACTIVITY:
      g_value_set_string (value, self->activity);
      break;
    case LATE_PROP_MACHINE:
      g_value_set_string (value, self->machine);
      break;
    case LATE_PROP_DEADLINE:
      g_value_set_int64 (value, self->deadline);
      break;
    case LATE_PROP_END:
      g_value_set_int64 (value, self->end);
      break;
    case LATE_PROP_LATENESS:
      g_value_set_int64 (value, maint_late_activity_get_lateness (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
maint_late_activity_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  MaintLateActivity *self = MAINT_LATE_ACTIVITY (object);

  switch (prop_id)
    {
    case LATE_PROP_ACTIVITY:
      self->activity = g_value_dup_string (value);
      break;
    case LATE_PROP_MACHINE:
      self->machine = g_value_dup_string (value);
      break;
    case LATE_PROP_DEADLINE:
      self->deadline = g_value_get_int64 (value);
      break;
    case LATE_PROP_END:
      self->end = g_value_get_int64 (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
maint_late_activity_class_init (MaintLateActivityClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;
  GParamFlags co = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS |
                   G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = maint_late_activity_finalize;
  object_class->get_property = maint_late_activity_get_property;
  object_class->set_property = maint_late_activity_set_property;

  /**
   * MaintLateActivity:activity:
   *
   * The id of the late activity.
   */
  late_properties[LATE_PROP_ACTIVITY] =
    g_param_spec_string ("activity", NULL, NULL, NULL, co);
  /**
   * MaintLateActivity:machine:
   *
   * The name of the activity's machine.
   */
  late_properties[LATE_PROP_MACHINE] =
    g_param_spec_string ("machine", NULL, NULL, NULL, co);
  /**
   * MaintLateActivity:deadline:
   *
   * The deadline the activity misses, in seconds since the Unix epoch.
   */
  late_properties[LATE_PROP_DEADLINE] =
    g_param_spec_int64 ("deadline", NULL, NULL, G_MININT64, G_MAXINT64, 0, co);
  /**
   * MaintLateActivity:end:
   *
   * The end of the activity's slot (or of the host reboot that absorbs
   * it), in seconds since the Unix epoch.
   */
  late_properties[LATE_PROP_END] =
    g_param_spec_int64 ("end", NULL, NULL, G_MININT64, G_MAXINT64, 0, co);
  /**
   * MaintLateActivity:lateness:
   *
   * How late the activity is: `end - deadline`, in seconds.
   */
  late_properties[LATE_PROP_LATENESS] =
    g_param_spec_int64 ("lateness", NULL, NULL, G_MININT64, G_MAXINT64, 0, ro);

  g_object_class_install_properties (object_class, LATE_N_PROPS, late_properties);
}

static void
maint_late_activity_init (MaintLateActivity *self)
{
}

/**
 * maint_late_activity_new:
 * @activity: the activity's id
 * @machine: the activity's machine
 * @deadline: the deadline it misses, in seconds since the Unix epoch
 * @end: the end of its slot, in seconds since the Unix epoch
 *
 * Creates the record of a late activity.
 *
 * Returns: (transfer full): a new late activity
 */
MaintLateActivity *
maint_late_activity_new (const char *activity,
                         const char *machine,
                         gint64      deadline,
                         gint64      end)
{
  g_return_val_if_fail (activity != NULL, NULL);
  g_return_val_if_fail (machine != NULL, NULL);

  return g_object_new (MAINT_TYPE_LATE_ACTIVITY,
                       "activity", activity,
                       "machine", machine,
                       "deadline", deadline,
                       "end", end,
                       NULL);
}

/**
 * maint_late_activity_get_activity:
 * @self: a late activity
 *
 * Gets [property@Maint.LateActivity:activity].
 *
 * Returns: (transfer none): the activity's id
 */
const char *
maint_late_activity_get_activity (MaintLateActivity *self)
{
  g_return_val_if_fail (MAINT_IS_LATE_ACTIVITY (self), NULL);
  return self->activity;
}

/**
 * maint_late_activity_get_machine:
 * @self: a late activity
 *
 * Gets [property@Maint.LateActivity:machine].
 *
 * Returns: (transfer none): the machine's name
 */
const char *
maint_late_activity_get_machine (MaintLateActivity *self)
{
  g_return_val_if_fail (MAINT_IS_LATE_ACTIVITY (self), NULL);
  return self->machine;
}

/**
 * maint_late_activity_get_deadline:
 * @self: a late activity
 *
 * Gets [property@Maint.LateActivity:deadline].
 *
 * Returns: the deadline, in seconds since the Unix epoch
 */
gint64
maint_late_activity_get_deadline (MaintLateActivity *self)
{
  g_return_val_if_fail (MAINT_IS_LATE_ACTIVITY (self), 0);
  return self->deadline;
}

/**
 * maint_late_activity_get_end:
 * @self: a late activity
 *
 * Gets [property@Maint.LateActivity:end].
 *
 * Returns: the end of the slot, in seconds since the Unix epoch
 */
gint64
maint_late_activity_get_end (MaintLateActivity *self)
{
  g_return_val_if_fail (MAINT_IS_LATE_ACTIVITY (self), 0);
  return self->end;
}

/**
 * maint_late_activity_get_lateness:
 * @self: a late activity
 *
 * Gets [property@Maint.LateActivity:lateness].
 *
 * Returns: `end - deadline`, in seconds
 */
gint64
maint_late_activity_get_lateness (MaintLateActivity *self)
{
  g_return_val_if_fail (MAINT_IS_LATE_ACTIVITY (self), 0);
  return self->end - self->deadline;
}

/* ------------------------------------------------------------------ */
/* MaintFinding                                                        */

/**
 * MaintFinding:
 *
 * A problem of the fleet that the scheduler reports instead of hiding
 * it. Today there is one kind, %MAINT_FINDING_SERVICE_ON_ONE_HOST: more
 * members of a service run on one virtualisation host than the service
 * may have down at once, so every reboot (or failure) of that host takes
 * them down together — no schedule can avoid it; the machines have to
 * move.
 */
struct _MaintFinding
{
  GObject           parent_instance;

  MaintFindingKind  kind;
  char             *service;
  char            **machines;    /* never NULL */
  char             *host;
  char             *detail;
};

G_DEFINE_FINAL_TYPE (MaintFinding, maint_finding, G_TYPE_OBJECT)

enum {
  FINDING_PROP_0,
  FINDING_PROP_KIND,
  FINDING_PROP_SERVICE,
  FINDING_PROP_MACHINES,
  FINDING_PROP_HOST,
  FINDING_PROP_DETAIL,
  FINDING_N_PROPS
};

static GParamSpec *finding_properties[FINDING_N_PROPS];

static void
maint_finding_finalize (GObject *object)
{
  MaintFinding *self = MAINT_FINDING (object);

  g_clear_pointer (&self->service, g_free);
  g_clear_pointer (&self->machines, g_strfreev);
  g_clear_pointer (&self->host, g_free);
  g_clear_pointer (&self->detail, g_free);

  G_OBJECT_CLASS (maint_finding_parent_class)->finalize (object);
}

static void
maint_finding_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  MaintFinding *self = MAINT_FINDING (object);

  switch (prop_id)
    {
    case FINDING_PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case FINDING_PROP_SERVICE:
      g_value_set_string (value, self->service);
      break;
    case FINDING_PROP_MACHINES:
      g_value_set_boxed (value, self->machines);
      break;
    case FINDING_PROP_HOST:
      g_value_set_string (value, self->host);
      break;
    case FINDING_PROP_DETAIL:
      g_value_set_string (value, self->detail);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
maint_finding_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  MaintFinding *self = MAINT_FINDING (object);

  switch (prop_id)
    {
    case FINDING_PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;
    case FINDING_PROP_SERVICE:
      self->service = g_value_dup_string (value);
      break;
    case FINDING_PROP_MACHINES:
      g_strfreev (self->machines);
      self->machines = g_value_dup_boxed (value);
      if (self->machines == NULL)
        self->machines = g_new0 (char *, 1);
      break;
    case FINDING_PROP_HOST:
      self->host = g_value_dup_string (value);
      break;
    case FINDING_PROP_DETAIL:
      self->detail = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
maint_finding_class_init (MaintFindingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags co = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS |
                   G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = maint_finding_finalize;
  object_class->get_property = maint_finding_get_property;
  object_class->set_property = maint_finding_set_property;

  /**
   * MaintFinding:kind:
   *
   * What the finding is about.
   */
  finding_properties[FINDING_PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, MAINT_TYPE_FINDING_KIND,
                       MAINT_FINDING_SERVICE_ON_ONE_HOST, co);
  /**
   * MaintFinding:service:
   *
   * The name of the service concerned, or %NULL.
   */
  finding_properties[FINDING_PROP_SERVICE] =
    g_param_spec_string ("service", NULL, NULL, NULL, co);
  /**
   * MaintFinding:machines:
   *
   * The machines concerned, sorted by name; never %NULL.
   */
  finding_properties[FINDING_PROP_MACHINES] =
    g_param_spec_boxed ("machines", NULL, NULL, G_TYPE_STRV, co);
  /**
   * MaintFinding:host:
   *
   * The name of the virtualisation host concerned, or %NULL.
   */
  finding_properties[FINDING_PROP_HOST] =
    g_param_spec_string ("host", NULL, NULL, NULL, co);
  /**
   * MaintFinding:detail:
   *
   * One English sentence saying what is wrong and what it means.
   */
  finding_properties[FINDING_PROP_DETAIL] =
    g_param_spec_string ("detail", NULL, NULL, NULL, co);

  g_object_class_install_properties (object_class, FINDING_N_PROPS, finding_properties);
}

static void
maint_finding_init (MaintFinding *self)
{
  self->machines = g_new0 (char *, 1);
}

/**
 * maint_finding_new:
 * @kind: what the finding is about
 * @service: (nullable): the service concerned
 * @machines: (nullable) (array zero-terminated=1): the machines concerned
 * @host: (nullable): the host concerned
 * @detail: (nullable): a sentence describing it
 *
 * Creates a finding.
 *
 * Returns: (transfer full): a new finding
 */
MaintFinding *
maint_finding_new (MaintFindingKind    kind,
                   const char         *service,
                   const char * const *machines,
                   const char         *host,
                   const char         *detail)
{
  return g_object_new (MAINT_TYPE_FINDING,
                       "kind", kind,
                       "service", service,
                       "machines", machines,
                       "host", host,
                       "detail", detail,
                       NULL);
}

/**
 * maint_finding_get_kind:
 * @self: a finding
 *
 * Gets [property@Maint.Finding:kind].
 *
 * Returns: what the finding is about
 */
MaintFindingKind
maint_finding_get_kind (MaintFinding *self)
{
  g_return_val_if_fail (MAINT_IS_FINDING (self), MAINT_FINDING_SERVICE_ON_ONE_HOST);
  return self->kind;
}

/**
 * maint_finding_get_service:
 * @self: a finding
 *
 * Gets [property@Maint.Finding:service].
 *
 * Returns: (transfer none) (nullable): the service's name
 */
const char *
maint_finding_get_service (MaintFinding *self)
{
  g_return_val_if_fail (MAINT_IS_FINDING (self), NULL);
  return self->service;
}

/**
 * maint_finding_get_machines:
 * @self: a finding
 *
 * Gets [property@Maint.Finding:machines].
 *
 * Returns: (transfer none) (array zero-terminated=1): the machines' names
 */
const char * const *
maint_finding_get_machines (MaintFinding *self)
{
  g_return_val_if_fail (MAINT_IS_FINDING (self), NULL);
  return (const char * const *) self->machines;
}

/**
 * maint_finding_get_host:
 * @self: a finding
 *
 * Gets [property@Maint.Finding:host].
 *
 * Returns: (transfer none) (nullable): the host's name
 */
const char *
maint_finding_get_host (MaintFinding *self)
{
  g_return_val_if_fail (MAINT_IS_FINDING (self), NULL);
  return self->host;
}

/**
 * maint_finding_get_detail:
 * @self: a finding
 *
 * Gets [property@Maint.Finding:detail].
 *
 * Returns: (transfer none) (nullable): the sentence
 */
const char *
maint_finding_get_detail (MaintFinding *self)
{
  g_return_val_if_fail (MAINT_IS_FINDING (self), NULL);
  return self->detail;
}
