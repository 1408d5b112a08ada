// M27 credit: the same reform raises its beneficiaries' hope more where an organizer contacted
// them; everyone who benefits sees lower grievance.
#include <catch2/catch.hpp>

#include "core/context.h"
#include "elections_helpers.h"
#include "model/government/credit.h"

using namespace tribune;
using namespace tribune::test;

TEST_CASE("credit: organizer contact among beneficiaries raises the hope gain from the same reform") {
  Simulation sim(make_scenario(small_world(4000, 1,
                                           "offices:\n  - {name: council, first_election: 900}\n"
                                           "agenda:\n  - {name: childcare, depth: 0.5, beneficiaries: [worker], "
                                           "legislature: council}\n")),
                 1);
  World& w = sim.world();
  auto& P = w.persons;
  for (int64_t i = 0; i < w.size(); ++i) {
    P.last_contact[i] = i % 2 == 0 ? 10 : -1;  // every other resident met an organizer at week 10
    P.hope_impulse[i] = 0;
  }
  const std::vector<float> offset = P.grievance_offset;
  w.politics.passed_this_tick = {0};
  w.politics.sponsor_visibility = 1;
  const Pool pool(1, 1024);
  step(w, CreditParams{}, Context{20, pool, Streams(1, 0, CreditParams::kName)});
  double contacted = 0, not_contacted = 0, n_c = 0, n_n = 0, others = 0;
  int lower = 0, workers = 0;
  for (int64_t i = 0; i < w.size(); ++i) {
    if (P.klass[i] != 0) {
      others += std::abs(P.hope_impulse[i]);
      continue;
    }
    ++workers;
    lower += P.grievance_offset[i] < offset[static_cast<size_t>(i)];
    (i % 2 == 0 ? contacted : not_contacted) += P.hope_impulse[i];
    (i % 2 == 0 ? n_c : n_n) += 1;
  }
  CHECK(contacted / n_c > not_contacted / n_n + 0.05);  // 0.12 against 0.02 by default
  CHECK(not_contacted / n_n > 0);                       // a visible sponsor earns a little
  CHECK(others == 0);                                   // professionals and owners did not benefit
  CHECK(lower == workers);
}
