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
#include <string>

namespace tribune {

// Write the seal into `partial` (closed), fsync it, rename it to `final_path` (unless the two
// are the same: an interrupted run is sealed where it stays) and sync the directory. Throws
// std::runtime_error naming the path and the cause.
void seal(const std::string& partial, const std::string& final_path);

enum class SealStatus { ok, unreadable, foreign, truncated, corrupt };

struct SealCheck {
  SealStatus status = SealStatus::ok;
  std::string message;  // why not ok, in one sentence naming the file
  bool ok() const { return status == SealStatus::ok; }
};

// Check a file's seal: its length and CRC-32 against the file as it is.
SealCheck check_seal(const std::string& path);

}  // namespace tribune
