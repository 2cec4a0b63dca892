#pragma once
// Phase timing for bench/dedup: wall clock and this thread's CPU time. On
// the shared development machine the wall clock includes time the thread
// waited for a core; the CPU time is what one core spends.
#include <time.h>

#include <chrono>
#include <cstddef>
#include <cstdio>

namespace feedsieve::bench {

struct Lap {
  double wall = 0;  // seconds
  double cpu = 0;   // seconds
};

class Stopwatch {
 public:
  Stopwatch() { start(); }
  // The time since the last lap (or construction), and starts the next.
  Lap lap() {
    const Lap out{std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_).count(), cpu_now() - cpu_};
    start();
    return out;
  }

 private:
  static double cpu_now() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
  }
  void start() {
    wall_ = std::chrono::steady_clock::now();
    cpu_ = cpu_now();
  }
  std::chrono::steady_clock::time_point wall_;
  double cpu_ = 0;
};

inline void report(const char* phase, std::size_t items, const Lap& lap) {
  const auto n = static_cast<double>(items);
  std::printf("%-28s %9.0f items/s CPU (%.2f s), %9.0f items/s wall (%.2f s)\n", phase, n / lap.cpu, lap.cpu,
              n / lap.wall, lap.wall);
}

}  // namespace feedsieve::bench
