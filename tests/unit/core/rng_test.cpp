#include <boost/random/normal_distribution.hpp>
#include <catch2/catch.hpp>
#include <cmath>

#include "core/philox_batch.h"
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

namespace {
// The reference: Random123's scalar Philox4x32-10 on the block AgentWords documents.
uint32_t reference_word(RngKey key, uint32_t tick, uint32_t purpose, uint64_t agent) {
  const uint64_t block = agent >> 2;
  const r123::Philox4x32::ctr_type ctr = {
      {tick, static_cast<uint32_t>(block), purpose ^ 0x80000000u, static_cast<uint32_t>(block >> 32)}};
  return r123::Philox4x32()(ctr, key).v[agent & 3];
}
}  // namespace

TEST_CASE("eight Philox blocks in SIMD lanes are Random123's blocks, on both code paths") {
  INFO("path on this CPU: " << philox_batch_path());
  for (bool sse2 : {false, true}) {
    philox_batch_force_sse2(sse2);
    for (uint64_t seed : {1ull, 99ull, 123456789ull}) {
      const RngKey key = make_key(seed, seed % 3, "grievance");
      // Blocks whose low 32 bits wrap inside the batch, and blocks past 2^32.
      for (uint64_t first : {0ull, 12345ull, 0xFFFFFFFCull, (7ull << 32) + 3}) {
        uint32_t out[4][kBatchBlocks];
        philox_batch(key, 17, first, 5u ^ 0x80000000u, out);
        for (int j = 0; j < kBatchBlocks; ++j)
          for (int w = 0; w < 4; ++w)
            CHECK(out[w][j] == reference_word(key, 17, 5, 4 * (first + static_cast<uint64_t>(j)) + static_cast<uint64_t>(w)));
      }
    }
  }
  philox_batch_force_sse2(false);
}

TEST_CASE("AgentWords gives the same words read densely, sparsely or out of order") {
  const Streams st(42, 1, "engagement");
  const RngKey key = make_key(42, 1, "engagement");
  {
    AgentWords dense = st.words(9, 2);  // every agent: the batched path
    for (uint64_t i = 0; i < 1000; ++i) REQUIRE(dense(i) == reference_word(key, 9, 2, i));
  }
  {
    AgentWords sparse = st.words(9, 2);  // every 7th agent from 3: single blocks and batches mixed
    for (uint64_t i = 3; i < 5000; i += 7) REQUIRE(sparse(i) == reference_word(key, 9, 2, i));
  }
  {
    AgentWords jumpy = st.words(9, 2);  // backwards and far ahead
    for (uint64_t i : {500ull, 501ull, 12ull, 13ull, 14ull, 15ull, 16ull, 40ull, 1ull << 34, (1ull << 34) + 4, 0ull})
      REQUIRE(jumpy(i) == reference_word(key, 9, 2, i));
  }
}

TEST_CASE("StreamHeads gives each agent's first Stream word, read densely, sparsely or out of order") {
  const Streams st(7, 2, "mobilization");
  auto first_word = [&](uint64_t agent) { return st.at(31, agent, 2)(); };
  for (bool sse2 : {false, true}) {
    philox_batch_force_sse2(sse2);
    {
      StreamHeads dense = st.heads(31, 2);  // every agent: batches after the first
      for (uint64_t i = 0; i < 1000; ++i) REQUIRE(dense(i) == first_word(i));
    }
    {
      StreamHeads gaps = st.heads(31, 2);  // runs, gaps of 1-3 and a skip: dense and sparse mixed
      for (uint64_t i = 0; i < 3000; i += 1 + (i / 7) % 3 + (i % 97 == 0 ? 40 : 0)) REQUIRE(gaps(i) == first_word(i));
    }
    {
      StreamHeads jumpy = st.heads(31, 2);  // backwards, and across and past 2^32 (single blocks there)
      for (uint64_t i : {500ull, 501ull, 502ull, 12ull, 13ull, 0xFFFFFFF8ull, 0xFFFFFFF9ull, 0xFFFFFFFAull,
                         (1ull << 32) + 1, (1ull << 32) + 2, (1ull << 34), 0ull, 1ull})
        REQUIRE(jumpy(i) == first_word(i));
    }
    StreamHeads rest = st.heads(31, 2);
    CHECK(rest.uniform(77) == st.at(31, 77, 2).uniform());
  }
  philox_batch_force_sse2(false);
}
