# Sourced by the scripts: one build configuration for the tests and the suites, so CI builds
# the dependencies once. Build with --build-tests everywhere: SwiftPM plans a `--product` build
# differently and recompiles every dependency when switching between the two. Release speed for training; -enable-testing for @testable imports.
BIOMOE_BUILD_FLAGS=(-c release -Xswiftc -enable-testing)
