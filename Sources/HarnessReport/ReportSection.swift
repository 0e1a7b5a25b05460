/// One part of a suite's report: whether it applies to the suite's runs, its Markdown, its
/// charts, and text that belongs after the charts.
///
/// Why a protocol and one list: a new experiment kind brings its own section, and adding it is
/// one file and one line in ``ReportSections/all``; the report's frame (header, environment,
/// reproduce) never changes for it. Sections read ``ReportInput`` only, never the database, so
/// they are testable without one and render the same bytes for the same input.
protocol ReportSection {
    /// Whether the suite's runs recorded what this section shows; others are skipped entirely.
    static func applies(_ input: ReportInput) -> Bool
    /// Tables and text, in the report's body before the charts.
    static func markdown(_ input: ReportInput) -> String
    /// Charts, listed after every section's Markdown, in section order.
    static func charts(_ input: ReportInput) -> [Gnuplot.Chart]
    /// Long per-run tables that belong after the charts.
    static func appendix(_ input: ReportInput) -> String
    /// The heading of one of this section's charts; nil for a chart it does not own.
    static func chartHeading(_ name: String) -> String?
}

extension ReportSection {
    static func markdown(_ input: ReportInput) -> String { "" }
    static func charts(_ input: ReportInput) -> [Gnuplot.Chart] { [] }
    static func appendix(_ input: ReportInput) -> String { "" }
    static func chartHeading(_ name: String) -> String? { nil }
}

/// Every report section, in the order they appear.
enum ReportSections {
    static let all: [any ReportSection.Type] = [
        PositiveControlsReportSection.self,
        TrainingCurvesReportSection.self,
        ClassificationReportSection.self,
        BaselineReportSection.self,
        RoutingReportSection.self,
        DomainRoutingReportSection.self,
        BackbonesReportSection.self,
        RoutingLearningReportSection.self,
        PerfReportSection.self,
        MicroExpertsReportSection.self,
        ReliabilityReportSection.self,
        AffectReportSection.self,
        DiehlCookReportSection.self,
        ContinualReportSection.self,
        GrowthReportSection.self,
        PipelineReportSection.self,
        MemoryIndexReportSection.self,
    ]

    static func applying(to input: ReportInput) -> [any ReportSection.Type] {
        all.filter { $0.applies(input) }
    }

    static func charts(_ input: ReportInput) -> [Gnuplot.Chart] {
        applying(to: input).flatMap { $0.charts(input) }
    }

    /// The owning section's heading for a chart, else its file name.
    static func chartHeading(_ name: String) -> String {
        all.lazy.compactMap { $0.chartHeading(name) }.first ?? name
    }
}
