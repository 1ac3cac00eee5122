"""How far repeated measurements spread, and whether a ratio is clear of its target.

A median alone hides how much a figure moves between runs on a shared machine: a start-up ratio
read 1.16x in one run and 1.30x in another against a 1.2x target. So every figure is reported
with its minimum and maximum, and a ratio's verdict rests on a distribution-free 95% confidence
interval of its median: "met" or "missed" only when the whole interval is on one side of the
target, otherwise "unsettled" (more starts are needed before two runs would agree).
"""

from __future__ import annotations

import math
import statistics

CONFIDENCE = 0.95


def spread(values: list[float | None]) -> dict | None:
    """Minimum, median and maximum of the values that were measured (None: not measured)."""
    measured = sorted(v for v in values if v is not None)
    if not measured:
        return None
    return {
        "min": measured[0],
        "median": statistics.median(measured),
        "max": measured[-1],
        "n": len(measured),
    }


def median_interval(values: list[float]) -> tuple[float, float] | None:
    """A 95% confidence interval of the median from order statistics (no assumption about the
    distribution): the k-th smallest to the k-th largest value, for the largest k whose
    two-sided binomial tail stays within 5%. None: too few values for any such interval (n < 6).
    """
    ordered = sorted(values)
    n = len(ordered)
    tail = 0.0
    k = 0
    while k < n:
        # P(Binomial(n, 1/2) <= k): the chance that k or fewer values fall below the median.
        next_tail = tail + math.comb(n, k) / 2**n
        if 2 * next_tail > 1 - CONFIDENCE:
            break
        tail = next_tail
        k += 1
    if k == 0:
        return None
    return ordered[k - 1], ordered[n - k]


def verdict(interval: tuple[float, float] | None, target: float) -> str:
    """'met' (at or under the target), 'missed', or 'unsettled' while the interval spans it."""
    if interval is None:
        return "unsettled"
    low, high = interval
    if high <= target:
        return "met"
    if low > target:
        return "missed"
    return "unsettled"


def ratio_report(app: list[float], baseline: list[float], target: float | None) -> dict:
    """The app's figure over the baseline's, round by round (each round starts both apps back to
    back, so drift on the machine hits both alike): min, median and max of those ratios, the
    interval of their median and, with a target, the verdict."""
    ratios = [a / b for a, b in zip(app, baseline) if a is not None and b]
    report = spread(ratios) or {"min": None, "median": None, "max": None, "n": 0}
    report = {key: round(value, 3) if isinstance(value, float) else value
              for key, value in report.items()}
    interval = median_interval(ratios)
    report["median_95ci"] = [round(v, 3) for v in interval] if interval else None
    if target is not None:
        report["target"] = target
        report["verdict"] = verdict(interval, target)
    return report


def describe(name: str, report: dict) -> str:
    """One line for the console: 'startup ratio 1.18x (min 1.05, median 1.18, max 1.40; ...)'."""
    if report["median"] is None:
        return f"{name} ratio: not measured"
    interval = report["median_95ci"]
    ci = f"95% CI {interval[0]:.2f}-{interval[1]:.2f}" if interval else "too few runs for a CI"
    line = (f"{name} ratio {report['median']:.2f}x (min {report['min']:.2f}, "
            f"median {report['median']:.2f}, max {report['max']:.2f}; {ci}; n={report['n']})")
    if "target" in report:
        line += f": target {report['target']}x {report['verdict']}"
    return line
