#pragma once
// SIGINT and SIGTERM ask a command to stop: the first signal is recorded (core/stop.h; the
// command finishes what it must and exits 130), a second one ends the process at once.
// Installed as main's first instruction, so no signal finds the default action.
namespace tribune {

void install_stop_handlers();
int stop_signal();  // 0 while no signal has arrived

}  // namespace tribune
