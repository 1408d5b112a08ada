#pragma once
// Relationships (M8): weighted ties from an organization (and, with elections, a candidate) to
// the actors that deliver votes, volunteers and money: each union, each district's community
// groups, each district's voting bloc, and the donor network. Every weight is split by who holds
// it: the organization as an institution (built by its members' body-to-body work, it stays
// when leaders leave) or persons (its leaders' or a candidate's own contacts, which leave with
// them). M22 reads the split: "accountability happens before the fact" (003).
#include <algorithm>
#include <vector>
#include "core/state.h"

namespace tribune {

// Where each target sits in a Ties vector: [unions][community groups by district][voting blocs
// by district][donors].
struct TieLayout {
  int unions = 0, districts = 0;
  int size() const { return unions + 2 * districts + 1; }
  int union_tie(int u) const { return u; }
  int community(int d) const { return unions + d; }
  int bloc(int d) const { return unions + districts + d; }
  int donors() const { return unions + 2 * districts; }
};

struct Ties {
  std::vector<double> org;     // weight held by the organization, per target, in [0, 1]
  std::vector<double> person;  // weight held by persons (leaders, a candidate), per target
  void resize(int n) {
    org.assign(static_cast<size_t>(n), 0.0);
    person.assign(static_cast<size_t>(n), 0.0);
  }
  // The tie's strength: both holders' weights, at most 1.
  double total(int k) const { return std::min(1.0, org[k] + person[k]); }
  // Share of all relationship weight (over the targets in [lo, hi)) the organization holds.
  double org_share(int lo, int hi) const {
    double o = 0, all = 0;
    for (int k = lo; k < hi; ++k) o += org[k], all += org[k] + person[k];
    return all > 0 ? o / all : 0.0;
  }
  double mean_total(int lo, int hi) const {
    double s = 0;
    for (int k = lo; k < hi; ++k) s += total(k);
    return hi > lo ? s / (hi - lo) : 0.0;
  }
  TRIBUNE_STATE(org, person)
};

}  // namespace tribune
