// M28 mobilization: Granovetter's riot reproduced exactly; police deter; grievance and
// illegitimacy bring people out; the rounding switch changes the estimated arrest risk.
#include <algorithm>
#include <catch2/catch.hpp>

#include "elections_helpers.h"
#include "model/movements/mobilization.h"
#include "model/movements/mobilization_classify.h"

using namespace tribune;
using namespace tribune::test;

namespace {
// Granovetter (1978): 100 persons with thresholds 0, 1, ..., 99 counted in others protesting,
// complete mixing, nothing else at work.
int64_t riot(const std::vector<std::string>& edits) {
  std::vector<std::string> sets = quiet_world();
  for (const char* s : {"mechanisms.mobilization.enabled=true", "mechanisms.mobilization.mixing=complete",
                        "mechanisms.mobilization.thresholds=sequence", "mechanisms.mobilization.social=1",
                        "mechanisms.mobilization.grievance_weight=0", "mechanisms.mobilization.police_per_1000=0",
                        "mechanisms.mobilization.fatigue=0"})
    sets.push_back(s);
  for (const auto& e : edits) sets.push_back(e);
  Simulation sim(
      make_scenario("name: riot\nhorizon_weeks: 120\nworld:\n  persons: 100\n  districts: [{name: a}]\n", sets), 2);
  run_all(sim);
  return sim.world().movement.protesters;
}
}  // namespace

TEST_CASE("mobilization: Granovetter's riot: thresholds 0..99 all protest; move the 1 to a 2 and one does") {
  CHECK(riot({}) == 100);
  CHECK(riot({"mechanisms.mobilization.threshold_edits=[{person: 1, value: 2}]"}) == 1);
}

TEST_CASE("mobilization: Epstein's arrest probability and its rounding") {
  CHECK(arrest_probability(1, 1, 2.3, Rounding::exact) == Approx(1 - std::exp(-2.3)));
  CHECK(arrest_probability(1, 2, 2.3, Rounding::floor) == 0);  // floor(0.5) = 0: no perceived risk
  CHECK(arrest_probability(1, 2, 2.3, Rounding::round) == Approx(1 - std::exp(-2.3)));  // round(0.5) = 1
  CHECK(arrest_probability(3, 2, 2.3, Rounding::exact) > arrest_probability(1, 2, 2.3, Rounding::exact));
  CHECK(arrest_probability(5, 0, 2.3, Rounding::exact) == 0);
}

namespace {
int64_t protesters(std::vector<std::string> sets) {
  for (auto& s : quiet_world()) sets.push_back(s);
  sets.push_back("mechanisms.mobilization.enabled=true");
  sets.push_back("mechanisms.mobilization.rounding=exact");
  Simulation sim(make_scenario(small_world(20000, 8), sets), 2);
  run_all(sim);
  return sim.world().movement.protesters;
}
}  // namespace

TEST_CASE("mobilization: more police lowers participation; more illegitimacy raises it") {
  const std::vector<std::string> restless = {"mechanisms.mobilization.threshold_mean=0.3",
                                             "mechanisms.mobilization.threshold_sd=0.1"};
  auto with = [&](std::vector<std::string> more) {
    auto s = restless;
    s.insert(s.end(), more.begin(), more.end());
    return protesters(s);
  };
  const int64_t few_police = with({"mechanisms.mobilization.police_per_1000=0.5"});
  const int64_t many_police = with({"mechanisms.mobilization.police_per_1000=20"});
  INFO("protesters: " << few_police << " with few police, " << many_police << " with many");
  CHECK(few_police > 0);
  CHECK(many_police < few_police);
  CHECK(with({"timeline=[{week: 0, kind: legitimacy_shift, delta: -0.4}]"}) > with({}));
}

TEST_CASE("mobilization: a burst of protest is detected as an episode with its peak") {
  std::vector<std::string> sets = quiet_world();
  for (const char* s : {"mechanisms.mobilization.enabled=true", "mechanisms.mobilization.mixing=complete",
                        "mechanisms.mobilization.thresholds=sequence", "mechanisms.mobilization.social=1",
                        "mechanisms.mobilization.grievance_weight=0", "mechanisms.mobilization.police_per_1000=0",
                        "mechanisms.mobilization.fatigue=0", "mechanisms.episodes.start_share=0.05"})
    sets.push_back(s);
  Simulation sim(
      make_scenario("name: riot\nhorizon_weeks: 120\nworld:\n  persons: 100\n  districts: [{name: a}]\n", sets), 2);
  run_all(sim);
  const EventTable& ep = sim.world().events.at("episodes");
  REQUIRE(ep.rows() == 2);                 // the city and its one district, both still under way at the end
  CHECK(ep.column("start").ints[0] == 4);  // 5 of 100 protest in week 4 (one more each week)
  CHECK(ep.column("end").ints[0] == -1);
  CHECK(ep.column("peak").ints[0] == 100);
  CHECK(sim.world().movement.episodes_started == 1);
}

TEST_CASE("mobilization: fatigue wears a burst of protest down") {
  // A restless city (thresholds around 0.3) after a legitimacy collapse at week 0.
  const std::vector<std::string> restless = {"mechanisms.mobilization.threshold_mean=0.3",
                                             "mechanisms.mobilization.threshold_sd=0.1",
                                             "timeline=[{week: 0, kind: legitimacy_shift, delta: -0.4}]"};
  auto at = [&](double fatigue) {
    std::vector<std::string> sets = restless;
    sets.push_back("mechanisms.mobilization.fatigue=" + std::to_string(fatigue));
    for (auto& s : quiet_world()) sets.push_back(s);
    sets.push_back("mechanisms.mobilization.enabled=true");
    sets.push_back("mechanisms.repression.enabled=false");
    Simulation sim(make_scenario(small_world(20000, 30), sets), 2);
    std::vector<int64_t> n;
    while (!sim.done()) {
      sim.tick();
      n.push_back(sim.world().movement.protesters);
    }
    return n;
  };
  const auto tireless = at(0), tired = at(0.05);
  // Everyone tires at about the same pace, so participation comes in waves (here about nine
  // weeks apart) instead of holding at its peak; over weeks 10-29 it averages well below.
  double a = 0, b = 0;
  for (size_t k = 10; k < 30; ++k) a += double(tireless[k]), b += double(tired[k]);
  INFO("mean over weeks 10-29: " << a / 20 << " tireless, " << b / 20 << " tired");
  CHECK(tired[0] == tireless[0]);  // nobody has protested yet in week 0
  CHECK(b < 0.7 * a);
  CHECK(*std::min_element(tired.begin() + 10, tired.end()) < 0.1 * double(tireless[29]));
}

TEST_CASE("mobilization: each person's count of protesting ties stays the count, in waves and in quiet weeks") {
  // The counts are moved at the ties of those who change each week (move_counts_of_changed), not
  // recounted: here they are recounted from the ties every week and must agree, through weeks
  // where thousands change and weeks where a handful do.
  std::vector<std::string> sets = {"mechanisms.mobilization.threshold_mean=0.3",
                                   "mechanisms.mobilization.threshold_sd=0.1", "mechanisms.mobilization.fatigue=0.05",
                                   "timeline=[{week: 0, kind: legitimacy_shift, delta: -0.4}]"};
  for (auto& s : quiet_world()) sets.push_back(s);
  sets.push_back("mechanisms.mobilization.enabled=true");
  sets.push_back("mechanisms.repression.enabled=false");
  Simulation sim(make_scenario(small_world(20000, 30), sets), 2);
  int64_t most = 0, fewest = sim.world().size(), last = 0;
  while (!sim.done()) {
    sim.tick();
    const World& w = sim.world();
    int64_t wrong = 0, changed = 0;
    for (int64_t i = 0; i < w.size(); ++i) {
      int n = 0;
      for (int64_t k = w.network.offsets[i]; k < w.network.offsets[i + 1]; ++k) n += w.persons.protesting[w.network.nbr[k]];
      wrong += n != w.persons.protest_ties[i];
      REQUIRE(w.persons.protesting[i] <= 1);  // the week's change marks are cleared
    }
    changed = std::abs(w.movement.protesters - last);
    last = w.movement.protesters;
    most = std::max(most, changed);
    fewest = std::min(fewest, changed);
    INFO("week " << w.tick << ": " << w.movement.protesters << " protesting");
    REQUIRE(wrong == 0);
  }
  INFO("largest and smallest weekly change in protesters: " << most << ", " << fewest);
  CHECK(most > 1000);  // the waves move thousands at once...
  CHECK(fewest < 100);  // ...and some weeks few
}

TEST_CASE("mobilization: the decision in AVX2 lanes is the scalar decision, bit for bit") {
  if (!classify_in_lanes()) {
    WARN("this CPU or build has no AVX2 path: nothing to compare");
    return;
  }
  // A movement organization whose organizers ask residents out (the lanes leave "protests if
  // asked" to a draw), members who give hours (organized), a call (called), a pandemic (the
  // gathering risk), arrests (jailed) and tiredness: every term of the calculus moves.
  const std::string extra =
      one_org("{electoral: 0.1, movement: 0.6, union: 0.1, base_building: 0.1, internal: 0.1}") +
      "timeline:\n  - {week: 2, kind: legitimacy_shift, delta: -0.3}\n  - {week: 6, kind: mass_call}\n"
      "  - {week: 12, kind: pandemic, duration_weeks: 3}\n";
  auto run = [&](bool scalar) {
    classify_force_scalar(scalar);
    Simulation sim(make_scenario(small_world(20000, 24, extra), {"mechanisms.mobilization.threshold_mean=0.3",
                                                                  "mechanisms.mobilization.asks_per_hour=20"}),
                   2);
    std::vector<std::vector<uint8_t>> weeks;
    double hours = 0;
    int64_t jailed = 0;
    while (!sim.done()) {
      sim.tick();
      const World& w = sim.world();
      weeks.push_back(w.persons.protesting);
      weeks.push_back(w.persons.tiredness);
      for (double h : w.movement.hours_in) hours += h;
      for (int32_t j : w.persons.jailed_until) jailed += j > w.tick;
    }
    classify_force_scalar(false);
    return std::tuple{weeks, hours, jailed};
  };
  const auto [lanes, hours, jailed] = run(false);
  const auto [scalar, hours_scalar, jailed_scalar] = run(true);
  CHECK(hours > 0);   // organizers asked
  CHECK(jailed > 0);  // some were in jail
  int64_t out = 0;
  for (size_t k = 0; k < lanes.size(); k += 2)
    for (uint8_t p : lanes[k]) out += p;
  CHECK(out > 1000);  // people came out
  REQUIRE(lanes.size() == scalar.size());
  for (size_t k = 0; k < lanes.size(); ++k) {
    INFO("week " << k / 2 << (k % 2 ? " tiredness" : " protesting"));
    CHECK(lanes[k] == scalar[k]);
  }
}

namespace {
// Granovetter's riot (one more protester each week) that a pandemic ends at week 40: everyone
// is kept home by a gathering risk no one overcomes. One reform on the agenda; `won` passes it
// by hand at week 30, while the episode is under way.
const EventTable& riot_that_ends(Simulation& sim, bool won) {
  while (!sim.done()) {
    sim.tick();
    if (won && sim.world().tick == 30) {
      sim.world().politics.passed_at.at(0) = 30;
      ++sim.world().politics.reforms_passed;
    }
  }
  return sim.world().events.at("episodes");
}
Scenario ending_riot() {
  std::vector<std::string> sets = quiet_world();
  for (const char* s : {"mechanisms.mobilization.enabled=true", "mechanisms.mobilization.mixing=complete",
                        "mechanisms.mobilization.thresholds=sequence", "mechanisms.mobilization.social=1",
                        "mechanisms.mobilization.grievance_weight=0", "mechanisms.mobilization.police_per_1000=0",
                        "mechanisms.mobilization.fatigue=0", "mechanisms.episodes.start_share=0.05"})
    sets.push_back(s);
  return make_scenario(
      "name: riot\nhorizon_weeks: 48\nworld:\n  persons: 100\n  districts: [{name: a}]\n"
      "offices: [{name: council}]\nagenda: [{name: r, legislature: council}]\n"
      "timeline: [{week: 40, kind: pandemic, duration_weeks: 10, hours_cut: 0, gathering_risk: 100, grievance: 0}]\n",
      sets);
}
}  // namespace

TEST_CASE("episodes: a burst that subsides ends, and is won only if its demand passed meanwhile") {
  Simulation lost_run(ending_riot(), 2), won_run(ending_riot(), 2);
  const EventTable& lost = riot_that_ends(lost_run, false);
  const EventTable& won = riot_that_ends(won_run, true);
  REQUIRE(lost.rows() == 2);  // the city and its district, both ended when the pandemic came
  CHECK(lost.column("start").ints[0] == 4);
  CHECK(lost.column("end").ints[0] == 40);
  CHECK(lost.column("demand").texts[0] == "r");
  CHECK(lost.column("won").ints[0] == 0);
  REQUIRE(won.rows() == 2);
  CHECK(won.column("won").ints[0] == 1);
  CHECK(won.column("won").ints[1] == 1);
}

namespace {
// Protesters in week 3 among the organization's volunteers, members and cadre, and among the
// other residents, for an organization putting all its hours into movements or into campaigns.
struct Split {
  int64_t engaged = 0, others = 0;
};
Split split(bool movement, double asked) {
  std::vector<std::string> sets = quiet_world();
  for (const std::string& s : std::vector<std::string>{
           "mechanisms.mobilization.enabled=true", "mechanisms.time_budget.enabled=true",
           "mechanisms.time_budget.protest_pull=0", "mechanisms.mobilization.threshold_mean=0.3",
           "mechanisms.mobilization.threshold_sd=0.05", "mechanisms.mobilization.police_per_1000=0",
           "mechanisms.mobilization.social=0", "mechanisms.repression.enabled=false",
           "mechanisms.movement_recruitment.enabled=false", "mechanisms.mobilization.asked=" + std::to_string(asked)})
    sets.push_back(s);
  const std::string strategy = movement ? "{electoral: 0, movement: 1, union: 0, base_building: 0, internal: 0}"
                                        : "{electoral: 1, movement: 0, union: 0, base_building: 0, internal: 0}";
  Simulation sim(make_scenario(small_world(20000, 3,
                                           "organizations:\n  - {name: left, members_per_resident: 0.02, "
                                           "volunteers_per_member: 2, strategy: " +
                                               strategy + "}\n"),
                               sets),
                 2);
  run_all(sim);
  Split out;
  const auto& P = sim.world().persons;
  for (int64_t i = 0; i < sim.world().size(); ++i)
    if (P.protesting[i]) (P.engagement[i] >= kVolunteer ? out.engaged : out.others) += 1;
  return out;
}
}  // namespace

TEST_CASE("mobilization: an organization's movement hours bring its people out, and the residents it asks") {
  const Split campaigns = split(false, 0.1), movements = split(true, 0.1), unasked = split(true, 0);
  INFO("engaged protesters: " << campaigns.engaged << " (campaigns), " << movements.engaged
                              << " (movements); others: " << campaigns.others << ", " << movements.others << ", "
                              << unasked.others << " (no one asked)");
  CHECK(movements.engaged > 5 * std::max<int64_t>(1, campaigns.engaged));
  CHECK(movements.others > unasked.others);
  CHECK(campaigns.others == unasked.others);  // no movement hours: nobody is asked either way
}

namespace {
// Epstein's Model I on a ring lattice of 80 with local vision (scenarios/validation/epstein.yaml).
std::vector<std::string> epstein_sets(double police, bool arrests) {
  std::vector<std::string> sets = quiet_world();
  for (const std::string& s : std::vector<std::string>{
           "mechanisms.grievance.enabled=true", "mechanisms.grievance.initial=uniform",
           "mechanisms.grievance.noise_sd=0", "mechanisms.mobilization.enabled=true",
           "mechanisms.mobilization.vision=ties", "mechanisms.mobilization.hope_weight=0",
           "mechanisms.mobilization.social=0", "mechanisms.mobilization.threshold_mean=0.1",
           "mechanisms.mobilization.threshold_sd=0", "mechanisms.mobilization.fatigue=0",
           "mechanisms.mobilization.police_per_1000=" + std::to_string(police),
           "mechanisms.repression.enabled=" + std::string(arrests ? "true" : "false"),
           "mechanisms.repression.arrests_per_officer=1", "mechanisms.repression.arrest_cap=1",
           "mechanisms.repression.max_jail_weeks=30", "mechanisms.repression.backlash=0",
           "mechanisms.repression.legitimacy_loss=0", "world.legitimacy=0.8", "world.network.mean_degree=80",
           "world.network.workplace_share=0", "world.network.long_range_share=0", "world.network.rewire=0"})
    sets.push_back(s);
  return sets;
}
}  // namespace

TEST_CASE("mobilization: under local vision one reckons the arrest risk from the police one sees") {
  Simulation sim(make_scenario(small_world(4000, 1), epstein_sets(57.14, false)), 2);
  sim.tick();
  const auto& P = sim.world().persons;
  const auto& view = sim.world().movement.police_in_view;
  REQUIRE(view.size() == size_t(sim.world().size()));
  // In the first week no one protested before, so one sees A = 1 protester (oneself): with no
  // police in view P = 0 and everyone whose G = H (1 - L) reaches T comes out; with a police
  // officer in view P >= 1 - exp(-2.3) = 0.9 and only the least risk-averse do.
  int64_t unseen = 0, unseen_out = 0, seen = 0, seen_out = 0, police = 0;
  for (int64_t i = 0; i < sim.world().size(); ++i) {
    police += view[i];
    const double g = P.grievance[i] * (1.0 - 0.8);
    if (g < 0.1 - 1e-6) {
      CHECK(!P.protesting[i]);
      continue;
    }
    if (g < 0.1 + 1e-6) continue;  // at the threshold, float rounding decides
    if (view[i] == 0) ++unseen, unseen_out += P.protesting[i];
    else ++seen, seen_out += P.protesting[i];
  }
  INFO(unseen_out << " of " << unseen << " seeing no police protest; " << seen_out << " of " << seen << " seeing some");
  CHECK(unseen > 20);
  CHECK(unseen_out == unseen);
  CHECK(double(seen_out) < 0.2 * double(seen));
  // Police in view average 57.14 / 1000 x (80 + 1) = 4.6 a person.
  CHECK(double(police) / double(sim.world().size()) == Approx(4.63).margin(0.3));
}

TEST_CASE("mobilization: under local vision more police lowers participation, and arrests follow the police") {
  auto mean_protest = [](double police) {
    Simulation sim(make_scenario(small_world(4000, 60), epstein_sets(police, true)), 2);
    double sum = 0;
    while (!sim.done()) {
      const std::vector<int32_t> before = sim.world().persons.jailed_until;
      sim.tick();
      const auto& w = sim.world();
      // Every protester arrested this week saw police.
      for (int64_t i = 0; i < w.size(); ++i)
        if (w.persons.jailed_until[i] != before[i]) REQUIRE(w.movement.police_in_view[i] > 0);
      sum += double(w.movement.protesters);
    }
    return sum / 60;
  };
  const double few = mean_protest(20), some = mean_protest(57.14), many = mean_protest(120);
  INFO("mean protesters a week: " << few << " (20 police per 1,000), " << some << " (57), " << many << " (120)");
  CHECK(few > some);
  CHECK(some > many);
}
