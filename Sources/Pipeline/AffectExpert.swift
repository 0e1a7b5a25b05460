import Affect

/// The affect expert: reports what the detector reads in the request — VADER's valence, the
/// NRC lexicon's dominant Plutchik emotion, arousal and dominance from the emotions' PAD
/// coordinates. Its self-assessment is |valence| (VADER's compound score): the more strongly
/// worded the request, the more it is about feelings rather than facts.
public final class AffectExpert: DomainExpert {
    public let domain = ExpertDomain.affect
    public let detector: AffectDetector

    public init(detector: AffectDetector) {
        self.detector = detector
    }

    public func canHandle(_ request: PipelineRequest) -> Double {
        abs(detector.vader.polarityScores(request.text).compound)
    }

    public func answer(_ request: PipelineRequest, context: ExpertContext) throws -> ExpertAnswer {
        guard !request.text.isEmpty else { throw PipelineError.emptyRequest }
        let state = detector.detect(request.text, at: 0)
        let emotion = state.emotion.map { "\($0.rawValue) (confidence \(formatProbability(state.confidence)))" } ?? "no emotion word"
        let text = "valence \(signed(state.valence)), arousal \(formatProbability(state.arousal)), dominance \(formatProbability(state.dominance)); \(emotion)"
        return ExpertAnswer(domain: .affect, text: text, confidence: abs(state.valence))
    }

    private func signed(_ value: Double) -> String {
        (value < 0 ? "−" : "+") + formatProbability(abs(value))
    }
}
