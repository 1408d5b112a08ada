#include "core/parallel.h"

#include <atomic>
#include <cstdlib>
#include <exception>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define TRIBUNE_PAUSE() _mm_pause()
#else
#define TRIBUNE_PAUSE() std::atomic_signal_fence(std::memory_order_seq_cst)
#endif

namespace tribune {

namespace {

thread_local bool t_in_parallel = false;

// How long a thread polls before it sleeps: long enough to bridge the gap between two loops
// of a tick (microseconds), short enough that a waiting thread gives its core away while the
// other is descheduled. The figure is docs/engine.md's measurement.
constexpr int kDefaultSpins = 4000;

// TRIBUNE_SPINS overrides it (for measurements: benchmarks/run_loaded.sh).
int spins() {
  static const int n = [] {
    const char* v = std::getenv("TRIBUNE_SPINS");
    char* end = nullptr;
    const long x = v ? std::strtol(v, &end, 10) : -1;
    return (v && *v && end && *end == '\0' && x >= 0 && x <= 100'000'000) ? static_cast<int>(x) : kDefaultSpins;
  }();
  return n;
}

template <class Ready>
bool spin_until(Ready&& ready) {
  const int n = spins();
  for (int k = 0; k < n; ++k) {
    if (ready()) return true;
    TRIBUNE_PAUSE();
  }
  return ready();
}

// A ticket is (job generation << 32) | next task. Claiming a task is one compare-and-swap on
// it, so a thread that arrives late for a job (or for a job already replaced by the next one)
// fails its claim and takes nothing. Between jobs the ticket is closed, so no claim succeeds
// while the next job's description is written. All operations are sequentially consistent:
// a claim that succeeds has read the job description of its own generation.
constexpr uint64_t kClosed = 0xffffffffu;
uint64_t ticket(uint64_t gen, uint64_t task) {
  return (gen << 32) | task;
}

}  // namespace

struct Pool::Team {
  std::vector<std::thread> workers;
  std::atomic<uint64_t> ticket{tribune::ticket(0, kClosed)};
  std::atomic<uint32_t> posted{0};  // generation of the last job posted; workers sleep on it
  std::atomic<int64_t> tasks{0};
  std::atomic<TaskFn> fn{nullptr};
  std::atomic<const void*> ctx{nullptr};
  std::atomic<int64_t> finished{0};  // tasks of the current job finished
  std::atomic<bool> quit{false};
  std::mutex error_mu;
  std::exception_ptr error;

  // Claims and runs tasks of job `gen` until none is left.
  void work(uint64_t gen) {
    t_in_parallel = true;
    for (;;) {
      uint64_t t = ticket.load();
      if ((t >> 32) != (gen & 0xffffffffu)) break;
      const int64_t task = static_cast<int64_t>(t & 0xffffffffu);
      const int64_t n = tasks.load();
      if (task >= n) break;
      if (!ticket.compare_exchange_weak(t, t + 1)) continue;
      try {
        fn.load()(ctx.load(), task);
      } catch (...) {
        std::lock_guard<std::mutex> lock(error_mu);
        if (!error) error = std::current_exception();
      }
      if (finished.fetch_add(1) + 1 == n) finished.notify_all();
    }
    t_in_parallel = false;
  }

  void worker() {
    uint32_t seen = 0;
    for (;;) {
      if (!spin_until([&] { return posted.load() != seen || quit.load(); })) posted.wait(seen);
      if (quit.load()) return;
      seen = posted.load();
      work(seen);
    }
  }
};

Pool::Pool(int threads, int64_t chunk_size) : threads_(std::max(1, threads)), chunk_(chunk_size) {
  if (chunk_ <= 0 || chunk_ % kReduceBlock != 0)
    throw std::invalid_argument("chunk size must be a positive multiple of " + std::to_string(kReduceBlock));
  if (threads_ > 1) {
    team_ = std::make_unique<Team>();
    for (int k = 1; k < threads_; ++k) team_->workers.emplace_back([t = team_.get()] { t->worker(); });
  }
}

Pool::~Pool() {
  if (!team_) return;
  team_->quit.store(true);
  team_->posted.fetch_add(1);
  team_->posted.notify_all();
  for (auto& w : team_->workers) w.join();
}

Pool::Pool(Pool&&) noexcept = default;

bool Pool::in_parallel() {
  return t_in_parallel;
}

void Pool::dispatch(int64_t tasks, TaskFn fn, const void* ctx) const {
  Team& T = *team_;
  if (tasks >= static_cast<int64_t>(kClosed)) throw std::length_error("too many parallel tasks");
  // The ticket is closed (the last job's generation with kClosed) while the job is written.
  const uint64_t gen = (T.ticket.load() >> 32) + 1;
  T.tasks.store(tasks);
  T.fn.store(fn);
  T.ctx.store(ctx);
  T.finished.store(0);
  T.ticket.store(ticket(gen & 0xffffffffu, 0));
  T.posted.fetch_add(1);
  T.posted.notify_all();
  T.work(gen);
  // Every task is claimed; wait for the ones other threads still hold.
  auto all_done = [&] { return T.finished.load() == tasks; };
  while (!spin_until(all_done)) {
    const int64_t f = T.finished.load();
    if (f != tasks) T.finished.wait(f);
  }
  T.ticket.store(ticket(gen & 0xffffffffu, kClosed));
  if (T.error) {
    std::exception_ptr e = std::exchange(T.error, nullptr);
    std::rethrow_exception(e);
  }
}

static int env_int(const char* name) {
  const char* v = std::getenv(name);
  if (!v || !*v) return 0;
  char* end = nullptr;
  long x = std::strtol(v, &end, 10);
  return (end && *end == '\0' && x > 0 && x < 4096) ? static_cast<int>(x) : 0;
}

int default_threads() {
  if (int t = env_int("SLURM_CPUS_PER_TASK")) return t;
  if (int t = env_int("OMP_NUM_THREADS")) return t;
  unsigned hc = std::thread::hardware_concurrency();
  return hc ? static_cast<int>(hc) : 1;
}

double Pool::sum(int64_t n, const float* x) const {
  constexpr int64_t B = kReduceBlock;
  std::vector<double> part(static_cast<size_t>((n + B - 1) / B));
  for_chunks(n, [&](int64_t lo, int64_t hi) {
    int64_t b = lo;  // chunks are whole blocks (the constructor checks), so b is a block's start
    for (; b + 4 * B <= hi; b += 4 * B) {
      double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
      for (int64_t j = 0; j < B; ++j) {
        s0 += x[b + j];
        s1 += x[b + B + j];
        s2 += x[b + 2 * B + j];
        s3 += x[b + 3 * B + j];
      }
      const size_t at = static_cast<size_t>(b / B);
      part[at] = s0, part[at + 1] = s1, part[at + 2] = s2, part[at + 3] = s3;
    }
    for (; b < hi; b += B) {
      double s = 0;
      for (int64_t i = b, end = std::min(hi, b + B); i < end; ++i) s += x[i];
      part[static_cast<size_t>(b / B)] = s;
    }
  });
  double acc = 0;
  for (double p : part) acc += p;
  return acc;
}

}  // namespace tribune
