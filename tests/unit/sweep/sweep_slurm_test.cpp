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
