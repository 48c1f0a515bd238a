/* maint-rollout.c: updates rolled out over the fleet in waves
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "maint-rollout.h"
#include "maint-activity-private.h"
#include "maint-enum-types.h"
#include "maint-time.h"

static gboolean
set_string (char       **field,
            const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* MaintWave                                                           */

/**
 * MaintWave:
 *
 * One wave of a [class@Maint.Rollout]: the set of machines updated
 * together, and when.
 *
 * A wave either *selects* machines by properties — their kind
 * ([method@Maint.Wave.set_select_kind]), whether they are representative
 * ([property@Maint.Wave:select-representative]), their stage
 * ([property@Maint.Wave:select-stage]); every criterion that is set must
 * hold — or takes a *share* (0 < share ≤ 1) of the machines that no
 * earlier wave took. It cannot do both. Waves are taken in order, so a
 * machine belongs to the first wave that takes it.
 *
 * The wave's slots start at or after [property@Maint.Wave:from] and end
 * by [property@Maint.Wave:until] when those are set.
 */

struct _MaintWave
{
  GObject parent_instance;

  char             *name;
  gint64            from;
  gint64            until;
  gdouble           share;
  gboolean          select_by_kind;
  MaintMachineKind  select_kind;
  gboolean          select_representative;
  MaintStage        select_stage;
};

G_DEFINE_FINAL_TYPE (MaintWave, maint_wave, G_TYPE_OBJECT)

enum {
  WAVE_PROP_0,
  WAVE_PROP_NAME,
  WAVE_PROP_FROM,
  WAVE_PROP_UNTIL,
  WAVE_PROP_SHARE,
  WAVE_PROP_SELECT_BY_KIND,
  WAVE_PROP_SELECT_KIND,
  WAVE_PROP_SELECT_REPRESENTATIVE,
  WAVE_PROP_SELECT_STAGE,
  WAVE_N_PROPS
};

static GParamSpec *wave_properties[WAVE_N_PROPS];

static void
maint_wave_finalize (GObject *object)
{
  MaintWave *self = MAINT_WAVE (object);

  g_clear_pointer (&self->name, g_free);

  G_OBJECT_CLASS (maint_wave_parent_class)->finalize (object);
}

static void
maint_wave_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  MaintWave *self = MAINT_WAVE (object);

  switch (prop_id)
    {
    case WAVE_PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case WAVE_PROP_FROM:
      g_value_set_int64 (value, self->from);
      break;
    case WAVE_PROP_UNTIL:
      g_value_set_int64 (value, self->until);
      break;
    case WAVE_PROP_SHARE:
      g_value_set_double (value, self->share);
      break;
    case WAVE_PROP_SELECT_BY_KIND:
      g_value_set_boolean (value, self->select_by_kind);
      break;
    case WAVE_PROP_SELECT_KIND:
      g_value_set_enum (value, self->select_kind);
      break;
    case WAVE_PROP_SELECT_REPRESENTATIVE:
      g_value_set_boolean (value, self->select_representative);
      break;
    case WAVE_PROP_SELECT_STAGE:
      g_value_set_enum (value, self->select_stage);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
maint_wave_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  MaintWave *self = MAINT_WAVE (object);

  switch (prop_id)
    {
    case WAVE_PROP_NAME:
      self->name = g_value_dup_string (value);
      break;
    case WAVE_PROP_FROM:
      maint_wave_set_from (self, g_value_get_int64 (value));
      break;
    case WAVE_PROP_UNTIL:
      maint_wave_set_until (self, g_value_get_int64 (value));
      break;
    case WAVE_PROP_SHARE:
      maint_wave_set_share (self, g_value_get_double (value));
      break;
    case WAVE_PROP_SELECT_BY_KIND:
      if (g_value_get_boolean (value))
        maint_wave_set_select_kind (self, self->select_kind);
      else
        maint_wave_unset_select_kind (self);
      break;
    case WAVE_PROP_SELECT_KIND:
      maint_wave_set_select_kind (self, g_value_get_enum (value));
      break;
    case WAVE_PROP_SELECT_REPRESENTATIVE:
      maint_wave_set_select_representative (self, g_value_get_boolean (value));
      break;
    case WAVE_PROP_SELECT_STAGE:
      maint_wave_set_select_stage (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
maint_wave_class_init (MaintWaveClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = maint_wave_finalize;
  object_class->get_property = maint_wave_get_property;
  object_class->set_property = maint_wave_set_property;

  /**
   * MaintWave:name:
   *
   * The wave's name, unique in its rollout (`infrastructure`,
   * `representative`, `20%`, ...).
   */
  wave_properties[WAVE_PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         flags | G_PARAM_CONSTRUCT_ONLY);

  /**
   * MaintWave:from:
   *
   * The earliest start of the wave's slots, a UTC instant in seconds.
   *
   * Default: 0, which means unbounded.
   */
  wave_properties[WAVE_PROP_FROM] =
    g_param_spec_int64 ("from", NULL, NULL,
                        0, MAINT_INSTANT_MAX, 0, flags);

  /**
   * MaintWave:until:
   *
   * The latest end of the wave's slots, a UTC instant in seconds; after
   * [property@Maint.Wave:from] when both are set.
   *
   * Default: 0, which means unbounded.
   */
  wave_properties[WAVE_PROP_UNTIL] =
    g_param_spec_int64 ("until", NULL, NULL,
                        0, MAINT_INSTANT_MAX, 0, flags);

  /**
   * MaintWave:share:
   *
   * The fraction of the machines not taken by earlier waves that this
   * wave takes, in (0, 1]. Values above 1 can be set but are rejected by
   * [method@Maint.Fleet.validate].
   *
   * Default: 0, which means the wave is not a share wave.
   */
  wave_properties[WAVE_PROP_SHARE] =
    g_param_spec_double ("share", NULL, NULL,
                         0.0, G_MAXDOUBLE, 0.0, flags);

  /**
   * MaintWave:select-by-kind:
   *
   * Whether the wave selects machines of kind
   * [property@Maint.Wave:select-kind]. Setting
   * [property@Maint.Wave:select-kind] sets this to %TRUE.
   *
   * Default: %FALSE.
   */
  wave_properties[WAVE_PROP_SELECT_BY_KIND] =
    g_param_spec_boolean ("select-by-kind", NULL, NULL, FALSE, flags);

  /**
   * MaintWave:select-kind:
   *
   * The kind of machines the wave selects; only meaningful when
   * [property@Maint.Wave:select-by-kind] is %TRUE.
   *
   * Default: %MAINT_MACHINE_KIND_VM.
   */
  wave_properties[WAVE_PROP_SELECT_KIND] =
    g_param_spec_enum ("select-kind", NULL, NULL,
                       MAINT_TYPE_MACHINE_KIND, MAINT_MACHINE_KIND_VM, flags);

  /**
   * MaintWave:select-representative:
   *
   * Whether the wave selects representative machines
   * ([property@Maint.Machine:representative]).
   *
   * Default: %FALSE.
   */
  wave_properties[WAVE_PROP_SELECT_REPRESENTATIVE] =
    g_param_spec_boolean ("select-representative", NULL, NULL, FALSE, flags);

  /**
   * MaintWave:select-stage:
   *
   * The stage of the machines the wave selects (see
   * [method@Maint.Fleet.get_machine_stage]).
   *
   * Default: %MAINT_STAGE_NONE, which means no selection by stage.
   */
  wave_properties[WAVE_PROP_SELECT_STAGE] =
    g_param_spec_enum ("select-stage", NULL, NULL,
                       MAINT_TYPE_STAGE, MAINT_STAGE_NONE, flags);

  g_object_class_install_properties (object_class, WAVE_N_PROPS, wave_properties);
}

static void
maint_wave_init (MaintWave *self)
{
  self->select_kind = MAINT_MACHINE_KIND_VM;
  self->select_stage = MAINT_STAGE_NONE;
}

/**
 * maint_wave_new:
 * @name: the wave's name
 *
 * Creates a wave that neither selects nor takes a share yet; set one of
 * them before adding it to a rollout.
 *
 * Returns: (transfer full): a new wave
 */
MaintWave *
maint_wave_new (const char *name)
{
  g_return_val_if_fail (name != NULL, NULL);

  return g_object_new (MAINT_TYPE_WAVE, "name", name, NULL);
}

/**
 * maint_wave_get_name:
 * @self: a wave
 *
 * Gets [property@Maint.Wave:name].
 *
 * Returns: (nullable): the name, %NULL only if the wave was constructed
 *   without one
 */
const char *
maint_wave_get_name (MaintWave *self)
{
  g_return_val_if_fail (MAINT_IS_WAVE (self), NULL);
  return self->name;
}

/**
 * maint_wave_get_from:
 * @self: a wave
 *
 * Gets [property@Maint.Wave:from].
 *
 * Returns: the earliest start as a UTC instant in seconds, or 0
 */
gint64
maint_wave_get_from (MaintWave *self)
{
  g_return_val_if_fail (MAINT_IS_WAVE (self), 0);
  return self->from;
}

/**
 * maint_wave_set_from:
 * @self: a wave
 * @instant: the earliest start, 0 (unbounded) to %MAINT_INSTANT_MAX
 *
 * Sets [property@Maint.Wave:from].
 */
void
maint_wave_set_from (MaintWave *self,
                     gint64     instant)
{
  g_return_if_fail (MAINT_IS_WAVE (self));
  g_return_if_fail (instant >= 0 && instant <= MAINT_INSTANT_MAX);

  if (self->from == instant)
    return;
  self->from = instant;
  g_object_notify_by_pspec (G_OBJECT (self), wave_properties[WAVE_PROP_FROM]);
}

/**
 * maint_wave_get_until:
 * @self: a wave
 *
 * Gets [property@Maint.Wave:until].
 *
 * Returns: the latest end as a UTC instant in seconds, or 0
 */
gint64
maint_wave_get_until (MaintWave *self)
{
  g_return_val_if_fail (MAINT_IS_WAVE (self), 0);
  return self->until;
}

/**
 * maint_wave_set_until:
 * @self: a wave
 * @instant: the latest end, 0 (unbounded) to %MAINT_INSTANT_MAX
 *
 * Sets [property@Maint.Wave:until].
 */
void
maint_wave_set_until (MaintWave *self,
                      gint64     instant)
{
  g_return_if_fail (MAINT_IS_WAVE (self));
  g_return_if_fail (instant >= 0 && instant <= MAINT_INSTANT_MAX);

  if (self->until == instant)
    return;
  self->until = instant;
  g_object_notify_by_pspec (G_OBJECT (self), wave_properties[WAVE_PROP_UNTIL]);
}

/**
 * maint_wave_get_share:
 * @self: a wave
 *
 * Gets [property@Maint.Wave:share].
 *
 * Returns: the share of the remaining machines, or 0 for a selecting wave
 */
gdouble
maint_wave_get_share (MaintWave *self)
{
  g_return_val_if_fail (MAINT_IS_WAVE (self), 0.0);
  return self->share;
}

/**
 * maint_wave_set_share:
 * @self: a wave
 * @share: the share of the remaining machines, in (0, 1]; 0 for none
 *
 * Sets [property@Maint.Wave:share].
 */
void
maint_wave_set_share (MaintWave *self,
                      gdouble    share)
{
  g_return_if_fail (MAINT_IS_WAVE (self));
  g_return_if_fail (share >= 0.0);  /* also refuses NaN */

  if (self->share == share)
    return;
  self->share = share;
  g_object_notify_by_pspec (G_OBJECT (self), wave_properties[WAVE_PROP_SHARE]);
}

/**
 * maint_wave_get_select_by_kind:
 * @self: a wave
 *
 * Gets [property@Maint.Wave:select-by-kind].
 *
 * Returns: whether the wave selects machines by kind
 */
gboolean
maint_wave_get_select_by_kind (MaintWave *self)
{
  g_return_val_if_fail (MAINT_IS_WAVE (self), FALSE);
  return self->select_by_kind;
}

/**
 * maint_wave_get_select_kind:
 * @self: a wave
 *
 * Gets [property@Maint.Wave:select-kind]; only meaningful when
 * [method@Maint.Wave.get_select_by_kind] returns %TRUE.
 *
 * Returns: the kind of machines the wave selects
 */
MaintMachineKind
maint_wave_get_select_kind (MaintWave *self)
{
  g_return_val_if_fail (MAINT_IS_WAVE (self), MAINT_MACHINE_KIND_VM);
  return self->select_kind;
}

/**
 * maint_wave_set_select_kind:
 * @self: a wave
 * @kind: the kind of machines to select
 *
 * Makes the wave select machines of kind @kind: sets
 * [property@Maint.Wave:select-kind] and
 * [property@Maint.Wave:select-by-kind].
 */
void
maint_wave_set_select_kind (MaintWave        *self,
                            MaintMachineKind  kind)
{
  g_return_if_fail (MAINT_IS_WAVE (self));
  g_return_if_fail (kind >= MAINT_MACHINE_KIND_VM && kind <= MAINT_MACHINE_KIND_INFRASTRUCTURE);

  g_object_freeze_notify (G_OBJECT (self));
  if (self->select_kind != kind)
    {
      self->select_kind = kind;
      g_object_notify_by_pspec (G_OBJECT (self), wave_properties[WAVE_PROP_SELECT_KIND]);
    }
  if (!self->select_by_kind)
    {
      self->select_by_kind = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), wave_properties[WAVE_PROP_SELECT_BY_KIND]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * maint_wave_unset_select_kind:
 * @self: a wave
 *
 * Makes the wave stop selecting by kind: sets
 * [property@Maint.Wave:select-by-kind] to %FALSE.
 */
void
maint_wave_unset_select_kind (MaintWave *self)
{
  g_return_if_fail (MAINT_IS_WAVE (self));

  if (!self->select_by_kind)
    return;
  self->select_by_kind = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), wave_properties[WAVE_PROP_SELECT_BY_KIND]);
}

/**
 * maint_wave_get_select_representative:
 * @self: a wave
 *
 * Gets [property@Maint.Wave:select-representative].
 *
 * Returns: whether the wave selects representative machines
 */
gboolean
maint_wave_get_select_representative (MaintWave *self)
{
  g_return_val_if_fail (MAINT_IS_WAVE (self), FALSE);
  return self->select_representative;
}

/**
 * maint_wave_set_select_representative:
 * @self: a wave
 * @representative: whether the wave selects representative machines
 *
 * Sets [property@Maint.Wave:select-representative].
 */
void
maint_wave_set_select_representative (MaintWave *self,
                                      gboolean   representative)
{
  g_return_if_fail (MAINT_IS_WAVE (self));

  representative = !!representative;
  if (self->select_representative == representative)
    return;
  self->select_representative = representative;
  g_object_notify_by_pspec (G_OBJECT (self), wave_properties[WAVE_PROP_SELECT_REPRESENTATIVE]);
}

/**
 * maint_wave_get_select_stage:
 * @self: a wave
 *
 * Gets [property@Maint.Wave:select-stage].
 *
 * Returns: the stage the wave selects, or %MAINT_STAGE_NONE
 */
MaintStage
maint_wave_get_select_stage (MaintWave *self)
{
  g_return_val_if_fail (MAINT_IS_WAVE (self), MAINT_STAGE_NONE);
  return self->select_stage;
}

/**
 * maint_wave_set_select_stage:
 * @self: a wave
 * @stage: the stage to select, or %MAINT_STAGE_NONE for no selection by
 *   stage
 *
 * Sets [property@Maint.Wave:select-stage].
 */
void
maint_wave_set_select_stage (MaintWave  *self,
                             MaintStage  stage)
{
  g_return_if_fail (MAINT_IS_WAVE (self));
  g_return_if_fail (stage >= MAINT_STAGE_NONE && stage <= MAINT_STAGE_INFRASTRUCTURE);

  if (self->select_stage == stage)
    return;
  self->select_stage = stage;
  g_object_notify_by_pspec (G_OBJECT (self), wave_properties[WAVE_PROP_SELECT_STAGE]);
}

/**
 * maint_wave_equal:
 * @a: a wave
 * @b: another wave
 *
 * Compares two waves property by property. The select kind is compared
 * only when the waves select by kind.
 *
 * Returns: %TRUE if @a and @b are equal
 */
gboolean
maint_wave_equal (MaintWave *a,
                  MaintWave *b)
{
  g_return_val_if_fail (MAINT_IS_WAVE (a), FALSE);
  g_return_val_if_fail (MAINT_IS_WAVE (b), FALSE);

  if (a == b)
    return TRUE;

  return g_strcmp0 (a->name, b->name) == 0 &&
         a->from == b->from &&
         a->until == b->until &&
         a->share == b->share &&
         a->select_by_kind == b->select_by_kind &&
         (!a->select_by_kind || a->select_kind == b->select_kind) &&
         a->select_representative == b->select_representative &&
         a->select_stage == b->select_stage;
}

/* ------------------------------------------------------------------ */
/* MaintRollout                                                        */

/**
 * MaintRollout:
 *
 * A big update rolled out over the fleet in waves, as the posts describe
 * it: infrastructure first, then a representative set, then 20 %, 30 %,
 * the rest; testing and staging machines at least
 * [property@Maint.Rollout:staging-lead] before production ones; the
 * virtualisation hosts rebooted at the end, inside
 * [property@Maint.Rollout:host-reboots].
 *
 * Every machine a wave takes gets an activity made from the rollout's
 * template ([property@Maint.Rollout:template-kind] and the other
 * `template-*` properties). The rollout stops after
 * [property@Maint.Rollout:halt-after-failures] failed machines.
 */

struct _MaintRollout
{
  GObject parent_instance;

  char              *name;
  gint64             staging_lead;
  MaintInterval     *host_reboots;
  gint64             host_reboot_estimate;
  guint              halt_after_failures;
  MaintActivityKind  template_kind;
  char              *template_summary;
  gint64             template_estimate;
  MaintRebootKind    template_reboot;
  MaintPriority      template_priority;
  GPtrArray         *waves;
};

G_DEFINE_FINAL_TYPE (MaintRollout, maint_rollout, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_STAGING_LEAD,
  PROP_HOST_REBOOTS,
  PROP_HOST_REBOOT_ESTIMATE,
  PROP_HALT_AFTER_FAILURES,
  PROP_TEMPLATE_KIND,
  PROP_TEMPLATE_SUMMARY,
  PROP_TEMPLATE_ESTIMATE,
  PROP_TEMPLATE_REBOOT,
  PROP_TEMPLATE_PRIORITY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
intervals_equal0 (const MaintInterval *a,
                  const MaintInterval *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return maint_interval_equal (a, b);
}

static void
maint_rollout_finalize (GObject *object)
{
  MaintRollout *self = MAINT_ROLLOUT (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->host_reboots, maint_interval_unref);
  g_clear_pointer (&self->template_summary, g_free);
  g_clear_pointer (&self->waves, g_ptr_array_unref);

  G_OBJECT_CLASS (maint_rollout_parent_class)->finalize (object);
}

static void
maint_rollout_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  MaintRollout *self = MAINT_ROLLOUT (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_STAGING_LEAD:
      g_value_set_int64 (value, self->staging_lead);
      break;
    case PROP_HOST_REBOOTS:
      g_value_set_boxed (value, self->host_reboots);
      break;
    case PROP_HOST_REBOOT_ESTIMATE:
      g_value_set_int64 (value, self->host_reboot_estimate);
      break;
    case PROP_HALT_AFTER_FAILURES:
      g_value_set_uint (value, self->halt_after_failures);
      break;
    case PROP_TEMPLATE_KIND:
      g_value_set_enum (value, self->template_kind);
      break;
    case PROP_TEMPLATE_SUMMARY:
      g_value_set_string (value, self->template_summary);
      break;
    case PROP_TEMPLATE_ESTIMATE:
      g_value_set_int64 (value, self->template_estimate);
      break;
    case PROP_TEMPLATE_REBOOT:
      g_value_set_enum (value, self->template_reboot);
      break;
    case PROP_TEMPLATE_PRIORITY:
      g_value_set_enum (value, self->template_priority);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
maint_rollout_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  MaintRollout *self = MAINT_ROLLOUT (object);

  switch (prop_id)
    {
    case PROP_NAME:
      self->name = g_value_dup_string (value);
      break;
    case PROP_STAGING_LEAD:
      maint_rollout_set_staging_lead (self, g_value_get_int64 (value));
      break;
    case PROP_HOST_REBOOTS:
      maint_rollout_set_host_reboots (self, g_value_get_boxed (value));
      break;
    case PROP_HOST_REBOOT_ESTIMATE:
      maint_rollout_set_host_reboot_estimate (self, g_value_get_int64 (value));
      break;
    case PROP_HALT_AFTER_FAILURES:
      maint_rollout_set_halt_after_failures (self, g_value_get_uint (value));
      break;
    case PROP_TEMPLATE_KIND:
      maint_rollout_set_template_kind (self, g_value_get_enum (value));
      break;
    case PROP_TEMPLATE_SUMMARY:
      maint_rollout_set_template_summary (self, g_value_get_string (value));
      break;
    case PROP_TEMPLATE_ESTIMATE:
      maint_rollout_set_template_estimate (self, g_value_get_int64 (value));
      break;
    case PROP_TEMPLATE_REBOOT:
      maint_rollout_set_template_reboot (self, g_value_get_enum (value));
      break;
    case PROP_TEMPLATE_PRIORITY:
      maint_rollout_set_template_priority (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
maint_rollout_class_init (MaintRolloutClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = maint_rollout_finalize;
  object_class->get_property = maint_rollout_get_property;
  object_class->set_property = maint_rollout_set_property;

  /**
   * MaintRollout:name:
   *
   * The rollout's name, unique in a fleet. Activities refer to it.
   */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         flags | G_PARAM_CONSTRUCT_ONLY);

  /**
   * MaintRollout:staging-lead:
   *
   * How long before the first production slot of the rollout every
   * testing and staging slot must have ended, in seconds.
   *
   * Default: 0.
   */
  properties[PROP_STAGING_LEAD] =
    g_param_spec_int64 ("staging-lead", NULL, NULL,
                        0, MAINT_DURATION_MAX, 0, flags);

  /**
   * MaintRollout:host-reboots:
   *
   * The interval in which the hosts are rebooted after their guests'
   * slots, or %NULL if the rollout reboots no hosts.
   *
   * Default: %NULL.
   */
  properties[PROP_HOST_REBOOTS] =
    g_param_spec_boxed ("host-reboots", NULL, NULL, MAINT_TYPE_INTERVAL, flags);

  /**
   * MaintRollout:host-reboot-estimate:
   *
   * How long one host reboot of the rollout takes, in seconds: the
   * estimate of the generated activity `<rollout>/<host>`. Its slot is
   * this plus the policy's setup, at least the policy's minimum slot.
   *
   * Default: 1800 (30 minutes).
   */
  properties[PROP_HOST_REBOOT_ESTIMATE] =
    g_param_spec_int64 ("host-reboot-estimate", NULL, NULL,
                        1, MAINT_DURATION_MAX, 1800, flags);

  /**
   * MaintRollout:halt-after-failures:
   *
   * After how many failed machines the rollout stops.
   *
   * Default: 0, which means never.
   */
  properties[PROP_HALT_AFTER_FAILURES] =
    g_param_spec_uint ("halt-after-failures", NULL, NULL,
                       0, G_MAXUINT, 0, flags);

  /**
   * MaintRollout:template-kind:
   *
   * The kind of the activity every selected machine gets.
   *
   * Default: %MAINT_ACTIVITY_KIND_SYSTEM_UPDATE.
   */
  properties[PROP_TEMPLATE_KIND] =
    g_param_spec_enum ("template-kind", NULL, NULL,
                       MAINT_TYPE_ACTIVITY_KIND, MAINT_ACTIVITY_KIND_SYSTEM_UPDATE, flags);

  /**
   * MaintRollout:template-summary:
   *
   * The summary of the activity every selected machine gets.
   *
   * Default: %NULL.
   */
  properties[PROP_TEMPLATE_SUMMARY] =
    g_param_spec_string ("template-summary", NULL, NULL, NULL, flags);

  /**
   * MaintRollout:template-estimate:
   *
   * The estimate, in seconds, of the activity every selected machine
   * gets.
   *
   * Default: 0.
   */
  properties[PROP_TEMPLATE_ESTIMATE] =
    g_param_spec_int64 ("template-estimate", NULL, NULL,
                        0, MAINT_DURATION_MAX, 0, flags);

  /**
   * MaintRollout:template-reboot:
   *
   * The reboot the activity every selected machine gets needs.
   *
   * Default: %MAINT_REBOOT_KIND_NONE.
   */
  properties[PROP_TEMPLATE_REBOOT] =
    g_param_spec_enum ("template-reboot", NULL, NULL,
                       MAINT_TYPE_REBOOT_KIND, MAINT_REBOOT_KIND_NONE, flags);

  /**
   * MaintRollout:template-priority:
   *
   * The priority of the activity every selected machine gets.
   *
   * Default: %MAINT_PRIORITY_NORMAL.
   */
  properties[PROP_TEMPLATE_PRIORITY] =
    g_param_spec_enum ("template-priority", NULL, NULL,
                       MAINT_TYPE_PRIORITY, MAINT_PRIORITY_NORMAL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
maint_rollout_init (MaintRollout *self)
{
  self->template_kind = MAINT_ACTIVITY_KIND_SYSTEM_UPDATE;
  self->host_reboot_estimate = 1800;
  self->template_reboot = MAINT_REBOOT_KIND_NONE;
  self->template_priority = MAINT_PRIORITY_NORMAL;
  self->waves = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * maint_rollout_new:
 * @name: the rollout's name
 *
 * Creates a rollout without waves whose template is a system update.
 *
 * Returns: (transfer full): a new rollout
 */
MaintRollout *
maint_rollout_new (const char *name)
{
  g_return_val_if_fail (name != NULL, NULL);

  return g_object_new (MAINT_TYPE_ROLLOUT, "name", name, NULL);
}

/**
 * maint_rollout_get_name:
 * @self: a rollout
 *
 * Gets [property@Maint.Rollout:name].
 *
 * Returns: (nullable): the name, %NULL only if the rollout was
 *   constructed without one
 */
const char *
maint_rollout_get_name (MaintRollout *self)
{
  g_return_val_if_fail (MAINT_IS_ROLLOUT (self), NULL);
  return self->name;
}

/**
 * maint_rollout_get_staging_lead:
 * @self: a rollout
 *
 * Gets [property@Maint.Rollout:staging-lead].
 *
 * Returns: the staging lead in seconds
 */
gint64
maint_rollout_get_staging_lead (MaintRollout *self)
{
  g_return_val_if_fail (MAINT_IS_ROLLOUT (self), 0);
  return self->staging_lead;
}

/**
 * maint_rollout_set_staging_lead:
 * @self: a rollout
 * @seconds: the staging lead, 0 to %MAINT_DURATION_MAX
 *
 * Sets [property@Maint.Rollout:staging-lead].
 */
void
maint_rollout_set_staging_lead (MaintRollout *self,
                                gint64        seconds)
{
  g_return_if_fail (MAINT_IS_ROLLOUT (self));
  g_return_if_fail (seconds >= 0 && seconds <= MAINT_DURATION_MAX);

  if (self->staging_lead == seconds)
    return;
  self->staging_lead = seconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAGING_LEAD]);
}

/**
 * maint_rollout_get_host_reboot_estimate:
 * @self: a rollout
 *
 * Gets [property@Maint.Rollout:host-reboot-estimate].
 *
 * Returns: the estimate of one host reboot in seconds
 */
gint64
maint_rollout_get_host_reboot_estimate (MaintRollout *self)
{
  g_return_val_if_fail (MAINT_IS_ROLLOUT (self), 0);
  return self->host_reboot_estimate;
}

/**
 * maint_rollout_set_host_reboot_estimate:
 * @self: a rollout
 * @seconds: the estimate, 1 to %MAINT_DURATION_MAX
 *
 * Sets [property@Maint.Rollout:host-reboot-estimate].
 */
void
maint_rollout_set_host_reboot_estimate (MaintRollout *self,
                                        gint64        seconds)
{
  g_return_if_fail (MAINT_IS_ROLLOUT (self));
  g_return_if_fail (seconds >= 1 && seconds <= MAINT_DURATION_MAX);

  if (self->host_reboot_estimate == seconds)
    return;
  self->host_reboot_estimate = seconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HOST_REBOOT_ESTIMATE]);
}

/**
 * maint_rollout_get_host_reboots:
 * @self: a rollout
 *
 * Gets [property@Maint.Rollout:host-reboots].
 *
 * Returns: (transfer none) (nullable): the interval for host reboots, or
 *   %NULL
 */
MaintInterval *
maint_rollout_get_host_reboots (MaintRollout *self)
{
  g_return_val_if_fail (MAINT_IS_ROLLOUT (self), NULL);
  return self->host_reboots;
}

/**
 * maint_rollout_set_host_reboots:
 * @self: a rollout
 * @interval: (transfer none) (nullable): the interval for host reboots,
 *   or %NULL
 *
 * Sets [property@Maint.Rollout:host-reboots]. The rollout keeps a
 * reference.
 */
void
maint_rollout_set_host_reboots (MaintRollout  *self,
                                MaintInterval *interval)
{
  g_return_if_fail (MAINT_IS_ROLLOUT (self));

  if (intervals_equal0 (self->host_reboots, interval))
    return;

  g_clear_pointer (&self->host_reboots, maint_interval_unref);
  if (interval != NULL)
    self->host_reboots = maint_interval_ref (interval);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HOST_REBOOTS]);
}

/**
 * maint_rollout_get_halt_after_failures:
 * @self: a rollout
 *
 * Gets [property@Maint.Rollout:halt-after-failures].
 *
 * Returns: the number of failures that stops the rollout, 0 for never
 */
guint
maint_rollout_get_halt_after_failures (MaintRollout *self)
{
  g_return_val_if_fail (MAINT_IS_ROLLOUT (self), 0);
  return self->halt_after_failures;
}

/**
 * maint_rollout_set_halt_after_failures:
 * @self: a rollout
 * @failures: the number of failures that stops the rollout, 0 for never
 *
 * Sets [property@Maint.Rollout:halt-after-failures].
 */
void
maint_rollout_set_halt_after_failures (MaintRollout *self,
                                       guint         failures)
{
  g_return_if_fail (MAINT_IS_ROLLOUT (self));

  if (self->halt_after_failures == failures)
    return;
  self->halt_after_failures = failures;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HALT_AFTER_FAILURES]);
}

/**
 * maint_rollout_get_template_kind:
 * @self: a rollout
 *
 * Gets [property@Maint.Rollout:template-kind].
 *
 * Returns: the kind of the template activity
 */
MaintActivityKind
maint_rollout_get_template_kind (MaintRollout *self)
{
  g_return_val_if_fail (MAINT_IS_ROLLOUT (self), MAINT_ACTIVITY_KIND_SYSTEM_UPDATE);
  return self->template_kind;
}

/**
 * maint_rollout_set_template_kind:
 * @self: a rollout
 * @kind: the kind of the template activity
 *
 * Sets [property@Maint.Rollout:template-kind].
 */
void
maint_rollout_set_template_kind (MaintRollout      *self,
                                 MaintActivityKind  kind)
{
  g_return_if_fail (MAINT_IS_ROLLOUT (self));
  g_return_if_fail (kind >= MAINT_ACTIVITY_KIND_REBOOT && kind <= MAINT_ACTIVITY_KIND_CUSTOM);

  if (self->template_kind == kind)
    return;
  self->template_kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEMPLATE_KIND]);
}

/**
 * maint_rollout_get_template_summary:
 * @self: a rollout
 *
 * Gets [property@Maint.Rollout:template-summary].
 *
 * Returns: (nullable): the summary of the template activity
 */
const char *
maint_rollout_get_template_summary (MaintRollout *self)
{
  g_return_val_if_fail (MAINT_IS_ROLLOUT (self), NULL);
  return self->template_summary;
}

/**
 * maint_rollout_set_template_summary:
 * @self: a rollout
 * @summary: (nullable): the summary of the template activity
 *
 * Sets [property@Maint.Rollout:template-summary].
 */
void
maint_rollout_set_template_summary (MaintRollout *self,
                                    const char   *summary)
{
  g_return_if_fail (MAINT_IS_ROLLOUT (self));

  if (set_string (&self->template_summary, summary))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEMPLATE_SUMMARY]);
}

/**
 * maint_rollout_get_template_estimate:
 * @self: a rollout
 *
 * Gets [property@Maint.Rollout:template-estimate].
 *
 * Returns: the estimate of the template activity in seconds
 */
gint64
maint_rollout_get_template_estimate (MaintRollout *self)
{
  g_return_val_if_fail (MAINT_IS_ROLLOUT (self), 0);
  return self->template_estimate;
}

/**
 * maint_rollout_set_template_estimate:
 * @self: a rollout
 * @seconds: the estimate, 0 to %MAINT_DURATION_MAX
 *
 * Sets [property@Maint.Rollout:template-estimate].
 */
void
maint_rollout_set_template_estimate (MaintRollout *self,
                                     gint64        seconds)
{
  g_return_if_fail (MAINT_IS_ROLLOUT (self));
  g_return_if_fail (seconds >= 0 && seconds <= MAINT_DURATION_MAX);

  if (self->template_estimate == seconds)
    return;
  self->template_estimate = seconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEMPLATE_ESTIMATE]);
}

/**
 * maint_rollout_get_template_reboot:
 * @self: a rollout
 *
 * Gets [property@Maint.Rollout:template-reboot].
 *
 * Returns: the reboot of the template activity
 */
MaintRebootKind
maint_rollout_get_template_reboot (MaintRollout *self)
{
  g_return_val_if_fail (MAINT_IS_ROLLOUT (self), MAINT_REBOOT_KIND_NONE);
  return self->template_reboot;
}

/**
 * maint_rollout_set_template_reboot:
 * @self: a rollout
 * @reboot: the reboot of the template activity
 *
 * Sets [property@Maint.Rollout:template-reboot].
 */
void
maint_rollout_set_template_reboot (MaintRollout    *self,
                                   MaintRebootKind  reboot)
{
  g_return_if_fail (MAINT_IS_ROLLOUT (self));
  g_return_if_fail (reboot >= MAINT_REBOOT_KIND_NONE && reboot <= MAINT_REBOOT_KIND_COLD);

  if (self->template_reboot == reboot)
    return;
  self->template_reboot = reboot;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEMPLATE_REBOOT]);
}

/**
 * maint_rollout_get_template_priority:
 * @self: a rollout
 *
 * Gets [property@Maint.Rollout:template-priority].
 *
 * Returns: the priority of the template activity
 */
MaintPriority
maint_rollout_get_template_priority (MaintRollout *self)
{
  g_return_val_if_fail (MAINT_IS_ROLLOUT (self), MAINT_PRIORITY_NORMAL);
  return self->template_priority;
}

/**
 * maint_rollout_set_template_priority:
 * @self: a rollout
 * @priority: the priority of the template activity
 *
 * Sets [property@Maint.Rollout:template-priority].
 */
void
maint_rollout_set_template_priority (MaintRollout  *self,
                                     MaintPriority  priority)
{
  g_return_if_fail (MAINT_IS_ROLLOUT (self));
  g_return_if_fail (priority >= MAINT_PRIORITY_NORMAL && priority <= MAINT_PRIORITY_EMERGENCY);

  if (self->template_priority == priority)
    return;
  self->template_priority = priority;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEMPLATE_PRIORITY]);
}

/**
 * maint_rollout_get_waves:
 * @self: a rollout
 *
 * Gets the rollout's waves in order. The array belongs to the rollout; do
 * not modify it.
 *
 * Returns: (transfer none) (element-type Maint.Wave): the waves
 */
GPtrArray *
maint_rollout_get_waves (MaintRollout *self)
{
  g_return_val_if_fail (MAINT_IS_ROLLOUT (self), NULL);
  return self->waves;
}

/**
 * maint_rollout_add_wave:
 * @self: a rollout
 * @wave: (transfer none): a wave
 *
 * Appends a wave; the rollout keeps a reference. Whether wave names are
 * unique and each wave either selects or takes a share is checked by
 * [method@Maint.Fleet.validate].
 */
void
maint_rollout_add_wave (MaintRollout *self,
                        MaintWave    *wave)
{
  g_return_if_fail (MAINT_IS_ROLLOUT (self));
  g_return_if_fail (MAINT_IS_WAVE (wave));

  g_ptr_array_add (self->waves, g_object_ref (wave));
}

/**
 * maint_rollout_new_activity:
 * @self: a rollout
 * @machine: a machine the rollout takes, or a host it reboots
 *
 * Makes the activity @self generates for @machine, as the scheduler does
 * for every machine in one of its waves: id `<rollout>/<machine>`, kind,
 * summary, estimate, reboot and priority from the template, and
 * [property@Maint.Activity:rollout] set. For a host (kind
 * %MAINT_MACHINE_KIND_HOST) it is the host's reboot: kind
 * %MAINT_ACTIVITY_KIND_HOST_REBOOT, cold, summary `Host reboot`,
 * estimate [property@Maint.Rollout:host-reboot-estimate].
 *
 * Whether @machine really falls into a wave is the scheduler's decision;
 * this function only builds the activity.
 *
 * Returns: (transfer full): a new activity
 */
MaintActivity *
maint_rollout_new_activity (MaintRollout *self,
                            MaintMachine *machine)
{
  MaintRolloutGenerated g;

  g_return_val_if_fail (MAINT_IS_ROLLOUT (self), NULL);
  g_return_val_if_fail (MAINT_IS_MACHINE (machine), NULL);

  maint_rollout_generated (self, machine, &g);
  return maint_activity_new_take (g_strconcat (self->name, "/", maint_machine_get_name (machine), NULL),
                                  maint_machine_get_name (machine), g.kind, g.summary, g.estimate,
                                  g.reboot, g.priority, self->name);
}

void
maint_rollout_generated (MaintRollout          *self,
                         MaintMachine          *machine,
                         MaintRolloutGenerated *out)
{
  gboolean host = maint_machine_get_kind (machine) == MAINT_MACHINE_KIND_HOST;

  out->kind = host ? MAINT_ACTIVITY_KIND_HOST_REBOOT : self->template_kind;
  out->summary = host ? "Host reboot" : self->template_summary;
  out->estimate = host ? self->host_reboot_estimate : self->template_estimate;
  out->reboot = host ? MAINT_REBOOT_KIND_COLD : self->template_reboot;
  out->priority = self->template_priority;
}

/**
 * maint_rollout_equal:
 * @a: a rollout
 * @b: another rollout
 *
 * Compares two rollouts deeply: every property and the waves in order.
 *
 * Returns: %TRUE if @a and @b are equal
 */
gboolean
maint_rollout_equal (MaintRollout *a,
                     MaintRollout *b)
{
  g_return_val_if_fail (MAINT_IS_ROLLOUT (a), FALSE);
  g_return_val_if_fail (MAINT_IS_ROLLOUT (b), FALSE);

  if (a == b)
    return TRUE;

  if (!(g_strcmp0 (a->name, b->name) == 0 &&
        a->staging_lead == b->staging_lead &&
        a->host_reboot_estimate == b->host_reboot_estimate &&
        intervals_equal0 (a->host_reboots, b->host_reboots) &&
        a->halt_after_failures == b->halt_after_failures &&
        a->template_kind == b->template_kind &&
        g_strcmp0 (a->template_summary, b->template_summary) == 0 &&
        a->template_estimate == b->template_estimate &&
        a->template_reboot == b->template_reboot &&
        a->template_priority == b->template_priority &&
        a->waves->len == b->waves->len))
    return FALSE;

  for (guint i = 0; i < a->waves->len; i++)
    if (!maint_wave_equal (g_ptr_array_index (a->waves, i), g_ptr_array_index (b->waves, i)))
      return FALSE;

  return TRUE;
}
