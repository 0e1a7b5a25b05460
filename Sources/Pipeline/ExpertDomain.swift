/// The domain experts of the request pipeline (issue 16; seed 000 §2's language, vision and
/// symbolic experts, plus the affect expert that reports what the detector saw). Spelled as in
/// the config and in `biomoe ask --json`; the order is the router's output order.
public enum ExpertDomain: String, CaseIterable, Codable, Sendable {
    case language
    case vision
    case symbolic
    case affect

    /// The router's output index of this domain.
    public var index: Int { Self.allCases.firstIndex(of: self) ?? 0 }
}

/// One request to the pipeline: text, optionally a 28×28 grey image (pixels in [0, 1], row
/// major), and, in the suite's request set, the labels it is scored against.
public struct PipelineRequest: Sendable, Equatable {
    public var text: String
    public var image: [Float]?
    /// The domain that should answer (the request set's label); nil for a user's request.
    public var expectedDomain: ExpertDomain?
    /// What a right answer contains: the class index for an image, the exact value's rendering
    /// for an expression; nil where answer quality is measured otherwise (language, affect).
    public var expectedAnswer: String?

    public init(text: String, image: [Float]? = nil, expectedDomain: ExpertDomain? = nil, expectedAnswer: String? = nil) {
        self.text = text
        self.image = image
        self.expectedDomain = expectedDomain
        self.expectedAnswer = expectedAnswer
    }
}
