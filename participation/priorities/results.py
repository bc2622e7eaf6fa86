"""Rankings of a round for planners, with every group below the minimum size hidden.

Points are not persons: a group is shown only when the persons behind it (online submissions, and
conference participants) reach the process's minimum group size, protected against the total with
complementary suppression (`reach.suppression`) like every other breakdown. Conference dots cannot be
told apart by age band or target group, so those breakdowns count online points only; a session held
for one district counts there with all its participants.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from flask_babel import gettext as _
from sqlalchemy import func

from ..extensions import db
from ..languages.labels import value_label
from ..models import PriorityItem, PriorityPoints, PriorityRound, PrioritySubmission
from ..reach.aggregates import Cell
from ..reach.suppression import TOTAL, protect_counts
from ..strategy import theme_cells
from .points import AGE_BANDS

BREAKDOWNS = ("channel", "district", "age_band", "target_group")
ONLINE_ONLY = ("age_band", "target_group")


def channel_label(channel: str) -> str:
    return _("Konferenz") if channel == "conference" else _("Online")


def group_label(field_name: str, value) -> str:
    if field_name == "channel" and value is not None:
        return channel_label(value)
    if field_name == "age_band" and value is not None:
        return str(AGE_BANDS.get(value, value))
    return value_label(field_name, value)


@dataclass
class Group:
    value: str | None
    label: str
    persons: int | None                    # None when hidden
    points: dict = field(default_factory=dict)   # item id → points (empty when hidden)
    hidden: bool = False


@dataclass
class Breakdown:
    field: str
    groups: list
    withheld: bool = False                 # too few persons in all: not even the group names are shown


@dataclass
class RankedItem:
    item: PriorityItem
    rank: int
    total: int
    online: int | None
    conference: int | None
    theme_answers: Cell | None = None      # the theme's size (answers), hidden when small
    answers_rank: int | None = None        # rank of the theme by answers among the round's themes
    theme_rank: int | None = None          # rank of the theme by points among the round's themes

    @property
    def gap(self) -> int | None:
        """Positive: prioritised higher than its size suggests; negative: said often, weighed lower.

        Both ranks count the round's themes only, so measures in between do not widen the gap.
        """
        return None if self.answers_rank is None else self.answers_rank - self.theme_rank


@dataclass
class RoundResults:
    priority_round: PriorityRound
    persons: int
    online_persons: int | None
    conference_persons: int | None
    ranking: list = field(default_factory=list)
    breakdowns: list = field(default_factory=list)
    withheld: bool = False

    @property
    def themes(self) -> list[RankedItem]:
        """The round's themes in order of points, for "said often – or prioritised?"."""
        return [entry for entry in self.ranking if entry.theme_rank is not None]


def _rows(priority_round: PriorityRound) -> list[tuple]:
    """(submission id, channel, district, age band, target group, persons, item id, points) per stored point."""
    return db.session.execute(
        db.select(PrioritySubmission.id, PrioritySubmission.channel, PrioritySubmission.district,
                  PrioritySubmission.age_band, PrioritySubmission.target_group,
                  func.coalesce(PrioritySubmission.participant_count, 1), PriorityPoints.item_id,
                  PriorityPoints.points)
        .join(PriorityPoints, PriorityPoints.submission_id == PrioritySubmission.id)
        .where(PrioritySubmission.round_id == priority_round.id)).all()


def _persons(rows, key) -> dict:
    """Persons per group value, each submission counted once."""
    seen, counts = set(), {}
    for row in rows:
        if row[0] in seen:
            continue
        seen.add(row[0])
        value = key(row)
        counts[value] = counts.get(value, 0) + row[5]
    return counts


def _points(rows, key) -> dict:
    """group value → item id → points."""
    points: dict = {}
    for row in rows:
        group = points.setdefault(key(row), {})
        group[row[6]] = group.get(row[6], 0) + row[7]
    return points


KEYS = {"channel": lambda row: row[1], "district": lambda row: row[2], "age_band": lambda row: row[3],
        "target_group": lambda row: row[4]}


def breakdown(rows, field_name: str, k: int, order: list) -> Breakdown:
    if field_name in ONLINE_ONLY:
        rows = [row for row in rows if row[1] == "online"]
    elif field_name == "district":
        rows = [row for row in rows if row[1] == "online" or row[2] is not None]
    key = KEYS[field_name]
    persons = _persons(rows, key)
    hidden = protect_counts(persons, k) if persons else set()
    if TOTAL in hidden or (persons and sum(persons.values()) < k):
        return Breakdown(field_name, [], withheld=True)
    points = _points(rows, key)
    groups = [Group(value, group_label(field_name, value), None, {}, True) if value in hidden
              else Group(value, group_label(field_name, value), count, points.get(value, {}))
              for value, count in sorted(persons.items(), key=lambda entry: _position(order, entry[0]))]
    return Breakdown(field_name, groups)


def _position(order: list, value) -> tuple:
    """Groups in the order the process lists them (age bands young to old), "keine Angabe" last."""
    return (value is None, order.index(value) if value in order else len(order), str(value))


def round_results(priority_round: PriorityRound) -> RoundResults:
    """Ranking overall with online and conference apart, the breakdowns, and the gap to the themes' size."""
    k = priority_round.process.min_group_size
    rows = _rows(priority_round)
    by_channel = _persons(rows, KEYS["channel"])
    persons = sum(by_channel.values())
    if persons < k:
        return RoundResults(priority_round, persons, None, None, withheld=True)
    process = priority_round.process
    orders = {"channel": ["online", "conference"], "district": list(process.districts or []),
              "age_band": list(AGE_BANDS), "target_group": list(process.target_groups or [])}
    channels = breakdown(rows, "channel", k, orders["channel"])
    shown = {group.value: group for group in channels.groups if not group.hidden}
    totals = _points(rows, lambda row: None).get(None, {})
    ranking = sorted(priority_round.items, key=lambda item: (-totals.get(item.id, 0), item.position, item.id))
    ranked = [RankedItem(item, position + 1, totals.get(item.id, 0),
                         shown["online"].points.get(item.id, 0) if "online" in shown else None,
                         shown["conference"].points.get(item.id, 0) if "conference" in shown else None)
              for position, item in enumerate(ranking)]
    _add_theme_sizes(priority_round, ranked)
    return RoundResults(priority_round, persons, shown["online"].persons if "online" in shown else None,
                        shown["conference"].persons if "conference" in shown else None, ranked,
                        [channels] + [breakdown(rows, name, k, orders[name]) for name in BREAKDOWNS[1:]])


def _add_theme_sizes(priority_round: PriorityRound, ranked: list[RankedItem]) -> None:
    """Theme items get their answer count (hidden when small), their rank by answers and by points."""
    cells = {theme.id: cell for theme, cell in theme_cells(priority_round.process)}
    themes = [entry for entry in ranked if entry.item.theme_id in cells]
    for position, entry in enumerate(themes):
        entry.theme_rank = position + 1
    by_size = sorted(themes, key=lambda entry: -(cells[entry.item.theme_id].count or 0))
    for position, entry in enumerate(by_size):
        entry.theme_answers = cells[entry.item.theme_id]
        entry.answers_rank = position + 1 if not entry.theme_answers.hidden else None


@dataclass
class MeasurePriority:
    rank: int
    of: int
    points: int
    round_title: str

    def text(self) -> str:
        return _("Rang %(rank)d von %(of)d (%(points)d Punkte, „%(round)s“)", rank=self.rank, of=self.of,
                 points=self.points, round=self.round_title)


def published_rankings(process) -> list[RoundResults]:
    """The results of every round whose ranking residents may see, oldest first (reports repeat only those)."""
    rounds = db.session.execute(db.select(PriorityRound).where(PriorityRound.process_id == process.id,
                                                               PriorityRound.results_published.is_(True))
                                .order_by(PriorityRound.id)).scalars().all()
    return [results for results in map(round_results, rounds) if not results.withheld]


def measure_priorities(process) -> dict[int, MeasurePriority]:
    """Each measure's place in the newest round that ranked it with enough participants."""
    priorities: dict[int, MeasurePriority] = {}
    rounds = db.session.execute(db.select(PriorityRound).where(PriorityRound.process_id == process.id)
                                .order_by(PriorityRound.id.desc())).scalars().all()
    for priority_round in rounds:
        if not any(item.measure_id for item in priority_round.items):
            continue
        results = round_results(priority_round)
        if results.withheld:
            continue
        for entry in results.ranking:
            if entry.item.measure_id and entry.item.measure_id not in priorities:
                priorities[entry.item.measure_id] = MeasurePriority(entry.rank, len(results.ranking), entry.total,
                                                                    priority_round.title)
    return priorities
