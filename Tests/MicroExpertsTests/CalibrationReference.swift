import Metrics

/// ECE with 15 bins, through the Metrics implementation the reports use.
enum BinaryCalibrationReference {
    static func ece(_ confidences: [Double], _ outcomes: [Bool]) -> Double {
        BinaryCalibration.expectedCalibrationError(confidences: confidences, outcomes: outcomes)
    }
}
