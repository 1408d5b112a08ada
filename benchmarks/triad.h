#pragma once
// A STREAM-style triad, a[i] = b[i] + s * c[i], over arrays far larger than the caches: the
// memory bandwidth a streaming kernel can reach on this machine with `threads` threads.
namespace tribune::bench {

struct TriadResult {
  double median_gb_per_s;
  double best_gb_per_s;
};

// `mib` per array; the median and best of `repeats` passes. Bytes counted as STREAM does:
// 3 arrays x 8 bytes per element (no write-allocate traffic).
TriadResult triad(int threads, int mib = 256, int repeats = 9);

}  // namespace tribune::bench
