orgward_add_test(test_sync SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_sync.cpp ${CMAKE_CURRENT_LIST_DIR}/syncfixture.h
                 LIBS orgward_fakeapi LABELS sync TIMEOUT 600)
orgward_add_test(test_sync_process SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_sync_process.cpp ${CMAKE_CURRENT_LIST_DIR}/syncfixture.h
                 LIBS orgward_fakeapi LABELS sync TIMEOUT 900)
add_dependencies(test_sync_process orgward)
# The benchmark's bulk references talk to the engines natively: COPY through libpq (only here; Qt's
# QPSQL has no COPY API) and prepared statements through the sqlite3 C API.
add_executable(orgward-bench-sync ${CMAKE_CURRENT_LIST_DIR}/bench_sync.cpp)
target_link_libraries(orgward-bench-sync PRIVATE orgward_core orgward_common PostgreSQL::PostgreSQL SQLite::SQLite3)
target_compile_definitions(orgward-bench-sync PRIVATE ORGWARD_BINARY_DIR="${CMAKE_BINARY_DIR}")
add_dependencies(orgward-bench-sync orgward-fakeapi)
orgward_add_test(test_multiorg SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_multiorg.cpp ${CMAKE_CURRENT_LIST_DIR}/syncfixture.h
                 LIBS orgward_fakeapi LABELS sync TIMEOUT 600)
