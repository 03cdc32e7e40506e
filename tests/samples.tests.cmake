# samples.tests.cmake: the bundled corpus is checked two ways.
#  samples/gold      extraction of samples/ against the hand-made gold
#                    triples (tests/samples/gold.jsonl); the floors sit just
#                    under the measured figures, so a rule change that loses
#                    quality fails here (README "Quality" has the numbers).
#  samples/expectations  the facts of tests/samples/expectations.md, on a
#                    store loaded from the gold (store and view semantics).
add_test(NAME samples/gold
         COMMAND corpgraph eval --gold ${CMAKE_CURRENT_SOURCE_DIR}/samples/gold.jsonl
                 ${CMAKE_SOURCE_DIR}/samples --min-precision 0.85 --min-recall 0.48)
add_test(NAME samples/expectations
         COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/cli/run.sh
                 $<TARGET_FILE_DIR:corpgraph> ${CMAKE_SOURCE_DIR}
                 ${CMAKE_CURRENT_SOURCE_DIR}/samples/expectations.case)
