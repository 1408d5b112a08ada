#include <atomic>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstring>
#include <random>
#include <stdexcept>
#include <vector>

#include "core/parallel.h"

using namespace tribune;

TEST_CASE("pool: every chunk runs exactly once, for any thread count") {
  for (int threads : {1, 2, 3, 5}) {
    const Pool pool(threads, 1024);
    for (int64_t n : {0, 1, 1023, 1024, 1025, 100'000}) {
      std::vector<int> hits(static_cast<size_t>(n), 0);
      pool.for_chunks(n, [&](int64_t lo, int64_t hi) {
        REQUIRE(lo % 1024 == 0);
        REQUIRE(hi - lo <= 1024);
        for (int64_t i = lo; i < hi; ++i) ++hits[static_cast<size_t>(i)];
      });
      int64_t wrong = 0;
      for (int h : hits) wrong += h != 1;
      CHECK(wrong == 0);
    }
  }
}

TEST_CASE("pool: a reduction is the same number for any thread count") {
  const int64_t n = 300'000;
  auto sum = [&](int threads) {
    const Pool pool(threads, 4096);
    return pool.reduce(
        n, 0.0,
        [](int64_t lo, int64_t hi) {
          double s = 0;
          for (int64_t i = lo; i < hi; ++i) s += 1.0 / static_cast<double>(i + 1);
          return s;
        },
        [](double& acc, double p) { acc += p; });
  };
  const double one = sum(1);
  CHECK(std::abs(one - 13.188) < 0.01);  // harmonic number H(300000) = ln(300000) + 0.5772...
  for (int t : {2, 3, 4}) CHECK(sum(t) == one);
}

TEST_CASE("pool: many small loops in a row, back to back, lose nothing") {
  const Pool pool(2, 1024);
  std::atomic<int64_t> total{0};
  for (int round = 0; round < 20'000; ++round)
    pool.for_chunks(3 * 1024, [&](int64_t lo, int64_t hi) { total += hi - lo; });
  CHECK(total.load() == int64_t{20'000} * 3 * 1024);
}

TEST_CASE("pool: a loop inside a loop runs serially in its thread") {
  const Pool pool(2, 1024);
  std::vector<int64_t> inner(8, 0);
  pool.for_tasks(8, [&](int64_t t) {
    int64_t s = 0;
    pool.for_each(5000, [&](int64_t i) { s += i; });  // serial: s is this thread's own
    inner[static_cast<size_t>(t)] = s;
  });
  for (int64_t s : inner) CHECK(s == 5000 * 4999 / 2);
}

TEST_CASE("pool: an exception in a task reaches the caller, and the pool goes on working") {
  const Pool pool(2, 1024);
  std::atomic<int> ran{0};
  CHECK_THROWS_AS(pool.for_tasks(64,
                                 [&](int64_t t) {
                                   ++ran;
                                   if (t == 17) throw std::runtime_error("task 17");
                                 }),
                  std::runtime_error);
  CHECK(ran.load() == 64);  // the other tasks still ran: nothing is left half-claimed
  std::atomic<int64_t> after{0};
  pool.for_tasks(100, [&](int64_t) { ++after; });
  CHECK(after.load() == 100);
}

TEST_CASE("pool: a moved pool keeps its team") {
  Pool a(2, 1024);
  Pool b(std::move(a));
  std::atomic<int64_t> total{0};
  b.for_chunks(10'000, [&](int64_t lo, int64_t hi) { total += hi - lo; });
  CHECK(total.load() == 10'000);
  CHECK(b.threads() == 2);
}

TEST_CASE("pool: a column's sum is the block-by-block reduction's bits, four blocks side by side") {
  std::mt19937_64 g(5);
  std::vector<float> x(70'001);
  // Magnitudes over ten orders, both signs: any other order of addition shows in the bits.
  for (float& v : x) v = static_cast<float>((static_cast<double>(g() % 2001) - 1000.0) * std::pow(10.0, g() % 10 - 5.0));
  for (int threads : {1, 2}) {
    for (int64_t chunk : {1024, 4096, 16384}) {
      const Pool pool(threads, chunk);
      for (int64_t n : {0, 1, 1023, 3 * 1024 + 7, 4 * 1024, 5 * 1024 + 1, 70'001}) {
        const double want = pool.reduce(
            n, 0.0,
            [&](int64_t lo, int64_t hi) {
              double s = 0;
              for (int64_t i = lo; i < hi; ++i) s += x[static_cast<size_t>(i)];
              return s;
            },
            [](double& acc, double p) { acc += p; });
        const double got = pool.sum(n, x.data());
        INFO("threads " << threads << ", chunk " << chunk << ", n " << n);
        CHECK(std::memcmp(&want, &got, sizeof want) == 0);
      }
    }
  }
}
