# Finance (issue #15): budgets, forecasts, allocation (both engines, the CLI).
orgward_add_test(test_budget SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_budget.cpp LIBS Qt6::HttpServer LABELS finance postgres)
add_dependencies(test_budget orgward)
orgward_add_test(test_forecast SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_forecast.cpp LABELS finance)
orgward_add_test(test_allocation SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_allocation.cpp LABELS finance postgres)
orgward_add_test(test_modelpolicy SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_modelpolicy.cpp LABELS finance postgres)
