# Helpers shared by every directory's CMakeLists.txt.

# sunwai_service(NAME sunwai-ingest CORE ingest)
# Every .c in the directory except main.c becomes the static library
# sunwai_<CORE>_core, which the executable and the tests
# (tests/*/test_<CORE>_*.c) link; main.c becomes the program in build/bin.
function(sunwai_service)
  cmake_parse_arguments(S "" "NAME;CORE" "LIBS" ${ARGN})
  file(GLOB sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*.c)
  list(REMOVE_ITEM sources ${CMAKE_CURRENT_SOURCE_DIR}/main.c)
  set(core sunwai_${S_CORE}_core)
  if(sources)
    add_library(${core} STATIC ${sources})
    target_include_directories(${core} PUBLIC ${CMAKE_CURRENT_SOURCE_DIR})
    target_link_libraries(${core} PUBLIC sunwai ${S_LIBS})
  else()
    add_library(${core} INTERFACE)
    target_include_directories(${core} INTERFACE ${CMAKE_CURRENT_SOURCE_DIR})
    target_link_libraries(${core} INTERFACE sunwai ${S_LIBS})
  endif()
  add_executable(${S_NAME} main.c)
  target_link_libraries(${S_NAME} PRIVATE ${core})
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
