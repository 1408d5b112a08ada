// A SLURM task's time limit (sweep/time_limit.h): the task's own deadline is the time left at its
// start less the lead; a SIGUSR1 counts as the warning only when the time left bears it out, so
// that the one Slurm 22.05 sends again as a requeued job starts does not stop the attempt.
#include <catch2/catch.hpp>

#include "sweep/time_limit.h"

using namespace tribune::sweep;

namespace {
struct FakeJob {
  double now = 0;     // seconds since the task started
  double end = 600;   // when the limit falls, on the same clock; < 0: unknown
  TimeLimit limit(int64_t lead) {
    return TimeLimit(
        lead, [this] { return end < 0 ? int64_t{-1} : static_cast<int64_t>(end - now); }, [this] { return now; });
  }
};
}  // namespace

TEST_CASE("sweep task: the own deadline falls the lead before the time limit") {
  FakeJob job;
  TimeLimit t = job.limit(60);
  CHECK(t.last_time_left() == 600);
  job.now = 539;
  CHECK_FALSE(t.past_deadline());
  job.now = 540;
  CHECK(t.past_deadline());
}

TEST_CASE("sweep task: a SIGUSR1 long before the limit is not the warning, one near it is") {
  FakeJob job;
  TimeLimit t = job.limit(60);
  job.now = 1;  // what Slurm 22.05 sends as a requeued job starts
  CHECK_FALSE(t.confirm_warning());
  CHECK(t.last_time_left() == 599);
  job.now = 600 - 60 - TimeLimit::slack;  // as early as SLURM's clock may be
  CHECK(t.confirm_warning());
  job.now = 580;  // late, as SLURM checks limits every half minute
  CHECK(t.confirm_warning());
}

TEST_CASE("sweep task: an early warning re-reads the limit (a limit raised meanwhile moves the deadline)") {
  FakeJob job;
  TimeLimit t = job.limit(60);
  job.now = 100;
  job.end = 1200;  // `scontrol update TimeLimit=...`
  CHECK_FALSE(t.confirm_warning());
  job.now = 600;
  CHECK_FALSE(t.past_deadline());
  job.now = 1140;
  CHECK(t.past_deadline());
}

TEST_CASE("sweep task: without a readable limit, no own deadline and every SIGUSR1 is the warning") {
  FakeJob job;
  job.end = -1;
  TimeLimit t = job.limit(60);
  job.now = 1e9;
  CHECK_FALSE(t.past_deadline());
  CHECK(t.confirm_warning());
}

TEST_CASE("sweep task: a reading of no more than the lead at start sets no deadline (stale, from before a requeue)") {
  FakeJob job;
  job.end = 3;
  TimeLimit t = job.limit(30);
  CHECK_FALSE(t.past_deadline());
  job.now = 2;
  CHECK(t.confirm_warning());  // the warning still decides
}

TEST_CASE("sweep task: job ids that are not SLURM's are not looked up") {
  CHECK(job_time_left("") == -1);
  CHECK(job_time_left("12; rm -rf /") == -1);
  CHECK(job_time_left("abc") == -1);
}
