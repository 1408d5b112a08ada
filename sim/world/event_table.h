#pragma once
// Event tables (/events/<name> in the output): rows appended during the run, columns declared
// when the table is made. The HDF5 writer turns each into a compound dataset.
#include <cstdint>
#include <map>
#include <string>
#include <variant>
#include <vector>
#include "core/state.h"

namespace tribune {

struct EventColumn {
  enum class Type { Int, Real, Text };
  EventColumn(std::string name_, Type type_, std::string unit_ = "")
      : name(std::move(name_)), type(type_), unit(std::move(unit_)) {}
  std::string name;
  Type type;
  std::string unit;
  std::vector<int64_t> ints;
  std::vector<double> reals;
  std::vector<std::string> texts;
  TRIBUNE_STATE(ints, reals, texts)
};

class EventTable {
 public:
  using Value = std::variant<int64_t, double, std::string>;
  EventTable() = default;
  EventTable(std::string description, std::vector<EventColumn> columns)
      : description_(std::move(description)), columns_(std::move(columns)) {}
  void add(const std::vector<Value>& row);  // one value per column, in order, of its type
  int64_t rows() const { return rows_; }
  const std::string& description() const { return description_; }
  const std::vector<EventColumn>& columns() const { return columns_; }
  const EventColumn& column(const std::string& name) const;  // throws std::out_of_range if absent
  TRIBUNE_STATE(columns_, rows_)

 private:
  std::string description_;
  std::vector<EventColumn> columns_;
  int64_t rows_ = 0;
};

using EventTables = std::map<std::string, EventTable>;

}  // namespace tribune
