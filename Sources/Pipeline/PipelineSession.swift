import Affect
import Memory

/// What persists between the requests of one conversation (`biomoe ask --session NAME`): the
/// expert-aware short-term memory (a shared buffer and one per domain expert, bounded in
/// bytes) and the affect tracker. Every answered request's text goes to the shared buffer and
/// to the buffer of the expert that answered it; an expert sees the shared entries, then its own.
public struct PipelineSession: Codable, Equatable, Sendable {
    public static let expertCapacity = 512
    public static let sharedCapacity = 256
    /// α of the affect tracker's exponential smoothing unless the caller sets another.
    public static let defaultAffectSmoothing = 0.5

    public var shortTerm: ShortTermMemory
    public var tracker: AffectTracker
    public var turns: Int

    /// `affectSmoothing` is the tracker's α in (0, 1]: 1 follows the latest request only.
    public init(affectSmoothing: Double = PipelineSession.defaultAffectSmoothing) {
        do {
            shortTerm = try ShortTermMemory(expertNames: ExpertDomain.allCases.map(\.rawValue),
                                            expertCapacity: Self.expertCapacity, sharedCapacity: Self.sharedCapacity)
        } catch {
            preconditionFailure("PipelineSession: fixed capacities are valid (\(error))")
        }
        tracker = AffectTracker(mode: .exponential(alpha: affectSmoothing))
        turns = 0
    }

    /// The time stamp of the next turn: turns are counted, not clocked, so a replayed session
    /// gives the same states.
    var nextTime: Double { Double(turns) }

    /// The bytes an expert sees of earlier turns, oldest first.
    func contextBytes(for domain: ExpertDomain) -> [UInt8] {
        let tokens = (try? shortTerm.contextTokens(for: domain.rawValue)) ?? []
        return tokens.map { UInt8(truncatingIfNeeded: $0) }
    }

    /// Records an answered turn.
    mutating func remember(_ text: String, answeredBy domain: ExpertDomain) {
        _ = try? shortTerm.record(ContextEntry(tokens: Array(text.utf8).map { Int32($0) }, label: domain.rawValue),
                                  activeExperts: [domain.rawValue])
        turns += 1
    }
}
