#include "scenario/writer.h"

#include <yaml-cpp/yaml.h>

#include "core/format.h"

namespace tribune::scenario {

Writer::Writer() : out_(std::make_unique<YAML::Emitter>()) {}
Writer::~Writer() = default;

void Writer::key(const char* k) {
  *out_ << YAML::Key << k << YAML::Value;
}
void Writer::scalar(const char* k, const std::string& v) {
  key(k);
  *out_ << v;
}
void Writer::begin_map() {
  *out_ << YAML::BeginMap;
}
void Writer::begin_flow_map() {
  *out_ << YAML::Flow << YAML::BeginMap;
}
void Writer::end_map() {
  *out_ << YAML::EndMap;
}
void Writer::begin_seq() {
  *out_ << YAML::BeginSeq;
}
void Writer::end_seq() {
  *out_ << YAML::EndSeq;
}
std::string Writer::str() const {
  return std::string(out_->c_str()) + "\n";
}

// A number as YAML 1.1 (PyYAML) and 1.2 (yaml-cpp) both read it as a float: 1.1 takes "5e-04"
// for a string, since its floats need a '.' in the mantissa, so the shortest form gets ".0".
static std::string yaml_number(double x) {
  std::string s = format_number(x);
  const size_t e = s.find('e');
  if (e != std::string::npos && s.find('.') == std::string::npos) s.insert(e, ".0");
  return s;
}

void Writer::num(const char* k, double& x, const Meta&) {
  scalar(k, yaml_number(x));
}
void Writer::integer(const char* k, int64_t& x, const Meta&) {
  scalar(k, std::to_string(x));
}
void Writer::flag(const char* k, bool& x, const Meta&) {
  scalar(k, x ? "true" : "false");
}
void Writer::text(const char* k, std::string& x, const Meta&) {
  key(k);
  *out_ << YAML::DoubleQuoted << x;
}
void Writer::names(const char* k, std::vector<std::string>& x, const Meta&) {
  key(k);
  *out_ << YAML::Flow << YAML::BeginSeq;
  for (const auto& s : x) *out_ << s;
  *out_ << YAML::EndSeq;
}

void Writer::timeline(const char* k, Timeline& x, const Meta&) {
  key(k);
  begin_seq();
  for (const auto& e : x) {
    begin_map();
    scalar("kind", e->kind());
    // visit() takes a non-const event: the writer only reads, so a copy keeps Timeline immutable.
    auto copy = e->clone();
    FieldVisitorOf<Writer> visitor(*this);
    copy->visit(visitor);
    end_map();
  }
  end_seq();
}

}  // namespace tribune::scenario
