import Foundation
import Metrics
import HarnessConfig
import HarnessStore
import HarnessBaseline

/// Renders a chart by piping a script to the `gnuplot` program (Debian's gnuplot-nox), once as
/// SVG and once as PNG. Data travels inside the script as `$name << EOD` blocks, so a chart is
/// one self-contained `.gp` file a researcher can re-render or restyle by hand.
public struct Gnuplot {
    public var executable: String

    public init(executable: String = "gnuplot") {
        self.executable = executable
    }

    public struct Chart {
        public let name: String
        public let width: Int
        public let height: Int
        /// `$name << EOD` data blocks (see `dataBlock`).
        public let data: String
        /// Plot commands, without terminal/output lines; run once per output format (a
        /// multiplot cannot be `replot`ted).
        public let commands: String

        public init(name: String, width: Int = 720, height: Int = 440, data: String, commands: String) {
            self.name = name
            self.width = width
            self.height = height
            self.data = data
            self.commands = commands
        }
    }

    /// Writes `NAME.gp`, `NAME.svg` and `NAME.png` into `directory`.
    public func render(_ chart: Chart, into directory: URL) throws {
        let script = """
        # biomoe chart '\(chart.name)'. Re-render: gnuplot \(chart.name).gp
        set encoding utf8
        set terminal svg size \(chart.width),\(chart.height) dynamic font 'Helvetica,12' background '#ffffff'
        \(chart.data)
        set output '\(chart.name).svg'
        \(chart.commands)
        reset
        set terminal pngcairo size \(chart.width),\(chart.height) font 'Helvetica,10' background '#ffffff'
        set output '\(chart.name).png'
        \(chart.commands)
        unset output

        """
        let scriptURL = directory.appendingPathComponent("\(chart.name).gp")
        try Data(script.utf8).write(to: scriptURL)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [executable, "\(chart.name).gp"]
        process.currentDirectoryURL = directory
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw ReportError.gnuplotMissing
        }
        let stderr = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        if process.terminationStatus == 127 { throw ReportError.gnuplotMissing }
        guard process.terminationStatus == 0 else {
            let text = String(decoding: stderr, as: UTF8.self)
            throw ReportError.gnuplotFailed(chart: chart.name, message: ConfigError.oneLine(text))
        }
    }

    /// A `$name << EOD` data block: rows of whitespace-separated numbers (NaN as `NaN`).
    public static func dataBlock(_ name: String, rows: [[Double]]) -> String {
        var out = "$\(name) << EOD\n"
        for row in rows {
            out += row.map { $0.isNaN ? "NaN" : String(format: "%.9g", $0) }.joined(separator: " ") + "\n"
        }
        return out + "EOD\n"
    }

    /// Quotes a title for gnuplot (single quotes; underscores would otherwise be subscripts in enhanced text).
    public static func title(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "''").replacingOccurrences(of: "_", with: "\\_") + "'"
    }
}

public enum ReportError: Error, CustomStringConvertible {
    case gnuplotMissing
    case gnuplotFailed(chart: String, message: String)
    case suiteNotFound(name: String, database: String, available: [String])
    case noCompleteRuns(suite: String, database: String)

    public var description: String {
        switch self {
        case .gnuplotMissing:
            return "gnuplot not found on PATH — install it with 'apt-get install gnuplot-nox'"
        case .gnuplotFailed(let chart, let message):
            return "gnuplot failed on chart '\(chart)': \(message)"
        case .suiteNotFound(let name, let database, let available):
            let list = available.isEmpty ? "it holds no suites" : "it holds: " + available.joined(separator: ", ")
            return "\(database): no suite named '\(name)' — \(list); run 'biomoe run experiments/\(name).yaml' first"
        case .noCompleteRuns(let suite, let database):
            return "\(database): suite '\(suite)' has no complete runs yet; run it first"
        }
    }
}
