# The console per role: PostgreSQL login roles in each console group, and SQLite auditor mode.
orgward_add_test(test_rolesgui SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_rolesgui.cpp LIBS orgward_ui orgward_models orgward_fakeapi LABELS gui security postgres TIMEOUT 600)
