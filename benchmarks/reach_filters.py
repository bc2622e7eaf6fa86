"""Seconds the reach dashboard spends on its numbers for the demo, with 0, 1, 2 and 3 filters.

    .venv/bin/python benchmarks/reach_filters.py

Filtered views are protected together with every coarser view (reach.suppression.protect_lattice), which
solves linear programmes; this shows what that costs. A view that is too small stops after the check.
"""
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from participation import create_app  # noqa: E402
from participation.extensions import db  # noqa: E402
from tests.conftest import _test_config  # noqa: E402


def main() -> None:
    folder = Path(tempfile.mkdtemp())
    app = create_app(_test_config(f"sqlite:///{folder / 'demo.sqlite'}", folder), run_startup_tasks=False)
    with app.app_context(), app.test_request_context():
        db.create_all()
        from participation.demo.loader import load_demo_data
        from participation.models import Process
        from participation.reach.aggregates import choice_frequencies, scale_distribution, scope_hidden
        from participation.reach.dashboard import filter_values, reach_overview
        load_demo_data()
        process = db.session.execute(db.select(Process)).scalar_one()
        questions = [q for survey in process.surveys for q in survey.questions]
        for district in filter_values(process, "district"):
            for filters in ({}, {"district": district}, {"district": district, "language": "de"},
                            {"district": district, "language": "de", "channel": "online"}):
                start = time.perf_counter()
                shown = not scope_hidden(process, **filters)
                if shown:
                    reach_overview(process, **filters)
                    for question in questions:
                        if question.kind == "scale":
                            scale_distribution(question, process, **filters)
                        elif question.kind in ("single_choice", "multiple_choice", "yes_no", "district"):
                            choice_frequencies(question, process, **filters)
                print(f"{len(filters)} filters {district:20} {'shown' if shown else 'too small':10} "
                      f"{time.perf_counter() - start:6.2f} s")


if __name__ == "__main__":
    main()
