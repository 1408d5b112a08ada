#include <boost/random/normal_distribution.hpp>
#include <catch2/catch.hpp>
#include <cmath>

#include "core/rng.h"

using namespace tribune;

TEST_CASE("a stream is a pure function of its identity") {
  Streams a(7, 0, "opinion"), b(7, 0, "opinion");
  Stream s1 = a.at(3, 12345, 1), s2 = b.at(3, 12345, 1);
  for (int i = 0; i < 10; ++i) CHECK(s1() == s2());
}

TEST_CASE("seed, replicate, mechanism, tick, agent and purpose each change the stream") {
  auto first = [](const Streams& st, uint32_t tick, uint64_t agent, uint32_t purpose) {
    Stream s = st.at(tick, agent, purpose);
    return s();
  };
  Streams base(7, 0, "hope");
  const auto x = first(base, 3, 5, 0);
  CHECK(first(Streams(8, 0, "hope"), 3, 5, 0) != x);
  CHECK(first(Streams(7, 1, "hope"), 3, 5, 0) != x);
  CHECK(first(Streams(7, 0, "opinion"), 3, 5, 0) != x);
  CHECK(first(base, 4, 5, 0) != x);
  CHECK(first(base, 3, 6, 0) != x);
  CHECK(first(base, 3, 5, 1) != x);
}

TEST_CASE("uniform draws have mean 1/2 and Boost's normal runs on a stream") {
  // Tolerance: 4 standard errors of the mean (sd of U(0,1) is 1/sqrt(12)).
  Streams st(1, 0, "test");
  const int n = 200000;
  double s = 0, z = 0, z2 = 0;
  boost::random::normal_distribution<double> normal(0.0, 1.0);
  for (int i = 0; i < n; ++i) {
    Stream r = st.at(0, static_cast<uint64_t>(i));
    s += r.uniform();
    double v = normal(r);
    z += v;
    z2 += v * v;
  }
  CHECK(std::fabs(s / n - 0.5) < 4 * (1 / std::sqrt(12.0)) / std::sqrt(double(n)));
  CHECK(std::fabs(z / n) < 4 / std::sqrt(double(n)));
  CHECK(std::fabs(z2 / n - 1) < 4 * std::sqrt(2.0 / n));
}
