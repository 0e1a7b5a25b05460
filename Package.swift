// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "biomoe",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "biomoe", targets: ["biomoe"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift", from: "0.2.0"),
        .package(url: "https://github.com/swiftlang/swift-subprocess", from: "1.0.2"),
    ],
    targets: [
        // System libraries: Debian's OpenBLAS, libcsv and zlib (IDX files ship gzipped).
        .systemLibrary(name: "CBLAS", pkgConfig: "openblas", providers: [.apt(["libopenblas-dev"])]),
        .systemLibrary(name: "CCSV", providers: [.apt(["libcsv-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),

        .target(name: "Tensor", dependencies: ["CBLAS"]),
        // C kernels for loops Swift's baseline-x86-64 build cannot vectorise (AVX2 picked at run time).
        .target(name: "CKernels"),
        .target(name: "NN", dependencies: ["Tensor", "CKernels"]),
        .target(name: "Spiking", dependencies: ["Tensor", "NN"]),
        .target(name: "Sequence", dependencies: ["Tensor", "NN", "CKernels"]),
        .target(name: "MoE", dependencies: ["Tensor", "NN", "Spiking"]),
        .target(name: "Learning", dependencies: ["Tensor", "NN", "Spiking", "MoE"]),
        .target(name: "Datasets", dependencies: ["Tensor", "CCSV", "CZlib"]),
        // Continual learning on split protocols (van de Ven & Tolias 2019): scenarios, EWC, SI,
        // LwF, replay, joint training and the accuracy matrix, over NN's MLP.
        .target(name: "Continual", dependencies: ["Tensor", "NN", "Datasets"]),
        // Experts that grow, clone, distil, freeze and prune (seed 001's growth model).
        .target(name: "Growth", dependencies: ["Tensor", "NN", "MoE", "Datasets", "Continual"]),
        .target(name: "Metrics", dependencies: [
            "Tensor",
            .product(name: "Histogram", package: "hdrhistogram-swift"),
        ]),
        // Affect detection from text: VADER (Hutto & Gilbert 2014), the package's numbers to the
        // last digit. Foundation only; lexicons and rated sets come from scripts/fetch-vader.py.
        .target(name: "Affect"),
        // Long-term memory (exact cosine top-k over BLAS, IVF behind the same protocol) and the
        // expert-aware short-term context buffers.
        .target(name: "Memory", dependencies: ["Tensor", "CBLAS"]),
        // An exact evaluator of arithmetic with rationals, comparisons and boolean logic: lexer,
        // parser with positions, and a seeded generator of the grammar's expressions.
        .target(name: "Symbolic"),
        // The full request pipeline (seed 000 §11, seed 002): query encoder, domain experts,
        // learned router (MoE's gates), self-assessment, affect modulation, aggregation, expert
        // manager, memory, per-stage timing.
        .target(name: "Pipeline", dependencies: [
            "Tensor", "NN", "Spiking", "MoE", "Sequence", "Datasets", "Affect", "Memory", "Symbolic", "MicroExperts",
        ]),
        // Micro-experts trained on a repository's git history (mining, experts, routing, voting,
        // episodes, calibration). Tensor for the seeded generator, Metrics for ranking metrics
        // and the bootstrap; Subprocess runs `git`.
        .target(name: "MicroExperts", dependencies: [
            "Tensor", "Metrics",
            .product(name: "Subprocess", package: "swift-subprocess"),
        ]),
        // The harness, one target per pipeline stage. Dependencies point only to earlier stages:
        // config → store → run, and store → baseline → report; docs/ARCHITECTURE.md draws it and
        // Tests/ArchitectureTests checks it from this file.
        .target(name: "HarnessConfig", dependencies: [
            "Tensor", "NN", "Metrics", "MoE", "Spiking", "Sequence", "Learning", "Datasets", "MicroExperts", "Affect", "Continual", "Growth",
            "Pipeline",
            .product(name: "Yams", package: "Yams"),
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        .target(name: "HarnessStore", dependencies: [
            "HarnessConfig", "Metrics", "Datasets", "CBLAS", "MicroExperts",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .target(name: "HarnessRun", dependencies: [
            "HarnessConfig", "HarnessStore",
            "Tensor", "NN", "Spiking", "Sequence", "MoE", "Learning", "Datasets", "Metrics", "MicroExperts", "Affect", "Continual", "Growth",
            "Memory", "Pipeline",
        ]),
        .target(name: "HarnessBaseline", dependencies: ["HarnessConfig", "HarnessStore", "Metrics", "Datasets"]),
        .target(name: "HarnessReport", dependencies: ["HarnessConfig", "HarnessStore", "HarnessBaseline", "Metrics", "Tensor", "Affect"]),
        .executableTarget(name: "biomoe", dependencies: [
            "HarnessConfig", "HarnessStore", "HarnessRun", "HarnessBaseline", "HarnessReport", "Datasets", "Metrics", "Tensor",
            "MicroExperts", "Pipeline", "BuildStamp",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // The commit the binary was built from (written before each build by the plugin), so
        // `biomoe run` refuses to credit its runs to a commit whose code it does not contain.
        .target(name: "BuildStamp", dependencies: ["HarnessStore"], plugins: ["BuildStampPlugin"]),
        .plugin(name: "BuildStampPlugin", capability: .buildTool()),

        // Shared test helpers (fixed generators, buffers) for the kernel test targets.
        .target(name: "TestSupport", dependencies: ["Tensor", "NN"], path: "Tests/TestSupport"),
        .testTarget(name: "TensorTests", dependencies: ["Tensor"]),
        .testTarget(name: "NNTests", dependencies: ["TestSupport", "Tensor", "NN", "CKernels"]),
        .testTarget(name: "SpikingTests", dependencies: ["TestSupport", "Spiking", "NN"]),
        .testTarget(name: "SequenceTests", dependencies: ["TestSupport", "Sequence", "NN"], exclude: ["Fixtures"]),
        .testTarget(name: "MoETests", dependencies: ["TestSupport", "Tensor", "MoE"]),
        .testTarget(name: "LearningTests", dependencies: ["TestSupport", "Learning"]),
        .testTarget(name: "DatasetsTests", dependencies: ["Datasets"]),
        .testTarget(name: "GrowthTests", dependencies: ["TestSupport", "Growth", "Continual", "NN", "Datasets", "Tensor"]),
        .testTarget(name: "ContinualTests", dependencies: ["TestSupport", "Continual", "NN", "Datasets", "Tensor"]),
        .testTarget(name: "MetricsTests", dependencies: ["Metrics"]),
        // Golden vectors from the reference package in Fixtures/ (baselines/python/vader_golden.py);
        // Metrics for the correlations with the human ratings.
        .testTarget(name: "AffectTests", dependencies: ["Affect", "Metrics"], exclude: ["Fixtures"]),
        .testTarget(name: "MemoryTests", dependencies: ["Memory", "Tensor"]),
        .testTarget(name: "SymbolicTests", dependencies: ["Symbolic", "Tensor"]),
        .testTarget(name: "PipelineTests", dependencies: [
            "TestSupport", "Pipeline", "Affect", "Memory", "Symbolic", "Datasets", "Sequence", "NN", "Tensor", "MoE", "MicroExperts",
        ]),
        .testTarget(name: "MicroExpertsTests", dependencies: ["MicroExperts", "Metrics", "Tensor"]),
        .testTarget(name: "BuildStampTests", dependencies: ["BuildStamp", "HarnessStore"]),
        // Reads Package.swift and Sources/: the stage graph points one way.
        .testTarget(name: "ArchitectureTests"),
        .testTarget(name: "HarnessTests", dependencies: [
            "HarnessConfig", "HarnessStore", "HarnessRun", "HarnessBaseline", "HarnessReport", "Metrics", "Learning",
            "MoE", "Spiking", "Sequence", "Datasets", "MicroExperts", "Continual", "Growth", "Pipeline", "Memory",
        ]),
        // Whole-output tests: run the built `biomoe` (a dependency, so it is built first) on the
        // smoke suite and compare its output with Tests/CLITests/Golden/.
        .testTarget(name: "CLITests", dependencies: ["biomoe", "Metrics", "Tensor"], exclude: ["Golden"]),
    ],
    swiftLanguageModes: [.v5]
)
