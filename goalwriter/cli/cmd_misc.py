"""`goalwriter gui` and `goalwriter demo`."""

from __future__ import annotations

from goalwriter.cli.common import store_from_args


def register(sub) -> None:
    gui = sub.add_parser("gui", help="open the window (the default)")
    gui.set_defaults(run=run_gui)
    demo = sub.add_parser("demo", help="add the sample caseload (2 schools, 4 classrooms, 8 students)")
    demo.set_defaults(run=run_demo)


def run_gui(args) -> int:
    from goalwriter.app import main as app_main

    return app_main(database_url=args.db)


def run_demo(args) -> int:
    from goalwriter.services.demo import load_demo_caseload

    store = store_from_args(args)
    try:
        counts = load_demo_caseload(store)
    finally:
        store.close()
    print(
        f"Added the sample caseload: {counts['schools']} schools, {counts['classrooms']} classrooms, "
        f"{counts['routines']} routines, {counts['students']} students, {counts['goals']} goals."
    )
    return 0
