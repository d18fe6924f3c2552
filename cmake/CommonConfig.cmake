# One INTERFACE target carries the language level, warnings and strict Qt macros; every target links it.
add_library(orgward_common INTERFACE)
target_compile_features(orgward_common INTERFACE cxx_std_20)
target_compile_options(orgward_common INTERFACE -Wall -Wextra -Wpedantic)
if(ORGWARD_WERROR OR CMAKE_BUILD_TYPE STREQUAL "Debug" OR DEFINED ENV{CI})
  target_compile_options(orgward_common INTERFACE -Werror)
endif()
# Sanitizers. UB must fail the test that hits it (-fno-sanitize-recover), not print and carry on.
string(TOLOWER "${ORGWARD_SANITIZE}" ORGWARD_SANITIZE_KIND)
if(ORGWARD_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "ORGWARD_FUZZ needs clang (configure with -DCMAKE_CXX_COMPILER=clang++)")
  endif()
  # Everything is instrumented for coverage; only the fuzz targets link libFuzzer's main (tests/fuzz).
  set(ORGWARD_SANITIZER_FLAGS -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined)
  set(ORGWARD_SANITIZER_LINK_FLAGS -fsanitize=address,undefined)
elseif(ORGWARD_SANITIZE_KIND STREQUAL "thread")
  set(ORGWARD_SANITIZER_FLAGS -fsanitize=thread)
  set(ORGWARD_SANITIZER_LINK_FLAGS -fsanitize=thread)
elseif(ORGWARD_SANITIZE_KIND STREQUAL "address" OR ORGWARD_SANITIZE)
  set(ORGWARD_SANITIZER_FLAGS -fsanitize=address,undefined -fno-sanitize-recover=undefined)
  set(ORGWARD_SANITIZER_LINK_FLAGS -fsanitize=address,undefined)
endif()
if(ORGWARD_SANITIZER_FLAGS)
  target_compile_options(orgward_common INTERFACE ${ORGWARD_SANITIZER_FLAGS} -fno-omit-frame-pointer)
  target_link_options(orgward_common INTERFACE ${ORGWARD_SANITIZER_LINK_FLAGS})
endif()
target_compile_definitions(orgward_common INTERFACE
  QT_NO_CAST_FROM_ASCII
  QT_NO_CAST_TO_ASCII
  QT_NO_CAST_FROM_BYTEARRAY
  QT_NO_CONTEXTLESS_CONNECT
  QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
  QT_NO_URL_CAST_FROM_STRING
  QT_USE_QSTRINGBUILDER
  QT_STRICT_ITERATORS
  QT_MESSAGELOGCONTEXT
  QT_DISABLE_DEPRECATED_UP_TO=0x060400
  ORGWARD_VERSION="${PROJECT_VERSION}")

# Precompiled Qt headers: the heaviest part of every translation unit, shared by all targets.
function(orgward_pch target)
  target_precompile_headers(${target} PRIVATE <QtCore/QtCore> <QtSql/QtSql> <QtNetwork/QtNetwork>)
endfunction()
