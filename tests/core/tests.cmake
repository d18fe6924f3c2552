orgward_add_test(test_decimal SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_decimal.cpp LABELS core)
orgward_add_test(test_pageparser SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_pageparser.cpp LABELS core)
orgward_add_test(test_cli SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_cli.cpp LABELS core)
add_dependencies(test_cli orgward)
