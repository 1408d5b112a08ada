#pragma once
// SIGINT and SIGTERM ask a long command to stop: the first signal is recorded (the command
// finishes what it must and exits 130), a second one ends the process at once.
namespace tribune {

void install_stop_handlers();
int stop_signal();  // 0 while no signal has arrived

}  // namespace tribune
