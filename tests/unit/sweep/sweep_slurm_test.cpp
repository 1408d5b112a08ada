// The --array specification of a SLURM submission: runs of consecutive task ids become ranges,
// and a cap on tasks running at once is appended after '%'.
#include <catch2/catch.hpp>

#include "sweep/slurm.h"

using namespace tribune::sweep;

TEST_CASE("sweep submit: task ids become SLURM's --array ranges") {
  CHECK(array_spec({0, 1, 2, 5, 7, 8}, 0) == "0-2,5,7-8");
  CHECK(array_spec({0, 1, 2, 5, 7, 8}, 3) == "0-2,5,7-8%3");
  CHECK(array_spec({4}, 0) == "4");
  CHECK(array_spec({3, 9}, 2) == "3,9%2");
  CHECK(array_spec({}, 0).empty());
}

TEST_CASE("sweep submit: SLURM time limits in every form sbatch accepts, in seconds") {
  CHECK(time_limit_seconds("90") == 90 * 60);  // minutes
  CHECK(time_limit_seconds("2:30") == 150);    // minutes:seconds
  CHECK(time_limit_seconds("01:00:00") == 3600);
  CHECK(time_limit_seconds("1-0") == 86400);   // days-hours
  CHECK(time_limit_seconds("2-3:04") == ((2 * 24 + 3) * 60 + 4) * 60);
  CHECK(time_limit_seconds("0-0:01:05") == 65);
  for (const char* bad : {"", "UNLIMITED", "INFINITE", "1:", ":5", "1:2:3:4", "a", "-5", "1--2", "1-", "3h"})
    CHECK(time_limit_seconds(bad) == -1);
}

TEST_CASE("sweep submit: the checkpoint signal comes at most half the time limit early") {
  auto lead = [](std::string time) {
    SubmitOptions o;
    o.checkpoint_lead = 300;
    o.time = std::move(time);
    return signal_lead(o);
  };
  CHECK(lead("") == 300);  // no --time: as asked
  CHECK(lead("02:00:00") == 300);
  CHECK(lead("4") == 120);     // four minutes
  CHECK(lead("0:01") == 1);    // never 0, which SLURM would read as no lead
  CHECK(lead("nonsense") == 300);
}
