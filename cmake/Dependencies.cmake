# Every dependency comes from Debian 12's packages (scripts/debian-packages.txt).
find_package(OpenMP REQUIRED)            # benchmarks/triad.cpp only; the engine has its own pool (core/parallel.h)
set(THREADS_PREFER_PTHREAD_FLAG ON)
find_package(Threads REQUIRED)
find_package(yaml-cpp REQUIRED)
find_package(HDF5 REQUIRED COMPONENTS C HL)
find_package(Boost 1.74 REQUIRED)          # Boost.Random is header-only
find_package(Eigen3 3.4 REQUIRED NO_MODULE)
find_package(CLI11 REQUIRED)
find_package(ZLIB REQUIRED)                # CRC-32 of finished output files (io/seal.cpp)
find_path(RANDOM123_INCLUDE_DIR Random123/philox.h REQUIRED)
if(TRIBUNE_TESTS)
  find_package(Catch2 2 REQUIRED)
endif()
