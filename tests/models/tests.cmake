# Item models over the store and the finance queries behind the charts.
orgward_add_test(test_models SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_models.cpp LIBS orgward_models Qt6::Gui LABELS models)
# CSV exports: formula cells, RFC 4180, UTF-8, owner-only files, cancel.
orgward_add_test(test_csvexport SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_csvexport.cpp LIBS orgward_models LABELS models security)
