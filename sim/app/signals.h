#pragma once
// SIGINT, SIGTERM and SIGUSR1 ask a command to stop: the first signal is recorded (core/stop.h; the
// command finishes what it must and exits 130), a second SIGINT or SIGTERM ends the process at once.
// Installed as main's first instruction, so no signal finds the default action. SIGUSR1 is the
// signal `sweep submit`'s script asks SLURM to send ahead of the time limit (--signal=B:USR1@LEAD):
// a sweep task stopped by it checkpoints its run and requeues itself (docs/sweeps.md).
namespace tribune {

void install_stop_handlers();
int stop_signal();  // 0 while no signal has arrived

// From now on SIGUSR1 does not stop by itself: it is held as a warning for the caller to weigh
// (take_warning) and, if it stands, to turn into a stop (request_stop). A SIGUSR1 that has already
// stopped is held the same way. What a SLURM task does (sweep/time_limit.h).
void hold_warning_signal();
bool take_warning();
void request_stop(int sig);

}  // namespace tribune
