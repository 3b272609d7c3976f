import Foundation

/// One stage change of an application.
public struct StageChange: Sendable, Hashable {
    public var from: PipelineStage?
    public var to: PipelineStage
    public var actor: String
    public var channel: Channel
    public var reason: String?
    public var at: Date
    /// Time spent in `to` until the next change (or until now, for the current stage), in seconds.
    public var secondsInStage: Double
    /// The panel score when the application left `evaluation` (nil for other moves, or before anyone scored).
    public var panelScore: Double?

    public init(from: PipelineStage?, to: PipelineStage, actor: String, channel: Channel, reason: String?, at: Date,
                secondsInStage: Double, panelScore: Double? = nil) {
        self.from = from
        self.to = to
        self.actor = actor
        self.channel = channel
        self.reason = reason
        self.at = at
        self.secondsInStage = secondsInStage
        self.panelScore = panelScore
    }

    /// Fills in the time spent in each stage from consecutive changes.
    public static func withDurations(_ changes: [StageChange], now: Date = Date()) -> [StageChange] {
        var result = changes
        for i in result.indices {
            let end = i + 1 < result.count ? result[i + 1].at : now
            result[i].secondsInStage = max(0, end.timeIntervalSince(result[i].at))
        }
        return result
    }
}
