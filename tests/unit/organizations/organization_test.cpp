// Organizations' starting membership (engagement init) and the checks on their declarations.
#include <catch2/catch.hpp>
#include <cmath>

#include "helpers.h"
#include "scenario/error.h"

using namespace tribune;
using namespace tribune::test;

TEST_CASE("organizations: starting members match members_per_resident within sampling error") {
  const int n = 40000;
  Simulation sim(make_scenario(small_world(n, 1, one_org())), 2);
  const auto& c = sim.world().orgs.at(0).count;
  const double members = double(c[kMember] + c[kCadre]), expected = 0.01 * n;
  // Independent draws: the count is close to Poisson; 4 standard deviations.
  CHECK(std::fabs(members - expected) < 4 * std::sqrt(expected));
  CHECK(std::fabs(double(c[kCadre]) - 0.1 * expected) < 4 * std::sqrt(0.1 * expected));
  CHECK(std::fabs(double(c[kSupporter]) - 10 * expected) < 4 * std::sqrt(10 * expected));
}

TEST_CASE("organizations: college affinity tilts the starting membership toward graduates") {
  auto college_share = [](double affinity) {
    Simulation sim(make_scenario(small_world(30000, 1,
                                             one_org("{electoral: 0.4, movement: 0.15, union: 0.1, "
                                                     "base_building: 0.2, internal: 0.15}",
                                                     ", college_affinity: " + std::to_string(affinity)))),
                   2);
    const auto& P = sim.world().persons;
    double grads = 0, all = 0;
    for (int64_t i = 0; i < sim.world().size(); ++i)
      if (P.org[i] == 0) {
        all += 1;
        grads += P.college[i];
      }
    return grads / all;
  };
  CHECK(college_share(4.0) > college_share(1.0) + 0.1);
}

TEST_CASE("organizations: strategies must sum to one and names must be unique") {
  CHECK_THROWS_WITH(make_scenario(small_world(1000, 1, one_org("{electoral: 0.5, movement: 0.5, internal: 0.5}"))),
                    Catch::Contains("organizations[0].strategy.internal: the five shares must sum to 1"));
  CHECK_THROWS_WITH(make_scenario(small_world(1000, 1,
                                              "organizations:\n  - {name: a, strategy: {electoral: 1, movement: 0, "
                                              "union: 0, base_building: 0, internal: 0}}\n"
                                              "  - {name: a, strategy: {electoral: 1, movement: 0, union: 0, "
                                              "base_building: 0, internal: 0}}\n")),
                    Catch::Contains("duplicate organization name 'a'"));
}

TEST_CASE("organizations: with a union affinity, members of left-led unions are likelier to start in it") {
  // One left-led union covering every sector; the organization's starting members drawn with
  // union_affinity 1 and 10: the share of its members who belong to the union rises.
  auto union_share = [](double affinity) {
    Simulation sim(make_scenario(small_world(20000, 1,
                                             "organizations:\n  - {name: left, members_per_resident: 0.01, "
                                             "union_affinity: " +
                                                 std::to_string(affinity) +
                                                 "}\n"
                                                 "unions:\n  - {name: all, leadership: left, sectors: "
                                                 "[health_education, trade_transport, professional_business, public, "
                                                 "manufacturing, hospitality, other]}\n"),
                                 {"world.unions.density=0.1"}),
                   2);
    const auto& P = sim.world().persons;
    double in = 0, members = 0;
    for (int64_t i = 0; i < sim.world().size(); ++i)
      if (P.org[i] == 0 && P.engagement[i] >= kMember) members += 1, in += P.union_member[i];
    return in / members;
  };
  const double plain = union_share(1), drawn = union_share(10);
  INFO("union members among the organization's members: " << plain << " without affinity, " << drawn << " with");
  CHECK(drawn > 2 * plain);
  CHECK(drawn > 0.3);
}
