#pragma once
// M28's weekly decision for four persons at a time in AVX2 lanes (mobilization.cpp uses it when
// the CPU has AVX2; mobilization_avx2.cpp alone is compiled for AVX2). Each lane computes, in the
// same double operations in the same order as the scalar decision (mobilization.cpp, Decide), the
// calculus at the bounds of the terms that depend on others and at the person's own share of ties
// out, with and without being asked: so the lane's answer is the scalar's bit for bit, or "if
// asked", where the caller makes the scalar code's draw. Only data here: no inline code
// that the AVX2 file could compile differently from the rest of the build.
#include <cstdint>

namespace tribune {

// What the lanes read; the same columns and week constants as the scalar decision (district
// vision and mixing over ties only).
struct ClassifyInputs {
  const int32_t* jailed;
  const uint16_t* district;
  const float *grievance, *hope;
  const int8_t* org;
  const float *given, *risk_aversion, *threshold;
  const uint16_t* protest_ties;
  const uint8_t *tiredness, *called;
  const int64_t* offsets;
  const double *risk, *ask;     // per district
  const float* movement_share;  // per organization
  int32_t tick;
  double illegitimacy, boost, gathering, per_hour;
  double grievance_weight, hope_weight, organized, asked, social, fatigue;
};

// The decision of persons [lo, hi) into out[0 .. hi - lo): 0 (stays home), 1 (protests),
// kIfAsked (protests if asked this week: the caller draws, as the scalar code does), or kScalar
// for the scalar code to decide (the last persons of the range, fewer than four).
inline constexpr uint8_t kIfAsked = 2, kScalar = 3;
void classify_avx2(const ClassifyInputs& in, int64_t lo, int64_t hi, uint8_t* out);
// Whether mobilization uses classify_avx2: this build has it, the CPU runs AVX2, and tests have
// not forced the scalar decision (they compare the two).
bool classify_in_lanes();
void classify_force_scalar(bool on);

}  // namespace tribune
