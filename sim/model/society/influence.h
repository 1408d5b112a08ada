#pragma once
// Phase 3, influence: M4 opinion and M3 hope both read every tie's previous value, so with both
// on one pass over the ties serves the two (influence.cpp). Each tie's ideology and hope are
// gathered from one 8-byte pair, one cache line for both, and the index array is streamed
// once instead of twice. The results are those of opinion's step followed by hope's, bit for
// bit (neither reads what the other writes; tests/unit/test_influence.cpp).
namespace tribune {

struct World;
struct Context;
struct OpinionParams;
struct HopeParams;

// c: hope's context (opinion draws no random numbers in its step).
void step_influence(World& w, const OpinionParams& op, const HopeParams& hp, const Context& c);

// In weeks when few persons have a hope impulse, the pass is told the sums of the impulses at
// each person's ties instead of testing every tie (influence.cpp). For tests, which compare the
// two ways: force the per-tie test, or ask whether it is forced.
void few_impulses_force_off(bool on);
bool few_impulses_off();

}  // namespace tribune
