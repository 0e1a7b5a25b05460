import Dispatch
import Metrics
import Pipeline

/// Answers a list of labelled requests through a pipeline, each in a fresh session (the suite's
/// requests are unrelated to each other; sessions are `biomoe ask --session`'s), and scores them.
struct PipelineEvaluation {
    var requests = 0
    var routedRight = 0
    var perDomain: [ExpertDomain: (right: Int, total: Int)] = [:]
    var routedCounts: [ExpertDomain: Int] = [:]
    var visionRight = 0, visionTotal = 0
    var symbolicRight = 0, symbolicTotal = 0
    var unanswered = 0
    var valences: [Double] = []
    var languageMinusSymbolic: [Double] = []
    var memoryAgreements = 0, memoryQueried = 0
    var spikes = 0.0
    var total = LatencyRecorder()
    var stages: [PipelineStage: LatencyRecorder] = [:]

    var routingAccuracy: Double { requests > 0 ? Double(routedRight) / Double(requests) : .nan }

    static func evaluate(_ pipeline: RequestPipeline, on requests: [PipelineRequest]) -> PipelineEvaluation {
        var result = PipelineEvaluation()
        for request in requests {
            guard let expected = request.expectedDomain else { continue }
            result.requests += 1
            var session = PipelineSession()
            let reply: PipelineReply
            do {
                reply = try pipeline.answer(request, session: &session)
            } catch {
                result.unanswered += 1
                result.perDomain[expected, default: (0, 0)].total += 1
                if expected == .vision { result.visionTotal += 1 }
                if expected == .symbolic { result.symbolicTotal += 1 }
                continue
            }
            let routed = reply.routing.chosen.first?.domain
            if let routed { result.routedCounts[routed, default: 0] += 1 }
            result.perDomain[expected, default: (0, 0)].total += 1
            if routed == expected {
                result.routedRight += 1
                result.perDomain[expected, default: (0, 0)].right += 1
            }
            let answeredRight = reply.domain == expected && reply.answers.first { $0.domain == expected }?.answerKey == request.expectedAnswer
            switch expected {
            case .vision:
                result.visionTotal += 1
                if answeredRight { result.visionRight += 1 }
            case .symbolic:
                result.symbolicTotal += 1
                if answeredRight { result.symbolicRight += 1 }
            case .language, .affect:
                break
            }
            result.valences.append(reply.detectedAffect.valence)
            result.languageMinusSymbolic.append(reply.routing.weights[ExpertDomain.language.index] - reply.routing.weights[ExpertDomain.symbolic.index])
            if let top = reply.retrieved.first {
                result.memoryQueried += 1
                if top.domain == expected { result.memoryAgreements += 1 }
            }
            result.spikes += reply.routing.spikeCounts?.reduce(0, +) ?? 0
            result.total.record(nanoseconds: reply.totalNanoseconds)
            for stage in PipelineStage.allCases {
                result.stages[stage, default: LatencyRecorder()].record(nanoseconds: reply.stageNanoseconds[stage] ?? 0)
            }
        }
        return result
    }

    func record(into outcome: inout RunOutcome) {
        outcome.metric("pipeline_requests", Double(requests))
        outcome.metric("pipeline_routing_accuracy", routingAccuracy)
        for domain in ExpertDomain.allCases {
            let entry = perDomain[domain] ?? (0, 0)
            outcome.metric("pipeline_routing_accuracy_\(domain.rawValue)", entry.total > 0 ? Double(entry.right) / Double(entry.total) : .nan)
        }
        outcome.metric("pipeline_load_cv",
                       Statistics.populationCoefficientOfVariation(ExpertDomain.allCases.map { Double(routedCounts[$0] ?? 0) }))
        outcome.metric("vision_answer_accuracy", visionTotal > 0 ? Double(visionRight) / Double(visionTotal) : .nan)
        outcome.metric("symbolic_exactness", symbolicTotal > 0 ? Double(symbolicRight) / Double(symbolicTotal) : .nan)
        outcome.metric("pipeline_unanswered", Double(unanswered))
        outcome.metric("affect_routing_correlation", Statistics.pearsonCorrelation(valences, languageMinusSymbolic))
        outcome.metric("memory_hit_agreement", memoryQueried > 0 ? Double(memoryAgreements) / Double(memoryQueried) : .nan)
        outcome.metric("pipeline_spikes_per_request", requests > 0 ? spikes / Double(requests) : .nan)
        let summary = total.summary()
        outcome.metric("pipeline_latency_p50", summary.p50)
        outcome.metric("pipeline_latency_p95", summary.p95)
        outcome.metric("pipeline_latency_p99", summary.p99)
        outcome.metric("pipeline_latency_max", summary.max)
        for stage in PipelineStage.allCases {
            outcome.metric("stage_latency_p99_\(stage.rawValue)", stages[stage]?.summary().p99 ?? .nan)
        }
    }

    /// Mean bits per character of the language test requests under the language expert's model.
    static func meanBitsPerCharacter(_ expert: LanguageExpert, _ requests: [PipelineRequest]) -> Double {
        let values = requests.filter { $0.expectedDomain == .language }.map { Array($0.text.utf8) }.filter { $0.count >= 2 }
            .map { expert.bitsPerCharacter($0) }
        return Statistics.mean(values)
    }
}
