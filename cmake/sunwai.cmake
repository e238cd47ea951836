# Helpers shared by every directory's CMakeLists.txt.

# sunwai_service(NAME sunwai-ingest SOURCES main.c ingest.c ...)
# One executable in build/bin, linked with the shared library.
function(sunwai_service)
  cmake_parse_arguments(S "" "NAME" "SOURCES;LIBS" ${ARGN})
  add_executable(${S_NAME} ${S_SOURCES})
  target_link_libraries(${S_NAME} PRIVATE sunwai ${S_LIBS})
endfunction()

# sunwai_embed(OUTPUT file.c SYMBOL name FILES a.sql b.sql)
# Generates a C file holding each file's name and bytes, so that a binary
# carries its migrations (or any data) and needs no path at run time.
function(sunwai_embed)
  cmake_parse_arguments(E "" "OUTPUT;SYMBOL" "FILES" ${ARGN})
  add_custom_command(
    OUTPUT ${E_OUTPUT}
    COMMAND ${CMAKE_COMMAND} -DOUTPUT=${E_OUTPUT} -DSYMBOL=${E_SYMBOL}
            "-DFILES=${E_FILES}" -P ${PROJECT_SOURCE_DIR}/cmake/embed.cmake
    DEPENDS ${E_FILES} ${PROJECT_SOURCE_DIR}/cmake/embed.cmake
    COMMENT "Embedding ${E_SYMBOL}"
    VERBATIM)
endfunction()
