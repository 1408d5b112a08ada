#pragma once
// Sealing finished output files. Every HDF5 file tribune writes (a run, a merged sweep, a
// comparison) reserves a 512-byte user block before the HDF5 superblock (HDF5 readers skip it).
// When the file is complete and closed, seal() writes into that block the file's length and the
// CRC-32 of everything after the block, syncs it to disk and renames it to its final path.
// Readers (tribune info, sweep status and merge, the analysis package) check the seal before
// handing the file to libhdf5, which can crash on corrupt input: a truncated, overwritten or
// foreign file is reported as such instead.
//
// The block's text:  "TRIBUNE-HDF5 1\nlength <bytes>\ncrc32 <8 hex digits>\n", then zeros.
#include <functional>
#include <stdexcept>
#include <string>

#include "io/h5.h"

namespace tribune {

// Write the seal into `partial` (closed), fsync it, rename it to `final_path` (unless the two
// are the same: an interrupted run is sealed where it stays) and sync the directory. Throws
// std::runtime_error naming the path and the cause.
void seal(const std::string& partial, const std::string& final_path);

// Create `partial`, let `write` fill it, close it (every close checked), seal it and rename
// it to `final_path`. On any failure `partial` is removed and std::runtime_error says
// "writing PARTIAL failed: cause (the partial file was removed)". Hold h5::library_mutex().
void write_sealed(const std::string& partial, const std::string& final_path,
                  const std::function<void(h5::Handle& file)>& write);

enum class SealStatus { ok, unreadable, foreign, truncated, corrupt };

struct SealCheck {
  SealStatus status = SealStatus::ok;
  std::string message;  // why not ok, in one sentence naming the file
  bool ok() const { return status == SealStatus::ok; }
};

// Check a file's seal: its length and (with `contents`) CRC-32 against the file as it is.
// Without `contents` only the first 512 bytes and the size are read (for a sweep's many runs).
SealCheck check_seal(const std::string& path, bool contents = true);

struct SealError : std::runtime_error {
  SealStatus status;
  SealError(SealStatus s, const std::string& m) : std::runtime_error(m), status(s) {}
};

// A sealed file checked in full, then opened read-only with HDF5; throws SealError with
// check_seal's message when it is not sound. Hold h5::library_mutex() where threads share the
// library.
h5::Handle open_sealed(const std::string& path);

}  // namespace tribune
