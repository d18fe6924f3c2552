orgward_add_test(test_migrations SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_migrations.cpp LABELS store)
orgward_add_test(test_import SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_import.cpp LABELS store TIMEOUT 600)
orgward_add_test(test_database SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_database.cpp LABELS store)
orgward_add_test(test_memberstats SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_memberstats.cpp LABELS store postgres)
