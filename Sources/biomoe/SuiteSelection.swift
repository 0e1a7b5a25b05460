import ArgumentParser
import Foundation
import HarnessConfig
import HarnessStore
import HarnessRun
import HarnessBaseline
import HarnessReport

/// The `config-or-suite` argument of `baseline update`, `compare` and `gate`, resolved: a YAML
/// path selects that exact config (by hash) and its `gate:` tolerances; a suite name selects
/// the suite's most recent invocation and the tolerances recorded with it in the database.
struct SuiteSelection {
    let name: String
    let configHash: String?
    /// nil: the tolerances recorded with the suite in the database.
    let policy: GatePolicy?
    /// The file the tolerances came from, when a YAML file was given.
    let policySource: String?

    static func resolve(_ argument: String) throws -> SuiteSelection {
        if argument.hasSuffix(".yaml") || argument.hasSuffix(".yml") || FileManager.default.fileExists(atPath: argument) {
            let spec = try SuiteSpec.load(path: argument)
            return SuiteSelection(name: spec.name, configHash: spec.configHash, policy: spec.gate, policySource: argument)
        }
        return SuiteSelection(name: argument, configHash: nil, policy: nil, policySource: nil)
    }

    /// "tolerances from experiments/smoke.yaml", for `gate`'s summary line.
    func policyDescription(_ comparison: BaselineComparison) -> String {
        (policySource ?? comparison.policySource).map { "tolerances from \($0)" } ?? "default tolerances (none recorded with the suite)"
    }
}

/// How a baseline or comparison error maps to an exit status: a missing baseline or one of
/// another format means "not comparable" (5, CI should ask for a baseline); anything else —
/// a malformed file, a missing database — is an input error (1).
func baselineExitCode(for error: Error) -> ExitCode {
    switch error as? BaselineError {
    case .missing, .unsupportedFormat: return BiomoeExit.notComparable
    default: return BiomoeExit.inputError
    }
}

extension ComparisonTable.Format: ExpressibleByArgument {}
