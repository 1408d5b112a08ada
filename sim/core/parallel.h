#pragma once
// Fixed-chunk parallel loops over persons, on a team of threads kept for the pool's life.
//
// Work is split into chunks of `chunk_size` persons, independent of the thread count; the
// threads claim chunks one at a time. Reductions are taken over fixed blocks of kReduceBlock
// persons (every chunk is a whole number of blocks) and the block partials are folded in block
// order, so a sum is the same floating-point number for any thread count and any chunk size.
//
// Why not OpenMP: a tick opens some 30-47 parallel loops, and libgomp's threads spin at every
// barrier; on a shared node, where the other thread is often descheduled, two threads were
// slower than one (issue 19). Here a thread that runs out of chunks spins briefly, then sleeps
// on a futex, and the caller never waits for a thread that has not claimed a chunk: a
// descheduled worker costs at most the chunk it holds. docs/engine.md has the measurements.
#include <algorithm>
#include <cstdint>
#include <memory>
#include <type_traits>
#include <vector>

namespace tribune {

inline constexpr int64_t kReduceBlock = 1024;

class Pool {
 public:
  Pool(int threads, int64_t chunk_size);
  ~Pool();
  Pool(const Pool&) = delete;
  Pool& operator=(const Pool&) = delete;
  Pool(Pool&&) noexcept;  // the team lives on the heap: its threads do not move

  int threads() const { return threads_; }
  int64_t chunk_size() const { return chunk_; }

  // f(t) for every task t in [0, tasks), in parallel, claimed one at a time. Called from
  // inside another loop of this or any pool, it runs serially in the calling thread.
  template <class F>
  void for_tasks(int64_t tasks, F&& f) const {
    if (tasks <= 0) return;
    if (!team_ || tasks == 1 || in_parallel()) {
      for (int64_t t = 0; t < tasks; ++t) f(t);
      return;
    }
    using Fn = std::remove_reference_t<F>;
    dispatch(
        tasks, [](const void* ctx, int64_t t) { (*static_cast<Fn*>(const_cast<void*>(ctx)))(t); }, &f);
  }

  // f(lo, hi) for every chunk [lo, hi) of [0, n), in parallel.
  template <class F>
  void for_chunks(int64_t n, F&& f) const {
    const int64_t chunks = (n + chunk_ - 1) / chunk_;
    for_tasks(chunks, [&](int64_t c) { f(c * chunk_, std::min(n, (c + 1) * chunk_)); });
  }

  // f(i) for every i in [0, n), in parallel, in chunks.
  template <class F>
  void for_each(int64_t n, F&& f) const {
    for_chunks(n, [&](int64_t lo, int64_t hi) {
      for (int64_t i = lo; i < hi; ++i) f(i);
    });
  }

  // Block partials f(lo, hi) folded into `acc` in block order with add(Acc&, const Partial&).
  template <class Acc, class F, class Add>
  Acc reduce(int64_t n, Acc acc, F&& f, Add&& add) const {
    using Partial = decltype(f(int64_t{}, int64_t{}));
    const int64_t blocks = (n + kReduceBlock - 1) / kReduceBlock;
    std::vector<Partial> part(static_cast<size_t>(blocks));
    for_chunks(n, [&](int64_t lo, int64_t hi) {
      for (int64_t b0 = lo; b0 < hi; b0 += kReduceBlock)
        part[static_cast<size_t>(b0 / kReduceBlock)] = f(b0, std::min(hi, b0 + kReduceBlock));
    });
    for (const auto& p : part) add(acc, p);
    return acc;
  }

  // The sum of x[0, n) in double: the same number as reduce() with each block summed in index
  // order from +0, but four blocks' sums are taken side by side (each in its own order), since a
  // single chain of dependent additions waits on the adder at every element.
  double sum(int64_t n, const float* x) const;

  struct Team;  // parallel.cpp

 private:
  using TaskFn = void (*)(const void*, int64_t);
  // Runs fn(ctx, t) for every t on the team and the caller; rethrows the first exception a task
  // threw, once every claimed task has finished.
  void dispatch(int64_t tasks, TaskFn fn, const void* ctx) const;
  static bool in_parallel();

  int threads_;
  int64_t chunk_;
  std::unique_ptr<Team> team_;  // threads_ - 1 workers; none with one thread
};

// Threads to use when the user does not say: SLURM_CPUS_PER_TASK, then OMP_NUM_THREADS, then cores.
int default_threads();

}  // namespace tribune
