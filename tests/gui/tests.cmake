# Offscreen GUI tests: every pane on the fixture org, one screenshot per pane in ${build}/screenshots.
orgward_add_test(test_panes SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_panes.cpp LIBS orgward_ui orgward_models LABELS gui TIMEOUT 600)
orgward_add_test(test_syncwindow SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_syncwindow.cpp LIBS orgward_ui orgward_models orgward_fakeapi LABELS gui TIMEOUT 600)
orgward_add_test(test_connect SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_connect.cpp LIBS orgward_ui orgward_models LABELS gui TIMEOUT 300)
orgward_add_test(test_orgswitch SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_orgswitch.cpp LIBS orgward_ui orgward_models LABELS gui TIMEOUT 300)
# Row history in the console: entity panes as of an instant, the Changes pane (SQLite window; models on both engines).
orgward_add_test(test_history_gui SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_history_gui.cpp LIBS orgward_ui orgward_models LABELS gui TIMEOUT 600)
# The Reports pane: previews, exports with their journal entries, evidence bundles, Cancel, read-only.
orgward_add_test(test_reports_gui SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_reports_gui.cpp LIBS orgward_ui orgward_models LABELS gui TIMEOUT 600)
# The Budgets pane (issue #15): evaluation, crossings announced once, the editor dialog; screenshots.
orgward_add_test(test_budgetspane SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_budgetspane.cpp LIBS orgward_ui orgward_models LABELS gui TIMEOUT 300)
