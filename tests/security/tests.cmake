# Secrets, profiles, vault and roles.
orgward_add_test(test_sanitizer SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_sanitizer.cpp LABELS security)
orgward_add_test(test_vault SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_vault.cpp LABELS security)
orgward_add_test(test_secretstore SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_secretstore.cpp LABELS security)
orgward_add_test(test_orgprofiles SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_orgprofiles.cpp LABELS security)
orgward_add_test(test_roles SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_roles.cpp LABELS security postgres)
orgward_add_test(test_secretscan SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_secretscan.cpp LIBS orgward_fakeapi orgward_models LABELS security postgres TIMEOUT 900)
add_dependencies(test_secretscan orgward)
orgward_add_test(test_orgprofilesdialog GUI SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_orgprofilesdialog.cpp LIBS orgward_ui LABELS security ui)
