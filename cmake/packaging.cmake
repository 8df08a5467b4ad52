# Install layout extras and CPack: `cpack -G DEB` in a build directory makes
# casefile_<version>-<release>_<arch>.deb (tests/packaging_test.sh installs,
# upgrades and purges it). The package installs to /usr:
#   /usr/bin/casefile
#   /usr/lib/systemd/system/casefile.service   (DynamicUser system service)
#   /usr/lib/systemd/user/casefile.service     (systemctl --user)
#   /usr/share/casefile/casefile.example.toml
#   /usr/share/doc/casefile/README.md
# It ships no file under /etc or /var: the config (/etc/casefile/config.toml)
# is the VA's, and the store (/var/lib/private/casefile, reached through
# /var/lib/casefile) is created by systemd when the service first starts.

install(FILES ${PROJECT_SOURCE_DIR}/README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})

set(CPACK_PACKAGE_NAME casefile)
set(CPACK_PACKAGE_VENDOR "casefile")
set(CPACK_PACKAGE_CONTACT "casefile maintainers <maintainers@casefile.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "documented mail record for freelance virtual assistants")
set(CPACK_PACKAGE_DESCRIPTION
    "casefile keeps every client message exactly as received, threaded per client,\n"
    "with the deadlines and scope changes each client asked for, in an append-only\n"
    "hash-chained ledger. It runs as a hardened systemd service (system or user),\n"
    "reads IMAP without changing anything on the server, sends a daily digest,\n"
    "and exports a client's history as a verifiable evidence bundle.")
string(REPLACE ";" "" CPACK_PACKAGE_DESCRIPTION "${CPACK_PACKAGE_DESCRIPTION}")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_GENERATOR DEB)
set(CPACK_SOURCE_GENERATOR "")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
# Only the runtime: no test binaries, no benchmarks (nothing else installs).
set(CPACK_STRIP_FILES ON)

set(CPACK_DEBIAN_PACKAGE_NAME casefile)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
# The Debian revision; tests/packaging_test.sh builds two (-D ...RELEASE=) to
# exercise an upgrade.
if(NOT CPACK_DEBIAN_PACKAGE_RELEASE)
  set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
endif()
set(CPACK_DEBIAN_PACKAGE_SECTION mail)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://casefile.invalid/")
# Library dependencies come from dpkg-shlibdeps (package dpkg-dev) when it is
# there; otherwise from this list, checked against Debian 12's names.
find_program(CASEFILE_DPKG_SHLIBDEPS dpkg-shlibdeps)
if(CASEFILE_DPKG_SHLIBDEPS)
  set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
else()
  set(CPACK_DEBIAN_PACKAGE_DEPENDS
      "libc6, libstdc++6, libgcc-s1, libcurl4, libsqlite3-0, libspdlog1.10, libfmt9, libtomlplusplus3")
endif()
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "systemd, ca-certificates")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION TRUE)
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    ${PROJECT_SOURCE_DIR}/systemd/debian/postinst
    ${PROJECT_SOURCE_DIR}/systemd/debian/prerm
    ${PROJECT_SOURCE_DIR}/systemd/debian/postrm)

include(CPack)
