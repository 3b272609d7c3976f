import TalentDomain
import Testing

/// When the read replica counts as lagging (GET /health).
@Suite("Replica lag")
struct ReplicaStateTests {
    @Test("a replica's lag is judged by the WAL it has not replayed, not by the age of its last commit")
    func replicaLagRule() {
        // An idle primary: nothing unreplayed, however old the last commit is.
        #expect(ReplicaState.judge(lagBytes: 0, replayAge: 7200) == ReplicaState(status: .ok, lagSeconds: 0, lagBytes: 0))
        #expect(ReplicaState.judge(lagBytes: 4096, replayAge: 2).status == .ok)
        #expect(ReplicaState.judge(lagBytes: 4096, replayAge: 45) == ReplicaState(status: .lagging, lagSeconds: 45, lagBytes: 4096))
        // Nothing replayed since the standby started: only a large backlog is lagging.
        #expect(ReplicaState.judge(lagBytes: 4096, replayAge: nil).status == .ok)
        #expect(ReplicaState.judge(lagBytes: 100 * 1024 * 1024, replayAge: nil).status == .lagging)
        // The primary's position unknown: the replica answered, the lag is not known.
        #expect(ReplicaState.judge(lagBytes: nil, replayAge: 100) == ReplicaState(status: .ok))
    }
}
