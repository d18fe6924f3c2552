# Item models over the store and the finance queries behind the charts.
orgward_add_test(test_models SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_models.cpp LIBS orgward_models Qt6::Gui LABELS models)
