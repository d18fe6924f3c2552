# Console benchmark (not a CTest test: it needs a generated 100k-member org). Usage:
#   orgward fixtures generate --scale 100 --users 100000 --keys 120000 --out /tmp/big
#   (--keys counts keys created; those of archived projects cannot be listed: ~102k are stored)
#   orgward import /tmp/big --db sqlite:///tmp/big.db
#   QT_QPA_PLATFORM=offscreen orgward-bench-console --db sqlite:///tmp/big.db --sync-fixtures fixtures \
#     --live-sync --live-scale 100 --live-users 100000 --live-keys 120000 > bench.json
# --live-sync serves a generated org from the local Admin API server (on its own thread) and syncs it
# through SyncRunner into the same store: "gui_stall_during_live_sync_ms" is the longest GUI stall then.
# (For a quick check on a small org: --live-scale 1 --live-users 0 --live-keys 0.)
add_executable(orgward-bench-console ${CMAKE_CURRENT_LIST_DIR}/bench_console.cpp)
target_link_libraries(orgward-bench-console PRIVATE orgward_ui orgward_models orgward_fakeapi orgward_core orgward_common)
# Report benchmark (issue #14): the access review of the same 100k-member org as PDF; prints JSON.
#   QT_QPA_PLATFORM=offscreen orgward-bench-report --db sqlite:///tmp/big.db --report access-review
add_executable(orgward-bench-report ${CMAKE_CURRENT_LIST_DIR}/bench_report.cpp)
target_link_libraries(orgward-bench-report PRIVATE orgward_core orgward_common)
