#pragma once
// What the CPU can run, asked once at run time: the build is plain x86-64, and a few loops have a
// second version compiled for AVX2 (core/philox_batch.h, model/movements/mobilization_classify.h)
// that gives the same bits.

namespace tribune {

// Whether this build has the AVX2 versions and this CPU runs them.
bool cpu_has_avx2();

}  // namespace tribune
