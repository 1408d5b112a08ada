#pragma once
// Writing and reading a run's state as bytes (for checkpoints): structs list their fields with
// TRIBUNE_STATE (core/state.h); numbers and enums are stored as their bytes, strings and vectors
// with their length first. Reading into a world built from the same scenario restores it; a
// reader that finds a length or a name that does not fit throws std::runtime_error (the bytes are
// of another scenario, or damaged).
#include <array>
#include <cstdint>
#include <cstring>
#include <functional>
#include <map>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace tribune {

// Writes into a string, or hands the bytes to a sink as they come (a checkpoint streams the
// state to its file rather than holding a second copy of the world in memory).
class StateOut {
 public:
  using Sink = std::function<void(const char*, size_t)>;
  StateOut() = default;
  explicit StateOut(Sink sink) : sink_(std::move(sink)) {}
  template <class... T>
  void operator()(T&... xs) {
    (put(xs), ...);
  }
  std::string& bytes() { return out_; }

 private:
  std::string out_;
  Sink sink_;
  void raw(const void* p, size_t n) {
    if (n == 0) return;  // an empty vector's data() may be null, which memcpy must not see
    if (sink_)
      sink_(static_cast<const char*>(p), n);
    else
      out_.append(static_cast<const char*>(p), n);
  }
  template <class T>
  void put(const T& x) {
    if constexpr (std::is_arithmetic_v<T> || std::is_enum_v<T>) {
      raw(&x, sizeof x);
    } else if constexpr (std::is_same_v<T, std::string>) {
      put(static_cast<uint64_t>(x.size()));
      raw(x.data(), x.size());
    } else if constexpr (requires { typename T::value_type; x.size(); x.data(); }) {  // std::vector, std::array
      put(static_cast<uint64_t>(x.size()));
      using V = typename T::value_type;
      if constexpr ((std::is_arithmetic_v<V> || std::is_enum_v<V>) && !std::is_same_v<V, bool>)
        raw(x.data(), x.size() * sizeof(V));
      else
        for (const auto& v : x) put(v);
    } else if constexpr (requires { x.first; x.second; }) {
      put(x.first);
      put(x.second);
    } else if constexpr (requires { typename T::key_type; typename T::mapped_type; }) {
      put(static_cast<uint64_t>(x.size()));
      for (const auto& [k, v] : x) put(k), put(v);
    } else {
      const_cast<T&>(x).state(*this);
    }
  }
  void put(const std::vector<bool>& x) {
    put(static_cast<uint64_t>(x.size()));
    for (bool b : x) put(static_cast<uint8_t>(b));
  }
};

class StateIn {
 public:
  explicit StateIn(std::string_view bytes) : in_(bytes) {}
  template <class... T>
  void operator()(T&... xs) {
    (get(xs), ...);
  }
  bool done() const { return at_ == in_.size(); }

 private:
  std::string_view in_;
  size_t at_ = 0;
  void raw(void* p, size_t n) {
    if (n == 0) return;  // an empty vector's data() may be null, which memcpy must not see
    if (n > in_.size() - at_) throw std::runtime_error("the checkpoint's state ends early");
    std::memcpy(p, in_.data() + at_, n);
    at_ += n;
  }
  uint64_t length() {
    uint64_t n = 0;
    get(n);
    if (n > in_.size()) throw std::runtime_error("the checkpoint's state holds an impossible length");
    return n;
  }
  template <class T>
  void get(T& x) {
    if constexpr (std::is_arithmetic_v<T> || std::is_enum_v<T>) {
      raw(&x, sizeof x);
    } else if constexpr (std::is_same_v<T, std::string>) {
      x.resize(length());
      raw(x.data(), x.size());
    } else if constexpr (requires { typename T::value_type; x.size(); x.data(); x.resize(0); }) {  // std::vector
      const uint64_t n = length();
      using V = typename T::value_type;
      if constexpr (std::is_default_constructible_v<V>)
        x.resize(n);
      else if (n != x.size())
        throw std::runtime_error("the checkpoint does not fit this scenario (a table's columns differ)");
      if constexpr ((std::is_arithmetic_v<V> || std::is_enum_v<V>) && !std::is_same_v<V, bool>)
        raw(x.data(), n * sizeof(V));
      else
        for (auto& v : x) get(v);
    } else if constexpr (requires { typename T::value_type; x.size(); x.data(); }) {  // std::array
      if (length() != x.size()) throw std::runtime_error("the checkpoint's state does not fit (an array's size)");
      for (auto& v : x) get(v);
    } else if constexpr (requires { x.first; x.second; }) {
      get(x.first);
      get(x.second);
    } else if constexpr (requires { typename T::key_type; typename T::mapped_type; }) {
      const uint64_t n = length();
      if (n != x.size()) throw std::runtime_error("the checkpoint does not fit this scenario (its event tables differ)");
      for (uint64_t k = 0; k < n; ++k) {
        typename T::key_type key;
        get(key);
        auto it = x.find(key);
        if (it == x.end()) throw std::runtime_error("the checkpoint has an event table this scenario does not: " + key);
        get(it->second);
      }
    } else {
      x.state(*this);
    }
  }
  void get(std::vector<bool>& x) {
    x.resize(length());
    for (size_t i = 0; i < x.size(); ++i) {
      uint8_t b = 0;
      get(b);
      x[i] = b != 0;
    }
  }
};

}  // namespace tribune
