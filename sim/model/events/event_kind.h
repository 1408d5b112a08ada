#pragma once
// What a timeline event kind's file needs: the event base, every visitor its fields() meets,
// and the world it changes.
#include "core/event.h"
#include "core/world.h"
#include "scenario/reader.h"
#include "scenario/schema.h"
#include "scenario/writer.h"
