// `tribune info FILE [--json]`: what an output file holds, read from the file itself: its root
// attributes, then every group with its attributes and every variable with its shape, type,
// unit and description. Nothing is listed by hand, so a group added to the writer shows here.
#include <hdf5.h>

#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "app/commands.h"
#include "core/format.h"
#include "io/h5.h"
#include "io/seal.h"

namespace tribune {

namespace {

// An attribute's value: text, or numbers.
struct Value {
  bool text = false;
  std::string s;
  std::vector<double> numbers;
  std::string render() const {
    if (text) return s;
    std::string o;
    for (size_t k = 0; k < numbers.size(); ++k) o += (k ? ", " : "") + format_number(numbers[k]);
    return numbers.size() == 1 ? o : "[" + o + "]";
  }
  std::string json() const {
    if (text) return json_str(s);
    if (numbers.size() == 1) return json_num(numbers[0]);
    std::string o = "[";
    for (size_t k = 0; k < numbers.size(); ++k) o += (k ? ", " : "") + json_num(numbers[k]);
    return o + "]";
  }
};

using Attrs = std::vector<std::pair<std::string, Value>>;

bool bookkeeping(const std::string& name) {
  return name == "CLASS" || name == "NAME" || name == "DIMENSION_LIST" || name == "REFERENCE_LIST" ||
         name == "_Netcdf4Dimid" || name == "_Netcdf4Coordinates";
}

Attrs attributes(hid_t obj) {
  Attrs out;
  auto read = [](hid_t loc, const char* name, const H5A_info_t*, void* data) -> herr_t {
    if (bookkeeping(name)) return 0;
    h5::Handle a(H5Aopen(loc, name, H5P_DEFAULT));
    h5::Handle type(H5Aget_type(a)), space(H5Aget_space(a));
    Value v;
    if (H5Tget_class(type) == H5T_STRING) {
      v.text = true;
      v.s = h5::read_attr_string(loc, name);
    } else if (H5Tget_class(type) == H5T_INTEGER || H5Tget_class(type) == H5T_FLOAT) {
      v.numbers.resize(static_cast<size_t>(std::max<hssize_t>(1, H5Sget_simple_extent_npoints(space))));
      if (H5Aread(a, H5T_NATIVE_DOUBLE, v.numbers.data()) < 0) v.numbers.clear();
    } else {
      v.text = true;
      v.s = "(not shown)";
    }
    static_cast<Attrs*>(data)->emplace_back(name, std::move(v));
    return 0;
  };
  H5Aiterate2(obj, H5_INDEX_NAME, H5_ITER_INC, nullptr, read, &out);
  return out;
}

const Value* find(const Attrs& a, const std::string& name) {
  for (const auto& [k, v] : a)
    if (k == name) return &v;
  return nullptr;
}

std::string type_name(hid_t ds) {
  h5::Handle t(H5Dget_type(ds));
  const size_t bytes = H5Tget_size(t);
  switch (H5Tget_class(t)) {
    case H5T_INTEGER:
      return (H5Tget_sign(t) == H5T_SGN_NONE ? "uint" : "int") + std::to_string(8 * bytes);
    case H5T_FLOAT:
      return "float" + std::to_string(8 * bytes);
    case H5T_STRING:
      return "string";
    case H5T_COMPOUND:
      return "compound";
    default:
      return "other";
  }
}

std::vector<hsize_t> dims_of(hid_t ds) {
  h5::Handle sp(H5Dget_space(ds));
  const int rank = H5Sget_simple_extent_ndims(sp);
  std::vector<hsize_t> d(static_cast<size_t>(std::max(rank, 0)));
  if (rank > 0) H5Sget_simple_extent_dims(sp, d.data(), nullptr);
  return d;
}

// The unit as the model means it: CF's units, except that a "1" shows what it counts, its range
// or its codes (as tribune_analysis.display_units does).
std::string display_unit(const Attrs& a) {
  const Value* u = find(a, "units");
  if (!u) return "";
  if (u->render() != "1") return u->render();
  const Value* c = find(a, "comment");
  const std::string comment = c ? c->render() : "";
  if (comment.rfind("a count of ", 0) == 0) return comment.substr(11);
  if (find(a, "flag_meanings")) return "codes: " + find(a, "flag_meanings")->render();
  if (const Value* r = find(a, "valid_range"); r && r->numbers.size() == 2)
    return "[" + format_number(r->numbers[0]) + ", " + format_number(r->numbers[1]) + "]";
  return comment == "an index" ? "" : (comment.empty() ? "1" : comment);
}

struct Variable {
  std::string name, type;
  std::vector<hsize_t> dims;
  Attrs attrs;
};
struct Group {
  std::string path;
  Attrs attrs;
  std::vector<Variable> variables;
};

// Every group (the root first, then depth first in name order) and its datasets.
void walk(hid_t g, const std::string& path, std::vector<Group>& out) {
  Group grp{path, attributes(g), {}};
  std::vector<std::string> subgroups;
  struct Ctx {
    hid_t g;
    Group* grp;
    std::vector<std::string>* subgroups;
  } ctx{g, &grp, &subgroups};
  H5Literate(
      g, H5_INDEX_NAME, H5_ITER_INC, nullptr,
      [](hid_t loc, const char* name, const H5L_info_t*, void* data) -> herr_t {
        auto* c = static_cast<Ctx*>(data);
        H5O_info_t oi;
        if (H5Oget_info_by_name(loc, name, &oi, H5P_DEFAULT) < 0) return 0;
        if (oi.type == H5O_TYPE_GROUP) {
          c->subgroups->push_back(name);
        } else if (oi.type == H5O_TYPE_DATASET) {
          h5::Handle d(H5Dopen2(loc, name, H5P_DEFAULT));
          c->grp->variables.push_back(Variable{name, type_name(d), dims_of(d), attributes(d)});
        }
        return 0;
      },
      &ctx);
  out.push_back(std::move(grp));
  for (const auto& s : subgroups) {
    h5::Handle sub(H5Gopen2(g, s.c_str(), H5P_DEFAULT));
    walk(sub, (path == "/" ? "" : path) + "/" + s, out);
  }
}

std::string shape_text(const std::vector<hsize_t>& dims) {
  if (dims.empty()) return "scalar";
  std::string s = "(";
  for (size_t i = 0; i < dims.size(); ++i) s += (i ? " x " : "") + std::to_string(dims[i]);
  return s + ")";
}

std::string attrs_json(const Attrs& a) {
  std::string o = "{";
  for (size_t k = 0; k < a.size(); ++k) o += (k ? ", " : "") + json_str(a[k].first) + ": " + a[k].second.json();
  return o + "}";
}

void print_text(const std::string& path, const std::vector<Group>& groups) {
  printf("%s\n", path.c_str());
  for (const auto& [k, v] : groups.front().attrs) printf("  %-16s %s\n", k.c_str(), v.render().c_str());
  if (const Value* c = find(groups.front().attrs, "complete"); c && c->render() != "1")
    printf("  WARNING: this file is not complete (complete=0)\n");
  for (const auto& g : groups) {
    if (g.path != "/") {
      const Value* d = find(g.attrs, "description");
      printf("%s%s%s\n", g.path.c_str(), d ? "  " : "", d ? d->render().c_str() : "");
    } else if (!g.variables.empty()) {
      printf("/\n");
    }
    for (const auto& v : g.variables) {
      const Value* d = find(v.attrs, "description");
      if (!d) d = find(v.attrs, "long_name");
      printf("  %-22s %-12s %-9s %-16s %s\n", v.name.c_str(), shape_text(v.dims).c_str(), v.type.c_str(),
             display_unit(v.attrs).c_str(), d ? d->render().c_str() : "");
    }
  }
}

void print_json(const std::string& path, const std::vector<Group>& groups) {
  printf("{\"file\": %s, \"attributes\": %s, \"groups\": [", json_str(path).c_str(),
         attrs_json(groups.front().attrs).c_str());
  for (size_t k = 0; k < groups.size(); ++k) {
    const Group& g = groups[k];
    printf("%s\n  {\"path\": %s, \"attributes\": %s, \"variables\": [", k ? "," : "", json_str(g.path).c_str(),
           attrs_json(g.attrs).c_str());
    for (size_t j = 0; j < g.variables.size(); ++j) {
      const Variable& v = g.variables[j];
      std::string shape = "[";
      for (size_t i = 0; i < v.dims.size(); ++i) shape += (i ? ", " : "") + std::to_string(v.dims[i]);
      printf("%s\n    {\"name\": %s, \"type\": %s, \"shape\": %s], \"unit\": %s, \"attributes\": %s}", j ? "," : "",
             json_str(v.name).c_str(), json_str(v.type).c_str(), shape.c_str(),
             json_str(display_unit(v.attrs)).c_str(), attrs_json(v.attrs).c_str());
    }
    printf("]}");
  }
  printf("\n]}\n");
}

}  // namespace

int info_command(const std::string& path, bool json) {
  // The seal first: libhdf5 can crash on a corrupt file, so nothing unsound reaches it.
  const SealCheck seal = check_seal(path);
  if (!seal.ok()) {
    fprintf(stderr, "error: %s\n", seal.message.c_str());
    return 2;
  }
  h5::Handle f = h5::open_file_readonly(path);
  h5::Handle root(H5Gopen2(f, "/", H5P_DEFAULT));
  std::vector<Group> groups;
  walk(root, "/", groups);
  json ? print_json(path, groups) : print_text(path, groups);
  return 0;
}

}  // namespace tribune
