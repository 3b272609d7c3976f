/// How far the read replica (`DATABASE_READ_URL`, where report queries go) is behind the primary, for `GET /health`.
public struct ReplicaState: Sendable, Equatable {
    public enum Status: String, Sendable, CaseIterable {
        /// It answers and has replayed what the primary had written (or nearly: within the allowed lag).
        case ok
        /// It answers but is further behind than the allowed lag: reports read older data.
        case lagging
        /// It did not answer in time: report queries fail with 503 until it does.
        case unavailable
    }

    public var status: Status
    /// Seconds since the replica last replayed a commit, when WAL it has not replayed yet exists; 0 when it has
    /// replayed everything the primary had written. Nil when unknown (unavailable, or nothing replayed since it started).
    public var lagSeconds: Double?
    /// Bytes of WAL the primary had written that the replica has not replayed yet; nil when unknown.
    public var lagBytes: Int64?

    public init(status: Status, lagSeconds: Double? = nil, lagBytes: Int64? = nil) {
        self.status = status
        self.lagSeconds = lagSeconds
        self.lagBytes = lagBytes
    }

    public static let unavailable = ReplicaState(status: .unavailable)

    /// Lagging: more than this many seconds behind the primary.
    public static let maxLagSeconds = 30.0
    /// Or, when no time is known yet, beyond this much unreplayed WAL (four 16 MiB segments).
    public static let maxLagBytes: Int64 = 64 * 1024 * 1024

    /// The state from what was measured: the unreplayed bytes (nil: unknown) and the age of the last replayed commit.
    public static func judge(lagBytes: Int64?, replayAge: Double?) -> ReplicaState {
        guard let lagBytes else { return ReplicaState(status: .ok) }
        if lagBytes <= 0 { return ReplicaState(status: .ok, lagSeconds: 0, lagBytes: 0) }
        let seconds = replayAge.map { max(0, $0) }
        let lagging = seconds.map { $0 > maxLagSeconds } ?? (lagBytes > maxLagBytes)
        return ReplicaState(status: lagging ? .lagging : .ok, lagSeconds: seconds, lagBytes: lagBytes)
    }
}
