#include "world/event_table.h"

#include <stdexcept>

namespace tribune {

void EventTable::add(const std::vector<Value>& row) {
  if (row.size() != columns_.size()) throw std::logic_error("event row has the wrong number of values");
  for (size_t i = 0; i < row.size(); ++i) {
    auto& c = columns_[i];
    switch (c.type) {
      case EventColumn::Type::Int:
        c.ints.push_back(std::get<int64_t>(row[i]));
        break;
      case EventColumn::Type::Real:
        c.reals.push_back(std::get<double>(row[i]));
        break;
      case EventColumn::Type::Text:
        c.texts.push_back(std::get<std::string>(row[i]));
        break;
    }
  }
  ++rows_;
}

const EventColumn& EventTable::column(const std::string& name) const {
  for (const auto& c : columns_)
    if (c.name == name) return c;
  throw std::out_of_range("no column named " + name);
}

}  // namespace tribune
