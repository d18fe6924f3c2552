# Auditors' evidence: the tamper-evident journal (both engines, the CLI, two processes).
orgward_add_test(test_journal SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_journal.cpp LIBS SQLite::SQLite3 LABELS compliance postgres)
add_dependencies(test_journal orgward)
orgward_add_test(test_history SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_history.cpp LIBS orgward_fakeapi LABELS compliance postgres)
# How far back the local audit log reaches compared with the API (both engines, the roles' view).
orgward_add_test(test_auditreach SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_auditreach.cpp LABELS compliance postgres)
# Reports as PDF (pdftotext), CSV and JSON; the report command (issue #14).
orgward_add_test(test_reportrender SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_reportrender.cpp LABELS compliance postgres)
add_dependencies(test_reportrender orgward)
orgward_add_test(test_reports_access SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_reports_access.cpp LABELS compliance postgres)
# Signed evidence bundles (both engines, the CLI with the real keychain, offline verification, pdftotext).
orgward_add_test(test_evidence SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_evidence.cpp LIBS PkgConfig::LIBZIP LABELS compliance postgres TIMEOUT 900)
add_dependencies(test_evidence orgward)
# The admin-activity, residency, data-governance and SOC 2 report builders (both engines, fixture org).
orgward_add_test(test_reports_activity SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_reports_activity.cpp LABELS compliance postgres)
orgward_add_test(test_redaction SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_redaction.cpp LABELS compliance)
orgward_add_test(test_sampling SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_sampling.cpp LABELS compliance postgres)
add_dependencies(test_sampling orgward)
