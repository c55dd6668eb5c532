#!/usr/bin/env python3
"""Checks that a fresh run of Tests/R/survey-reference.R gives the pinned reference values.

Usage: python3 Tests/R/compare-reference.py pinned.json fresh.json
Numbers must agree to 1e-7 (relative, or absolute below 1e-9); the R and survey versions may differ.
"""
import json
import math
import sys


def compare(pinned, fresh, path, problems):
    if isinstance(pinned, dict) and isinstance(fresh, dict):
        for key in sorted(set(pinned) | set(fresh)):
            if key in ("R", "survey"):
                continue
            if key not in pinned or key not in fresh:
                problems.append(f"{path}.{key}: only in {'fresh' if key in fresh else 'pinned'}")
                continue
            compare(pinned[key], fresh[key], f"{path}.{key}", problems)
    elif isinstance(pinned, list) and isinstance(fresh, list):
        if len(pinned) != len(fresh):
            problems.append(f"{path}: {len(pinned)} pinned values, {len(fresh)} fresh")
            return
        for index, (a, b) in enumerate(zip(pinned, fresh)):
            compare(a, b, f"{path}[{index}]", problems)
    elif isinstance(pinned, (int, float)) and isinstance(fresh, (int, float)):
        if not math.isclose(pinned, fresh, rel_tol=1e-7, abs_tol=1e-9):
            problems.append(f"{path}: pinned {pinned}, fresh {fresh}")
    elif pinned != fresh:
        problems.append(f"{path}: pinned {pinned!r}, fresh {fresh!r}")


def main():
    pinned, fresh = (json.load(open(name, encoding="utf-8")) for name in sys.argv[1:3])
    problems = []
    compare(pinned, fresh, "reference", problems)
    if problems:
        print(f"The pinned R reference differs from a fresh run ({len(problems)} values):")
        print("\n".join(problems[:20]))
        sys.exit(1)
    print(f"R reference: a fresh run of R {fresh['R']}, survey {fresh['survey']} gives the pinned values.")


if __name__ == "__main__":
    main()
