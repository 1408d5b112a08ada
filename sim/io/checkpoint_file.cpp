// Checkpoint files (see checkpoint_file.h).
#include "io/checkpoint_file.h"

#include <fcntl.h>
#include <unistd.h>
#include <zlib.h>

#include <cerrno>
#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace tribune {

namespace fs = std::filesystem;

namespace {
constexpr const char* kMagic = "TRIBUNE-CHECKPOINT 1\n";

void put(std::string& out, const std::string& s) {
  const uint64_t n = s.size();
  out.append(reinterpret_cast<const char*>(&n), sizeof n);
  out += s;
}
void put(std::string& out, int64_t x) {
  out.append(reinterpret_cast<const char*>(&x), sizeof x);
}

struct Cursor {
  const std::string& in;
  size_t at;
  const std::string& path;
  void need(size_t n) const {
    if (n > in.size() - at) throw std::runtime_error(path + " is truncated (not a whole checkpoint)");
  }
  int64_t integer() {
    need(8);
    int64_t x = 0;
    std::memcpy(&x, in.data() + at, 8);
    at += 8;
    return x;
  }
  std::string text() {
    const uint64_t n = static_cast<uint64_t>(integer());
    need(n);
    std::string s = in.substr(at, n);
    at += n;
    return s;
  }
};
}  // namespace

void write_checkpoint(const std::string& path, const Checkpoint& c, const StateWriter& state) {
  const std::string tmp = path + ".tmp";
  const int fd = open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (fd < 0) throw std::runtime_error("cannot write the checkpoint " + tmp + ": " + std::strerror(errno));
  // Buffered writes, the CRC kept as the bytes go.
  std::string buf;
  uLong sum = crc32(0L, Z_NULL, 0);
  int error = 0;
  auto flush = [&] {
    size_t done = 0;
    while (done < buf.size() && !error) {
      const ssize_t n = write(fd, buf.data() + done, buf.size() - done);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) error = n < 0 ? errno : EIO;
      else done += static_cast<size_t>(n);
    }
    buf.clear();
  };
  auto emit = [&](const char* p, size_t n, bool summed) {
    if (summed) sum = crc32(sum, reinterpret_cast<const Bytef*>(p), static_cast<uInt>(n));
    buf.append(p, n);
    if (buf.size() >= (1u << 20)) flush();
  };
  emit(kMagic, std::strlen(kMagic), false);
  std::string head;
  put(head, c.scenario_file);
  put(head, c.scenario_yaml);
  put(head, c.output);
  put(head, c.every);
  put(head, c.tick);
  emit(head.data(), head.size(), true);
  state([&](const char* p, size_t n) {
    for (size_t at = 0; at < n; at += 1u << 30) emit(p + at, std::min<size_t>(n - at, 1u << 30), true);
  });
  const uint32_t sum32 = static_cast<uint32_t>(sum);
  emit(reinterpret_cast<const char*>(&sum32), sizeof sum32, false);
  flush();
  if (!error && fsync(fd) != 0) error = errno;
  close(fd);
  if (error) {
    fs::remove(tmp);
    throw std::runtime_error("cannot write the checkpoint " + tmp + ": " + std::strerror(error));
  }
  std::error_code ec;
  fs::rename(tmp, path, ec);
  if (ec) throw std::runtime_error("cannot rename the checkpoint to " + path + ": " + ec.message());
}

void remove_checkpoint(const std::string& path) {
  std::error_code ec;
  fs::remove(path, ec);
  fs::remove(path + ".tmp", ec);
}

Checkpoint read_checkpoint(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  if (!f) throw std::runtime_error("cannot read the checkpoint " + path);
  std::stringstream ss;
  ss << f.rdbuf();
  const std::string in = ss.str();
  const size_t m = std::strlen(kMagic);
  if (in.compare(0, m, kMagic) != 0) throw std::runtime_error(path + " is not a tribune checkpoint");
  if (in.size() < m + 4) throw std::runtime_error(path + " is truncated (not a whole checkpoint)");
  uint32_t stored = 0;
  std::memcpy(&stored, in.data() + in.size() - 4, 4);
  uLong sum = crc32(0L, Z_NULL, 0);
  const size_t body = in.size() - 4 - m;
  for (size_t at = 0; at < body; at += 1u << 30)
    sum = crc32(sum, reinterpret_cast<const Bytef*>(in.data() + m + at), static_cast<uInt>(std::min<size_t>(1u << 30, body - at)));
  if (static_cast<uint32_t>(sum) != stored) throw std::runtime_error(path + " is damaged (its checksum does not match)");
  Cursor c{in, m, path};
  Checkpoint k;
  k.scenario_file = c.text();
  k.scenario_yaml = c.text();
  k.output = c.text();
  k.every = c.integer();
  k.tick = c.integer();
  c.need(4);
  k.state = in.substr(c.at, in.size() - 4 - c.at);  // the rest, before the CRC
  return k;
}

}  // namespace tribune
