"""Runs plain-assert test functions, as `python3 -m training.tests` and `python3 -m text.tests` do:
one line per test, every failure with its traceback, then the count; 1 when any failed."""

import traceback


def run(tests):
    failed = 0
    for function in tests:
        try:
            function()
            print(f"passed {function.__name__}")
        except Exception:  # every failure is reported, then the run fails
            failed += 1
            print(f"FAILED {function.__name__}\n{traceback.format_exc()}")
    print(f"{len(tests) - failed} passed, {failed} failed")
    return 1 if failed else 0
