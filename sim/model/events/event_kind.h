#pragma once
// What a timeline event kind's file needs: the event base (with the field vocabulary its
// fields() declaration uses) and the world it changes.
#include "model/events/event.h"
#include "world/world.h"
