"""A refused WebDriver session is tried again instead of ending the run."""

import unittest

import measure


class Retries(unittest.TestCase):
    def starts(self, outcomes):
        pauses = []
        remaining = list(outcomes)

        def start():
            outcome = remaining.pop(0)
            if isinstance(outcome, Exception):
                raise outcome
            return outcome

        return start, pauses

    def test_a_refused_session_is_retried_with_a_growing_pause(self):
        start, pauses = self.starts([measure.SessionRefused("closed"),
                                     measure.SessionRefused("reset"), {"startup_ms": 300.0}])
        figures = measure.start_with_retries(start, pause=pauses.append)
        self.assertEqual(figures, {"startup_ms": 300.0, "refused_sessions": 2})
        self.assertEqual(pauses, [measure.SESSION_BACKOFF_S, 2 * measure.SESSION_BACKOFF_S])

    def test_it_gives_up_after_the_last_attempt(self):
        start, pauses = self.starts([measure.SessionRefused("closed")] * measure.SESSION_ATTEMPTS)
        with self.assertRaisesRegex(RuntimeError, "attempts"):
            measure.start_with_retries(start, pause=pauses.append)
        self.assertEqual(len(pauses), measure.SESSION_ATTEMPTS - 1)

    def test_other_failures_are_not_retried(self):
        start, pauses = self.starts([RuntimeError("did not appear within 30 s")])
        with self.assertRaisesRegex(RuntimeError, "30 s"):
            measure.start_with_retries(start, pause=pauses.append)
        self.assertEqual(pauses, [])

    def test_rounds_alternate_which_app_starts_first(self):
        self.assertEqual([key for key, _, _ in measure.round_order(0)][0], "baseline")
        self.assertEqual([key for key, _, _ in measure.round_order(1)][-1], "baseline")


if __name__ == "__main__":
    unittest.main()
