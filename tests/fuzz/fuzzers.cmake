# libFuzzer targets (configure with clang and -DORGWARD_FUZZ=ON; scripts/fuzz does). orgward_core and
# everything else are built with -fsanitize=fuzzer-no-link,address,undefined (cmake/CommonConfig.cmake);
# only these executables link libFuzzer's main. Each target's name is fuzz_<name> for fuzz_<name>.cpp.
include(${CMAKE_CURRENT_LIST_DIR}/targets.cmake)
foreach(t ${ORGWARD_FUZZ_TARGETS})
  add_executable(fuzz_${t} ${CMAKE_CURRENT_LIST_DIR}/fuzz_${t}.cpp)
  target_link_libraries(fuzz_${t} PRIVATE orgward_core orgward_common)
  target_compile_definitions(fuzz_${t} PRIVATE ORGWARD_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
  target_link_options(fuzz_${t} PRIVATE -fsanitize=fuzzer)
endforeach()
add_executable(fuzz_make_seeds ${CMAKE_CURRENT_LIST_DIR}/make_seeds.cpp)
target_link_libraries(fuzz_make_seeds PRIVATE orgward_core orgward_common)
