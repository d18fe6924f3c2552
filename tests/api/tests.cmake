# The Admin API client: the URL policy for anything that carries the admin key, same-origin redirects only,
# and the org check going through the same client (and headers) as the sync.
orgward_add_test(test_apiclient SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_apiclient.cpp LIBS orgward_fakeapi LABELS api security)
orgward_add_test(test_orgcheck SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_orgcheck.cpp LIBS orgward_fakeapi LABELS api security)
