#pragma once
// A thin layer over the HDF5 C API: owned handles and the few write patterns tribune uses.
#include <hdf5.h>

#include <cstdint>
#include <mutex>
#include <stdexcept>
#include <string>
#include <vector>

namespace tribune::h5 {

// The HDF5 library as built by Debian is not thread-safe: whoever calls it from more than one
// thread (the local sweep runner) holds this lock around every call, handle closes included.
std::mutex& library_mutex();

// A failed HDF5 call: what was being done and the cause (the system's, when there is one: "No
// space left on device").
struct Error : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// The cause recorded on the HDF5 error stack by the last failed call, in one line; clears it.
std::string error_cause();

// Failed closes so far (a dataset's close writes its cached chunks, so a full disk can show up
// only there, in a destructor that cannot throw), and the last one's cause. Writers compare
// the count before and after their work, under library_mutex().
size_t close_errors();
const std::string& last_close_error();

// Bytes reserved before the HDF5 superblock of files tribune writes (see io/seal.h).
inline constexpr hsize_t kUserBlock = 512;

// An hid_t closed with the right H5*close when it goes out of scope.
class Handle {
 public:
  Handle() = default;
  explicit Handle(hid_t id);
  Handle(const Handle&) = delete;
  Handle& operator=(const Handle&) = delete;
  Handle(Handle&& o) noexcept : id_(o.id_) { o.id_ = -1; }
  Handle& operator=(Handle&& o) noexcept;
  ~Handle() { reset(); }
  hid_t id() const { return id_; }
  operator hid_t() const { return id_; }
  void reset();    // close, a failure counted in close_errors()
  herr_t close();  // the same, returning the close's status

 private:
  hid_t id_ = -1;
};

Handle create_file(const std::string& path);  // with the user block, closing strongly
// Flush and close a file written to, throwing Error with the cause when anything fails (the
// handle is closed either way).
void close_file(Handle& file);
Handle open_file_readonly(const std::string& path);
Handle group(hid_t parent, const char* name);  // create

void attr(hid_t obj, const char* name, const std::string& value);
void attr(hid_t obj, const char* name, int64_t value);
void attr(hid_t obj, const char* name, double value);
// A 1-D attribute of the dataset's own element type holding `values` (converted): CF's
// valid_range and flag_values.
void typed_attr(hid_t dataset, const char* name, const std::vector<double>& values);
// Every attribute of `from` that `to` does not have yet, copied (dimension-scale bookkeeping
// excepted: CLASS, NAME, DIMENSION_LIST, REFERENCE_LIST).
void copy_attrs(hid_t from, hid_t to);

// A 1-D dataset of variable-length UTF-8 strings.
Handle string_dataset(hid_t parent, const char* name, const std::vector<std::string>& values);

// A scalar variable-length UTF-8 string dataset, with its `long_name`.
void text_dataset(hid_t parent, const char* name, const std::string& text, const std::string& long_name);

// 1-D and 2-D datasets (row-major), contiguous.
template <class T>
Handle dataset(hid_t parent, const char* name, const std::vector<T>& data, std::vector<hsize_t> dims);

// 1-D datasets: event tables' columns. One with no rows lies along an unlimited dimension
// (netCDF has no fixed dimension of length 0).
template <class T>
Handle column(hid_t parent, const char* name, const std::vector<T>& values);
Handle string_column(hid_t parent, const char* name, const std::vector<std::string>& values);

// Mark `scale` as the dimension scale `name` and attach it to dimension `dim` of each dataset.
void make_scale(hid_t scale, const char* name);
void attach(hid_t dataset, hid_t scale, unsigned dim);

// Dimension scales attached in bulk. H5DSattach_scale rewrites the dataset's DIMENSION_LIST and
// the scale's whole REFERENCE_LIST on every call, which made attaching most of the cost of
// writing a run file; this records the attachments and writes each attribute once, in the
// layout of the HDF5 high-level library (so h5py, netCDF tools and xarray read them as theirs).
// Scales must already be scales (make_scale); every object must still exist at write().
class Dimensions {
 public:
  void attach(hid_t dataset, hid_t scale, unsigned dim);
  void write(hid_t file);

 private:
  struct Attached {
    std::vector<std::vector<uint64_t>> scales;  // per dimension of the dataset: scale references
  };
  std::vector<std::pair<uint64_t, Attached>> datasets_;                                  // by reference
  std::vector<std::pair<uint64_t, std::vector<std::pair<uint64_t, unsigned>>>> scales_;  // (dataset, dim)
};

// Extendible 2-D dataset [0 x cols] chunked by rows and compressed; append_row adds one row.
template <class T>
Handle extendible(hid_t parent, const char* name, hsize_t cols);
template <class T>
void append_row(hid_t dataset, const T* row, hsize_t cols);

// A chunked, shuffled and deflated float64 dataset of `dims` (chunks of `chunk`), for writing
// row by row with write_row.
Handle chunked_doubles(hid_t parent, const char* name, const std::vector<hsize_t>& dims,
                       const std::vector<hsize_t>& chunk);
// Write values into the slab [row, row + 1) along the first dimension.
void write_row(hid_t dataset, hsize_t row, const std::vector<double>& values);

// Readers used by `tribune info` and `tribune sweep merge`.
std::vector<std::string> dataset_names(hid_t group);  // the datasets directly in a group
bool has_link(hid_t parent, const char* name);
std::vector<double> read_doubles(hid_t parent, const char* name, std::vector<hsize_t>& dims);
std::vector<std::string> read_strings(hid_t parent, const char* name);
std::string read_attr_string(hid_t obj, const char* name);
bool has_attr(hid_t obj, const char* name);

template <class T>
hid_t native();

}  // namespace tribune::h5
