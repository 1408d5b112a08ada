#pragma once
#include "core/fields.h"

namespace tribune {

// Every mechanism's first field: its on/off switch (ablation).
template <class V>
void declare_switch(V& v, bool& enabled) {
  v.flag("enabled", enabled,
         {.doc = "run this mechanism's weekly step; false switches it off (its initial state is still drawn, "
                 "so other mechanisms see the same world and the same random draws)"});
}

}  // namespace tribune
