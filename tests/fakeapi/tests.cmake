# The local Admin API server: a static library for in-process tests, plus orgward-fakeapi for
# tests that run orgward as a child process and for benchmarks.
add_library(orgward_fakeapi STATIC ${CMAKE_CURRENT_LIST_DIR}/fakeapiserver.cpp ${CMAKE_CURRENT_LIST_DIR}/fakeapiserver.h)
target_include_directories(orgward_fakeapi PUBLIC ${CMAKE_CURRENT_LIST_DIR})
target_link_libraries(orgward_fakeapi PUBLIC orgward_core orgward_common Qt6::HttpServer Qt6::Network)

add_executable(orgward-fakeapi ${CMAKE_CURRENT_LIST_DIR}/main.cpp)
target_link_libraries(orgward-fakeapi PRIVATE orgward_fakeapi orgward_core orgward_common)

orgward_add_test(test_fakeapi SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_fakeapi.cpp LIBS orgward_fakeapi LABELS sync)
