# Conformance generated from the spec: gen_cases.py writes pages into the build tree (never into git),
# test_conformance feeds them through parsePage and the fixture importer; drift.py compares the spec's
# Admin paths and response properties with what Orgward stores (known-unmirrored.txt lists the rest).
find_package(Python3 REQUIRED COMPONENTS Interpreter)
# The shared reference copy when the checkout sits beside it; otherwise the copy kept in the repository, so a
# bare clone tests the same (refresh it from ../shared/reference when the spec is updated).
if(EXISTS "${CMAKE_SOURCE_DIR}/../shared/reference/openai-openapi.yaml")
  set(ORGWARD_SPEC_DEFAULT "${CMAKE_SOURCE_DIR}/../shared/reference/openai-openapi.yaml")
else()
  set(ORGWARD_SPEC_DEFAULT "${CMAKE_CURRENT_LIST_DIR}/openai-openapi.yaml")
endif()
set(ORGWARD_SPEC_FILE "${ORGWARD_SPEC_DEFAULT}" CACHE FILEPATH
  "The official OpenAPI spec the conformance tests are generated from")
set(ORGWARD_CONFORMANCE_CASES "${CMAKE_BINARY_DIR}/conformance/cases")

add_test(NAME conformance_generate
  COMMAND Python3::Interpreter ${CMAKE_CURRENT_LIST_DIR}/gen_cases.py ${ORGWARD_SPEC_FILE}
          ${ORGWARD_CONFORMANCE_CASES})
set_tests_properties(conformance_generate PROPERTIES FIXTURES_SETUP conformance_cases TIMEOUT 60
  LABELS conformance)

orgward_add_test(test_conformance SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_conformance.cpp
  LABELS conformance postgres TIMEOUT 120)
set_tests_properties(test_conformance PROPERTIES FIXTURES_REQUIRED conformance_cases)
set_property(TEST test_conformance APPEND PROPERTY ENVIRONMENT
  "ORGWARD_CONFORMANCE_CASES=${ORGWARD_CONFORMANCE_CASES}")

add_test(NAME conformance_drift
  COMMAND Python3::Interpreter ${CMAKE_CURRENT_LIST_DIR}/drift.py ${ORGWARD_SPEC_FILE})
add_test(NAME conformance_drift_selfcheck
  COMMAND Python3::Interpreter ${CMAKE_CURRENT_LIST_DIR}/drift.py --self-check ${ORGWARD_SPEC_FILE})
set_tests_properties(conformance_drift conformance_drift_selfcheck PROPERTIES TIMEOUT 60 LABELS conformance)
