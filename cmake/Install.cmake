# Installation rules: `cmake --install <build> [--prefix <dir>]` installs
#   bin/fearless                       the checker (CLI and language server)
#   include/fearless.h                 the annotations (header-only)
#   include/fearless/*.h               the runtime's API
#   lib/libfearless.a, libfearless.so  the runtime, static and shared
#   lib/cmake/fearless/                find_package(fearless): fearless::runtime (shared),
#                                      fearless::runtime_static, fearless::annotations
#   lib/pkgconfig/fearless.pc          pkg-config --cflags --libs fearless
# Included from the top-level CMakeLists.txt after every part is added (it names their
# targets). The guard makes a second include harmless.
include_guard(GLOBAL)
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(FEARLESS_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/fearless)

# The annotations: header-only, usable without the runtime.
add_library(fearless_annotations INTERFACE)
target_include_directories(fearless_annotations INTERFACE
  $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/annotations>
  $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>)
set_target_properties(fearless_annotations PROPERTIES EXPORT_NAME annotations)
add_library(fearless::annotations ALIAS fearless_annotations)

install(TARGETS fearless RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES ${PROJECT_SOURCE_DIR}/annotations/fearless.h
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/fearless
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} FILES_MATCHING PATTERN "*.h")

# The runtime, both ways. fearless::runtime is the shared library, like `-lfearless`.
set_target_properties(fearless_runtime_shared PROPERTIES EXPORT_NAME runtime)
set_target_properties(fearless_runtime PROPERTIES EXPORT_NAME runtime_static)
install(TARGETS fearless_runtime fearless_runtime_shared fearless_annotations
        EXPORT fearlessTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
        RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(EXPORT fearlessTargets NAMESPACE fearless:: DESTINATION ${FEARLESS_CMAKE_DIR})

configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/fearlessConfig.cmake.in
  ${PROJECT_BINARY_DIR}/cmake/fearlessConfig.cmake INSTALL_DESTINATION ${FEARLESS_CMAKE_DIR})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/cmake/fearlessConfigVersion.cmake
  VERSION ${PROJECT_VERSION} COMPATIBILITY SameMajorVersion)
install(FILES ${PROJECT_BINARY_DIR}/cmake/fearlessConfig.cmake
              ${PROJECT_BINARY_DIR}/cmake/fearlessConfigVersion.cmake
        DESTINATION ${FEARLESS_CMAKE_DIR})

# pkg-config: paths relative to the .pc file, so `--prefix` at install time still works.
file(RELATIVE_PATH FEARLESS_PC_TO_PREFIX
     /prefix/${CMAKE_INSTALL_LIBDIR}/pkgconfig /prefix)
configure_file(${PROJECT_SOURCE_DIR}/cmake/fearless.pc.in
               ${PROJECT_BINARY_DIR}/cmake/fearless.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/cmake/fearless.pc
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
