// M10 endorsement: stricter endorsement endorses fewer candidates, whose positions are closer to
// the platform, and voters learn a clearer brand from them.
#include <catch2/catch.hpp>
#include <cmath>

#include "core/context.h"
#include "helpers.h"
#include "model/organizations/endorsement.h"

using namespace tribune;
using namespace tribune::test;

namespace {
struct Outcome {
  int endorsed = 0;
  double alignment = 0;  // mean distance of the endorsed (after binding) from the platform, negated
  double brand = 0;
};

// 400 candidates on [-1, 1], each against an opponent at +0.3, a quarter of them members; the
// organization (platform -0.6) endorses as its stringency says; voters then watch its
// officeholders for four years.
Outcome endorse_pool(double stringency) {
  World w;
  Org& org = w.orgs.emplace_back();
  org.spec.platform = -0.6;
  org.spec.endorsement_stringency = stringency;
  const EndorsementParams p;
  Outcome out;
  double distance = 0;
  for (int k = 0; k < 400; ++k) {
    const Prospect c{-1.0 + 2.0 * (k + 0.5) / 400, 0.3, k % 4 == 0};
    if (!endorses(org, p, c)) continue;
    const double x = bind(org, p, c.position);
    org.endorsed.push_back({x, 0.05});
    distance += std::abs(x - org.spec.platform);
    ++out.endorsed;
  }
  out.alignment = out.endorsed ? -distance / out.endorsed : 0;
  const Pool pool(1, 1024);
  const Context ctx{0, pool, Streams(1, 0, EndorsementParams::kName)};
  for (int t = 0; t < 208; ++t) step(w, p, ctx);
  out.brand = org.brand;
  return out;
}
}  // namespace

TEST_CASE("endorsement: stricter endorsement raises alignment and brand, and lowers the number endorsed") {
  const Outcome loose = endorse_pool(0.1), strict = endorse_pool(0.7), members_only = endorse_pool(0.9);
  CHECK(strict.endorsed < loose.endorsed);
  CHECK(members_only.endorsed < strict.endorsed);
  CHECK(members_only.endorsed > 0);
  CHECK(strict.alignment > loose.alignment);
  CHECK(members_only.alignment > strict.alignment);
  CHECK(strict.brand > loose.brand);
}

TEST_CASE("endorsement: nobody worse than the opponent is endorsed, however loose") {
  Org org;
  org.spec.platform = -0.6;
  org.spec.endorsement_stringency = 0;
  const EndorsementParams p;
  CHECK(endorses(org, p, {-0.1, 0.3, false}));
  CHECK_FALSE(endorses(org, p, {0.5, 0.3, false}));
}

TEST_CASE("endorsement: without officeholders the brand fades") {
  World w;
  Org& org = w.orgs.emplace_back();
  org.brand = 0.5;
  const Pool pool(1, 1024);
  const Context ctx{0, pool, Streams(1, 0, EndorsementParams::kName)};
  for (int t = 0; t < 52; ++t) step(w, EndorsementParams{}, ctx);
  CHECK(org.brand < 0.5);
  CHECK(org.brand > 0.4);  // slowly: decay 0.002 a week
}
