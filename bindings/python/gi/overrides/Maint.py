# Maint.py: PyGObject overrides for libmaint
#
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# The C API counts instants and durations in integer seconds (gint64). This
# module keeps that API exactly as it is and adds a Python view on top:
#
#   * Every GObject property is also a plain attribute with an underscore
#     name: machine.booted_at, activity.estimate, group.notice. Instants
#     read as timezone-aware datetimes in UTC (None when the property is
#     unset, i.e. 0), durations as timedeltas, intervals as Maint.Interval.
#     `from`, a Python keyword, is spelled `from_` (Maint.Wave).
#   * Wherever an instant or a duration goes *in* (attribute assignment,
#     constructor keywords, set_*() methods, method arguments such as
#     WindowSpec.next_occurrence(zone, after)), a datetime/timedelta is
#     accepted as well as integer seconds. Naive datetimes are refused.
#   * get_*() and obj.props.* stay the C view: integer seconds, as in the
#     API reference.
#
# Besides: lists as attributes (fleet.machines, plan.slots, group.windows),
# readable repr()s, equality and hashing on the immutable value types
# (Interval, IntervalSet, WindowSpec) and the container protocol on
# IntervalSet. Errors are GLib.Error with libmaint's domains and codes.

import datetime as _dt
import functools
import keyword

from ..module import get_introspection_module
from ..overrides import override

from gi.repository import GObject

Maint = get_introspection_module('Maint')

__all__ = []

_UTC = _dt.timezone.utc
_EPOCH = _dt.datetime(1970, 1, 1, tzinfo=_UTC)
_SECOND = _dt.timedelta(seconds=1)


# ------------------------------------------------------------------ #
# Conversions

def _instant_in(value):
    """datetime/int/None -> seconds since the epoch (0 for None)."""
    if value is None:
        return 0
    if isinstance(value, _dt.datetime):
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError(
                'libmaint needs timezone-aware datetimes (instants are UTC); '
                'got naive %r, e.g. add tzinfo=datetime.timezone.utc' % (value,))
        # floor division: instants are whole seconds
        return (value - _EPOCH) // _SECOND
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError('expected a datetime or integer seconds since the epoch, got %r'
                        % (value,))
    return value


def _instant_out(seconds):
    if seconds == 0:
        return None
    return _EPOCH + _dt.timedelta(seconds=seconds)


def _duration_in(value):
    """timedelta/int -> seconds."""
    if isinstance(value, _dt.timedelta):
        return value // _SECOND
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError('expected a timedelta or integer seconds, got %r' % (value,))
    return value


def _duration_out(seconds):
    return _dt.timedelta(seconds=seconds)


def _microseconds_in(value):
    if isinstance(value, _dt.timedelta):
        return value // _dt.timedelta(microseconds=1)
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError('expected a timedelta or integer microseconds, got %r' % (value,))
    return value


def _microseconds_out(microseconds):
    return _dt.timedelta(microseconds=microseconds)


def _fmt(seconds):
    return Maint.instant_format(seconds) if seconds else '-'


# Which gint64 properties are instants and which are durations. Any other
# gint64 property would be exposed unconverted; the tests check that every
# one is listed here.
_INSTANT = (_instant_in, _instant_out)
_DURATION = (_duration_in, _duration_out)
_MICROSECONDS = (_microseconds_in, _microseconds_out)

_TIME_PROPERTIES = {
    'Activity': {'estimate': _DURATION, 'not-before': _INSTANT, 'deadline': _INSTANT,
                 'announced-at': _INSTANT},
    'Fleet': {'now': _INSTANT},
    'HostDowntime': {'start': _INSTANT, 'end': _INSTANT},
    'LateActivity': {'deadline': _INSTANT, 'end': _INSTANT, 'lateness': _DURATION},
    'Machine': {'booted-at': _INSTANT},
    'Notice': {'created': _INSTANT, 'send-by': _INSTANT},
    'Notifier': {'now': _INSTANT},
    'Plan': {'now': _INSTANT, 'latest-end': _INSTANT, 'elapsed': _MICROSECONDS},
    'Policy': {'horizon': _DURATION, 'setup': _DURATION, 'min-slot': _DURATION,
               'emergency-notice': _DURATION, 'max-uptime': _DURATION},
    'ResourceGroup': {'notice': _DURATION},
    'Rollout': {'staging-lead': _DURATION, 'template-estimate': _DURATION,
                'host-reboot-estimate': _DURATION},
    'Scheduler': {'now': _INSTANT},
    'Service': {'spacing': _DURATION},
    'Simulation': {'now': _INSTANT},
    'SimulationEvent': {'at': _INSTANT, 'start': _INSTANT, 'end': _INSTANT},
    'Slot': {'start': _INSTANT, 'end': _INSTANT, 'announce-by': _INSTANT},
    'Violation': {'start': _INSTANT, 'end': _INSTANT},
    'Wave': {'from': _INSTANT, 'until': _INSTANT},
}


def _attribute_name(property_name):
    name = property_name.replace('-', '_')
    return name + '_' if keyword.iskeyword(name) else name


def _own_properties(cls):
    gtype = cls.__gtype__
    return [p for p in GObject.list_properties(gtype) if p.owner_type == gtype]


def _property_attribute(pspec, conversion):
    name = pspec.name
    to_c, to_py = conversion if conversion else (None, None)

    def fget(self):
        value = self.get_property(name)
        return to_py(value) if to_py else value

    fset = None
    writable = (pspec.flags & GObject.ParamFlags.WRITABLE and
                not pspec.flags & GObject.ParamFlags.CONSTRUCT_ONLY)
    if writable:
        def fset(self, value):
            self.set_property(name, to_c(value) if to_c else value)

    return property(fget, fset, doc='The %s property (see the API reference)' % name)


def _setter(raw, to_c):
    @functools.wraps(raw)
    def set_(self, value):
        return raw(self, to_c(value))
    return set_


def _convert_kwargs(conversions, kwargs):
    out = {}
    for key, value in kwargs.items():
        name = key.rstrip('_').replace('_', '-')
        conversion = conversions.get(name)
        out[name] = conversion[0](value) if conversion else value
    return out


def _add_time_api(cls, type_name):
    """Adds property attributes, converting set_*() and keyword arguments."""
    conversions = _TIME_PROPERTIES.get(type_name, {})
    for pspec in _own_properties(cls):
        attribute = _attribute_name(pspec.name)
        if attribute in cls.__dict__ or hasattr(getattr(Maint, type_name), attribute):
            # never hide a method; the tests notice the missing attribute
            continue
        conversion = conversions.get(pspec.name)
        setattr(cls, attribute, _property_attribute(pspec, conversion))
        setter = 'set_' + pspec.name.replace('-', '_')
        if conversion and hasattr(cls, setter) and setter not in cls.__dict__:
            setattr(cls, setter, _setter(getattr(cls, setter), conversion[0]))

    raw_init = cls.__init__

    def __init__(self, **kwargs):
        raw_init(self, **_convert_kwargs(conversions, kwargs))

    if '__init__' not in cls.__dict__:
        cls.__init__ = __init__
    cls._time_conversions = conversions
    return cls


def _list_attribute(getter, doc):
    return property(lambda self: list(getattr(self, getter)()), doc=doc)


def _nick(value):
    return value.value_nick if value is not None else '-'


def _override_object(cls):
    type_name = cls.__name__
    cls = _add_time_api(cls, type_name)
    cls = override(cls)
    __all__.append(type_name)
    return cls


# ------------------------------------------------------------------ #
# Value types

@functools.total_ordering
class Interval(Maint.Interval):
    """An immutable UTC interval [start, end).

    ``Maint.Interval(start, end)`` takes datetimes or integer seconds;
    ``start`` and ``end`` read as datetimes, ``duration`` as a timedelta.
    Intervals compare equal by value, hash by value and sort by start.
    """

    def __new__(cls, start, end):
        return Maint.Interval.new(_instant_in(start), _instant_in(end))

    def __init__(self, *args, **kwargs):
        pass

    @classmethod
    def new(cls, start, end):
        return Maint.Interval.new(_instant_in(start), _instant_in(end))

    start = property(lambda self: _instant_out(self.get_start()),
                     doc='The first instant in the interval, a datetime')
    end = property(lambda self: _instant_out(self.get_end()),
                   doc='The first instant after the interval, a datetime')
    duration = property(lambda self: _duration_out(self.get_duration()),
                        doc='end - start, a timedelta')

    def contains(self, instant):
        return Maint.Interval.contains(self, _instant_in(instant))

    def __contains__(self, item):
        if isinstance(item, Maint.Interval):
            return self.contains_interval(item)
        return self.contains(item)

    def __eq__(self, other):
        if not isinstance(other, Maint.Interval):
            return NotImplemented
        return self.equal(other)

    def __lt__(self, other):
        if not isinstance(other, Maint.Interval):
            return NotImplemented
        return self.compare(other) < 0

    def __hash__(self):
        return hash((self.get_start(), self.get_end()))

    def __str__(self):
        return self.to_string()

    def __repr__(self):
        return '<Maint.Interval %s>' % self.to_string()


Interval = override(Interval)
__all__.append('Interval')


class IntervalSet(Maint.IntervalSet):
    """An immutable, normalized set of UTC intervals.

    ``Maint.IntervalSet(intervals)`` takes Maint.Interval values or
    ``(start, end)`` pairs. A set iterates over its intervals in order,
    has a ``len()``, supports ``instant in s`` and ``interval in s``, and
    ``|``, ``&`` and ``-`` for union, intersection and subtraction.
    """

    def __new__(cls, intervals=()):
        items = [i if isinstance(i, Maint.Interval) else Interval(*i) for i in intervals]
        return Maint.IntervalSet.new_from_intervals(items)

    def __init__(self, *args, **kwargs):
        pass

    total = property(lambda self: _duration_out(self.get_total()),
                     doc='The summed length of the intervals, a timedelta')

    def add(self, start, end):
        return Maint.IntervalSet.add(self, _instant_in(start), _instant_in(end))

    def contains(self, instant):
        return Maint.IntervalSet.contains(self, _instant_in(instant))

    def contains_interval(self, start, end):
        return Maint.IntervalSet.contains_interval(self, _instant_in(start), _instant_in(end))

    def overlaps(self, start, end):
        return Maint.IntervalSet.overlaps(self, _instant_in(start), _instant_in(end))

    def __len__(self):
        return self.get_n_intervals()

    def __iter__(self):
        for i in range(self.get_n_intervals()):
            yield self.get_interval(i)

    def __getitem__(self, index):
        n = self.get_n_intervals()
        if not isinstance(index, int):
            raise TypeError('IntervalSet indices must be integers')
        if index < 0:
            index += n
        if not 0 <= index < n:
            raise IndexError('IntervalSet index out of range')
        return self.get_interval(index)

    def __contains__(self, item):
        if isinstance(item, Maint.Interval):
            return Maint.IntervalSet.contains_interval(self, item.get_start(), item.get_end())
        return self.contains(item)

    def __or__(self, other):
        if not isinstance(other, Maint.IntervalSet):
            return NotImplemented
        return self.union(other)

    def __and__(self, other):
        if not isinstance(other, Maint.IntervalSet):
            return NotImplemented
        return self.intersect(other)

    def __sub__(self, other):
        if not isinstance(other, Maint.IntervalSet):
            return NotImplemented
        return self.subtract(other)

    def __eq__(self, other):
        if not isinstance(other, Maint.IntervalSet):
            return NotImplemented
        return self.equal(other)

    def __hash__(self):
        return hash(tuple((i.get_start(), i.get_end()) for i in self))

    def __str__(self):
        return self.to_string()

    def __repr__(self):
        return '<Maint.IntervalSet %s>' % self.to_string()


IntervalSet = override(IntervalSet)
__all__.append('IntervalSet')


class WindowSpec(Maint.WindowSpec):
    """A recurring window such as ``mon-fri 22:00-24:00``.

    ``Maint.WindowSpec(text)`` parses (raising GLib.Error on bad text);
    ``str()`` gives the canonical form. Specs with the same days and times
    are equal and hash alike. The expansion methods take datetimes.
    """

    def __new__(cls, text):
        return Maint.WindowSpec.parse(text)

    def __init__(self, *args, **kwargs):
        pass

    def next_occurrence(self, zone, after):
        return Maint.WindowSpec.next_occurrence(self, zone, _instant_in(after))

    def occurrence_containing(self, zone, instant):
        return Maint.WindowSpec.occurrence_containing(self, zone, _instant_in(instant))

    def occurrences(self, zone, from_, to):
        return Maint.WindowSpec.occurrences(self, zone, _instant_in(from_), _instant_in(to))

    def __eq__(self, other):
        if not isinstance(other, Maint.WindowSpec):
            return NotImplemented
        return self.equal(other)

    def __hash__(self):
        return hash((self.get_days(), self.get_start_minute(), self.get_end_minute()))

    def __str__(self):
        return self.to_string()

    def __repr__(self):
        return '<Maint.WindowSpec %r>' % self.to_string()


WindowSpec = override(WindowSpec)
__all__.append('WindowSpec')


def _window_spec(value):
    return WindowSpec(value) if isinstance(value, str) else value


# ------------------------------------------------------------------ #
# Domain objects

class Policy(Maint.Policy):
    def __repr__(self):
        return '<Maint.Policy horizon=%s max_concurrent=%d>' % (
            Maint.duration_format(self.get_horizon()), self.get_max_concurrent())


Policy = _override_object(Policy)


class ResourceGroup(Maint.ResourceGroup):
    """A customer's group of machines.

    Besides the properties, the constructor takes ``windows`` (specs or
    their text) and ``blackouts`` (Maint.Interval values).
    """

    def __init__(self, windows=(), blackouts=(), **kwargs):
        Maint.ResourceGroup.__init__(self, **_convert_kwargs(self._time_conversions, kwargs))
        for spec in windows:
            self.add_window(spec)
        for blackout in blackouts:
            self.add_blackout(blackout)

    windows = _list_attribute('get_windows', 'The window specs, a list')
    blackouts = _list_attribute('get_blackouts', 'The blackouts, a list of Maint.Interval')

    def add_window(self, spec):
        return Maint.ResourceGroup.add_window(self, _window_spec(spec))

    def get_maintenance_intervals(self, from_, to):
        return Maint.ResourceGroup.get_maintenance_intervals(
            self, _instant_in(from_), _instant_in(to))

    def __repr__(self):
        return '<Maint.ResourceGroup %s timezone=%s windows=[%s]>' % (
            self.get_name(), self.get_timezone(),
            ', '.join(w.to_string() for w in self.get_windows()))


ResourceGroup = _override_object(ResourceGroup)


class Machine(Maint.Machine):
    def __repr__(self):
        host = self.get_host()
        return '<Maint.Machine %s group=%s kind=%s%s>' % (
            self.get_name(), self.get_group(), _nick(self.get_kind()),
            ' host=%s' % host if host else '')


Machine = _override_object(Machine)


class Service(Maint.Service):
    def __repr__(self):
        return '<Maint.Service %s members=[%s] max_unavailable=%d>' % (
            self.get_name(), ', '.join(self.get_members() or []),
            self.get_max_unavailable())


Service = _override_object(Service)


class Activity(Maint.Activity):
    def __repr__(self):
        return '<Maint.Activity %s machine=%s kind=%s estimate=%s>' % (
            self.get_id(), self.get_machine(), _nick(self.get_kind()),
            Maint.duration_format(self.get_estimate()))


Activity = _override_object(Activity)


class Wave(Maint.Wave):
    def __repr__(self):
        return '<Maint.Wave %s>' % self.get_name()


Wave = _override_object(Wave)


class Rollout(Maint.Rollout):
    """A rollout; the constructor also takes ``waves`` (Maint.Wave values)."""

    def __init__(self, waves=(), **kwargs):
        Maint.Rollout.__init__(self, **_convert_kwargs(self._time_conversions, kwargs))
        for wave in waves:
            self.add_wave(wave)

    waves = _list_attribute('get_waves', 'The waves, a list')

    def __repr__(self):
        return '<Maint.Rollout %s waves=[%s]>' % (
            self.get_name(), ', '.join(w.get_name() for w in self.get_waves()))


Rollout = _override_object(Rollout)


class Fleet(Maint.Fleet):
    """The planning input. Its collections are lists: ``fleet.machines``."""

    groups = _list_attribute('get_groups', 'The resource groups, a list')
    machines = _list_attribute('get_machines', 'The machines, a list')
    services = _list_attribute('get_services', 'The services, a list')
    activities = _list_attribute('get_activities', 'The activities, a list')
    rollouts = _list_attribute('get_rollouts', 'The rollouts, a list')

    @classmethod
    def new_from_data(cls, data):
        """Reads a libmaint-fleet/1 document from str or bytes."""
        if isinstance(data, str):
            data = data.encode('utf-8')
        return Maint.Fleet.new_from_data(data)

    def __repr__(self):
        return '<Maint.Fleet now=%s groups=%d machines=%d activities=%d>' % (
            _fmt(self.get_now()), len(self.get_groups()), len(self.get_machines()),
            len(self.get_activities()))


Fleet = _override_object(Fleet)


class Slot(Maint.Slot):
    @classmethod
    def new(cls, machine, start, end):
        return Maint.Slot.new(machine, _instant_in(start), _instant_in(end))

    def __repr__(self):
        return '<Maint.Slot %s %s/%s activities=[%s] reboot=%s>' % (
            self.get_machine(), _fmt(self.get_start()), _fmt(self.get_end()),
            ', '.join(self.get_activities() or []), _nick(self.get_reboot()))


Slot = _override_object(Slot)


class Unscheduled(Maint.Unscheduled):
    def __repr__(self):
        return '<Maint.Unscheduled %s machine=%s reason=%s>' % (
            self.get_activity(), self.get_machine(), _nick(self.get_reason()))


Unscheduled = _override_object(Unscheduled)


class RebootCount(Maint.RebootCount):
    def __repr__(self):
        return '<Maint.RebootCount %s own=%d host=%d total=%d saved=%d>' % (
            self.get_machine(), self.get_own(), self.get_host(), self.get_total(),
            self.get_saved())


RebootCount = _override_object(RebootCount)


class HostDowntime(Maint.HostDowntime):
    @classmethod
    def new(cls, guest, host, start, end):
        return Maint.HostDowntime.new(guest, host, _instant_in(start), _instant_in(end))

    def __repr__(self):
        return '<Maint.HostDowntime %s host=%s %s/%s>' % (
            self.get_guest(), self.get_host(), _fmt(self.get_start()), _fmt(self.get_end()))


HostDowntime = _override_object(HostDowntime)


class Plan(Maint.Plan):
    """A plan. Its lists are attributes: ``plan.slots``, ``plan.unscheduled``,
    ``plan.reboot_counts``, ``plan.host_downtime``."""

    slots = _list_attribute('get_slots', 'The slots, a list')
    unscheduled = _list_attribute('get_unscheduled', 'The unscheduled activities, a list')
    reboot_counts = _list_attribute('get_reboot_counts', 'The reboot counts, a list')
    host_downtime = _list_attribute('get_host_downtime', 'The host downtimes, a list')

    @classmethod
    def new(cls, now):
        return Maint.Plan.new(_instant_in(now))

    @classmethod
    def new_from_data(cls, data):
        """Reads a libmaint-plan/1 document from str or bytes."""
        if isinstance(data, str):
            data = data.encode('utf-8')
        return Maint.Plan.new_from_data(data)

    def announce(self, fleet, until=None):
        """Records the slots whose notice is due by ``until`` (an aware
        datetime or seconds; None: every slot) as announced in ``fleet``;
        returns how many activities it pinned (maint_plan_announce())."""
        limit = 2 ** 63 - 1 if until is None else _instant_in(until)
        return Maint.Plan.announce(self, fleet, limit)

    def __repr__(self):
        return '<Maint.Plan now=%s scheduled=%d unscheduled=%d reboots=%d>' % (
            _fmt(self.get_now()), self.get_n_scheduled(), self.get_n_unscheduled(),
            self.get_n_reboots())


Plan = _override_object(Plan)


class Scheduler(Maint.Scheduler):
    def __repr__(self):
        return '<Maint.Scheduler now=%s>' % _fmt(self.get_now())


Scheduler = _override_object(Scheduler)


class Simulation(Maint.Simulation):
    """A fleet's plan run forward in time, with outcomes.

    ``Maint.Simulation.new(fleet, now=None)`` and ``advance(until)`` take
    aware datetimes as well as integer seconds; ``now`` reads as a
    datetime, ``plan`` and ``fleet`` are the current plan and fleet, and
    ``events`` is the log, a list of Maint.SimulationEvent. The C method
    maint_simulation_plan() is ``replan()`` here.
    """

    events = _list_attribute('get_events', 'The log, a list of Maint.SimulationEvent')
    # The C method maint_simulation_plan() and the property "plan" share a
    # name; the property wins here, the method is replan().
    plan = property(lambda self: self.get_plan(),
                    doc='The current plan, or None before the first plan')

    @classmethod
    def new(cls, fleet, now=None):
        return Maint.Simulation.new(fleet, _instant_in(now))

    def advance(self, until, cancellable=None):
        return Maint.Simulation.advance(self, _instant_in(until), cancellable)

    def replan(self, cancellable=None):
        """Plans at the simulation's clock (maint_simulation_plan())."""
        return Maint.Simulation.plan(self, cancellable)

    def __repr__(self):
        return '<Maint.Simulation now=%s events=%d>' % (
            _fmt(self.get_now()), len(self.get_events()))


Simulation = _override_object(Simulation)


class SimulationEvent(Maint.SimulationEvent):
    def __str__(self):
        return self.to_string()

    def __repr__(self):
        return '<Maint.SimulationEvent %s>' % self.to_string()


SimulationEvent = _override_object(SimulationEvent)


class Violation(Maint.Violation):
    def __repr__(self):
        return '<Maint.Violation %s: %s>' % (_nick(self.get_constraint()), self.get_message())


Violation = _override_object(Violation)


# Every other object type gets the same property attributes, so the scheme
# holds for types added to the C API before they get a hand-written repr.
def _override_remaining():
    for name in dir(Maint):
        if name in __all__ or name.startswith('_'):
            continue
        try:
            raw = getattr(Maint, name)
        except (AttributeError, RuntimeError, NotImplementedError):
            continue
        if isinstance(raw, type) and issubclass(raw, GObject.Object) and raw.__name__ == name:
            globals()[name] = _override_object(type(name, (raw,), {'__module__': __name__}))


_override_remaining()


# ------------------------------------------------------------------ #
# Functions taking instants and durations

def instant_format(instant):
    return Maint.instant_format(_instant_in(instant))


def instant_format_local(instant, zone):
    return Maint.instant_format_local(_instant_in(instant), zone)


def duration_format(seconds):
    return Maint.duration_format(_duration_in(seconds))


def time_zone_offset_at(zone, instant):
    return Maint.time_zone_offset_at(zone, _instant_in(instant))


def time_zone_abbreviation_at(zone, instant):
    return Maint.time_zone_abbreviation_at(zone, _instant_in(instant))


def window_specs_expand(specs, zone, from_, to):
    return Maint.window_specs_expand([_window_spec(s) for s in specs], zone,
                                     _instant_in(from_), _instant_in(to))


__all__ += ['instant_format', 'instant_format_local', 'duration_format',
            'time_zone_offset_at', 'time_zone_abbreviation_at', 'window_specs_expand']
