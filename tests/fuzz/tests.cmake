# Replays of the fuzz targets in the normal build: each checked-in input (seeds/<name>/, and every crash
# found so far in regressions/<name>/) runs through the target's LLVMFuzzerTestOneInput once, under the
# same invariants, as a CTest test. The fuzzing itself needs clang: scripts/fuzz (ORGWARD_FUZZ=ON).
if(NOT ORGWARD_FUZZ)
  include(${CMAKE_CURRENT_LIST_DIR}/targets.cmake)
  foreach(t ${ORGWARD_FUZZ_TARGETS})
    add_executable(fuzzreplay_${t} ${CMAKE_CURRENT_LIST_DIR}/fuzz_${t}.cpp ${CMAKE_CURRENT_LIST_DIR}/replay_main.cpp)
    target_link_libraries(fuzzreplay_${t} PRIVATE orgward_core orgward_common)
    target_compile_definitions(fuzzreplay_${t} PRIVATE ORGWARD_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
    add_test(NAME fuzzreplay_${t} COMMAND fuzzreplay_${t} ${CMAKE_CURRENT_LIST_DIR}/seeds/${t}
                                          ${CMAKE_CURRENT_LIST_DIR}/regressions/${t})
    set_tests_properties(fuzzreplay_${t} PROPERTIES TIMEOUT 300 LABELS "fuzz"
      ENVIRONMENT "QT_QPA_PLATFORM=offscreen;LANG=C.UTF-8;LC_ALL=C.UTF-8;TZ=UTC")
  endforeach()
endif()
