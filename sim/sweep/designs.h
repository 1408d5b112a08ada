#pragma once
// Sampling designs for sweeps, as points in the unit cube [0, 1)^d (factorial designs are built
// from each parameter's own list instead, in sweep_spec.cpp). Every design is a pure function of
// its arguments: the same sweep file always gives the same points.
#include <cstdint>
#include <vector>

namespace tribune::sweep {

using Points = std::vector<std::vector<double>>;  // [point][dimension]

// n points drawn independently and uniformly (seeded by `seed`).
Points uniform_random(int64_t n, int d, uint64_t seed);
// Latin hypercube: in each dimension the n strata [k/n, (k+1)/n) are each hit exactly once,
// in a random order, at a random place within the stratum.
Points latin_hypercube(int64_t n, int d, uint64_t seed);
// The first n points of the d-dimensional Sobol sequence (Boost.Random's sobol, which skips the
// all-zero point: the first point is (0.5, ..., 0.5)).
Points sobol(int64_t n, int d);
// Saltelli's design for Sobol indices (Saltelli 2002; Saltelli et al. 2010): matrices A and B are
// the first and last d columns of n points of the 2d-dimensional Sobol sequence; for each j the
// rows are A_j, AB_j^1, ..., AB_j^d (A_j with column i taken from B_j), B_j: n (d + 2) rows.
Points saltelli(int64_t n, int d, bool second_order = false);

}  // namespace tribune::sweep
