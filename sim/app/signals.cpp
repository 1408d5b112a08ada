#include "app/signals.h"

#include <atomic>
#include <csignal>

namespace tribune {

namespace {
std::atomic<int> g_signal{0};
void on_signal(int sig) {
  g_signal.store(sig);
}
}  // namespace

void install_stop_handlers() {
  struct sigaction sa {};
  sa.sa_handler = on_signal;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = SA_RESETHAND;  // a second signal ends the process at once
  sigaction(SIGINT, &sa, nullptr);
  sigaction(SIGTERM, &sa, nullptr);
}

int stop_signal() {
  return g_signal.load();
}

}  // namespace tribune
