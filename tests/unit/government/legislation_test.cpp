// M26 legislation at fixed seats: more disruption passes more reforms, lower translation
// friction passes more, a veto needs an override, and reform beyond capital's tolerance brings
// its answer.
#include <catch2/catch.hpp>

#include "elections_helpers.h"

using namespace tribune;
using namespace tribune::test;

namespace {
struct Outcome {
  int64_t passed = 0, shocks = 0, vetoes = 0, votes = 0;
  std::vector<int64_t> passed_at;
};

// Nine at-large legislators at `position` (cut -0.2), two years of sessions every 13 weeks
// (eight votes), ten reforms on the agenda; district opinion and unions carry no pressure, so
// disruption (here protest, held fixed) is the only push.
Outcome legislate(double position, double protest, std::vector<std::string> sets = {},
                  const std::string& executive = "", std::string agenda = "") {
  for (auto& s : quiet_world()) sets.push_back(s);
  for (const char* s : {"mechanisms.legislation.opinion=0", "mechanisms.legislation.unions=0",
                        "mechanisms.institutional_pressure.enabled=false", "mechanisms.accountability.enabled=false",
                        "mechanisms.tribune_effect.enabled=false"})
    sets.push_back(s);
  const bool ten = agenda.empty();
  if (ten) agenda = "agenda:\n";
  for (int k = 0; k < 10 && ten; ++k)
    agenda += "  - {name: r" + std::to_string(k) + ", depth: 0.1, legislature: council" +
              (executive.empty() ? "" : ", executive: mayor") + "}\n";
  Simulation sim(make_scenario(small_world(4000, 105,
                                           one_org() +
                                               "offices:\n  - {name: council, constituency: at_large, first_election: "
                                               "900}\n  - {name: mayor, level: mayor, constituency: at_large, "
                                               "first_election: 900, veto: true}\n" +
                                               agenda),
                               sets),
                 2);
  auto& pol = sim.world().politics;
  for (int k = 0; k < 9; ++k) {
    Officeholder h = holder(Origin::establishment, {0, 0, 1}, position);
    h.org = -1;
    pol.holders.push_back(h);
  }
  if (!executive.empty()) {
    Officeholder h = holder(Origin::establishment, {0, 0, 1}, executive == "left" ? -0.6 : 0.3);
    h.org = -1;
    h.office = 1;
    pol.holders.push_back(h);
  }
  sim.world().env.protest_share = protest;
  run_all(sim);
  const auto& reforms = sim.world().events.at("reforms");
  Outcome o{pol.reforms_passed, pol.capital_shocks, 0, 0, {}};
  o.votes = reforms.rows();
  o.passed_at = pol.passed_at;
  for (int64_t r = 0; r < reforms.rows(); ++r) o.vetoes += reforms.column("vetoed").ints[static_cast<size_t>(r)];
  return o;
}
}  // namespace

TEST_CASE("legislation: more disruption passes more reforms at fixed seats") {
  // Disruption 28.6 x share (M26's protest_weight): about 0.57, and 1 at 3.5% of residents.
  const Outcome calm = legislate(0.1, 0.0), restless = legislate(0.1, 0.02), disrupted = legislate(0.1, 0.035);
  INFO("passed " << calm.passed << ", " << restless.passed << ", " << disrupted.passed);
  CHECK(calm.passed == 0);
  CHECK(disrupted.passed > restless.passed);
  CHECK(disrupted.passed >= 2);
}

TEST_CASE("legislation: lower translation friction passes more") {
  const Outcome gap = legislate(0.1, 0.035, {"mechanisms.legislation.translation_friction=0.9"});
  const Outcome loop = legislate(0.1, 0.035, {"mechanisms.legislation.translation_friction=0.1"});
  CHECK(loop.passed > gap.passed);
  CHECK(loop.passed == 8);  // pressure 0.9 against thresholds of mean 0.5, sd 0.2: nearly every vote
}

TEST_CASE("legislation: a left majority passes reforms, an executive vetoes, and capital answers") {
  const Outcome left = legislate(-0.5, 0.0, {"mechanisms.legislation.tolerance=10"});
  CHECK(left.passed == 8);
  CHECK(left.shocks == 0);
  const Outcome vetoed = legislate(-0.5, 0.0, {}, "right");
  CHECK(vetoed.vetoes > 0);
  CHECK(vetoed.passed == 8);  // nine of nine override the veto
  const Outcome signed_ = legislate(-0.5, 0.0, {}, "left");
  CHECK(signed_.vetoes == 0);
  // Tolerance 1 and depth 0.1 each: the 11th would cross it; at tolerance 0.25 the third does.
  const Outcome beyond = legislate(-0.5, 0.0, {"mechanisms.legislation.tolerance=0.25"});
  CHECK(beyond.shocks >= 1);
  CHECK(beyond.shocks <= 3);
}

TEST_CASE("legislation: a reform that fails goes to the back of the agenda and does not block the rest") {
  // The first reform has no support (cut -0.9, legislators at 0.1, no disruption); the second and
  // third pass sincerely (cut 0.5). Eight sessions: r1 and r2 pass at the second and third, and
  // the sessions after keep taking up r0.
  const std::string agenda =
      "agenda:\n  - {name: r0, cut: -0.9, legislature: council}\n  - {name: r1, cut: 0.5, legislature: council}\n"
      "  - {name: r2, cut: 0.5, legislature: council}\n";
  const Outcome o = legislate(0.1, 0.0, {}, "", agenda);
  REQUIRE(o.passed_at.size() == 3);
  CHECK(o.passed_at[0] == -1);
  CHECK(o.passed_at[1] == 26);
  CHECK(o.passed_at[2] == 39);
  CHECK(o.passed == 2);
  CHECK(o.votes == 8);  // r0, r1, r2, then r0 at each of the five sessions left
}
