/* maintctl-simulate.c: maintctl simulate FLEET.json --until T [--now T]
 *                      [--step D] [--fail ID]... [--postpone ID]...
 *                      [-o PLAN.json]
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Runs a MaintSimulation: plans the fleet, advances the clock step by step
 * to --until (each step runs the slots that ended, announces what is due
 * and re-plans), with the given activities failing or postponed, and
 * prints what happened: one line per event, then the state of every
 * rollout and the counts. -o writes the plan at the end.
 */
#include "config.h"

#include <string.h>

#include "maintctl.h"

static gboolean
add_outcomes (MaintSimulation  *simulation,
              char            **ids,
              MaintOutcome      outcome,
              const char       *option,
              GError          **error)
{
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      g_autoptr(GError) local_error = NULL;

      if (!maint_simulation_set_outcome (simulation, ids[i], outcome, &local_error))
        {
          g_set_error (error, local_error->domain, local_error->code,
                       "%s %s: %s", option, ids[i], local_error->message);
          return FALSE;
        }
    }
  return TRUE;
}

static void
append_summary (GString         *out,
                MaintSimulation *simulation)
{
  MaintFleet *fleet = maint_simulation_get_fleet (simulation);
  GPtrArray *rollouts = maint_fleet_get_rollouts (fleet);
  GPtrArray *events = maint_simulation_get_events (simulation);
  MaintPlan *plan = maint_simulation_get_plan (simulation);
  guint counts[3] = { 0, 0, 0 };
  guint halted = 0;
  g_autofree char *now = maint_instant_format (maint_simulation_get_now (simulation));

  for (guint i = 0; i < events->len; i++)
    {
      MaintSimulationEvent *event = g_ptr_array_index (events, i);

      switch (maint_simulation_event_get_kind (event))
        {
        case MAINT_SIMULATION_EVENT_RAN:
          counts[maint_simulation_event_get_outcome (event)]++;
          break;
        case MAINT_SIMULATION_EVENT_HALTED:
          halted++;
          break;
        case MAINT_SIMULATION_EVENT_ANNOUNCED:
        case MAINT_SIMULATION_EVENT_WITHDRAWN:
        default:
          break;
        }
    }

  g_string_append_printf (out, "\nAt %s:\n", now);
  for (guint i = 0; i < rollouts->len; i++)
    {
      MaintRollout *rollout = g_ptr_array_index (rollouts, i);
      const char *name = maint_rollout_get_name (rollout);
      guint failures = maint_simulation_get_failures (simulation, name);

      g_string_append_printf (out, "  rollout %s: %u failure%s%s (halt_after_failures %u)\n", name,
                              failures, failures == 1 ? "" : "s",
                              maint_simulation_is_halted (simulation, name) ? ", halted" : "",
                              maint_rollout_get_halt_after_failures (rollout));
    }
  g_string_append_printf (out, "  %u succeeded, %u failed, %u postponed, %u halted\n",
                          counts[MAINT_OUTCOME_SUCCESS], counts[MAINT_OUTCOME_FAILURE],
                          counts[MAINT_OUTCOME_POSTPONED], halted);
  if (plan != NULL)
    g_string_append_printf (out, "  still planned: %u slots, %u unscheduled\n",
                            maint_plan_get_slots (plan)->len, maint_plan_get_n_unscheduled (plan));
}

int
maintctl_simulate (int    argc,
                   char **argv)
{
  g_autofree char *now_text = NULL;
  g_autofree char *until_text = NULL;
  g_autofree char *step_text = NULL;
  g_autofree char *output = NULL;
  g_auto(GStrv) fail = NULL;
  g_auto(GStrv) postpone = NULL;
  g_auto(GStrv) rest = NULL;
  GOptionEntry entries[] = {
    { "now", 0, 0, G_OPTION_ARG_STRING, &now_text, "Start at this instant (RFC 3339) instead of the fleet's now", "T" },
    { "until", 0, 0, G_OPTION_ARG_STRING, &until_text, "Advance the clock to this instant (RFC 3339; required)", "T" },
    { "step", 0, 0, G_OPTION_ARG_STRING, &step_text, "Re-plan at least this often (ISO 8601 duration, default P1D)", "D" },
    { "fail", 0, 0, G_OPTION_ARG_STRING_ARRAY, &fail, "This activity fails when it runs (repeatable)", "ID" },
    { "postpone", 0, 0, G_OPTION_ARG_STRING_ARRAY, &postpone, "This activity is postponed when its slot comes (repeatable)", "ID" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Write the plan at the end (libmaint-plan/1) to FILE", "FILE" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &rest, NULL, "FLEET.json" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— advance a clock over the plan, with outcomes");
  g_autoptr(GError) error = NULL;
  g_autoptr(MaintFleet) fleet = NULL;
  g_autoptr(MaintSimulation) simulation = NULL;
  g_autoptr(MaintPlan) first = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  gint64 now = 0, until = 0, step = 86400;
  GPtrArray *events;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return maintctl_fail ("simulate: %s", error->message);
  if (rest == NULL || rest[0] == NULL || rest[1] != NULL)
    return maintctl_fail ("simulate: expected one FLEET.json (see maintctl simulate --help)");
  if (until_text == NULL)
    return maintctl_fail ("simulate: --until is required");
  if (!maint_instant_parse (until_text, &until, &error))
    return maintctl_fail ("simulate: --until: %s", error->message);
  if (now_text != NULL && !maint_instant_parse (now_text, &now, &error))
    return maintctl_fail ("simulate: --now: %s", error->message);
  if (step_text != NULL && !maint_duration_parse (step_text, &step, &error))
    return maintctl_fail ("simulate: --step: %s", error->message);
  if (step <= 0)
    return maintctl_fail ("simulate: --step: the step must be longer than zero");

  fleet = maint_fleet_new_from_file (rest[0], &error);
  if (fleet == NULL)
    return maintctl_fail ("%s: %s", rest[0], error->message);
  simulation = maint_simulation_new (fleet, now, &error);
  if (simulation == NULL)
    return maintctl_fail ("%s: %s", rest[0], error->message);
  if (until < maint_simulation_get_now (simulation))
    return maintctl_fail ("simulate: --until: before the start of the simulation");

  /* Outcomes are checked against the first plan's activities, so that a
   * typo in an id is an error, not a silent success. */
  first = maint_simulation_plan (simulation, NULL, &error);
  if (first == NULL)
    return maintctl_fail ("%s: %s", rest[0], error->message);
  if (!add_outcomes (simulation, fail, MAINT_OUTCOME_FAILURE, "--fail", &error) ||
      !add_outcomes (simulation, postpone, MAINT_OUTCOME_POSTPONED, "--postpone", &error))
    return maintctl_fail ("simulate: %s", error->message);

  while (maint_simulation_get_now (simulation) < until)
    {
      gint64 next = MIN (until, maint_simulation_get_now (simulation) + step);

      if (!maint_simulation_advance (simulation, next, NULL, &error))
        return maintctl_fail ("%s: %s", rest[0], error->message);
    }

  events = maint_simulation_get_events (simulation);
  for (guint i = 0; i < events->len; i++)
    {
      g_autofree char *line = maint_simulation_event_to_string (g_ptr_array_index (events, i));
      g_string_append_printf (out, "%s\n", line);
    }
  append_summary (out, simulation);

  if (output != NULL)
    {
      gsize length = 0;
      g_autofree char *data = maint_plan_to_data (maint_simulation_get_plan (simulation), &length);

      if (!maintctl_write_output (output, data, length, &error))
        return maintctl_fail ("%s: %s", output, error->message);
    }
  if (!maintctl_write_output (NULL, out->str, out->len, &error))
    return maintctl_fail ("standard output: %s", error->message);
  return MAINTCTL_EXIT_OK;
}
