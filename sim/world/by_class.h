#pragma once
// A number per class (worker, professional, owner), declared with its parent's unit and range.
#include "core/fields.h"

namespace tribune {

struct ByClass {
  double worker = 0, professional = 0, owner = 0;

  double operator[](int k) const { return k == 0 ? worker : k == 1 ? professional : owner; }

  template <class V>
  void fields(V& v, const Meta& m) {
    Meta c = m;
    c.required = false;
    v.num("worker", worker, c);
    v.num("professional", professional, c);
    v.num("owner", owner, c);
  }
};

}  // namespace tribune
