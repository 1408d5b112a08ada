#include "io/h5.h"

#include <hdf5_hl.h>

#include <stdexcept>

namespace tribune::h5 {

namespace {
// Before any other HDF5 call: the library's own printing of its error stack is off (pages of
// diagnostics for one full disk; tribune reports one line, from error_cause()), and its shutdown
// at exit is not registered: HDF5 1.10 crashes there (H5F__close_cb) on a file whose close
// failed on a full disk. Every file tribune writes is closed and checked explicitly
// (close_file), so the shutdown has nothing to flush.
struct Quiet {
  Quiet() {
    H5dont_atexit();
    H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
  }
} quiet;

size_t g_close_errors = 0;
std::string g_close_error;

herr_t collect(unsigned, const H5E_error2_t* e, void* data) {
  auto& out = *static_cast<std::vector<std::string>*>(data);
  if (e->desc) out.emplace_back(e->desc);
  return 0;
}
}  // namespace

std::mutex& library_mutex() {
  static std::mutex m;
  return m;
}

std::string error_cause() {
  std::vector<std::string> descs;
  H5Ewalk2(H5E_DEFAULT, H5E_WALK_DOWNWARD, collect, &descs);
  H5Eclear2(H5E_DEFAULT);
  // The system's reason, where the file driver recorded one ("errno = 28, error message = 'No
  // space left on device'"), else the innermost description.
  for (auto it = descs.rbegin(); it != descs.rend(); ++it) {
    const auto k = it->find("error message = '");
    if (k == std::string::npos) continue;
    const auto start = k + 17, end = it->find('\'', start);
    return it->substr(start, end == std::string::npos ? std::string::npos : end - start);
  }
  return descs.empty() ? std::string("unknown HDF5 error") : descs.back();
}

size_t close_errors() {
  return g_close_errors;
}
const std::string& last_close_error() {
  return g_close_error;
}

template <>
hid_t native<double>() {
  return H5T_NATIVE_DOUBLE;
}
template <>
hid_t native<float>() {
  return H5T_NATIVE_FLOAT;
}
template <>
hid_t native<int64_t>() {
  return H5T_NATIVE_INT64;
}
template <>
hid_t native<int32_t>() {
  return H5T_NATIVE_INT32;
}
template <>
hid_t native<int16_t>() {
  return H5T_NATIVE_INT16;
}
template <>
hid_t native<uint16_t>() {
  return H5T_NATIVE_UINT16;
}
template <>
hid_t native<int8_t>() {
  return H5T_NATIVE_INT8;
}
template <>
hid_t native<uint8_t>() {
  return H5T_NATIVE_UINT8;
}

static hid_t check(hid_t id, const char* what) {
  if (id < 0) throw Error(std::string(what) + ": " + error_cause());
  return id;
}
static void check(herr_t e, const char* what, int) {
  if (e < 0) throw Error(std::string(what) + ": " + error_cause());
}

Handle::Handle(hid_t id) : id_(id) {}
Handle& Handle::operator=(Handle&& o) noexcept {
  if (this != &o) {
    reset();
    id_ = o.id_;
    o.id_ = -1;
  }
  return *this;
}
herr_t Handle::close() {
  if (id_ < 0) return 0;
  herr_t e = 0;
  switch (H5Iget_type(id_)) {
    case H5I_FILE:
      e = H5Fclose(id_);
      break;
    case H5I_GROUP:
      e = H5Gclose(id_);
      break;
    case H5I_DATASET:
      e = H5Dclose(id_);  // flushes the dataset's cached chunks: a full disk shows here
      break;
    case H5I_DATASPACE:
      e = H5Sclose(id_);
      break;
    case H5I_DATATYPE:
      e = H5Tclose(id_);
      break;
    case H5I_ATTR:
      e = H5Aclose(id_);
      break;
    case H5I_GENPROP_LST:
      e = H5Pclose(id_);
      break;
    default:
      break;
  }
  id_ = -1;
  if (e < 0) {
    ++g_close_errors;
    g_close_error = error_cause();
  }
  return e;
}

void Handle::reset() {
  close();
}

Handle create_file(const std::string& path) {
  // A user block of kUserBlock bytes before the HDF5 superblock: where seal() writes the
  // file's length and checksum once it is complete (HDF5 readers skip it).
  Handle fcpl(check(H5Pcreate(H5P_FILE_CREATE), "file creation properties"));
  check(H5Pset_userblock(fcpl, kUserBlock), "user block", 0);
  // Every object closed with the file, so that a failed close leaves nothing open for the
  // library's shutdown to flush again.
  Handle fapl(check(H5Pcreate(H5P_FILE_ACCESS), "file access properties"));
  check(H5Pset_fclose_degree(fapl, H5F_CLOSE_STRONG), "close degree", 0);
  check(H5Pset_libver_bounds(fapl, H5F_LIBVER_V18, H5F_LIBVER_LATEST), "format version", 0);
  return Handle(check(H5Fcreate(path.c_str(), H5F_ACC_TRUNC, fcpl, fapl), ("create " + path).c_str()));
}

void close_file(Handle& file) {
  const size_t before = g_close_errors;
  if (file.id() >= 0 && H5Fflush(file.id(), H5F_SCOPE_GLOBAL) < 0) {
    const std::string cause = error_cause();
    file.close();
    throw Error(cause);
  }
  if (file.close() < 0 || g_close_errors != before) throw Error(g_close_error);
}
Handle open_file_readonly(const std::string& path) {
  return Handle(check(H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), ("open " + path).c_str()));
}
Handle group(hid_t parent, const char* name) {
  return Handle(check(H5Gcreate2(parent, name, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT), name));
}

static Handle vlen_string() {
  Handle t(H5Tcopy(H5T_C_S1));
  H5Tset_size(t, H5T_VARIABLE);
  H5Tset_cset(t, H5T_CSET_UTF8);
  return t;
}

void attr(hid_t obj, const char* name, const std::string& value) {
  Handle t = vlen_string();
  Handle sp(H5Screate(H5S_SCALAR));
  Handle a(check(H5Acreate2(obj, name, t, sp, H5P_DEFAULT, H5P_DEFAULT), name));
  const char* p = value.c_str();
  check(H5Awrite(a, t, &p), name, 0);
}
template <class T>
static void scalar_attr(hid_t obj, const char* name, T value) {
  Handle sp(H5Screate(H5S_SCALAR));
  Handle a(check(H5Acreate2(obj, name, native<T>(), sp, H5P_DEFAULT, H5P_DEFAULT), name));
  check(H5Awrite(a, native<T>(), &value), name, 0);
}
void attr(hid_t obj, const char* name, int64_t value) {
  scalar_attr(obj, name, value);
}
void attr(hid_t obj, const char* name, double value) {
  scalar_attr(obj, name, value);
}

void typed_attr(hid_t dataset, const char* name, const std::vector<double>& values) {
  Handle type(check(H5Dget_type(dataset), name));
  const hsize_t n = values.size();
  Handle sp(H5Screate_simple(1, &n, nullptr));
  Handle a(check(H5Acreate2(dataset, name, type, sp, H5P_DEFAULT, H5P_DEFAULT), name));
  check(H5Awrite(a, H5T_NATIVE_DOUBLE, values.data()), name, 0);
}

void copy_attrs(hid_t from, hid_t to) {
  struct Ctx {
    hid_t to;
  } ctx{to};
  auto copy = [](hid_t loc, const char* name, const H5A_info_t*, void* data) -> herr_t {
    const std::string n = name;
    if (n == "CLASS" || n == "NAME" || n == "DIMENSION_LIST" || n == "REFERENCE_LIST") return 0;
    hid_t target = static_cast<Ctx*>(data)->to;
    if (H5Aexists(target, name) > 0) return 0;
    Handle a(H5Aopen(loc, name, H5P_DEFAULT));
    Handle type(H5Aget_type(a)), space(H5Aget_space(a));
    Handle mem(H5Tget_native_type(type, H5T_DIR_DEFAULT));
    const size_t bytes = H5Tget_size(mem) * static_cast<size_t>(std::max<hssize_t>(1, H5Sget_simple_extent_npoints(space)));
    std::vector<char> buf(bytes);
    if (H5Aread(a, mem, buf.data()) < 0) return -1;
    Handle b(H5Acreate2(target, name, type, space, H5P_DEFAULT, H5P_DEFAULT));
    const herr_t w = H5Awrite(b, mem, buf.data());
    if (H5Tis_variable_str(mem) > 0) H5Dvlen_reclaim(mem, space, H5P_DEFAULT, buf.data());
    return w < 0 ? -1 : 0;
  };
  check(H5Aiterate2(from, H5_INDEX_NAME, H5_ITER_INC, nullptr, copy, &ctx), "copying attributes", 0);
}

void text_dataset(hid_t parent, const char* name, const std::string& text, const std::string& long_name) {
  Handle t = vlen_string();
  Handle sp(H5Screate(H5S_SCALAR));
  Handle d(check(H5Dcreate2(parent, name, t, sp, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT), name));
  const char* p = text.c_str();
  check(H5Dwrite(d, t, H5S_ALL, H5S_ALL, H5P_DEFAULT, &p), name, 0);
  attr(d, "long_name", long_name);
}

Handle string_dataset(hid_t parent, const char* name, const std::vector<std::string>& values) {
  Handle t = vlen_string();
  const hsize_t n = values.size();
  Handle sp(H5Screate_simple(1, &n, nullptr));
  Handle d(check(H5Dcreate2(parent, name, t, sp, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT), name));
  std::vector<const char*> ptrs;
  for (const auto& v : values) ptrs.push_back(v.c_str());
  if (n) check(H5Dwrite(d, t, H5S_ALL, H5S_ALL, H5P_DEFAULT, ptrs.data()), name, 0);
  return d;
}

template <class T>
Handle dataset(hid_t parent, const char* name, const std::vector<T>& data, std::vector<hsize_t> dims) {
  Handle sp(H5Screate_simple(static_cast<int>(dims.size()), dims.data(), nullptr));
  Handle d(check(H5Dcreate2(parent, name, native<T>(), sp, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT), name));
  if (!data.empty()) check(H5Dwrite(d, native<T>(), H5S_ALL, H5S_ALL, H5P_DEFAULT, data.data()), name, 0);
  return d;
}
template Handle dataset(hid_t, const char*, const std::vector<double>&, std::vector<hsize_t>);
template Handle dataset(hid_t, const char*, const std::vector<int64_t>&, std::vector<hsize_t>);
template Handle dataset(hid_t, const char*, const std::vector<int32_t>&, std::vector<hsize_t>);

// An empty column is chunked along an unlimited dimension (netCDF has no fixed dimension of
// length 0); a small one is kept in its object header (compact: a chunked dataset's index made
// a run file 40% larger, issue 20), a large one contiguous.
static Handle unlimited_1d(hid_t parent, const char* name, hid_t type, hsize_t n) {
  Handle dcpl(H5Pcreate(H5P_DATASET_CREATE));
  if (n == 0) {
    const hsize_t max = H5S_UNLIMITED, chunk = 64;
    Handle sp(H5Screate_simple(1, &n, &max));
    check(H5Pset_chunk(dcpl, 1, &chunk), name, 0);
    return Handle(check(H5Dcreate2(parent, name, type, sp, H5P_DEFAULT, dcpl, H5P_DEFAULT), name));
  }
  Handle sp(H5Screate_simple(1, &n, nullptr));
  if (n * H5Tget_size(type) <= 16384) check(H5Pset_layout(dcpl, H5D_COMPACT), name, 0);
  return Handle(check(H5Dcreate2(parent, name, type, sp, H5P_DEFAULT, dcpl, H5P_DEFAULT), name));
}

template <class T>
Handle column(hid_t parent, const char* name, const std::vector<T>& values) {
  Handle d = unlimited_1d(parent, name, native<T>(), values.size());
  if (!values.empty()) check(H5Dwrite(d, native<T>(), H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()), name, 0);
  return d;
}
template Handle column(hid_t, const char*, const std::vector<int64_t>&);
template Handle column(hid_t, const char*, const std::vector<double>&);

Handle string_column(hid_t parent, const char* name, const std::vector<std::string>& values) {
  Handle t = vlen_string();
  Handle d = unlimited_1d(parent, name, t, values.size());
  std::vector<const char*> p;
  for (const auto& v : values) p.push_back(v.c_str());
  if (!p.empty()) check(H5Dwrite(d, t, H5S_ALL, H5S_ALL, H5P_DEFAULT, p.data()), name, 0);
  return d;
}

void make_scale(hid_t scale, const char* name) {
  check(H5DSset_scale(scale, name), "set dimension scale", 0);
}
void attach(hid_t dataset, hid_t scale, unsigned dim) {
  check(H5DSattach_scale(dataset, scale, dim), "attach dimension scale", 0);
}

namespace {
uint64_t reference(hid_t obj) {
  hobj_ref_t ref = 0;
  check(H5Rcreate(&ref, obj, ".", H5R_OBJECT, -1), "object reference", 0);
  return static_cast<uint64_t>(ref);
}
template <class V>
V& entry(std::vector<std::pair<uint64_t, V>>& list, uint64_t key) {
  for (auto& [k, v] : list)
    if (k == key) return v;
  list.emplace_back(key, V{});
  return list.back().second;
}
}  // namespace

void Dimensions::attach(hid_t dataset, hid_t scale, unsigned dim) {
  const uint64_t d = reference(dataset), s = reference(scale);
  Attached& a = entry(datasets_, d);
  if (a.scales.empty()) {
    Handle space(H5Dget_space(dataset));
    a.scales.resize(static_cast<size_t>(std::max(1, H5Sget_simple_extent_ndims(space))));
  }
  a.scales.at(dim).push_back(s);
  entry(scales_, s).emplace_back(d, dim);
}

void Dimensions::write(hid_t file) {
  static_assert(sizeof(hobj_ref_t) == sizeof(uint64_t));
  // DIMENSION_LIST: per dimension, a variable-length list of object references to its scales.
  Handle vlen(H5Tvlen_create(H5T_STD_REF_OBJ));
  for (auto& [ref, a] : datasets_) {
    hobj_ref_t r = ref;
    Handle d(check(H5Rdereference2(file, H5P_DEFAULT, H5R_OBJECT, &r), "dereference"));
    std::vector<hvl_t> lists(a.scales.size());
    for (size_t k = 0; k < a.scales.size(); ++k) lists[k] = hvl_t{a.scales[k].size(), a.scales[k].data()};
    const hsize_t n = lists.size();
    Handle sp(H5Screate_simple(1, &n, nullptr));
    Handle at(check(H5Acreate2(d, "DIMENSION_LIST", vlen, sp, H5P_DEFAULT, H5P_DEFAULT), "DIMENSION_LIST"));
    check(H5Awrite(at, vlen, lists.data()), "DIMENSION_LIST", 0);
  }
  // REFERENCE_LIST: the datasets attached to a scale, with the dimension each is attached at.
  struct Back {
    hobj_ref_t ref;
    unsigned int dim;
  };
  Handle ct(H5Tcreate(H5T_COMPOUND, sizeof(Back)));
  H5Tinsert(ct, "dataset", HOFFSET(Back, ref), H5T_STD_REF_OBJ);
  H5Tinsert(ct, "dimension", HOFFSET(Back, dim), H5T_NATIVE_INT);
  for (auto& [ref, users] : scales_) {
    hobj_ref_t r = ref;
    Handle s(check(H5Rdereference2(file, H5P_DEFAULT, H5R_OBJECT, &r), "dereference"));
    std::vector<Back> rows;
    for (auto& [d, dim] : users) rows.push_back(Back{d, dim});
    const hsize_t n = rows.size();
    Handle sp(H5Screate_simple(1, &n, nullptr));
    Handle at(check(H5Acreate2(s, "REFERENCE_LIST", ct, sp, H5P_DEFAULT, H5P_DEFAULT), "REFERENCE_LIST"));
    check(H5Awrite(at, ct, rows.data()), "REFERENCE_LIST", 0);
  }
  datasets_.clear();
  scales_.clear();
}

template <class T>
Handle extendible(hid_t parent, const char* name, hsize_t cols) {
  hsize_t dims[2] = {0, cols}, maxdims[2] = {H5S_UNLIMITED, cols};
  int rank = cols ? 2 : 1;
  Handle sp(H5Screate_simple(rank, dims, maxdims));
  Handle plist(H5Pcreate(H5P_DATASET_CREATE));
  hsize_t chunk[2] = {1, std::min<hsize_t>(std::max<hsize_t>(cols, 1), 1 << 16)};
  if (!cols) chunk[0] = 64;
  H5Pset_chunk(plist, rank, chunk);
  if (cols) {
    H5Pset_shuffle(plist);
    H5Pset_deflate(plist, 4);
  }
  return Handle(check(H5Dcreate2(parent, name, native<T>(), sp, H5P_DEFAULT, plist, H5P_DEFAULT), name));
}

template <class T>
void append_row(hid_t d, const T* row, hsize_t cols) {
  Handle space(H5Dget_space(d));
  hsize_t dims[2];
  int rank = H5Sget_simple_extent_ndims(space);
  H5Sget_simple_extent_dims(space, dims, nullptr);
  hsize_t newdims[2] = {dims[0] + 1, cols};
  check(H5Dset_extent(d, newdims), "extend", 0);
  Handle fs(H5Dget_space(d));
  hsize_t start[2] = {dims[0], 0}, count[2] = {1, cols ? cols : 1};
  H5Sselect_hyperslab(fs, H5S_SELECT_SET, start, nullptr, count, nullptr);
  Handle ms(H5Screate_simple(rank == 2 ? 1 : 1, rank == 2 ? &count[1] : &count[0], nullptr));
  check(H5Dwrite(d, native<T>(), ms, fs, H5P_DEFAULT, row), "append", 0);
}

#define TRIBUNE_H5_EXT(T)                                     \
  template Handle extendible<T>(hid_t, const char*, hsize_t); \
  template void append_row<T>(hid_t, const T*, hsize_t);
TRIBUNE_H5_EXT(float)
TRIBUNE_H5_EXT(int64_t)
TRIBUNE_H5_EXT(int32_t)
TRIBUNE_H5_EXT(uint16_t)
TRIBUNE_H5_EXT(uint8_t)
TRIBUNE_H5_EXT(int8_t)
#undef TRIBUNE_H5_EXT

Handle chunked_doubles(hid_t parent, const char* name, const std::vector<hsize_t>& dims,
                       const std::vector<hsize_t>& chunk) {
  Handle sp(H5Screate_simple(static_cast<int>(dims.size()), dims.data(), nullptr));
  Handle plist(H5Pcreate(H5P_DATASET_CREATE));
  H5Pset_chunk(plist, static_cast<int>(chunk.size()), chunk.data());
  H5Pset_shuffle(plist);
  H5Pset_deflate(plist, 4);
  return Handle(check(H5Dcreate2(parent, name, H5T_NATIVE_DOUBLE, sp, H5P_DEFAULT, plist, H5P_DEFAULT), name));
}

void write_row(hid_t d, hsize_t row, const std::vector<double>& values) {
  Handle fs(H5Dget_space(d));
  const int rank = H5Sget_simple_extent_ndims(fs);
  std::vector<hsize_t> dims(static_cast<size_t>(rank));
  H5Sget_simple_extent_dims(fs, dims.data(), nullptr);
  std::vector<hsize_t> start(dims.size(), 0), count = dims;
  start[0] = row;
  count[0] = 1;
  H5Sselect_hyperslab(fs, H5S_SELECT_SET, start.data(), nullptr, count.data(), nullptr);
  const hsize_t n = values.size();
  Handle ms(H5Screate_simple(1, &n, nullptr));
  check(H5Dwrite(d, H5T_NATIVE_DOUBLE, ms, fs, H5P_DEFAULT, values.data()), "write row", 0);
}

std::vector<std::string> dataset_names(hid_t group) {  // in name order
  H5G_info_t info;
  H5Gget_info(group, &info);
  std::vector<std::string> names;
  for (hsize_t k = 0; k < info.nlinks; ++k) {
    char buf[512];
    if (H5Lget_name_by_idx(group, ".", H5_INDEX_NAME, H5_ITER_INC, k, buf, sizeof buf, H5P_DEFAULT) < 0) continue;
    const hid_t obj = H5Oopen(group, buf, H5P_DEFAULT);
    if (obj < 0) continue;
    if (H5Iget_type(obj) == H5I_DATASET) names.emplace_back(buf);
    H5Oclose(obj);
  }
  return names;
}

bool has_link(hid_t parent, const char* name) {
  return H5Lexists(parent, name, H5P_DEFAULT) > 0;
}

std::vector<double> read_doubles(hid_t parent, const char* name, std::vector<hsize_t>& dims) {
  Handle d(check(H5Dopen2(parent, name, H5P_DEFAULT), name));
  Handle sp(H5Dget_space(d));
  dims.assign(static_cast<size_t>(H5Sget_simple_extent_ndims(sp)), 0);
  H5Sget_simple_extent_dims(sp, dims.data(), nullptr);
  hsize_t n = 1;
  for (hsize_t x : dims) n *= x;
  std::vector<double> v(n);
  if (n) check(H5Dread(d, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, v.data()), name, 0);
  return v;
}

std::vector<std::string> read_strings(hid_t parent, const char* name) {
  Handle d(check(H5Dopen2(parent, name, H5P_DEFAULT), name));
  Handle sp(H5Dget_space(d));
  const hssize_t n = H5Sget_simple_extent_npoints(sp);
  std::vector<char*> ptrs(static_cast<size_t>(n), nullptr);
  Handle t = vlen_string();
  if (n) check(H5Dread(d, t, H5S_ALL, H5S_ALL, H5P_DEFAULT, ptrs.data()), name, 0);
  std::vector<std::string> out;
  for (char* p : ptrs) out.emplace_back(p ? p : "");
  if (n) H5Dvlen_reclaim(t, sp, H5P_DEFAULT, ptrs.data());
  return out;
}

bool has_attr(hid_t obj, const char* name) {
  return H5Aexists(obj, name) > 0;
}

std::string read_attr_string(hid_t obj, const char* name) {
  if (!has_attr(obj, name)) return "";
  Handle a(H5Aopen(obj, name, H5P_DEFAULT));
  Handle t(H5Aget_type(a));
  if (H5Tget_class(t) == H5T_STRING) {
    Handle mt = vlen_string();
    if (H5Tis_variable_str(t) > 0) {
      char* p = nullptr;
      H5Aread(a, mt, &p);
      std::string s = p ? p : "";
      H5free_memory(p);
      return s;
    }
    std::string s(H5Tget_size(t), '\0');
    H5Aread(a, t, s.data());
    return s.c_str();
  }
  if (H5Tget_class(t) == H5T_INTEGER) {
    int64_t v = 0;
    H5Aread(a, H5T_NATIVE_INT64, &v);
    return std::to_string(v);
  }
  double v = 0;
  H5Aread(a, H5T_NATIVE_DOUBLE, &v);
  char buf[64];
  snprintf(buf, sizeof buf, "%.6g", v);
  return buf;
}

}  // namespace tribune::h5
