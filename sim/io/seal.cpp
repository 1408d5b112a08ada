// Seals on finished files (see seal.h).
#include "io/seal.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <cerrno>
#include <cinttypes>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <stdexcept>
#include <vector>

#include "io/h5.h"

namespace tribune {

namespace fs = std::filesystem;

namespace {
constexpr size_t kBlock = h5::kUserBlock;
constexpr const char* kMagic = "TRIBUNE-HDF5 1\n";

std::string sys_error(const std::string& what, const std::string& path) {
  return what + " " + path + ": " + std::strerror(errno);
}

// CRC-32 of bytes [kBlock, end) of the open file, and the file's length.
bool crc_after_block(int fd, uint32_t& crc, uint64_t& length) {
  struct stat st {};
  if (fstat(fd, &st) != 0) return false;
  length = static_cast<uint64_t>(st.st_size);
  uLong c = crc32(0L, Z_NULL, 0);
  std::vector<unsigned char> buf(size_t{1} << 20);
  off_t at = static_cast<off_t>(kBlock);
  while (true) {
    const ssize_t n = pread(fd, buf.data(), buf.size(), at);
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    if (n == 0) break;
    c = crc32(c, buf.data(), static_cast<uInt>(n));
    at += n;
  }
  crc = static_cast<uint32_t>(c);
  return true;
}
// The block after its three lines is zeros, as seal() wrote it.
bool zeros_after_text(const char* block, size_t n) {
  size_t lines = 0, k = 0;
  while (k < n && lines < 3) lines += block[k++] == '\n';
  for (; k < n; ++k)
    if (block[k] != 0) return false;
  return lines == 3;
}
}  // namespace

void seal(const std::string& partial, const std::string& final_path) {
  const int fd = open(partial.c_str(), O_RDWR);
  if (fd < 0) throw std::runtime_error(sys_error("cannot open", partial));
  uint32_t crc = 0;
  uint64_t length = 0;
  bool ok = crc_after_block(fd, crc, length);
  std::string why = ok ? "" : sys_error("cannot read back", partial);
  if (ok && length < kBlock) ok = false, why = partial + " is shorter than its user block";
  if (ok) {
    char block[kBlock] = {};
    snprintf(block, sizeof block, "%slength %" PRIu64 "\ncrc32 %08" PRIx32 "\n", kMagic, length, crc);
    ok = pwrite(fd, block, kBlock, 0) == static_cast<ssize_t>(kBlock) && fsync(fd) == 0;
    if (!ok) why = sys_error("cannot write the seal of", partial);
  }
  close(fd);
  if (!ok) throw std::runtime_error(why);
  if (partial == final_path) return;
  std::error_code ec;
  fs::rename(partial, final_path, ec);
  if (ec) throw std::runtime_error("cannot rename " + partial + " to " + final_path + ": " + ec.message());
  fs::path dir = fs::path(final_path).parent_path();
  const int dfd = open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY);
  if (dfd >= 0) {
    fsync(dfd);  // the rename itself survives a crash
    close(dfd);
  }
}

SealCheck check_seal(const std::string& path, bool contents) {
  const int fd = open(path.c_str(), O_RDONLY);
  if (fd < 0) return {SealStatus::unreadable, sys_error("cannot open", path)};
  char block[kBlock + 1] = {};
  const ssize_t n = pread(fd, block, kBlock, 0);
  SealCheck r;
  uint64_t length = 0;
  uint32_t crc = 0, actual_crc = 0;
  uint64_t actual_length = 0;
  if (n < static_cast<ssize_t>(std::strlen(kMagic)) || std::strncmp(block, kMagic, std::strlen(kMagic)) != 0) {
    static const char hdf5[] = "\x89HDF\r\n\x1a\n";
    const bool is_hdf5 = n >= 8 && std::memcmp(block, hdf5, 8) == 0;
    r = {SealStatus::foreign,
         path + (is_hdf5 ? " is an HDF5 file without tribune's seal: an unfinished file (its run was killed), "
                           "another program's file, or one written by a tribune from before files were sealed"
                         : " is not a tribune output file (no tribune seal, and not HDF5)")};
  } else if (std::sscanf(block + std::strlen(kMagic), "length %" SCNu64 "\ncrc32 %" SCNx32, &length, &crc) != 2 ||
             !zeros_after_text(block, static_cast<size_t>(n))) {
    r = {SealStatus::corrupt, path + " has a damaged seal (its first 512 bytes were overwritten)"};
  } else if (!contents) {
    struct stat st {};
    if (fstat(fd, &st) != 0) {
      r = {SealStatus::unreadable, sys_error("cannot read", path)};
    } else if (static_cast<uint64_t>(st.st_size) != length) {
      r = {static_cast<uint64_t>(st.st_size) < length ? SealStatus::truncated : SealStatus::corrupt,
           path + " has " + std::to_string(st.st_size) + " bytes where its seal says " + std::to_string(length)};
    }
  } else if (!crc_after_block(fd, actual_crc, actual_length)) {
    r = {SealStatus::unreadable, sys_error("cannot read", path)};
  } else if (actual_length < length) {
    r = {SealStatus::truncated, path + " is truncated: " + std::to_string(actual_length) + " of its " +
                                    std::to_string(length) + " bytes are there"};
  } else if (actual_length > length || actual_crc != crc) {
    r = {SealStatus::corrupt, path + " is corrupt: its contents do not match the checksum written when it was "
                                     "completed"};
  }
  close(fd);
  return r;
}

void write_sealed(const std::string& partial, const std::string& final_path,
                  const std::function<void(h5::Handle& file)>& write) {
  const size_t errors_before = h5::close_errors();
  try {
    h5::Handle f = h5::create_file(partial);
    write(f);
    h5::close_file(f);
    if (h5::close_errors() != errors_before) throw h5::Error(h5::last_close_error());
    seal(partial, final_path);
  } catch (const std::exception& e) {
    std::error_code ec;
    fs::remove(partial, ec);
    throw std::runtime_error("writing " + partial + " failed: " + e.what() + " (the partial file was removed)");
  }
}

h5::Handle open_sealed(const std::string& path) {
  const SealCheck c = check_seal(path, true);
  if (!c.ok()) throw SealError(c.status, c.message);
  return h5::open_file_readonly(path);
}

}  // namespace tribune
