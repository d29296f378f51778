"""`pdorganizer --self-test`: proves an installation (or a built bundle) is complete."""

from __future__ import annotations


def run_self_test() -> int:
    print("self-test not implemented yet")
    return 1
