// Reproducibility: the same scenario and seed give bit-identical results for any thread count
// and chunk size; seeds matter; switching a mechanism off leaves the others' draws alone.
#include <catch2/catch.hpp>
#include <cstring>

#include "helpers.h"

using namespace tribune;
using namespace tribune::test;

namespace {
const std::string kShocks =
    "timeline:\n  - {week: 3, kind: economic_shock, magnitude: 0.2, classes: [worker]}\n"
    "  - {week: 5, kind: legitimacy_shift, delta: -0.2}\n";

struct Result {
  std::vector<std::vector<double>> city, district, org;
  std::vector<float> hope, ideology, grievance;
  std::vector<int32_t> nbr;
  std::vector<uint8_t> engagement;
};

Result run(int threads, std::vector<std::string> overrides = {}) {
  // 20,000 persons: with chunks of 1024, twenty chunks, so threads really interleave.
  Simulation sim(make_scenario(small_world(20000, 12, kShocks + one_org()), std::move(overrides)), threads);
  run_all(sim);
  const auto& w = sim.world();
  return {sim.recorder().city(), sim.recorder().district(), sim.recorder().org(),      w.persons.hope,
          w.persons.ideology,    w.persons.grievance,       w.network.nbr.to_vector(), w.persons.engagement};
}

template <class T>
bool bits_equal(const std::vector<T>& a, const std::vector<T>& b) {
  return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(T)) == 0;
}
bool bits_equal(const Result& a, const Result& b) {
  bool eq = bits_equal(a.hope, b.hope) && bits_equal(a.ideology, b.ideology) && bits_equal(a.grievance, b.grievance) &&
            bits_equal(a.nbr, b.nbr) && bits_equal(a.engagement, b.engagement) && a.city.size() == b.city.size() &&
            a.org.size() == b.org.size();
  for (size_t i = 0; eq && i < a.city.size(); ++i) eq = bits_equal(a.city[i], b.city[i]);
  for (size_t i = 0; eq && i < a.district.size(); ++i) eq = bits_equal(a.district[i], b.district[i]);
  for (size_t i = 0; eq && i < a.org.size(); ++i) eq = bits_equal(a.org[i], b.org[i]);
  return eq;
}
}  // namespace

TEST_CASE("determinism: 1, 2 and 4 threads and two chunk sizes give bit-identical results") {
  const Result one = run(1, {"engine.chunk_size=1024"});
  CHECK(bits_equal(one, run(2, {"engine.chunk_size=1024"})));
  CHECK(bits_equal(one, run(4, {"engine.chunk_size=1024"})));
  CHECK(bits_equal(one, run(2, {"engine.chunk_size=8192"})));
  CHECK(bits_equal(one, run(4, {"engine.chunk_size=16384"})));
}

TEST_CASE("determinism: tie ends stored in 3 or 4 bytes give bit-identical results") {
  // The fused influence pass, and the separate opinion and hope passes (each runs alone when the
  // other mechanism is off), each compiled for both widths (world/tie_ends.h).
  for (const std::vector<std::string> sets :
       {std::vector<std::string>{}, {"mechanisms.hope.enabled=false"}, {"mechanisms.opinion.enabled=false"}}) {
    INFO((sets.empty() ? std::string("fused") : sets[0]));
    std::vector<std::string> wide = sets;
    wide.push_back("engine.compact_ties=false");
    const Result narrow = run(2, sets);
    CHECK(bits_equal(narrow, run(1, wide)));
  }
}

TEST_CASE(
    "determinism: the opinion rules complete and deffuant and the uniform and even starts are bit-identical "
    "for 1, 2 and 4 threads") {
  for (const char* rule : {"complete", "deffuant"})
    for (const char* start : {"uniform", "even"}) {
      const std::vector<std::string> sets = {"engine.chunk_size=1024", std::string("mechanisms.opinion.rule=") + rule,
                                             std::string("mechanisms.opinion.initial=") + start};
      INFO(rule << ", " << start);
      const Result one = run(1, sets);
      CHECK(bits_equal(one, run(2, sets)));
      CHECK(bits_equal(one, run(4, sets)));
      CHECK(!bits_equal(one, run(1)));  // the rule changed something
    }
}

TEST_CASE("determinism: a different seed gives different results") {
  CHECK_FALSE(bits_equal(run(2), run(2, {"seed=2"})));
  CHECK_FALSE(bits_equal(run(2), run(2, {"replicate=1"})));
}

TEST_CASE("determinism: switching a mechanism off does not change the others' random draws") {
  // Grievance and hope both draw weekly noise and do not read each other, so switching one off
  // must leave the other bit-identical: each mechanism has its own keyed streams.
  // Repression off throughout: its arrests carry protest (which reads hope) into grievance.
  const std::string no_arrests = "mechanisms.repression.enabled=false";
  const Result all = run(2, {no_arrests});
  const Result no_hope = run(2, {no_arrests, "mechanisms.hope.enabled=false"});
  const Result no_grievance = run(2, {no_arrests, "mechanisms.grievance.enabled=false"});
  const Result no_opinion = run(2, {no_arrests, "mechanisms.opinion.enabled=false"});
  CHECK(bits_equal(all.grievance, no_hope.grievance));
  CHECK(bits_equal(all.hope, no_grievance.hope));
  CHECK(bits_equal(all.hope, no_opinion.hope));
  CHECK(bits_equal(all.grievance, no_opinion.grievance));
  // Organizing (M5-M7) and union growth (M13) read hope and grievance but write them only through
  // strikes (M14); with strikes off in both runs, switching any of them off leaves hope and
  // grievance bit-identical, and switching union growth off leaves the engagement ladder alone.
  const std::vector<std::string> no_strikes = {"mechanisms.strikes.enabled=false", no_arrests};
  const Result quiet = run(2, no_strikes);
  for (const char* m : {"strategy", "structure", "time_budget", "relationships", "engagement", "memory", "endorsement",
                        "union_growth", "mobilization", "episodes"}) {
    auto sets = no_strikes;
    sets.push_back(std::string("mechanisms.") + m + ".enabled=false");
    const Result off = run(2, sets);
    CHECK(bits_equal(quiet.hope, off.hope));
    CHECK(bits_equal(quiet.grievance, off.grievance));
    // Relationships and the brand are read by the elections, not yet by the ladder.
    for (const char* ladder_blind : {"union_growth", "relationships", "endorsement"})
      if (std::string(m) == ladder_blind) CHECK(bits_equal(quiet.engagement, off.engagement));
  }
  CHECK_FALSE(bits_equal(all.engagement, run(2, {no_arrests, "mechanisms.engagement.enabled=false"}).engagement));
  // ... while the switched-off mechanism really stopped.
  CHECK_FALSE(bits_equal(all.hope, no_hope.hope));
  CHECK_FALSE(bits_equal(all.ideology, no_opinion.ideology));
  CHECK_FALSE(bits_equal(all.org, run(2, {no_arrests, "mechanisms.relationships.enabled=false"}).org));
  CHECK_FALSE(bits_equal(all.engagement, run(2, {no_arrests, "mechanisms.structure.enabled=false"}).engagement));
}

namespace {
// A city with elections: council seats in both districts (plurality), a mayor by instant runoff,
// a primary, an organization running cadre campaigns, reforms on the agenda.
struct ElectionResult {
  std::vector<std::vector<double>> city;
  std::vector<double> votes, positions;
};

ElectionResult election_run(int threads, std::vector<std::string> overrides = {}) {
  const std::string extra = one_org("{electoral: 0.5, movement: 0.1, union: 0.1, base_building: 0.2, internal: 0.1}",
                                    ", candidates: cadre_campaign") +
                            "offices:\n"
                            "  - {name: council, first_election: 30, term_weeks: 40}\n"
                            "  - {name: mayor, level: mayor, constituency: at_large, rule: irv, first_election: 30, "
                            "term_weeks: 40, veto: true}\n"
                            "agenda:\n  - {name: transit, legislature: council, executive: mayor}\n";
  Simulation sim(make_scenario(small_world(20000, 80, extra), std::move(overrides)), threads);
  run_all(sim);
  ElectionResult r{sim.recorder().city(), {}, {}};
  for (const auto& k : sim.world().politics.candidates) {
    r.votes.push_back(k.votes + k.primary_votes);
    r.positions.push_back(k.position);
  }
  return r;
}

bool same(const ElectionResult& a, const ElectionResult& b) {
  bool eq = bits_equal(a.votes, b.votes) && bits_equal(a.positions, b.positions) && a.city.size() == b.city.size();
  for (size_t i = 0; eq && i < a.city.size(); ++i) eq = bits_equal(a.city[i], b.city[i]);
  return eq;
}
}  // namespace

TEST_CASE("determinism: elections give bit-identical results for 1, 2 and 4 threads") {
  const ElectionResult one = election_run(1, {"engine.chunk_size=1024"});
  REQUIRE(one.votes.size() >= 6);  // two cycles of candidates
  CHECK(same(one, election_run(2, {"engine.chunk_size=1024"})));
  CHECK(same(one, election_run(4, {"engine.chunk_size=2048"})));
}

TEST_CASE(
    "determinism: Laver's hunters and Cox's M + 1 desertion under list PR are bit-identical for 1, 2 and 4 threads") {
  // Four parties (hunters, an aggregator, a sticker) free to cross, a list-PR assembly of
  // magnitude 2 (so voters desert lists outside the top three) besides the default council.
  const std::vector<std::string> sets = {
      "parties=[{name: a, position: -0.5, positioning: hunter, establishment: true}, {name: b, position: -0.1, "
      "positioning: hunter}, {name: c, position: 0.2, positioning: aggregator}, {name: d, position: 0.6}]",
      "offices=[{name: council, first_election: 30, term_weeks: 40}, {name: assembly, rule: list_pr, seats: 2, "
      "first_election: 30, term_weeks: 40}]",
      "agenda=[]", "mechanisms.candidates.party_sides=false"};
  auto with = [&](const char* chunk) {
    auto s = sets;
    s.emplace_back(chunk);
    return s;
  };
  const ElectionResult one = election_run(1, with("engine.chunk_size=1024"));
  REQUIRE(one.votes.size() >= 8);
  CHECK(same(one, election_run(2, with("engine.chunk_size=1024"))));
  CHECK(same(one, election_run(4, with("engine.chunk_size=2048"))));
}

TEST_CASE("determinism: switching an election mechanism off leaves society's draws unchanged") {
  // Elections feed back into hope and ideology only through betrayals, the tribune, reforms,
  // credit, morale (M31: wins and defeats) and a left executive's calls (M25); with those off, switching the campaign
  // machinery off must not move hope's draws.
  const std::vector<std::string> base = {
      "mechanisms.accountability.enabled=false", "mechanisms.tribune_effect.enabled=false",
      "mechanisms.credit.enabled=false",         "mechanisms.legislation.enabled=false",
      "mechanisms.strikes.enabled=false",        "mechanisms.repression.enabled=false",
      "mechanisms.morale.enabled=false",         "mechanisms.organizer_in_chief.enabled=false"};
  const ElectionResult all = election_run(2, base);
  for (const char* m :
       {"candidates", "campaigns", "ballot_access", "voting", "electoral_reform", "institutional_pressure"}) {
    auto sets = base;
    sets.push_back(std::string("mechanisms.") + m + ".enabled=false");
    const ElectionResult off = election_run(2, sets);
    INFO(m);
    CHECK(bits_equal(all.city[0], off.city[0]));  // hope_mean
    CHECK(bits_equal(all.city[1], off.city[1]));  // grievance_mean
  }
}

TEST_CASE("determinism: movements (a call, recruitment, pressure, morale) are bit-identical for 1, 2 and 4 threads") {
  auto movement_run = [](int threads, int64_t chunk) {
    const std::string extra = one_org() +
                              "offices:\n  - {name: mayor, level: mayor, constituency: at_large, first_election: 500}\n"
                              "  - {name: council, first_election: 500}\n"
                              "agenda:\n  - {name: transit, legislature: council}\n"
                              "timeline:\n  - {week: 3, kind: economic_shock, magnitude: 0.2, classes: [worker]}\n"
                              "  - {week: 4, kind: mass_call}\n  - {week: 6, kind: pandemic, duration_weeks: 3}\n";
    const std::string yaml = small_world(20000, 14, extra);
    Simulation sim(
        make_scenario(yaml,
                      {"engine.chunk_size=" + std::to_string(chunk), "mechanisms.organizer_in_chief.reach_base=0.3",
                       "mechanisms.mobilization.threshold_mean=0.3", "mechanisms.legislation.session_weeks=5"}),
        threads);
    Officeholder mayor;
    mayor.office = 0;
    mayor.org = 0;
    mayor.origin = Origin::cadre_campaign;
    mayor.position = mayor.platform = -0.6;
    mayor.term_end = 1 << 30;
    Officeholder member = mayor;
    member.office = 1;
    member.district = 1;
    sim.world().politics.holders = {mayor, member};
    run_all(sim);
    const auto& w = sim.world();
    REQUIRE(w.events.at("calls").rows() == 1);  // the call was made, and moved people
    REQUIRE(w.events.at("calls").column("peak").ints[0] > 1000);
    return Result{sim.recorder().city(), sim.recorder().district(), sim.recorder().org(),      w.persons.hope,
                  w.persons.ideology,    w.persons.grievance,       w.network.nbr.to_vector(), w.persons.engagement};
  };
  const Result one = movement_run(1, 1024);
  CHECK(bits_equal(one, movement_run(2, 1024)));
  CHECK(bits_equal(one, movement_run(4, 8192)));
}

TEST_CASE(
    "determinism: Epstein's local vision and a uniform grievance start are bit-identical for 1, 2 and 4 threads") {
  // scenarios/validation/epstein.yaml's rules in a small city: police drawn in view per person,
  // arrests where they are, hardship U(0, 1); 60 weeks take it through outbursts and arrests.
  auto epstein_run = [](int threads, int64_t chunk) {
    Simulation sim(make_scenario(small_world(6000, 60),
                                 {"engine.chunk_size=" + std::to_string(chunk), "mechanisms.grievance.initial=uniform",
                                  "mechanisms.mobilization.vision=ties", "mechanisms.mobilization.threshold_mean=0.1",
                                  "mechanisms.mobilization.threshold_sd=0", "mechanisms.mobilization.hope_weight=0",
                                  "mechanisms.mobilization.police_per_1000=57", "mechanisms.repression.arrest_cap=1",
                                  "mechanisms.repression.arrests_per_officer=1", "world.legitimacy=0.8",
                                  "world.network.mean_degree=40"}),
                   threads);
    run_all(sim);
    const auto& w = sim.world();
    REQUIRE(w.movement.jailed > 0);
    return std::make_pair(sim.recorder().city(), w.persons.jailed_until);
  };
  const auto one = epstein_run(1, 1024);
  for (const auto& [threads, chunk] : {std::pair{2, int64_t{1024}}, std::pair{4, int64_t{4096}}}) {
    const auto other = epstein_run(threads, chunk);
    REQUIRE(other.first.size() == one.first.size());
    for (size_t k = 0; k < one.first.size(); ++k) CHECK(bits_equal(one.first[k], other.first[k]));
    CHECK(bits_equal(one.second, other.second));
  }
}
