#pragma once
// The fields of a struct that make up a run's state, for checkpoints (engine/checkpoint.h):
//   struct Org { ...; TRIBUNE_STATE(count, share, treasury) };
// declares `state(ar)`, which hands each field to an archive that writes or reads it. What is
// rebuilt from the scenario (an organization's spec, the offices' definitions) is left out.
#define TRIBUNE_STATE(...)     \
  template <class Archive>     \
  void state(Archive& ar) {    \
    ar(__VA_ARGS__);           \
  }
