# Auditors' evidence: the tamper-evident journal (both engines, the CLI, two processes).
orgward_add_test(test_journal SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_journal.cpp LIBS SQLite::SQLite3 LABELS compliance postgres)
add_dependencies(test_journal orgward)
orgward_add_test(test_history SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_history.cpp LIBS orgward_fakeapi LABELS compliance postgres)
# How far back the local audit log reaches compared with the API (both engines, the roles' view).
orgward_add_test(test_auditreach SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_auditreach.cpp LABELS compliance postgres)
