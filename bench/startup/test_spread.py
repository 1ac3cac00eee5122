"""python3 -m unittest discover -s bench/startup: the bench's arithmetic, without starting apps."""

import unittest

from spread import describe, median_interval, ratio_report, spread, verdict


class Spread(unittest.TestCase):
    def test_min_median_max_of_what_was_measured(self):
        self.assertEqual(spread([3.0, None, 1.0, 2.0]),
                         {"min": 1.0, "median": 2.0, "max": 3.0, "n": 3})
        self.assertIsNone(spread([None]))

    def test_median_interval_uses_order_statistics(self):
        values = list(range(1, 16))  # n = 15: the 4th smallest to the 4th largest (96.5%)
        self.assertEqual(median_interval(values), (4, 12))
        self.assertEqual(median_interval(list(range(6))), (0, 5))
        self.assertIsNone(median_interval(list(range(5))))

    def test_verdict_needs_the_whole_interval_on_one_side(self):
        self.assertEqual(verdict((1.05, 1.19), 1.2), "met")
        self.assertEqual(verdict((1.05, 1.2), 1.2), "met")
        self.assertEqual(verdict((1.21, 1.4), 1.2), "missed")
        self.assertEqual(verdict((1.16, 1.30), 1.2), "unsettled")
        self.assertEqual(verdict(None, 1.2), "unsettled")

    def test_ratios_pair_the_rounds(self):
        app = [110.0, 120.0, 130.0, 140.0, 150.0, 160.0]
        baseline = [100.0] * 6
        report = ratio_report(app, baseline, 1.2)
        self.assertEqual(report["min"], 1.1)
        self.assertEqual(report["median"], 1.35)
        self.assertEqual(report["max"], 1.6)
        self.assertEqual(report["median_95ci"], [1.1, 1.6])
        self.assertEqual(report["verdict"], "unsettled")
        self.assertIn("target 1.2x unsettled", describe("startup", report))
        self.assertNotIn("verdict", ratio_report(app, baseline, None))


if __name__ == "__main__":
    unittest.main()
