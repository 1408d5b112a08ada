# The git commit goes into every output file's provenance. It is read at configure time;
# a dirty tree is marked so that results from uncommitted code are recognisable.
execute_process(COMMAND git describe --always --dirty --abbrev=12
                WORKING_DIRECTORY ${CMAKE_SOURCE_DIR}
                OUTPUT_VARIABLE TRIBUNE_GIT_COMMIT OUTPUT_STRIP_TRAILING_WHITESPACE
                ERROR_QUIET)
if(NOT TRIBUNE_GIT_COMMIT)
  set(TRIBUNE_GIT_COMMIT "unknown")
endif()
configure_file(${CMAKE_SOURCE_DIR}/sim/core/version.h.in ${CMAKE_BINARY_DIR}/generated/tribune/core/version.h @ONLY)
