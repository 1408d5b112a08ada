"""Claim tests: each parameter that encodes an essay's claim reaches the outcome the claim is
about, in the strategy scenario built for it (tests/claims/claims.py lists them).

For each claim, the two ends of its range are run over seeds 1-5 with common random numbers (the
same seed builds the same world); the test passes when, for at least one of the claim's outcomes,
the mean paired difference exceeds two standard errors of the paired difference. The direction
is never asserted: no strategy's success is written in.

What the tolerance means: an inert parameter (the failure this guards against: identical output
at both ends) gives a difference of exactly 0 and always fails. A parameter with a real but
noise-sized effect passes an outcome with a chance that grows with its size; one with no effect
but noisy outcomes would pass one outcome by chance with probability 0.116 (|t| > 2 with 4
degrees of freedom). Most effects measured here are far beyond that (docs/claims.md gives each
with its standard error)."""
import pytest

import claims


@pytest.fixture(scope="module", autouse=True)
def runs_dir(tmp_path_factory):
    claims.RUNS = tmp_path_factory.mktemp("claims")


@pytest.mark.parametrize("claim", claims.CLAIMS, ids=[c.name for c in claims.CLAIMS])
def test_claim_reaches_its_outcome(claim):
    effects = claims.measure(claim)
    report = "\n".join(f"  {e.outcome}: low {e.low:.4g}, high {e.high:.4g}, paired difference {e.diff:+.4g} "
                       f"(SE {e.se:.2g}, {e.n} seeds) {'LIVE' if e.live else ''}" for e in effects)
    assert any(e.live for e in effects), f"{claim.name} ({claim.parameter}) reaches none of its outcomes:\n{report}"
